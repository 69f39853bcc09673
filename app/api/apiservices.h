#pragma once

#include "loginratelimiter.h"
#include "responsecache.h"
#include "retrainrunner.h"
#include "tokenservice.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QString>

namespace cp::models {
class ConnectionPool;
}

namespace cp::app::api {

class ApiRouter;

/** How `serve` runs: where it listens and the limits it enforces itself. */
struct ServeOptions
{
    //! Loopback unless told otherwise: Qt HttpServer is not meant to face the internet directly.
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 8000;
    QString tlsCertificateFile;
    QString tlsKeyFile;
    //! Threads running handlers (each with its own database connection); 0 = ideal count.
    int workerThreads = 0;
    qint64 maxBodyBytes = 64 * 1024;
    //! A request not answered in this time gets 503 (its late result is dropped).
    qint64 requestTimeoutMs = 30000;
    //! Requests waiting for a worker beyond this get 503 at once instead of queueing.
    int maxQueuedRequests = 1024;
    qint64 tokenLifetimeSeconds = 12 * 3600;
    qint64 cacheMaxAgeMs = 2000;
    int loginMaxFailures = 5;
    qint64 loginWindowSeconds = 60;
    //! Shutdown waits this long for in-flight requests.
    qint64 shutdownGraceMs = 10000;
    //! WebSocket: a client with more unsent bytes than this is dropped (slow consumer).
    qint64 webSocketMaxBufferedBytes = 1024 * 1024;
    //! WebSocket: interval of pings and of system-status pushes.
    qint64 webSocketPingMs = 15000;
    qint64 systemStatusIntervalMs = 10000;
    //! WebSocket: prices are also re-read at this interval (writers in other processes on SQLite
    //! announce nothing).
    qint64 pricePollMs = 5000;
};

/** State shared by the server thread and the handler threads (each member is thread-safe). */
class ApiServices
{
public:
    ApiServices(models::ConnectionPool &pool, const ServeOptions &options)
        : pool(pool)
        , options(options)
        , tokens(options.tokenLifetimeSeconds)
        , loginLimiter(options.loginMaxFailures, options.loginWindowSeconds)
        , cache(options.cacheMaxAgeMs)
        , startedAt(QDateTime::currentDateTimeUtc())
    {
    }

    models::ConnectionPool &pool;
    const ServeOptions options;
    TokenService tokens;
    LoginRateLimiter loginLimiter;
    ResponseCache cache;
    RetrainRunner retrain;
    const QDateTime startedAt;
    //! Set once the routes are registered; read-only afterwards.
    const ApiRouter *router = nullptr;
    //! The OpenAPI document, serialised once at start.
    QByteArray openApiDocument;
};

} // namespace cp::app::api
