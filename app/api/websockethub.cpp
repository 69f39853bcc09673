#include "websockethub.h"

#include "channelfeeds.h"

#include <models/changebus.h>

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QUrlQuery>
#include <QWebSocket>

namespace cp::app::api {

namespace {
using Kind = WebSocketChannel::Kind;

//! Other tables' events are batched this long; price events are not (see onChange).
constexpr int kBatchMs = 50;
constexpr quint64 kMaxIncomingMessage = 4096;
//! Messages kept for a subscriber whose snapshot is still being read.
constexpr int kMaxHeldMessages = 256;
} // namespace

WebSocketHub::WebSocketHub(QHttpServer &http, ApiServices &services, WorkerCall worker,
                           QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_services(services)
    , m_worker(std::move(worker))
{
    // Qt HttpServer 6.4 upgrades only requests a route matched without writing an answer.
    m_http.route(QStringLiteral("/api/v1/ws/<arg>"), [](const QUrl &,
                                                        const QHttpServerRequest &request,
                                                        QHttpServerResponder &&responder) {
        if (request.method() != QHttpServerRequest::Method::Get) {
            responder.write(
                QJsonDocument(QJsonObject{
                    {QStringLiteral("error"),
                     QJsonObject{
                         {QStringLiteral("code"), QStringLiteral("method_not_allowed")},
                         {QStringLiteral("message"), QStringLiteral("WebSocket channels answer GET "
                                                                    "only.")}}}}),
                {{QByteArrayLiteral("Allow"), QByteArrayLiteral("GET")}},
                QHttpServerResponder::StatusCode::MethodNotAllowed);
            return;
        }
        if (request.value(QByteArrayLiteral("upgrade")).isEmpty()) {
            responder.write(
                QJsonDocument(QJsonObject{
                    {QStringLiteral("error"),
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("upgrade_required")},
                                 {QStringLiteral("message"), QStringLiteral("This is a WebSocket "
                                                                            "channel.")}}}}),
                QHttpServerResponder::StatusCode::UpgradeRequired);
        }
    });
    connect(&m_http, &QHttpServer::newWebSocketConnection, this, &WebSocketHub::acceptPending);
    connect(&models::ChangeBus::instance(), &models::ChangeBus::changed, this,
            &WebSocketHub::onChange);

    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(kBatchMs);
    connect(&m_batchTimer, &QTimer::timeout, this, &WebSocketHub::processBatch);
    m_pingTimer.setInterval(int(services.options.webSocketPingMs));
    connect(&m_pingTimer, &QTimer::timeout, this, &WebSocketHub::pingAll);
    m_pingTimer.start();
    m_statusTimer.setInterval(int(services.options.systemStatusIntervalMs));
    connect(&m_statusTimer, &QTimer::timeout, this, &WebSocketHub::pushSystemStatus);
    m_statusTimer.start();
    m_pricePoll.setInterval(int(services.options.pricePollMs));
    connect(&m_pricePoll, &QTimer::timeout, this, &WebSocketHub::refreshPrices);
    m_pricePoll.start();
}

WebSocketHub::~WebSocketHub()
{
    for (const auto &subscriber : std::as_const(m_subscribers))
        delete subscriber->socket;
}

QString WebSocketHub::envelope(const QString &channel, const QString &type, const QJsonValue &data)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("channel"), channel},
                                  {QStringLiteral("type"), type},
                                  {QStringLiteral("data"), data},
                                  {QStringLiteral("ts"),
                                   QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}})
            .toJson(QJsonDocument::Compact));
}

void WebSocketHub::acceptPending()
{
    while (std::unique_ptr<QWebSocket> pending = m_http.nextPendingWebSocketConnection()) {
        QWebSocket *socket = pending.release();
        socket->setParent(this);
        socket->setMaxAllowedIncomingMessageSize(kMaxIncomingMessage);
        connect(socket, &QWebSocket::disconnected, this, [this, socket] { remove(socket); });
        if (m_closing) {
            refuse(socket, QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("shutting down"));
            continue;
        }
        // The route accepted any path under ws/: the channel is checked here.
        const std::optional<WebSocketChannel> channel =
            WebSocketChannel::parse(socket->requestUrl().path());
        if (!channel) {
            refuse(socket, UnknownChannel, QStringLiteral("unknown channel"));
            continue;
        }
        QString token = TokenService::bearerToken(socket->request().rawHeader("Authorization"));
        if (token.isEmpty())
            token = QUrlQuery(socket->requestUrl()).queryItemValue(QStringLiteral("token"));
        if (token.isEmpty() || token.size() > 256) {
            refuse(socket, Unauthorized, QStringLiteral("a bearer token is required"));
            continue;
        }
        authenticate(socket, *channel, token);
    }
}

void WebSocketHub::authenticate(QWebSocket *socket, const WebSocketChannel &channel,
                                const QString &token)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (const std::optional<Principal> principal = m_services.tokens.cached(token, now)) {
        admit(socket, channel, *principal);
        return;
    }
    QPointer<QWebSocket> guard(socket);
    TokenService *tokens = &m_services.tokens;
    auto principal = std::make_shared<std::optional<Principal>>();
    m_worker(
        [tokens, token, now, principal](QSqlDatabase db) {
            const Result<std::optional<Principal>> resolved = tokens->resolve(db, token, now);
            if (resolved)
                *principal = *resolved;
            return QJsonValue();
        },
        [this, guard, channel, principal](const QJsonValue &) {
            if (!guard)
                return;
            if (!principal->has_value())
                refuse(guard, Unauthorized,
                       QStringLiteral("the token is unknown, expired or revoked"));
            else
                admit(guard, channel, **principal);
        });
}

void WebSocketHub::admit(QWebSocket *socket, const WebSocketChannel &channel,
                         const Principal &principal)
{
    if (const QString why = channel.refusal(principal); !why.isEmpty()) {
        refuse(socket, Forbidden, why);
        return;
    }
    auto subscriber = std::make_shared<Subscriber>();
    subscriber->socket = socket;
    subscriber->channel = channel;
    subscriber->principal = principal;
    subscriber->lastPongMs = QDateTime::currentMSecsSinceEpoch();
    m_subscribers.insert(socket, subscriber);
    if (channel.kind == Kind::Prices) {
        PriceGroup &group = m_priceGroups[channel.name];
        if (group.members.isEmpty()) {
            group.ids = channel.cryptoIds;
            for (int id : channel.cryptoIds)
                ++m_priceIdRefs[id];
        }
        group.members.insert(socket);
    }
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &message) { onTextMessage(socket, message); });
    connect(socket, &QWebSocket::pong, this, [this, socket](quint64, const QByteArray &) {
        if (const auto it = m_subscribers.constFind(socket); it != m_subscribers.constEnd())
            (*it)->lastPongMs = QDateTime::currentMSecsSinceEpoch();
    });
    std::weak_ptr<Subscriber> weak = subscriber;
    m_worker(
        [channel](QSqlDatabase db) {
            const Result<QJsonValue> data = ChannelFeeds::snapshot(db, channel);
            return data ? *data : QJsonValue(QJsonValue::Undefined);
        },
        [this, weak](const QJsonValue &data) {
            const std::shared_ptr<Subscriber> s = weak.lock();
            if (!s || !m_subscribers.contains(s->socket))
                return;
            if (!data.isUndefined()) {
                snapshotArrived(s, data);
                return;
            }
            // Without its snapshot a subscriber would get changes to rows it never saw.
            forget(s->socket);
            refuse(s->socket, QWebSocketProtocol::CloseCodeBadOperation,
                   QStringLiteral("the snapshot could not be read; reconnect"));
        });
}

void WebSocketHub::snapshotArrived(const std::shared_ptr<Subscriber> &s, const QJsonValue &data)
{
    s->ready = true;
    send(*s, envelope(s->channel.name, QStringLiteral("snapshot"), data));
    if (s->channel.kind != Kind::Prices) {
        for (const QString &message : std::exchange(s->held, {})) {
            if (!m_subscribers.contains(s->socket))
                return;
            send(*s, message);
        }
        return;
    }
    // Price reads that finished while the snapshot was read were not sent to this subscriber:
    // what was delivered since, and is newer than the snapshot, follows it now.
    QJsonArray newer;
    for (const QJsonValue &value : data.toArray()) {
        const QJsonObject price = value.toObject();
        const int id = price.value(QStringLiteral("crypto_id")).toInt();
        s->snapshotPrices.insert(id, price);
        const auto last = m_lastPrices.constFind(id);
        if (last == m_lastPrices.constEnd()) {
            m_lastPrices.insert(id, price);
        } else if (*last != price && last->value(QStringLiteral("timestamp")).toString() >=
                                         price.value(QStringLiteral("timestamp")).toString()) {
            newer.append(*last);
            s->snapshotPrices.remove(id);
        }
    }
    if (!newer.isEmpty() && m_subscribers.contains(s->socket))
        send(*s, envelope(s->channel.name, QStringLiteral("prices"), newer));
}

void WebSocketHub::refuse(QWebSocket *socket, int code, const QString &reason)
{
    // After the current event: closing while Qt is still handing the socket over makes it read
    // from a closed device.
    QMetaObject::invokeMethod(
        socket,
        [socket, code, reason] {
            socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
        },
        Qt::QueuedConnection);
}

void WebSocketHub::remove(QWebSocket *socket)
{
    forget(socket);
    socket->deleteLater();
}

void WebSocketHub::forget(QWebSocket *socket)
{
    const std::shared_ptr<Subscriber> s = m_subscribers.take(socket);
    if (!s || s->channel.kind != Kind::Prices)
        return;
    const auto group = m_priceGroups.find(s->channel.name);
    if (group == m_priceGroups.end())
        return;
    group->members.remove(socket);
    if (!group->members.isEmpty())
        return;
    for (int id : std::as_const(group->ids)) {
        if (--m_priceIdRefs[id] <= 0) {
            // Nobody watches it: a later subscriber's snapshot starts it afresh.
            m_priceIdRefs.remove(id);
            m_lastPrices.remove(id);
        }
    }
    m_priceGroups.erase(group);
}

void WebSocketHub::onTextMessage(QWebSocket *socket, const QString &message)
{
    const auto it = m_subscribers.constFind(socket);
    if (it == m_subscribers.constEnd())
        return;
    Subscriber &subscriber = **it;
    subscriber.lastPongMs = QDateTime::currentMSecsSinceEpoch();
    const QJsonObject object = QJsonDocument::fromJson(message.toUtf8()).object();
    if (object.value(QStringLiteral("type")).toString() == QLatin1String("ping")) {
        send(subscriber, envelope(subscriber.channel.name, QStringLiteral("pong"), QJsonValue()));
        return;
    }
    send(subscriber, envelope(subscriber.channel.name, QStringLiteral("error"),
                              QStringLiteral("Only {\"type\": \"ping\"} messages are accepted.")));
}

void WebSocketHub::send(Subscriber &subscriber, const QString &message)
{
    QWebSocket *socket = subscriber.socket;
    if (socket->bytesToWrite() > m_services.options.webSocketMaxBufferedBytes) {
        // A client that does not read must not make the server buffer without bound; the
        // close handshake cannot get through a full buffer, so the connection is cut.
        qCInfo(lcApi, "dropping a slow WebSocket consumer of %s (%lld bytes unsent)",
               qUtf8Printable(subscriber.channel.name), socket->bytesToWrite());
        forget(socket);
        socket->abort();
        socket->deleteLater();
        return;
    }
    socket->sendTextMessage(message);
    // Written now rather than when the event loop next polls every socket: during a fan-out the
    // first clients read while the rest are still being written to.
    socket->flush();
}

void WebSocketHub::broadcast(WebSocketChannel::Kind kind, const QString &type,
                             const QJsonValue &data,
                             const std::function<bool(const Subscriber &)> &wants)
{
    // One serialisation per channel name, shared by its subscribers.
    QHash<QString, QString> messages;
    const auto subscribers = m_subscribers.values();
    for (const std::shared_ptr<Subscriber> &s : subscribers) {
        if (s->channel.kind != kind || (wants && !wants(*s)) || !m_subscribers.contains(s->socket))
            continue;
        auto it = messages.find(s->channel.name);
        if (it == messages.end())
            it = messages.insert(s->channel.name, envelope(s->channel.name, type, data));
        if (s->ready)
            send(*s, *it);
        else if (s->held.size() < kMaxHeldMessages)
            s->held.append(*it);
    }
}

void WebSocketHub::closeAll()
{
    m_closing = true;
    const auto subscribers = m_subscribers.values();
    for (const std::shared_ptr<Subscriber> &s : subscribers)
        s->socket->close(QWebSocketProtocol::CloseCodeGoingAway,
                         QStringLiteral("server shutting down"));
    m_pingTimer.stop();
    m_statusTimer.stop();
    m_pricePoll.stop();
}

void WebSocketHub::onChange(const models::ChangeEvent &event)
{
    if (m_closing || m_subscribers.isEmpty())
        return;
    // Prices do not wait for the batch: they are read at once, only for the assets that moved.
    const bool anything = event.table.isEmpty();
    if (event.table == QLatin1String("price_data") || anything) {
        if (event.id > 0 && !anything)
            m_pendingPriceRows.insert(event.id);
        else
            m_pendingAllPrices = true;
        schedulePriceRead();
    } else if (event.table == QLatin1String("cryptocurrencies")) {
        if (event.id > 0)
            m_pendingPriceAssets.insert(int(event.id));
        else
            m_pendingAllPrices = true;
        schedulePriceRead();
    }
    if (event.table == QLatin1String("price_data"))
        return;
    m_pending.append(event);
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

} // namespace cp::app::api
