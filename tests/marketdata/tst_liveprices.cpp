// End to end: a tick on the (mock) Binance stream reaches a ws/prices subscriber of the API
// server, through price_data and the ChangeBus event of the committed batch (the server's own
// price poll is turned off, so only the event can carry it). Both dialects.
#include <apitestsupport.h>
#include <testdatabase.h>

#include <app/marketdata/livefeed.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace cp::app::marketdata;

class tst_LivePrices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tickReachesSubscribers_data() { cp::test::addDialectColumn(); }
    void tickReachesSubscribers()
    {
        QFETCH(QString, dialect);
        CP_SCRATCH_DB(scratch, dialect);
        cp::app::api::ServeOptions serve;
        serve.pricePollMs = 3600 * 1000;
        cp::test::ApiFixture api(scratch, serve);
        QVERIFY2(api.start(), qPrintable(api.error()));
        QVERIFY(api.addRoleUsers());
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const qint64 bar = now - now % 60;
        QSqlQuery q(api.db());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO cryptocurrencies (symbol, name) VALUES"
                                      " ('BTC', 'Bitcoin') RETURNING id")) &&
                q.next());
        const int btc = q.value(0).toInt();
        q.finish();

        QWebSocketServer binance(QStringLiteral("mock-binance"), QWebSocketServer::NonSecureMode);
        QVERIFY(binance.listen(QHostAddress::LocalHost, 0));
        QList<QWebSocket *> streams;
        connect(&binance, &QWebSocketServer::newConnection, this, [&] {
            while (QWebSocket *s = binance.nextPendingConnection())
                streams.append(s);
        });
        LiveFeedOptions o;
        o.stream.baseUrl = QStringLiteral("ws://127.0.0.1:%1").arg(binance.serverPort());
        o.stream.pairs = {QStringLiteral("BTCUSDT")};
        o.stream.interval = QStringLiteral("1m");
        o.flushIntervalMs = 50;
        LiveFeed feed(scratch.databaseUrl(), o);
        feed.start();
        QTRY_COMPARE_WITH_TIMEOUT(streams.size(), 1, 10000);

        QList<QJsonObject> received;
        QWebSocket client;
        connect(&client, &QWebSocket::textMessageReceived, this, [&](const QString &text) {
            received.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        QUrl url = api.client().base();
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/api/v1/ws/prices/%1").arg(btc));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + api.casualToken.toLatin1());
        client.open(request);
        QTRY_VERIFY_WITH_TIMEOUT(!received.isEmpty(), 10000);
        QCOMPARE(received.first().value(QStringLiteral("type")).toString(),
                 QStringLiteral("snapshot"));

        const QJsonObject k{{QStringLiteral("t"), bar * 1000},
                            {QStringLiteral("T"), bar * 1000 + 59999},
                            {QStringLiteral("s"), QStringLiteral("BTCUSDT")},
                            {QStringLiteral("i"), QStringLiteral("1m")},
                            {QStringLiteral("o"), QStringLiteral("70100.00")},
                            {QStringLiteral("c"), QStringLiteral("70123.50")},
                            {QStringLiteral("h"), QStringLiteral("70130.00")},
                            {QStringLiteral("l"), QStringLiteral("70090.00")},
                            {QStringLiteral("v"), QStringLiteral("3.2")},
                            {QStringLiteral("x"), false}};
        const QJsonObject data{{QStringLiteral("e"), QStringLiteral("kline")},
                               {QStringLiteral("E"), bar * 1000 + 500},
                               {QStringLiteral("s"), QStringLiteral("BTCUSDT")},
                               {QStringLiteral("k"), k}};
        streams.first()->sendTextMessage(QString::fromUtf8(
            QJsonDocument(
                QJsonObject{{QStringLiteral("stream"), QStringLiteral("btcusdt@kline_1m")},
                            {QStringLiteral("data"), data}})
                .toJson(QJsonDocument::Compact)));

        const auto pushed = [&]() -> std::optional<double> {
            for (const QJsonObject &m : std::as_const(received)) {
                if (m.value(QStringLiteral("type")).toString() != QLatin1String("prices"))
                    continue;
                for (const QJsonValue &p : m.value(QStringLiteral("data")).toArray()) {
                    if (p.toObject().value(QStringLiteral("crypto_id")).toInt() == btc)
                        return p.toObject().value(QStringLiteral("price")).toDouble();
                }
            }
            return std::nullopt;
        };
        QTRY_VERIFY_WITH_TIMEOUT(pushed().has_value(), 15000);
        QVERIFY(near(*pushed(), 70123.5));
        feed.stop();
    }
};

QTEST_GUILESS_MAIN(tst_LivePrices)
#include "tst_liveprices.moc"
