#pragma once

#include "apiresponse.h"
#include "apirouter.h"
#include "apiservices.h"

#include <engine/result.h>
#include <models/connectionpool.h>

#include <QElapsedTimer>
#include <QObject>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <unordered_set>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace cp::models::views {
class ChangeListener;
}

namespace cp::app::api {

struct PendingReply;
class WebSocketHub;

/**
 * The REST + WebSocket API of the seed document on Qt HttpServer. The server thread only
 * parses, routes, authenticates from memory and serves cached answers; handlers that read or
 * write the database run on a pool of worker threads, each with its own connection, and their
 * answers are written back on the server thread. Every request gets an answer within the
 * request time limit, and shutdown finishes the requests in flight before stopping.
 */
class ApiServer : public QObject
{
    Q_OBJECT

public:
    ApiServer(models::DatabaseUrl databaseUrl, ServeOptions options, QObject *parent = nullptr);
    ~ApiServer() override;

    //! Listens; returns the base URL ("http://127.0.0.1:8000"), with the real port if port 0.
    Result<QUrl> start();
    //! Stops accepting, finishes in-flight requests, closes WebSockets and kept-alive
    //! connections (answers meanwhile say "Connection: close"), then emits stopped().
    void shutdown();
    bool isStopping() const { return m_stopping; }

    QUrl baseUrl() const { return m_baseUrl; }
    const ApiRouter &router() const { return m_router; }
    ApiServices &services() { return *m_services; }
    int requestsInFlight() const { return int(m_pending.size()); }
    int webSocketSubscribers() const;

Q_SIGNALS:
    void stopped();

private:
    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    //! Role check and parameter validation, once the caller is known.
    std::optional<ApiResponse> admit(const ApiRequest &request, const Route &route,
                                     Validated &query, Validated &body) const;
    //! Runs on a worker thread: authenticates if needed, then calls the handler.
    ApiResponse runOnWorker(ApiRequest &request, const Route &route, bool authenticated);
    void dispatchToWorker(std::shared_ptr<PendingReply> pending, ApiRequest request,
                          const Route *route, bool authenticated);
    void reply(const std::shared_ptr<PendingReply> &pending, const ApiResponse &response);
    void expireOverdue();
    void flushTokenUsage();
    void finishShutdown();
    //! Closes kept-alive connections with no request waiting: a stopped server answers nothing.
    void closeIdleConnections();

    ServeOptions m_options;
    models::ConnectionPool m_pool;
    std::unique_ptr<ApiServices> m_services;
    ApiRouter m_router;
    std::unique_ptr<QHttpServer> m_http;
    std::unique_ptr<WebSocketHub> m_hub;
    //! PostgreSQL: re-announces other processes' changes (cache invalidation, WebSocket pushes).
    std::unique_ptr<models::views::ChangeListener> m_listener;
    QThreadPool m_workers;
    std::atomic<int> m_queued{0};
    std::unordered_set<std::shared_ptr<PendingReply>> m_pending;
    QTimer m_ticker;
    QTimer m_usageTimer;
    QTimer m_shutdownPoll;
    QElapsedTimer m_shutdownClock;
    QUrl m_baseUrl;
    bool m_stopping = false;
    bool m_finished = false;
};

} // namespace cp::app::api
