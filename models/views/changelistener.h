#pragma once

#include <QObject>
#include <QString>

namespace cp::models::views {

/**
 * Brings changes made by other processes into this one: on PostgreSQL it LISTENs on
 * ChangeBus::channel() with the given connection (opened in this object's thread) and
 * re-announces each notification on ChangeBus. On SQLite there is nothing to listen to: writers
 * in this process announce on ChangeBus themselves.
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

private:
    QString m_connectionName;
    bool m_listening = false;
    bool m_connected = false;
};

} // namespace cp::models::views
