#include "changelistener.h"

#include <models/changebus.h>
#include <models/connection.h>

#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>
#include <QVariant>

#include <algorithm>
#include <atomic>
#include <functional>

namespace cp::models::views {

namespace {
constexpr int kDefaultCheckMs = 5000;
constexpr int kDefaultRetryMs = 1000;
constexpr int kMaxRetryMs = 30000;
constexpr int kStopWaitMs = 5000;
std::atomic<ChangeListener::ConnectHook> g_connectHook{nullptr};
Q_LOGGING_CATEGORY(lcListener, "cp.models.listener")
} // namespace

//! What the owner and the listener thread share; the owner pointer is cleared on destruction.
struct ListenerShared
{
    QMutex mutex;
    ChangeListener *owner = nullptr;
    std::atomic<bool> stopping{false};
    std::atomic<bool> busy{false};
    std::atomic<int> checkMs{kDefaultCheckMs};
    std::atomic<int> firstRetryMs{kDefaultRetryMs};
    std::atomic<qint64> backendPid{0};

    //! Runs f on the owner's thread, unless the owner is gone by then.
    void post(std::function<void(ChangeListener *)> f)
    {
        const QMutexLocker lock(&mutex);
        if (!owner)
            return;
        QMetaObject::invokeMethod(
            owner,
            [o = QPointer<ChangeListener>(owner), f = std::move(f)] {
                if (o)
                    f(o);
            },
            Qt::QueuedConnection);
    }
};

//! The connection parameters of the owner's connection, copied for the listener thread's own.
struct ListenerParams
{
    QString driver, database, user, password, host, options;
    int port = -1;
};

/**
 * Owns the LISTEN connection: opens it, subscribes, checks it periodically and reconnects with
 * backoff, all on this thread, and posts what happened to the owner.
 */
class ListenerThread : public QThread
{
public:
    ListenerThread(std::shared_ptr<ListenerShared> shared, ListenerParams params)
        : m_shared(std::move(shared))
        , m_params(std::move(params))
    {
    }

protected:
    void run() override
    {
        m_name = uniqueConnectionName(QStringLiteral("cp-listener"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(m_params.driver, m_name);
            db.setDatabaseName(m_params.database);
            db.setUserName(m_params.user);
            db.setPassword(m_params.password);
            db.setHostName(m_params.host);
            db.setPort(m_params.port);
            db.setConnectOptions(m_params.options);
        }
        QTimer checkTimer;
        checkTimer.setSingleShot(true);
        QTimer retryTimer;
        retryTimer.setSingleShot(true);
        m_checkTimer = &checkTimer;
        m_retryTimer = &retryTimer;
        QObject::connect(&checkTimer, &QTimer::timeout, &checkTimer, [this] { check(); });
        QObject::connect(&retryTimer, &QTimer::timeout, &retryTimer, [this] { retry(); });
        if (attempt()) {
            m_shared->post([](ChangeListener *owner) { owner->onListening(false); });
            scheduleCheck();
        } else {
            m_retryMs = m_shared->firstRetryMs.load();
            retryTimer.start(m_retryMs);
        }
        exec();
        m_checkTimer = nullptr;
        m_retryTimer = nullptr;
        m_shared->backendPid = 0;
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }

private:
    //! Opens the connection if needed and subscribes; false when either failed.
    bool attempt()
    {
        if (m_shared->stopping)
            return false;
        if (const ChangeListener::ConnectHook hook = g_connectHook.load())
            hook();
        m_shared->busy = true;
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        bool ok = db.isOpen() || db.open();
        if (ok) {
            QSqlDriver *driver = db.driver();
            ok = driver->subscribedToNotifications().contains(ChangeBus::channel()) ||
                 driver->subscribeToNotification(ChangeBus::channel());
            if (ok && !m_driverConnected) {
                // The driver survives a reopen, and so does this connection.
                m_driverConnected = true;
                QObject::connect(driver, &QSqlDriver::notification, driver,
                                 [this](const QString &name, QSqlDriver::NotificationSource source,
                                        const QVariant &payload) {
                                     m_shared->post(
                                         [name, self = source == QSqlDriver::SelfSource,
                                          text = payload.toString()](ChangeListener *owner) {
                                             owner->onNotification(name, self, text);
                                         });
                                 });
            }
            QSqlQuery pid(db);
            if (ok && pid.exec(QStringLiteral("SELECT pg_backend_pid()")) && pid.next())
                m_shared->backendPid = pid.value(0).toLongLong();
            if (!ok) {
                qCWarning(lcListener, "cannot LISTEN: %s",
                          qUtf8Printable(driver->lastError().text()));
                pid = QSqlQuery();
                db.close();
            }
        }
        m_shared->busy = false;
        return ok;
    }

    void scheduleCheck()
    {
        // While checks are turned off, look again later in case they are turned back on.
        const int ms = m_shared->checkMs;
        m_checkTimer->start(ms > 0 ? ms : kDefaultCheckMs);
    }

    void check()
    {
        if (m_shared->checkMs <= 0) {
            scheduleCheck();
            return;
        }
        m_shared->busy = true;
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        QString error;
        {
            QSqlQuery ping(db);
            // A terminated backend or a restarted server fails here; LISTEN reports nothing.
            if (db.isOpen() && ping.exec(QStringLiteral("SELECT 1"))) {
                m_shared->busy = false;
                scheduleCheck();
                return;
            }
            error = db.isOpen() ? ping.lastError().text() : QStringLiteral("closed");
        }
        db.close();
        m_shared->busy = false;
        m_shared->backendPid = 0;
        qCWarning(lcListener, "the LISTEN connection was lost (%s); reconnecting",
                  qUtf8Printable(error));
        m_shared->post([error](ChangeListener *owner) { owner->onLost(error); });
        m_retryMs = m_shared->firstRetryMs;
        retry();
    }

    void retry()
    {
        if (attempt()) {
            qCInfo(lcListener, "LISTEN re-established");
            m_shared->post([](ChangeListener *owner) { owner->onListening(true); });
            scheduleCheck();
            return;
        }
        if (m_shared->stopping)
            return;
        m_retryTimer->start(m_retryMs);
        m_retryMs = std::min(m_retryMs * 2, kMaxRetryMs);
    }

    std::shared_ptr<ListenerShared> m_shared;
    ListenerParams m_params;
    QString m_name;
    QTimer *m_checkTimer = nullptr;
    QTimer *m_retryTimer = nullptr;
    int m_retryMs = kDefaultRetryMs;
    bool m_driverConnected = false;
};

ChangeListener::ChangeListener(QString connectionName, QObject *parent)
    : QObject(parent)
    , m_connectionName(std::move(connectionName))
    , m_shared(std::make_shared<ListenerShared>())
{
    m_shared->owner = this;
}

ChangeListener::~ChangeListener()
{
    {
        const QMutexLocker lock(&m_shared->mutex);
        m_shared->owner = nullptr;
    }
    if (!m_thread)
        return;
    m_shared->stopping = true;
    m_thread->quit();
    // An idle thread stops at once; one stuck opening a connection to an unreachable server
    // is left to finish on its own and deletes itself, rather than freezing this thread.
    if (m_thread->wait(QDeadlineTimer(m_shared->busy ? 0 : kStopWaitMs)))
        delete m_thread;
    else
        connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
}

void ChangeListener::setCheckInterval(int ms)
{
    m_shared->checkMs = std::max(ms, 0);
}

void ChangeListener::setRetryDelay(int ms)
{
    m_shared->firstRetryMs = std::max(ms, 1);
}

qint64 ChangeListener::backendPid() const
{
    return m_shared->backendPid;
}

void ChangeListener::setConnectHookForTesting(ConnectHook hook)
{
    g_connectHook = hook;
}

bool ChangeListener::listen()
{
    if (m_thread)
        return true;
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen() || dialectOf(db) != Dialect::PostgreSQL)
        return false;
    ListenerParams params{db.driverName(), db.databaseName(),   db.userName(), db.password(),
                          db.hostName(),   db.connectOptions(), db.port()};
    m_thread = new ListenerThread(m_shared, std::move(params));
    m_thread->setObjectName(QStringLiteral("ChangeListener"));
    m_thread->start();
    return true;
}

void ChangeListener::onListening(bool afterFailure)
{
    m_listening = true;
    if (!afterFailure)
        return;
    Q_EMIT reconnected();
    // Notifications sent while the connection was down are gone: re-read everything.
    ChangeBus::instance().announce(ChangeEvent{});
}

void ChangeListener::onLost(const QString &error)
{
    m_listening = false;
    Q_EMIT connectionLost(error);
}

void ChangeListener::onNotification(const QString &name, bool self, const QString &payload)
{
    // Our own writes were already announced in-process when they committed: the NOTIFY sent
    // by this connection (SelfSource) or by another connection of this process (the origin).
    if (name != ChangeBus::channel() || self || ChangeBus::isOwnPayload(payload))
        return;
    if (const auto event = ChangeBus::fromPayload(payload))
        ChangeBus::instance().announce(*event);
}

} // namespace cp::models::views
