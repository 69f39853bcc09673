#include "apiserver.h"

#include "openapidocument.h"
#include "requestcontext.h"
#include "routes.h"
#include "websockethub.h"

#include <models/changebus.h>
#include <models/connection.h>
#include <models/views/changelistener.h>

#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>

namespace cp::app::api {

/** An HTTP request waiting for its answer; written at most once, on the server thread. */
struct PendingReply
{
    explicit PendingReply(QHttpServerResponder &&r, qint64 deadline)
        : responder(std::move(r))
        , socket(responder.socket())
        , deadlineMs(deadline)
    {
    }

    QHttpServerResponder responder;
    QPointer<QTcpSocket> socket;
    qint64 deadlineMs = 0;
    bool answered = false;
};

namespace {

QString methodName(QHttpServerRequest::Method method)
{
    using M = QHttpServerRequest::Method;
    switch (method) {
    case M::Get:
        return QStringLiteral("GET");
    case M::Post:
        return QStringLiteral("POST");
    case M::Put:
        return QStringLiteral("PUT");
    case M::Delete:
        return QStringLiteral("DELETE");
    case M::Patch:
        return QStringLiteral("PATCH");
    case M::Head:
        return QStringLiteral("HEAD");
    case M::Options:
        return QStringLiteral("OPTIONS");
    default:
        break;
    }
    return QStringLiteral("OTHER");
}

ApiResponse unauthorized(const QString &message)
{
    ApiResponse response = ApiResponse::error(401, QStringLiteral("unauthorized"), message);
    response.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
    return response;
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Result<std::pair<QSslCertificate, QSslKey>> loadTls(const QString &certFile, const QString &keyFile)
{
    using R = Result<std::pair<QSslCertificate, QSslKey>>;
    QFile cert(certFile);
    if (!cert.open(QIODevice::ReadOnly))
        return R::failure(QStringLiteral("Cannot read the TLS certificate %1: %2")
                              .arg(certFile, cert.errorString()));
    const QSslCertificate certificate(&cert, QSsl::Pem);
    if (certificate.isNull())
        return R::failure(QStringLiteral("%1 is not a PEM certificate.").arg(certFile));
    QFile keyIn(keyFile);
    if (!keyIn.open(QIODevice::ReadOnly))
        return R::failure(
            QStringLiteral("Cannot read the TLS key %1: %2").arg(keyFile, keyIn.errorString()));
    const QByteArray pem = keyIn.readAll();
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        QSslKey key(pem, algorithm, QSsl::Pem);
        if (!key.isNull())
            return std::make_pair(certificate, key);
    }
    return R::failure(
        QStringLiteral("%1 is not an unencrypted PEM RSA or EC private key.").arg(keyFile));
}

} // namespace

ApiServer::ApiServer(models::DatabaseUrl databaseUrl, ServeOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_pool(std::move(databaseUrl))
    , m_services(std::make_unique<ApiServices>(m_pool, m_options))
    , m_http(std::make_unique<QHttpServer>())
{
    addAllRoutes(m_router);
    m_services->router = &m_router;
    m_services->openApiDocument =
        QJsonDocument(OpenApiDocument::build(m_router)).toJson(QJsonDocument::Compact);

    const int threads = m_options.workerThreads > 0 ? m_options.workerThreads
                                                    : std::max(2, QThread::idealThreadCount());
    m_workers.setMaxThreadCount(threads);
    // Keep workers (and their database connections) alive between bursts.
    m_workers.setExpiryTimeout(-1);

    m_hub = std::make_unique<WebSocketHub>(
        *m_http, *m_services,
        [this](std::function<QJsonValue(QSqlDatabase)> job, std::function<void(QJsonValue)> done) {
            m_workers.start([this, job = std::move(job), done = std::move(done)] {
                QJsonValue result(QJsonValue::Undefined);
                if (Result<QSqlDatabase> db = m_pool.connectionForThisThread())
                    result = job(*db);
                QMetaObject::invokeMethod(
                    this, [done, result] { done(result); }, Qt::QueuedConnection);
            });
        });

    m_http->setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            handle(request, std::move(responder));
        });

    // Direct: a client that writes and then reads must not get the answer cached before.
    connect(
        &models::ChangeBus::instance(), &models::ChangeBus::changed, this,
        [this](const models::ChangeEvent &event) {
            // No table: notifications may have been lost (the listener reconnected).
            if (event.table.isEmpty())
                m_services->cache.clear();
            else
                m_services->cache.invalidate(event.table);
        },
        Qt::DirectConnection);

    m_ticker.setInterval(250);
    connect(&m_ticker, &QTimer::timeout, this, &ApiServer::expireOverdue);
    m_usageTimer.setInterval(60000);
    connect(&m_usageTimer, &QTimer::timeout, this, &ApiServer::flushTokenUsage);
    m_shutdownPoll.setInterval(20);
    connect(&m_shutdownPoll, &QTimer::timeout, this, [this] {
        if (m_pending.empty() || m_shutdownClock.elapsed() > m_options.shutdownGraceMs)
            finishShutdown();
    });
}

ApiServer::~ApiServer()
{
    m_workers.waitForDone();
    m_services->retrain.waitForDone();
}

int ApiServer::webSocketSubscribers() const
{
    return m_hub->subscriberCount();
}

Result<QUrl> ApiServer::start()
{
    const bool tls = !m_options.tlsCertificateFile.isEmpty();
    if (tls != !m_options.tlsKeyFile.isEmpty())
        return Result<QUrl>::failure(QStringLiteral("TLS needs both --tls-cert and --tls-key."));
    if (tls) {
        const auto loaded = loadTls(m_options.tlsCertificateFile, m_options.tlsKeyFile);
        if (!loaded)
            return Result<QUrl>::failure(loaded.error());
        m_http->sslSetup(loaded->first, loaded->second);
    }
    const quint16 port = m_http->listen(m_options.host, m_options.port);
    if (port == 0) {
        // listen() only logs why; ask a plain socket for the reason to report it.
        QTcpServer probe;
        probe.listen(m_options.host, m_options.port);
        return Result<QUrl>::failure(QStringLiteral("Cannot listen on %1 port %2: %3.")
                                         .arg(m_options.host.toString())
                                         .arg(m_options.port)
                                         .arg(probe.errorString()));
    }
    QUrl url;
    url.setScheme(tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(m_options.host.toString());
    url.setPort(port);
    m_baseUrl = url;
    if (m_pool.url().dialect == models::Dialect::PostgreSQL) {
        // The listener copies this connection's parameters and LISTENs on its own thread, so
        // reconnecting never stalls serving.
        if (m_pool.connectionForThisThread()) {
            m_listener = std::make_unique<models::views::ChangeListener>(
                m_pool.connectionNameForThisThread());
            if (!m_listener->listen())
                qCWarning(lcApi, "cannot LISTEN for other processes' changes");
        }
    }
    m_ticker.start();
    m_usageTimer.start();
    return url;
}

void ApiServer::handle(const QHttpServerRequest &httpRequest, QHttpServerResponder &&responder)
{
    auto pending =
        std::make_shared<PendingReply>(std::move(responder), nowMs() + m_options.requestTimeoutMs);
    m_pending.insert(pending);
    if (m_stopping) {
        reply(pending, ApiResponse::error(503, QStringLiteral("shutting_down"),
                                          QStringLiteral("The server is shutting down.")));
        return;
    }
    ApiRequest request;
    request.method = methodName(httpRequest.method());
    request.path = httpRequest.url().path();
    request.query = httpRequest.query();
    request.body = httpRequest.body();
    request.authorization = httpRequest.value(QByteArrayLiteral("authorization"));
    request.userAgent = httpRequest.value(QByteArrayLiteral("user-agent"));
    request.remoteAddress = httpRequest.remoteAddress().toString();

    if (request.body.size() > m_options.maxBodyBytes) {
        reply(pending, ApiResponse::error(413, QStringLiteral("payload_too_large"),
                                          QStringLiteral("The request body is larger than %1 "
                                                         "bytes.")
                                              .arg(m_options.maxBodyBytes)));
        return;
    }
    RouteMatch match = m_router.match(request.method, request.path);
    if (!match.route) {
        if (match.allowedMethods.isEmpty()) {
            reply(pending, ApiResponse::notFound(
                               QStringLiteral("There is no endpoint %1.").arg(request.path)));
            return;
        }
        ApiResponse response =
            ApiResponse::error(405, QStringLiteral("method_not_allowed"),
                               QStringLiteral("%1 does not answer %2; it answers %3.")
                                   .arg(request.path, request.method,
                                        match.allowedMethods.join(QStringLiteral(", "))));
        response.headers.append({QByteArrayLiteral("Allow"),
                                 match.allowedMethods.join(QStringLiteral(", ")).toLatin1()});
        reply(pending, response);
        return;
    }
    const Route &route = *match.route;
    request.pathParams = match.params;

    bool authenticated = route.access == Access::Public;
    if (!authenticated) {
        const QString token = TokenService::bearerToken(request.authorization);
        if (token.isEmpty()) {
            reply(pending, unauthorized(QStringLiteral(
                               "This endpoint needs a bearer token (POST /api/v1/auth/login).")));
            return;
        }
        if (std::optional<Principal> principal =
                m_services->tokens.cached(token, QDateTime::currentDateTimeUtc())) {
            request.principal = std::move(principal);
            authenticated = true;
        }
    }
    if (authenticated) {
        Validated query;
        Validated body;
        if (std::optional<ApiResponse> refused = admit(request, route, query, body)) {
            reply(pending, *refused);
            return;
        }
        if (!route.cacheTables.isEmpty()) {
            const QString key = ResponseCache::keyFor(request.method, request.path,
                                                      request.query.query(QUrl::FullyEncoded));
            if (std::optional<ApiResponse> hit = m_services->cache.find(key, nowMs())) {
                reply(pending, *hit);
                return;
            }
        }
        if (route.runInline) {
            RequestContext context(request, route, QSqlDatabase(), *m_services, query.values,
                                   body.body);
            reply(pending, route.handler(context));
            return;
        }
    }
    if (m_queued.load() >= m_options.maxQueuedRequests) {
        ApiResponse busy = ApiResponse::error(503, QStringLiteral("busy"),
                                              QStringLiteral("The server is busy; try again."));
        busy.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")});
        reply(pending, busy);
        return;
    }
    dispatchToWorker(std::move(pending), std::move(request), &route, authenticated);
}

std::optional<ApiResponse> ApiServer::admit(const ApiRequest &request, const Route &route,
                                            Validated &query, Validated &body) const
{
    if (route.access == Access::Admin && !(request.principal && request.principal->isAdmin()))
        return ApiResponse::forbidden(
            QStringLiteral("%1 %2 is for admins only.").arg(route.method, route.pattern));
    query = ParamValidator::validateQuery(route.query, request.query);
    if (!query.ok())
        return ApiResponse::unprocessable(QStringLiteral("Some query parameters are not valid."),
                                          query.fieldErrors);
    // GET bodies carry no meaning; for every other method the fields are checked, so unknown
    // fields are refused even where no body is expected.
    if (route.method != QLatin1String("GET")) {
        body = ParamValidator::validateBody(route.body, request.body);
        if (!body.malformed.isEmpty())
            return ApiResponse::badRequest(body.malformed);
        if (!body.ok())
            return ApiResponse::unprocessable(QStringLiteral("Some fields are not valid."),
                                              body.fieldErrors);
    }
    return std::nullopt;
}

ApiResponse ApiServer::runOnWorker(ApiRequest &request, const Route &route, bool authenticated)
{
    Result<QSqlDatabase> db = m_pool.connectionForThisThread();
    if (!db) {
        qCWarning(lcApi, "database unavailable: %s", qUtf8Printable(db.error()));
        return ApiResponse::error(503, QStringLiteral("database_unavailable"),
                                  QStringLiteral("The database cannot be reached; try again."));
    }
    if (!authenticated) {
        const QString token = TokenService::bearerToken(request.authorization);
        const Result<std::optional<Principal>> resolved =
            m_services->tokens.resolve(*db, token, QDateTime::currentDateTimeUtc());
        if (!resolved)
            return ApiResponse::internalError(resolved.error());
        if (!resolved->has_value())
            return unauthorized(QStringLiteral("The token is unknown, expired or revoked; sign "
                                               "in again."));
        request.principal = **resolved;
    }
    Validated query;
    Validated body;
    if (std::optional<ApiResponse> refused = admit(request, route, query, body))
        return *refused;
    RequestContext context(request, route, *db, *m_services, query.values, body.body);
    if (route.cacheTables.isEmpty())
        return route.handler(context);
    // One computation per key at a time: a burst on an expired answer reads the database once.
    return m_services->cache.fetch(ResponseCache::keyFor(request.method, request.path,
                                                         request.query.query(QUrl::FullyEncoded)),
                                   route.cacheTables, nowMs,
                                   [&] { return route.handler(context); });
}

void ApiServer::dispatchToWorker(std::shared_ptr<PendingReply> pending, ApiRequest request,
                                 const Route *route, bool authenticated)
{
    ++m_queued;
    m_workers.start([this, pending = std::move(pending), request = std::move(request), route,
                     authenticated]() mutable {
        --m_queued;
        ApiResponse response = runOnWorker(request, *route, authenticated);
        QMetaObject::invokeMethod(
            this,
            [this, pending = std::move(pending), response = std::move(response)] {
                reply(pending, response);
            },
            Qt::QueuedConnection);
    });
}

void ApiServer::reply(const std::shared_ptr<PendingReply> &pending, const ApiResponse &response)
{
    if (pending->answered)
        return;
    pending->answered = true;
    const std::shared_ptr<PendingReply> keep = pending;
    m_pending.erase(keep);
    if (!keep->socket || !keep->socket->isOpen())
        return;
    QHttpServerResponder &out = keep->responder;
    out.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    if (!response.contentType.isEmpty())
        out.writeHeader(QByteArrayLiteral("Content-Type"), response.contentType);
    for (const auto &[name, value] : response.headers)
        out.writeHeader(name, value);
    out.writeHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    out.writeHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    out.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(response.body.size()));
    // While stopping, a kept-alive connection would reach only this server: the client
    // reconnects (to a restarted server on the same port, say) instead.
    if (m_stopping)
        out.writeHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
    out.writeBody(response.body);
    if (m_stopping)
        keep->socket->disconnectFromHost();
}

void ApiServer::expireOverdue()
{
    const qint64 now = nowMs();
    std::vector<std::shared_ptr<PendingReply>> overdue;
    for (const auto &pending : m_pending) {
        if (pending->deadlineMs <= now)
            overdue.push_back(pending);
    }
    for (const auto &pending : overdue) {
        reply(pending, ApiResponse::error(503, QStringLiteral("timeout"),
                                          QStringLiteral("The request took longer than %1 ms.")
                                              .arg(m_options.requestTimeoutMs)));
    }
}

void ApiServer::flushTokenUsage()
{
    m_workers.start([this] {
        if (Result<QSqlDatabase> db = m_pool.connectionForThisThread()) {
            const Status s = m_services->tokens.flushUsage(*db, QDateTime::currentDateTimeUtc());
            if (!s)
                qCWarning(lcApi, "%s", qUtf8Printable(s.error()));
        }
    });
}

void ApiServer::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    for (QTcpServer *server : m_http->servers())
        server->close();
    m_hub->closeAll();
    m_shutdownClock.start();
    if (m_pending.empty())
        QMetaObject::invokeMethod(this, &ApiServer::finishShutdown, Qt::QueuedConnection);
    else
        m_shutdownPoll.start();
}

void ApiServer::finishShutdown()
{
    if (m_finished)
        return;
    m_finished = true;
    m_shutdownPoll.stop();
    m_ticker.stop();
    m_usageTimer.stop();
    flushTokenUsage();
    closeIdleConnections();
    m_workers.waitForDone();
    Q_EMIT stopped();
}

void ApiServer::closeIdleConnections()
{
    // Those still waiting for an answer close once it is written (reply()).
    std::unordered_set<const QTcpSocket *> busy;
    for (const auto &pending : m_pending)
        busy.insert(pending->socket.data());
    for (QTcpServer *server : m_http->servers()) {
        for (QTcpSocket *socket : server->findChildren<QTcpSocket *>()) {
            if (!busy.contains(socket))
                socket->disconnectFromHost();
        }
    }
}

} // namespace cp::app::api
