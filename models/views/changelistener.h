#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace cp::models::views {

/**
 * Brings changes made by other processes into this one: on PostgreSQL it LISTENs on
 * ChangeBus::channel() with the given connection (opened in this object's thread) and
 * re-announces each notification on ChangeBus, except the echoes of this process's own
 * announcements. The connection is checked periodically; when it is lost (server restart,
 * backend terminated) it is reopened with backoff, LISTEN is sent again and an empty-table
 * ChangeEvent ("anything may have changed") is announced so every view re-reads what it missed.
 * On SQLite there is nothing to listen to: writers in this process announce on ChangeBus
 * themselves.
 */
class ChangeListener : public QObject
{
    Q_OBJECT

public:
    explicit ChangeListener(QString connectionName, QObject *parent = nullptr);
    ~ChangeListener() override;

    //! Subscribes (again, after a reconnect); false on SQLite or when the driver refused.
    bool listen();
    bool isListening() const { return m_listening; }
    //! How often the connection is checked while listening (default 5 s); 0 turns it off.
    void setCheckInterval(int ms);
    //! The first retry after a lost connection (default 1 s; doubles up to 30 s).
    void setRetryDelay(int ms) { m_firstRetryMs = ms; }

Q_SIGNALS:
    //! The connection was found broken; reconnecting has started.
    void connectionLost(const QString &error);
    //! LISTEN is active again after a lost connection.
    void reconnected();

private:
    void check();
    void retry();
    void onNotification(const QString &name, int source, const QString &payload);

    QString m_connectionName;
    QTimer m_checkTimer;
    QTimer m_retryTimer;
    int m_firstRetryMs = 1000;
    int m_retryMs = 0;
    bool m_listening = false;
    bool m_connected = false;
};

} // namespace cp::models::views
