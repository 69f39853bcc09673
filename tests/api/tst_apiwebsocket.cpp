#include "apiseed.h"
#include "apitestsupport.h"

#include <testdatabase.h>

#include <models/changebus.h>

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

using namespace cp::test;

namespace {

/** A real QWebSocket client that keeps every message it receives. */
class WsClient
{
public:
    WsClient()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, [this](const QString &text) {
            messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
    }

    //! Opens base/api/v1/ws/<channel>, the token in the header (or the query when asked).
    bool open(const QUrl &base, const QString &channel, const QString &token, bool inQuery = false)
    {
        QUrl url = base;
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/api/v1/ws/") + channel);
        if (inQuery && !token.isEmpty())
            url.setQuery(QStringLiteral("token=") + token);
        QNetworkRequest request(url);
        if (!inQuery && !token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(request);
        return connected.wait(5000);
    }

    //! The first message of `type` (matching `accept`), waiting up to `timeoutMs`.
    std::optional<QJsonObject> waitFor(const QString &type, int timeoutMs = 5000,
                                       const std::function<bool(const QJsonObject &)> &accept = {})
    {
        QElapsedTimer clock;
        clock.start();
        while (true) {
            for (const QJsonObject &m : std::as_const(messages)) {
                if (m.value(QStringLiteral("type")).toString() == type && (!accept || accept(m)))
                    return m;
            }
            if (clock.elapsed() > timeoutMs)
                return std::nullopt;
            QTest::qWait(10);
        }
    }

    //! Waits until the server closes the connection; its close code.
    int closeCode(int timeoutMs = 5000)
    {
        if (socket.state() != QAbstractSocket::UnconnectedState) {
            QSignalSpy closed(&socket, &QWebSocket::disconnected);
            closed.wait(timeoutMs);
        }
        return int(socket.closeCode());
    }

    QWebSocket socket;
    QList<QJsonObject> messages;
};

//! A raw TCP client that completes the handshake and then never reads or answers pings.
std::unique_ptr<QTcpSocket> silentClient(const QUrl &base, const QString &channel,
                                         const QString &token)
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->setReadBufferSize(1024);
    socket->connectToHost(base.host(), quint16(base.port()));
    if (!socket->waitForConnected(5000))
        return nullptr;
    socket->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    socket->write(
        "GET /api/v1/ws/" + channel.toLatin1() + "?token=" + token.toLatin1() +
        " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    socket->flush();
    return socket;
}

} // namespace

/** The WebSocket channels: authenticated handshakes, pushes from ChangeBus, liveness, limits. */
class tst_ApiWebSocket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handshakeIsAuthenticated();
    void signalArrivesWithinOneSecond_data() { addDialectColumn(); }
    void signalArrivesWithinOneSecond();
    void pricesPushOnlyChanges_data() { addDialectColumn(); }
    void pricesPushOnlyChanges();
    void snapshotComesFirstAndNothingIsStale_data() { addDialectColumn(); }
    void snapshotComesFirstAndNothingIsStale();
    void adminChannelsAndUserChannels();
    void pingPong();
    void deadClientIsDropped();
    void slowConsumerIsDropped();
    void shutdownClosesSockets();
};

void tst_ApiWebSocket::handshakeIsAuthenticated()
{
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    CP_SEEDED_API(api, db);
    const QUrl base = api.client().base();
    const struct
    {
        QString channel;
        QString token;
        int code;
    } refused[] = {
        {QStringLiteral("signals/%1").arg(api.casualId), QString(), 4401},
        {QStringLiteral("signals/%1").arg(api.casualId), QStringLiteral("cp_bogus"), 4401},
        {QStringLiteral("nothing/here"), api.casualToken, 4404},
        {QStringLiteral("prices/abc"), api.casualToken, 4404},
        {QStringLiteral("admin/system-status"), api.casualToken, 4403},
        {QStringLiteral("admin/suggestions"), api.professionalToken, 4403},
        {QStringLiteral("signals/%1").arg(api.professionalId), api.casualToken, 4403},
        {QStringLiteral("dashboard/%1").arg(api.adminId), api.professionalToken, 4403}};
    for (const auto &r : refused) {
        WsClient client;
        client.open(base, r.channel, r.token);
        QCOMPARE(client.closeCode(), r.code);
        QVERIFY2(client.messages.isEmpty(), qPrintable(r.channel));
    }
    QTRY_COMPARE(api.server().webSocketSubscribers(), 0);
    // Own channels, by header or by query; admins may watch anyone's.
    WsClient header, query, admin;
    QVERIFY(header.open(base, QStringLiteral("signals/%1").arg(api.casualId), api.casualToken));
    QVERIFY(
        query.open(base, QStringLiteral("dashboard/%1").arg(api.casualId), api.casualToken, true));
    QVERIFY(admin.open(base, QStringLiteral("dashboard/%1").arg(api.casualId), api.adminToken));
    for (WsClient *client : {&header, &query, &admin}) {
        const auto snapshot = client->waitFor(QStringLiteral("snapshot"));
        QVERIFY(snapshot);
        for (const char *key : {"channel", "type", "data", "ts"})
            QVERIFY2(snapshot->contains(QLatin1String(key)), key);
    }
    QCOMPARE(
        header.waitFor(QStringLiteral("snapshot"))->value(QStringLiteral("data")).toArray().size(),
        1);
    QCOMPARE(query.waitFor(QStringLiteral("snapshot"))->value(QStringLiteral("channel")).toString(),
             QStringLiteral("dashboard/%1").arg(api.casualId));
    QCOMPARE(api.server().webSocketSubscribers(), 3);
    // A plain GET of a channel is not an upgrade.
    CP_GET(plain, api, QStringLiteral("/api/v1/ws/signals/%1").arg(api.casualId), api.casualToken,
           426);
}

void tst_ApiWebSocket::signalArrivesWithinOneSecond()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    WsClient client;
    QVERIFY(client.open(api.client().base(), QStringLiteral("signals/%1").arg(api.casualId),
                        api.casualToken));
    QVERIFY(client.waitFor(QStringLiteral("snapshot")));
    // What the engine does: commit a signal, then announce it.
    const int id = insertReturningId(
        api.db(), QStringLiteral("INSERT INTO trading_signals (crypto_id, signal_type, entry_price,"
                                 " target_price, stop_loss, confidence_score, risk_level, status,"
                                 " expires_at) VALUES (%1, 'short', 70, 65, 72, 0.81, 'high',"
                                 " 'active', '%2')")
                      .arg(seed.uni)
                      .arg(isoText(seed.now.addDays(2))));
    cp::models::ChangeBus::instance().publish(
        api.db(), {{QStringLiteral("trading_signals"), id, QStringLiteral("insert")}});
    const auto pushed = client.waitFor(QStringLiteral("signal"), 1000, [id](const QJsonObject &m) {
        return m.value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toInt() == id;
    });
    QVERIFY2(pushed, "no signal message within one second of the publish");
    const QJsonObject data = pushed->value(QStringLiteral("data")).toObject();
    QCOMPARE(data.value(QStringLiteral("symbol")).toString(), QStringLiteral("UNI"));
    QCOMPARE(data.value(QStringLiteral("signal_type")).toString(), QStringLiteral("short"));
    QVERIFY(near(data.value(QStringLiteral("confidence_score")).toDouble(), 0.81));
    QCOMPARE(pushed->value(QStringLiteral("channel")).toString(),
             QStringLiteral("signals/%1").arg(api.casualId));
}

void tst_ApiWebSocket::pricesPushOnlyChanges()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    WsClient client;
    QVERIFY(client.open(api.client().base(),
                        QStringLiteral("prices/%1,%2").arg(seed.btc).arg(seed.eth),
                        api.casualToken));
    const auto snapshot = client.waitFor(QStringLiteral("snapshot"));
    QVERIFY(snapshot);
    const QJsonArray prices = snapshot->value(QStringLiteral("data")).toArray();
    QCOMPARE(prices.size(), 2);
    QVERIFY(near(prices.at(0).toObject().value(QStringLiteral("price")).toDouble(),
                 SeedData::btcClose(39)));
    QVERIFY(near(prices.at(0).toObject().value(QStringLiteral("change_24h")).toDouble(),
                 (SeedData::btcClose(39) / SeedData::btcClose(38) - 1.0) * 100.0));
    QVERIFY(near(prices.at(1).toObject().value(QStringLiteral("price")).toDouble(),
                 SeedData::ethClose(39)));

    const int row = insertReturningId(
        api.db(), QStringLiteral("INSERT INTO price_data (crypto_id, timestamp, close_price) VALUES"
                                 " (%1, '%2', 200)")
                      .arg(seed.btc)
                      .arg(isoText(seed.now.addSecs(3600))));
    cp::models::ChangeBus::instance().publish(
        api.db(), {{QStringLiteral("price_data"), row, QStringLiteral("insert")}});
    const auto update = client.waitFor(QStringLiteral("prices"), 2000);
    QVERIFY(update);
    const QJsonArray changed = update->value(QStringLiteral("data")).toArray();
    QCOMPARE(changed.size(), 1); // ETH did not move
    QCOMPARE(changed.first().toObject().value(QStringLiteral("crypto_id")).toInt(), seed.btc);
    QVERIFY(near(changed.first().toObject().value(QStringLiteral("price")).toDouble(), 200.0));
}

void tst_ApiWebSocket::snapshotComesFirstAndNothingIsStale()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    // Subscribers connect while the price of BTC keeps changing, so snapshots are read while
    // price updates are being delivered. Price k is 1000 + k at now + k minutes.
    int published = 0;
    const auto publish = [&] {
        ++published;
        const int row = insertReturningId(
            api.db(), QStringLiteral("INSERT INTO price_data (crypto_id, timestamp, close_price)"
                                     " VALUES (%1, '%2', %3)")
                          .arg(seed.btc)
                          .arg(isoText(seed.now.addSecs(60 * published)))
                          .arg(1000 + published));
        cp::models::ChangeBus::instance().publish(
            api.db(), {{QStringLiteral("price_data"), row, QStringLiteral("insert")}});
    };
    QTimer publisher;
    publisher.setInterval(2);
    QObject::connect(&publisher, &QTimer::timeout, publish);
    publisher.start();
    // Opened in bursts, so admissions and snapshot reads overlap the price reads.
    constexpr int kRounds = 5;
    constexpr int kClientsPerRound = 40;
    std::vector<std::unique_ptr<WsClient>> clients;
    QUrl url = api.client().base();
    url.setScheme(QStringLiteral("ws"));
    url.setPath(QStringLiteral("/api/v1/ws/prices/%1").arg(seed.btc));
    for (int round = 0; round < kRounds; ++round) {
        for (int i = 0; i < kClientsPerRound; ++i) {
            clients.push_back(std::make_unique<WsClient>());
            QNetworkRequest request(url);
            request.setRawHeader("Authorization", "Bearer " + api.casualToken.toLatin1());
            clients.back()->socket.open(request);
        }
        for (const auto &client : clients)
            QVERIFY(client->waitFor(QStringLiteral("snapshot"), 10000));
    }
    publisher.stop();
    publish();
    const double last = 1000 + published;
    const auto hasLast = [last](const QJsonObject &m) {
        const QJsonArray data = m.value(QStringLiteral("data")).toArray();
        return !data.isEmpty() &&
               near(data.last().toObject().value(QStringLiteral("price")).toDouble(), last);
    };
    for (const auto &client : clients) {
        QVERIFY2(client->waitFor(QStringLiteral("prices"), 10000, hasLast) ||
                     client->waitFor(QStringLiteral("snapshot"), 0, hasLast),
                 "the last price did not arrive");
        QVERIFY(!client->messages.isEmpty());
        QCOMPARE(client->messages.first().value(QStringLiteral("type")).toString(),
                 QStringLiteral("snapshot"));
        // After the snapshot every price is newer than the one before: no stale or repeated one.
        double previous = 0.0;
        for (const QJsonObject &m : std::as_const(client->messages)) {
            const QString type = m.value(QStringLiteral("type")).toString();
            if (type != QLatin1String("snapshot") && type != QLatin1String("prices"))
                continue;
            const QJsonArray data = m.value(QStringLiteral("data")).toArray();
            QCOMPARE(data.size(), 1);
            const double price = data.first().toObject().value(QStringLiteral("price")).toDouble();
            QVERIFY2(
                price > previous,
                qPrintable(QStringLiteral("%1 after %2 (%3)").arg(price).arg(previous).arg(type)));
            previous = price;
        }
    }
}

void tst_ApiWebSocket::adminChannelsAndUserChannels()
{
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    CP_SEEDED_API(api, db);
    const QUrl base = api.client().base();
    WsClient suggestions, status, casualDashboard;
    QVERIFY(suggestions.open(base, QStringLiteral("admin/suggestions"), api.adminToken));
    QVERIFY(status.open(base, QStringLiteral("admin/system-status"), api.adminToken));
    QVERIFY(casualDashboard.open(base, QStringLiteral("dashboard/%1").arg(api.casualId),
                                 api.casualToken));
    const auto queue = suggestions.waitFor(QStringLiteral("snapshot"));
    QVERIFY(queue);
    QCOMPARE(queue->value(QStringLiteral("data")).toArray().size(), 2);
    const auto health = status.waitFor(QStringLiteral("snapshot"));
    QVERIFY(health);
    QVERIFY(
        health->value(QStringLiteral("data")).toObject().contains(QStringLiteral("api_status")));
    QVERIFY(casualDashboard.waitFor(QStringLiteral("snapshot")));

    // A review through REST reaches the admins' queue as the changed suggestion.
    const HttpResult review = api.client().post(
        QStringLiteral("/api/v1/layer3/suggestions/%1/review").arg(seed.pendingSuggestion),
        {{QStringLiteral("decision"), QStringLiteral("reject")}}, api.adminToken);
    QCOMPARE(review.status, 200);
    const auto changed =
        suggestions.waitFor(QStringLiteral("suggestion"), 2000, [&](const QJsonObject &m) {
            return m.value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toInt() ==
                   seed.pendingSuggestion;
        });
    QVERIFY(changed);
    QCOMPARE(changed->value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("rejected"));
    QVERIFY(casualDashboard.waitFor(QStringLiteral("update"), 2000));

    // The casual user's notification goes to the casual user's dashboard.
    const int notification = insertReturningId(
        api.db(), QStringLiteral("INSERT INTO notifications (user_id, notification_type, title,"
                                 " message) VALUES (%1, 'alert', 'New', 'Hello')")
                      .arg(api.casualId));
    cp::models::ChangeBus::instance().publish(
        api.db(), {{QStringLiteral("notifications"), notification, QStringLiteral("insert")}});
    const auto note = casualDashboard.waitFor(QStringLiteral("notification"), 2000);
    QVERIFY(note);
    QCOMPARE(note->value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toInt(),
             notification);
}

void tst_ApiWebSocket::pingPong()
{
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    CP_SEEDED_API(api, db);
    WsClient client;
    QVERIFY(client.open(api.client().base(), QStringLiteral("prices/%1").arg(seed.btc),
                        api.casualToken));
    QVERIFY(client.waitFor(QStringLiteral("snapshot")));
    client.socket.sendTextMessage(QStringLiteral("{\"type\": \"ping\"}"));
    const auto pong = client.waitFor(QStringLiteral("pong"));
    QVERIFY(pong);
    QCOMPARE(pong->value(QStringLiteral("channel")).toString(),
             QStringLiteral("prices/%1").arg(seed.btc));
    client.socket.sendTextMessage(QStringLiteral("subscribe me to everything"));
    QVERIFY(client.waitFor(QStringLiteral("error")));
    // Protocol-level: the server's pings are answered by the client library automatically.
    QSignalSpy pongs(&client.socket, &QWebSocket::pong);
    client.socket.ping("x");
    QVERIFY(pongs.wait(2000));
}

void tst_ApiWebSocket::deadClientIsDropped()
{
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    cp::app::api::ServeOptions options;
    options.webSocketPingMs = 200;
    ApiFixture api(db, options);
    QVERIFY2(api.start(), qPrintable(api.error()));
    QVERIFY(api.addRoleUsers());
    WsClient alive;
    QVERIFY(alive.open(api.client().base(), QStringLiteral("prices/1"), api.casualToken));
    const auto silent =
        silentClient(api.client().base(), QStringLiteral("prices/1"), api.casualToken);
    QVERIFY(silent);
    QTRY_COMPARE(api.server().webSocketSubscribers(), 2);
    // The raw client never answers a ping; the real one does and stays.
    QTRY_COMPARE_WITH_TIMEOUT(api.server().webSocketSubscribers(), 1, 5000);
    QTest::qWait(600);
    QCOMPARE(api.server().webSocketSubscribers(), 1);
    QCOMPARE(alive.socket.state(), QAbstractSocket::ConnectedState);
}

void tst_ApiWebSocket::slowConsumerIsDropped()
{
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    cp::app::api::ServeOptions options;
    options.webSocketMaxBufferedBytes = 64 * 1024;
    options.webSocketPingMs = 60000;
    ApiFixture api(db, options);
    QVERIFY2(api.start(), qPrintable(api.error()));
    QVERIFY(api.addRoleUsers());
    const int crypto = insertReturningId(
        api.db(),
        QStringLiteral("INSERT INTO cryptocurrencies (symbol, name) VALUES ('BIG', 'Big')"));
    const QString reasoning =
        QStringLiteral("{\"text\": \"%1\"}").arg(QString(400 * 1024, QLatin1Char('x')));
    const int suggestion = insertReturningId(
        api.db(),
        QStringLiteral("INSERT INTO ai_suggestions (crypto_id, suggestion_type, confidence_score, "
                       "ai_reasoning) VALUES (%1, 'add_tier2', 0.9, '%2')")
            .arg(crypto)
            .arg(reasoning));
    const auto silent =
        silentClient(api.client().base(), QStringLiteral("admin/suggestions"), api.adminToken);
    QVERIFY(silent);
    QTRY_COMPARE(api.server().webSocketSubscribers(), 1);
    // Each batch pushes ~400 KiB the client never reads: the kernel buffers fill, then the
    // server's own buffer passes the limit and the client is cut off.
    for (int i = 0; i < 60 && api.server().webSocketSubscribers() > 0; ++i) {
        cp::models::ChangeBus::instance().publish(
            api.db(), {{QStringLiteral("ai_suggestions"), suggestion, QStringLiteral("update")}});
        QTest::qWait(80);
    }
    QTRY_COMPARE_WITH_TIMEOUT(api.server().webSocketSubscribers(), 0, 5000);
}

void tst_ApiWebSocket::shutdownClosesSockets()
{
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    ApiFixture api(db);
    QVERIFY2(api.start(), qPrintable(api.error()));
    QVERIFY(api.addRoleUsers());
    WsClient client;
    QVERIFY(client.open(api.client().base(), QStringLiteral("prices/1"), api.casualToken));
    QTRY_COMPARE(api.server().webSocketSubscribers(), 1);
    QSignalSpy stopped(&api.server(), &cp::app::api::ApiServer::stopped);
    api.server().shutdown();
    QCOMPARE(client.closeCode(), int(QWebSocketProtocol::CloseCodeGoingAway));
    QVERIFY(stopped.wait(5000) || stopped.count() == 1);
    // Stopped servers refuse new connections.
    WsClient late;
    QVERIFY(!late.open(api.client().base(), QStringLiteral("prices/1"), api.casualToken));
}

QTEST_MAIN(tst_ApiWebSocket)
#include "tst_apiwebsocket.moc"
