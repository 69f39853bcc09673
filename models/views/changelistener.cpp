#include "changelistener.h"

#include <models/changebus.h>
#include <models/connection.h>

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

namespace cp::models::views {

ChangeListener::ChangeListener(QString connectionName, QObject *parent)
    : QObject(parent)
    , m_connectionName(std::move(connectionName))
{
}

ChangeListener::~ChangeListener()
{
    if (!m_listening || !QSqlDatabase::contains(m_connectionName))
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (db.isOpen())
        db.driver()->unsubscribeFromNotification(ChangeBus::channel());
}

bool ChangeListener::listen()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen() || dialectOf(db) != Dialect::PostgreSQL)
        return false;
    QSqlDriver *driver = db.driver();
    if (driver->subscribedToNotifications().contains(ChangeBus::channel()))
        return m_listening = true;
    m_listening = driver->subscribeToNotification(ChangeBus::channel());
    if (m_listening && !m_connected) {
        // Connected once: a reconnect re-subscribes but must not deliver every event twice.
        m_connected = true;
        connect(driver, &QSqlDriver::notification, this,
                [](const QString &name, QSqlDriver::NotificationSource source,
                   const QVariant &payload) {
                    // Our own writes were already announced in-process when they committed.
                    if (name != ChangeBus::channel() || source == QSqlDriver::SelfSource)
                        return;
                    if (const auto event = ChangeBus::fromPayload(payload.toString()))
                        ChangeBus::instance().announce(*event);
                });
    }
    return m_listening;
}

} // namespace cp::models::views
