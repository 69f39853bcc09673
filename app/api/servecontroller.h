#pragma once

#include <app/settings/appsettings.h>
#include <models/databaseurl.h>

#include <QObject>
#include <QString>
#include <QThread>
#include <QUrl>

namespace cp::app::api {

class ApiServer;

/**
 * "Serve to peers": runs the in-process ApiServer on a thread of its own (its handlers on its
 * worker pool) so the desktop's GUI thread never waits for a request. apply() makes it follow
 * ServeSettings: start, stop, or restart when the address changed; a failure (port in use) is
 * kept as a message for the status bar. Lives on the thread that created it (the GUI thread).
 */
class ServeController : public QObject
{
    Q_OBJECT

public:
    enum class State { Stopped, Starting, Serving, Stopping, Failed };
    Q_ENUM(State)

    explicit ServeController(models::DatabaseUrl url, QObject *parent = nullptr);
    //! Stops the server (without waiting for open WebSockets) and joins its thread.
    ~ServeController() override;

    //! Follows `settings` (enabled, host, port) from now on; safe to call at any time.
    void apply(const ServeSettings &settings);
    ServeSettings settings() const { return m_desired; }

    State state() const { return m_state; }
    //! The base URL while serving, with the real port when the setting was 0.
    QUrl url() const { return m_url; }
    //! Why the last start failed (one sentence), empty otherwise.
    QString error() const { return m_error; }
    //! Open WebSocket subscriptions plus requests in flight, updated about once a second.
    int clients() const { return m_clients; }
    //! For the status bar: "Serving on 127.0.0.1:8600 (2 clients)", "Not serving to peers", ...
    QString statusText() const;

Q_SIGNALS:
    //! state, url, error or clients changed.
    void statusChanged();

private:
    //! Starts or stops whatever makes the running server match m_desired.
    void reconcile();
    void startServer(const ServeSettings &settings);
    void stopServer();
    void setState(State state, const QString &error = {});

    models::DatabaseUrl m_databaseUrl;
    ServeSettings m_desired;
    //! What the running server was started with.
    ServeSettings m_running;
    State m_state = State::Stopped;
    QUrl m_url;
    QString m_error;
    int m_clients = 0;
    QThread m_thread;
    //! Lives on m_thread: the server and its client-count timer are created there.
    QObject *m_host = nullptr;
    //! Touched only on m_thread.
    ApiServer *m_server = nullptr;
    ApiServer *m_stoppingServer = nullptr;
};

} // namespace cp::app::api
