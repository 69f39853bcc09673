#pragma once

#include "apiservices.h"
#include "websocketchannel.h"

#include <models/changeevent.h>

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

class QHttpServer;
class QThreadPool;
class QWebSocket;

namespace cp::app::api {

/**
 * The WebSocket channels of the seed (dashboard, prices, signals, admin system status, admin
 * suggestions). A handshake is authenticated with the bearer token (Authorization header or
 * ?token=) and checked against the channel before anything is sent; messages are envelopes
 * {"channel", "type", "data", "ts"}. Changes announced on ChangeBus are batched, the rows behind
 * them read once on a worker thread and the serialised message shared by every subscriber.
 * Clients are pinged; one that stops answering, or lets more than the buffer limit queue up
 * unsent, is dropped. Lives on the server thread.
 */
class WebSocketHub : public QObject
{
    Q_OBJECT

public:
    //! Runs `job` on a worker with its connection, then `done` on the hub's thread.
    using WorkerCall = std::function<void(std::function<QJsonValue(QSqlDatabase)> job,
                                          std::function<void(QJsonValue)> done)>;

    WebSocketHub(QHttpServer &http, ApiServices &services, WorkerCall worker,
                 QObject *parent = nullptr);
    ~WebSocketHub() override;

    //! Close codes sent when a subscription is refused (application range 4000-4999).
    enum CloseCode { Unauthorized = 4401, Forbidden = 4403, UnknownChannel = 4404 };

    int subscriberCount() const { return int(m_subscribers.size()); }
    //! Sends "going away" to every client and accepts no more.
    void closeAll();

private:
    /** One accepted client of one channel. */
    struct Subscriber
    {
        QWebSocket *socket = nullptr;
        WebSocketChannel channel;
        Principal principal;
        qint64 lastPongMs = 0;
        //! prices: crypto_id -> the last price object sent, so only changes are pushed.
        QHash<int, QJsonObject> sentPrices;
    };

    void acceptPending();
    void authenticate(QWebSocket *socket, const WebSocketChannel &channel, const QString &token);
    void admit(QWebSocket *socket, const WebSocketChannel &channel, const Principal &principal);
    void refuse(QWebSocket *socket, int code, const QString &reason);
    void remove(QWebSocket *socket);
    void onTextMessage(QWebSocket *socket, const QString &message);

    void onChange(const models::ChangeEvent &event);
    void processBatch();
    void refreshPrices();
    void pushSystemStatus();
    void pingAll();

    static QString envelope(const QString &channel, const QString &type, const QJsonValue &data);
    //! Sends, or drops a consumer whose unsent bytes exceed the limit.
    void send(Subscriber &subscriber, const QString &message);
    //! To every subscriber of `kind` accepted by `wants` (all when empty).
    void broadcast(WebSocketChannel::Kind kind, const QString &type, const QJsonValue &data,
                   const std::function<bool(const Subscriber &)> &wants = {});

    QHttpServer &m_http;
    ApiServices &m_services;
    WorkerCall m_worker;
    QHash<QWebSocket *, std::shared_ptr<Subscriber>> m_subscribers;
    QList<models::ChangeEvent> m_pending;
    QTimer m_batchTimer;
    QTimer m_pingTimer;
    QTimer m_statusTimer;
    QTimer m_pricePoll;
    bool m_closing = false;
};

} // namespace cp::app::api
