#pragma once

#include "apiservices.h"
#include "websocketchannel.h"

#include <models/changeevent.h>

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QSet>
#include <QStringList>
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
 * Price changes skip the batch: the changed assets are read at once (events arriving while a read
 * is in flight are coalesced into the next one) and each channel's message is serialised once.
 * A subscriber gets nothing before its snapshot. Clients are pinged; one that stops answering,
 * or lets more than the buffer limit queue up unsent, is dropped. Lives on the server thread.
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
        //! False until the snapshot is sent: nothing may overtake it.
        bool ready = false;
        //! Messages of other channels held back until the snapshot is sent.
        QStringList held;
        //! prices: the snapshot's objects, so a change it already showed is not sent again.
        QHash<int, QJsonObject> snapshotPrices;
    };

    /** The subscribers of one prices channel name, who all get the same message. */
    struct PriceGroup
    {
        QList<int> ids;
        QSet<QWebSocket *> members;
    };

    void acceptPending();
    void authenticate(QWebSocket *socket, const WebSocketChannel &channel, const QString &token);
    void admit(QWebSocket *socket, const WebSocketChannel &channel, const Principal &principal);
    void refuse(QWebSocket *socket, int code, const QString &reason);
    void remove(QWebSocket *socket);
    //! Drops a subscriber from every index (the socket itself is the caller's).
    void forget(QWebSocket *socket);
    void snapshotArrived(const std::shared_ptr<Subscriber> &subscriber, const QJsonValue &data);
    void onTextMessage(QWebSocket *socket, const QString &message);

    void onChange(const models::ChangeEvent &event);
    void processBatch();
    //! Re-reads every subscribed price (the poll, and "many rows changed").
    void refreshPrices();
    void schedulePriceRead();
    void readPrices();
    //! Sends each prices channel the objects that differ from the last ones sent.
    void deliverPrices(const QJsonArray &prices);
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
    //! prices channel name -> its subscribers; crypto_id -> number of channels naming it.
    QHash<QString, PriceGroup> m_priceGroups;
    QHash<int, int> m_priceIdRefs;
    //! crypto_id -> the price object last delivered (or first seen in a snapshot).
    QHash<int, QJsonObject> m_lastPrices;
    //! Price changes waiting for the next read: price_data row ids, crypto ids, or everything.
    QSet<qint64> m_pendingPriceRows;
    QSet<int> m_pendingPriceAssets;
    bool m_pendingAllPrices = false;
    bool m_priceReadScheduled = false;
    bool m_priceReadInFlight = false;
    QTimer m_batchTimer;
    QTimer m_pingTimer;
    QTimer m_statusTimer;
    QTimer m_pricePoll;
    bool m_closing = false;
};

} // namespace cp::app::api
