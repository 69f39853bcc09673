#include "changelistener.h"

#include <models/changebus.h>
#include <models/connection.h>

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace cp::models::views {

namespace {
constexpr int kDefaultCheckMs = 5000;
constexpr int kMaxRetryMs = 30000;
Q_LOGGING_CATEGORY(lcListener, "cp.models.listener")
} // namespace

ChangeListener::ChangeListener(QString connectionName, QObject *parent)
    : QObject(parent)
    , m_connectionName(std::move(connectionName))
{
    m_checkTimer.setInterval(kDefaultCheckMs);
    connect(&m_checkTimer, &QTimer::timeout, this, &ChangeListener::check);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ChangeListener::retry);
}

ChangeListener::~ChangeListener()
{
    if (!m_listening || !QSqlDatabase::contains(m_connectionName))
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (db.isOpen())
        db.driver()->unsubscribeFromNotification(ChangeBus::channel());
}

void ChangeListener::setCheckInterval(int ms)
{
    m_checkTimer.setInterval(std::max(ms, 1));
    if (ms <= 0)
        m_checkTimer.stop();
    else if (m_listening)
        m_checkTimer.start();
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
        // Connected once: the driver survives a reopen, and so does this connection.
        m_connected = true;
        connect(driver, &QSqlDriver::notification, this,
                [this](const QString &name, QSqlDriver::NotificationSource source,
                       const QVariant &payload) {
                    onNotification(name, int(source), payload.toString());
                });
    }
    if (m_listening && m_checkTimer.interval() > 0 && !m_checkTimer.isActive())
        m_checkTimer.start();
    return m_listening;
}

void ChangeListener::onNotification(const QString &name, int source, const QString &payload)
{
    // Our own writes were already announced in-process when they committed: the NOTIFY sent
    // by this connection (SelfSource) or by another connection of this process (the origin).
    if (name != ChangeBus::channel() || source == int(QSqlDriver::SelfSource) ||
        ChangeBus::isOwnPayload(payload))
        return;
    if (const auto event = ChangeBus::fromPayload(payload))
        ChangeBus::instance().announce(*event);
}

void ChangeListener::check()
{
    if (!m_listening || m_retryTimer.isActive())
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery ping(db);
    // A terminated backend or a restarted server fails here; LISTEN itself reports nothing.
    if (db.isOpen() && ping.exec(QStringLiteral("SELECT 1")))
        return;
    const QString error = db.isOpen() ? ping.lastError().text() : QStringLiteral("closed");
    ping = QSqlQuery();
    qCWarning(lcListener, "the LISTEN connection was lost (%s); reconnecting",
              qUtf8Printable(error));
    m_listening = false;
    m_checkTimer.stop();
    db.close();
    m_retryMs = m_firstRetryMs;
    Q_EMIT connectionLost(error);
    retry();
}

void ChangeListener::retry()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (db.isOpen() || db.open()) {
        if (listen()) {
            qCInfo(lcListener, "LISTEN re-established");
            Q_EMIT reconnected();
            // Notifications sent while the connection was down are gone: re-read everything.
            ChangeBus::instance().announce(ChangeEvent{});
            return;
        }
        db.close();
    }
    m_retryTimer.start(m_retryMs);
    m_retryMs = std::min(m_retryMs * 2, kMaxRetryMs);
}

} // namespace cp::models::views
