#pragma once

#include <QObject>
#include <QString>

#include <memory>

namespace cp::models::views {

struct ListenerShared;
class ListenerThread;

/**
 * Brings changes made by other processes into this one: on PostgreSQL it LISTENs on
 * ChangeBus::channel() and re-announces each notification on ChangeBus (in this object's
 * thread), except the echoes of this process's own announcements. All network work (opening
 * the connection, LISTEN, the periodic health check, reconnecting with backoff and receiving
 * notifications) runs on a thread of its own with its own connection, built from the
 * parameters of the given one, so the owner's thread (the GUI, the API server) never waits on
 * the server. When the connection is lost it is reopened, LISTEN is sent again and an
 * empty-table ChangeEvent ("anything may have changed") is announced so every view re-reads
 * what it missed. On SQLite there is nothing to listen to: writers in this process announce
 * on ChangeBus themselves.
 */
class ChangeListener : public QObject
{
    Q_OBJECT

public:
    explicit ChangeListener(QString connectionName, QObject *parent = nullptr);
    ~ChangeListener() override;

    //! Starts listening on the listener thread; false on SQLite or a closed connection. LISTEN
    //! becomes active shortly after (isListening()); until it is, the thread keeps retrying.
    bool listen();
    bool isListening() const { return m_listening; }
    //! How often the connection is checked while listening (default 5 s); 0 turns it off.
    void setCheckInterval(int ms);
    //! The first retry after a lost connection (default 1 s; doubles up to 30 s).
    void setRetryDelay(int ms);
    //! The PostgreSQL backend serving LISTEN, 0 while disconnected (diagnostics, tests).
    qint64 backendPid() const;

    //! Called on the listener thread before every attempt to open its connection (tests).
    using ConnectHook = void (*)();
    static void setConnectHookForTesting(ConnectHook hook);

Q_SIGNALS:
    //! The connection was found broken; reconnecting has started.
    void connectionLost(const QString &error);
    //! LISTEN is active again after a lost connection (or a failed first attempt).
    void reconnected();

private:
    friend class ListenerThread;
    void onListening(bool afterFailure);
    void onLost(const QString &error);
    void onNotification(const QString &name, bool self, const QString &payload);

    QString m_connectionName;
    std::shared_ptr<ListenerShared> m_shared;
    ListenerThread *m_thread = nullptr;
    bool m_listening = false;
};

} // namespace cp::models::views
