#include "servecontroller.h"

#include "apiserver.h"

#include <QHostAddress>
#include <QPointer>
#include <QTimer>

namespace cp::app::api {

namespace {
//! The desktop closes quicker than `serve`: a peer retries a request cut short.
constexpr qint64 kShutdownGraceMs = 2000;
constexpr int kClientPollMs = 1000;

bool sameAddress(const ServeSettings &a, const ServeSettings &b)
{
    return a.host == b.host && a.port == b.port;
}
} // namespace

ServeController::ServeController(models::DatabaseUrl url, QObject *parent)
    : QObject(parent)
    , m_databaseUrl(std::move(url))
{
    m_thread.setObjectName(QStringLiteral("ServeToPeers"));
    m_host = new QObject;
    m_host->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_host, &QObject::deleteLater);
    m_thread.start();
}

ServeController::~ServeController()
{
    QMetaObject::invokeMethod(
        m_host,
        [this] {
            delete m_server;
            m_server = nullptr;
            delete m_stoppingServer;
            m_stoppingServer = nullptr;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void ServeController::apply(const ServeSettings &settings)
{
    m_desired = settings;
    if (m_state == State::Failed && !settings.enabled)
        setState(State::Stopped);
    reconcile();
}

void ServeController::reconcile()
{
    switch (m_state) {
    case State::Starting:
    case State::Stopping:
        // Reconciled again when that finishes.
        return;
    case State::Serving:
        if (!m_desired.enabled || !sameAddress(m_desired, m_running))
            stopServer();
        return;
    case State::Failed:
        // Retried only when the address changes (a port in use stays in use).
        if (m_desired.enabled && !sameAddress(m_desired, m_running))
            startServer(m_desired);
        return;
    case State::Stopped:
        if (m_desired.enabled)
            startServer(m_desired);
        return;
    }
}

void ServeController::startServer(const ServeSettings &settings)
{
    m_running = settings;
    ServeOptions options;
    const QString host = settings.host.trimmed();
    if (host.isEmpty() || host == QLatin1String("localhost"))
        options.host = QHostAddress::LocalHost;
    else if (!options.host.setAddress(host)) {
        setState(
            State::Failed,
            tr("Cannot serve to peers: '%1' is not an IP address such as 127.0.0.1.").arg(host));
        return;
    }
    options.port = settings.port;
    options.shutdownGraceMs = kShutdownGraceMs;
    setState(State::Starting);
    QPointer<ServeController> self(this);
    const models::DatabaseUrl databaseUrl = m_databaseUrl;
    QMetaObject::invokeMethod(m_host, [this, self, databaseUrl, options] {
        auto *server = new ApiServer(databaseUrl, options);
        const Result<QUrl> url = server->start();
        if (!url) {
            delete server;
            const QString why = url.error();
            QMetaObject::invokeMethod(this, [self, why] {
                if (self)
                    self->setState(State::Failed, tr("Cannot serve to peers: %1").arg(why));
            });
            return;
        }
        m_server = server;
        auto *poll = new QTimer(server);
        poll->setInterval(kClientPollMs);
        connect(poll, &QTimer::timeout, server, [this, server, self] {
            const int clients = server->webSocketSubscribers() + server->requestsInFlight();
            QMetaObject::invokeMethod(this, [self, clients] {
                if (self && self->m_state == State::Serving && self->m_clients != clients) {
                    self->m_clients = clients;
                    Q_EMIT self->statusChanged();
                }
            });
        });
        poll->start();
        const QUrl base = *url;
        QMetaObject::invokeMethod(this, [self, base] {
            if (!self)
                return;
            self->m_url = base;
            self->m_clients = 0;
            self->setState(State::Serving);
            self->reconcile();
        });
    });
}

void ServeController::stopServer()
{
    setState(State::Stopping);
    QPointer<ServeController> self(this);
    QMetaObject::invokeMethod(m_host, [this, self] {
        ApiServer *server = std::exchange(m_server, nullptr);
        m_stoppingServer = server;
        const auto finished = [this, self] {
            QMetaObject::invokeMethod(this, [self] {
                if (!self)
                    return;
                self->m_url = QUrl();
                self->m_clients = 0;
                self->setState(State::Stopped);
                self->reconcile();
            });
        };
        if (!server) {
            finished();
            return;
        }
        // Stops listening at once, finishes requests in flight, closes WebSockets.
        connect(server, &ApiServer::stopped, server, [this, server, finished] {
            if (m_stoppingServer == server)
                m_stoppingServer = nullptr;
            server->deleteLater();
            finished();
        });
        server->shutdown();
    });
}

void ServeController::setState(State state, const QString &error)
{
    m_state = state;
    m_error = error;
    Q_EMIT statusChanged();
}

QString ServeController::statusText() const
{
    switch (m_state) {
    case State::Stopped:
        return tr("Not serving to peers");
    case State::Starting:
        return tr("Starting the server on %1:%2...").arg(m_running.host).arg(m_running.port);
    case State::Serving:
        return tr("Serving on %1:%2 (%n client(s))", nullptr, m_clients)
            .arg(m_url.host())
            .arg(m_url.port());
    case State::Stopping:
        return tr("Stopping the server...");
    case State::Failed:
        return m_error;
    }
    return {};
}

} // namespace cp::app::api
