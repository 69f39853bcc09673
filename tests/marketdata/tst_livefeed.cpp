// The live Binance feed against a mock WebSocket stream and a mock REST server on loopback, on
// both dialects: ticks land in batches, a dropped stream reconnects with backoff, and the bars
// missed while it was down are fetched through REST klines.
#include "mockhttpserver.h"

#include <testdatabase.h>

#include <app/marketdata/livefeed.h>
#include <app/marketdata/providerstatus.h>
#include <models/changebus.h>
#include <models/connection.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace cp::app::marketdata;

namespace {

QString klineMessage(qint64 openTime, double close, bool closed,
                     const QString &pair = QStringLiteral("BTCUSDT"))
{
    const QJsonObject k{{QStringLiteral("t"), openTime * 1000},
                        {QStringLiteral("T"), openTime * 1000 + 59999},
                        {QStringLiteral("s"), pair},
                        {QStringLiteral("i"), QStringLiteral("1m")},
                        {QStringLiteral("o"), QString::number(close - 10, 'f', 2)},
                        {QStringLiteral("c"), QString::number(close, 'f', 2)},
                        {QStringLiteral("h"), QString::number(close + 5, 'f', 2)},
                        {QStringLiteral("l"), QString::number(close - 15, 'f', 2)},
                        {QStringLiteral("v"), QStringLiteral("12.5")},
                        {QStringLiteral("n"), 100},
                        {QStringLiteral("x"), closed},
                        {QStringLiteral("q"), QStringLiteral("839812.3")}};
    const QJsonObject data{{QStringLiteral("e"), QStringLiteral("kline")},
                           {QStringLiteral("E"), openTime * 1000 + 1234},
                           {QStringLiteral("s"), pair},
                           {QStringLiteral("k"), k}};
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("stream"),
                                   QString(pair.toLower() + QStringLiteral("@kline_1m"))},
                                  {QStringLiteral("data"), data}})
            .toJson(QJsonDocument::Compact));
}

QString tickerMessage(qint64 timeMs, double last)
{
    const QJsonObject data{{QStringLiteral("e"), QStringLiteral("24hrMiniTicker")},
                           {QStringLiteral("E"), timeMs},
                           {QStringLiteral("s"), QStringLiteral("BTCUSDT")},
                           {QStringLiteral("c"), QString::number(last, 'f', 2)},
                           {QStringLiteral("o"), QStringLiteral("66000.00")},
                           {QStringLiteral("h"), QStringLiteral("68000.00")},
                           {QStringLiteral("l"), QStringLiteral("65000.00")},
                           {QStringLiteral("v"), QStringLiteral("30123.4")},
                           {QStringLiteral("q"), QStringLiteral("2012345678.9")}};
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("stream"), QStringLiteral("btcusdt@miniTicker")},
                                  {QStringLiteral("data"), data}})
            .toJson(QJsonDocument::Compact));
}

//! REST klines for open times first, first+60, ... (as Binance answers /api/v3/klines).
QByteArray restKlines(qint64 first, int count)
{
    QJsonArray rows;
    for (int i = 0; i < count; ++i) {
        const qint64 t = first + 60 * i;
        const double close = 67000.0 + i;
        rows.append(QJsonArray{
            t * 1000, QString::number(close - 1, 'f', 8), QString::number(close + 2, 'f', 8),
            QString::number(close - 3, 'f', 8), QString::number(close, 'f', 8),
            QStringLiteral("3.25000000"), t * 1000 + 59999, QStringLiteral("217750.1"), 321,
            QStringLiteral("1.6"), QStringLiteral("107200.0"), QStringLiteral("0")});
    }
    return QJsonDocument(rows).toJson(QJsonDocument::Compact);
}

struct StoredBar
{
    qint64 time = 0;
    double close = 0;
};

QList<StoredBar> bars(QSqlDatabase db)
{
    const bool pg = cp::models::dialectOf(db) == cp::models::Dialect::PostgreSQL;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT ") +
           (pg ? QStringLiteral("CAST(EXTRACT(EPOCH FROM timestamp) AS BIGINT)")
               : QStringLiteral("CAST(strftime('%s', timestamp) AS INTEGER)")) +
           QStringLiteral(", close_price FROM price_data ORDER BY timestamp"));
    QList<StoredBar> list;
    while (q.next())
        list.append({q.value(0).toLongLong(), q.value(1).toDouble()});
    return list;
}

} // namespace

class tst_LiveFeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void streamUrl()
    {
        StreamOptions o;
        o.baseUrl = QStringLiteral("wss://stream.binance.com:9443/");
        o.pairs = {QStringLiteral("BTCUSDT"), QStringLiteral("ethusdt")};
        o.interval = QStringLiteral("1m");
        BinanceStream stream(o);
        QCOMPARE(stream.streamUrl().toString(),
                 QStringLiteral("wss://stream.binance.com:9443/stream?streams=btcusdt@kline_1m/"
                                "btcusdt@miniTicker/ethusdt@kline_1m/ethusdt@miniTicker"));
    }

    void liveAndReconnect_data() { cp::test::addDialectColumn(); }
    void liveAndReconnect()
    {
        QFETCH(QString, dialect);
        CP_SCRATCH_DB(scratch, dialect);
        QSqlDatabase db = scratch.database();
        QSqlQuery insert(db);
        QVERIFY(insert.exec(QStringLiteral("INSERT INTO cryptocurrencies (symbol, name) VALUES"
                                           " ('BTC', 'Bitcoin')")));

        QWebSocketServer wsServer(QStringLiteral("mock-binance"), QWebSocketServer::NonSecureMode);
        QVERIFY(wsServer.listen(QHostAddress::LocalHost, 0));
        QList<QWebSocket *> clients;
        QList<QUrl> requested;
        connect(&wsServer, &QWebSocketServer::newConnection, this, [&] {
            while (QWebSocket *s = wsServer.nextPendingConnection()) {
                requested.append(s->requestUrl());
                clients.append(s);
            }
        });
        MockHttpServer rest;
        QVERIFY(rest.listen());

        // Bars on the minute grid, a few minutes back, so the gap is "recent".
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const qint64 t0 = now - now % 60 - 600;
        rest.setResponses(QStringLiteral("/api/v3/klines"),
                          {MockHttpServer::Response::json(restKlines(t0, 4))});

        ProviderStatusBoard status;
        LiveFeedOptions o;
        o.stream.baseUrl = QStringLiteral("ws://127.0.0.1:%1").arg(wsServer.serverPort());
        o.stream.pairs = {QStringLiteral("BTCUSDT")};
        o.stream.interval = QStringLiteral("1m");
        o.stream.backoff = {20, 100, 2.0, 1000};
        o.restBaseUrl = rest.baseUrl().toString();
        o.flushIntervalMs = 50;
        o.http.backoff = {1, 10, 2.0, 2};
        LiveFeed feed(scratch.databaseUrl(), o, &status);
        feed.setFetcherSetup([](HttpFetcher &f) { f.setSleeper([](qint64) {}); });
        QSignalSpy written(&feed, &LiveFeed::batchWritten);
        QSignalSpy backfilled(&feed, &LiveFeed::backfilled);
        QSignalSpy failures(&feed, &LiveFeed::writeFailed);
        QSignalSpy changes(&cp::models::ChangeBus::instance(), &cp::models::ChangeBus::changed);
        feed.start();

        QTRY_COMPARE_WITH_TIMEOUT(clients.size(), 1, 10000);
        QCOMPARE(requested.first().path(), QStringLiteral("/stream"));
        QCOMPARE(QUrlQuery(requested.first()).queryItemValue(QStringLiteral("streams")),
                 QStringLiteral("btcusdt@kline_1m/btcusdt@miniTicker"));
        QTRY_VERIFY(feed.stream().isConnected());

        // An in-progress bar, a junk frame, the same bar closed, a ticker: one row, final close.
        clients.first()->sendTextMessage(klineMessage(t0, 66990.0, false));
        clients.first()->sendTextMessage(
            QStringLiteral("{\"stream\":\"btcusdt@kline_1m\",\"data\":{"));
        clients.first()->sendTextMessage(klineMessage(t0, 67001.5, true));
        clients.first()->sendTextMessage(tickerMessage(t0 * 1000 + 61000, 67002.25));
        // Ticks may arrive in one batch or two; either way the stored state converges.
        const auto currentPrice = [&db] {
            QSqlQuery q(db);
            return q.exec(QStringLiteral("SELECT current_price FROM cryptocurrencies WHERE"
                                         " symbol = 'BTC'")) &&
                           q.next()
                       ? q.value(0).toDouble()
                       : 0.0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(!written.isEmpty() && bars(db).size() == 1 &&
                                     bars(db).first().close == 67001.5 &&
                                     currentPrice() == 67002.25,
                                 10000);
        QVERIFY2(failures.isEmpty(),
                 failures.isEmpty() ? "" : qPrintable(failures.first().first().toString()));
        QList<StoredBar> stored = bars(db);
        QCOMPARE(stored.first().time, t0);
        bool pricesAnnounced = false;
        for (const auto &args : std::as_const(changes))
            pricesAnnounced =
                pricesAnnounced ||
                args.first().value<cp::models::ChangeEvent>().table == QLatin1String("price_data");
        QVERIFY(pricesAnnounced);
        // The junk frame was skipped and reported, the stream kept going.
        QCOMPARE(feed.stream().reconnects(), 0);

        // The stream drops mid-way; the feed reconnects and fills the gap through REST.
        clients.first()->abort();
        QTRY_COMPARE_WITH_TIMEOUT(clients.size(), 2, 10000);
        QTRY_VERIFY(feed.stream().isConnected());
        QCOMPARE(feed.stream().reconnects(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(backfilled.size(), 1, 10000);
        QCOMPARE(backfilled.first().at(0).toString(), QStringLiteral("BTCUSDT"));
        QCOMPARE(backfilled.first().at(1).toInt(), 4);
        const QUrlQuery backfill(rest.requests().first().query);
        QCOMPARE(backfill.queryItemValue(QStringLiteral("symbol")), QStringLiteral("BTCUSDT"));
        QCOMPARE(backfill.queryItemValue(QStringLiteral("interval")), QStringLiteral("1m"));
        // From the last bar seen before the drop (it may have changed since).
        QCOMPARE(backfill.queryItemValue(QStringLiteral("startTime")).toLongLong(), t0 * 1000);
        stored = bars(db);
        QCOMPARE(stored.size(), 4);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(stored[i].time, t0 + 60 * i);
            QCOMPARE(stored[i].close, 67000.0 + i);
        }
        QCOMPARE(int(status.status(QStringLiteral("binance-stream")).state),
                 int(ProviderStatus::State::Ok));

        // Live again after the reconnect.
        clients.last()->sendTextMessage(klineMessage(t0 + 240, 67100.0, false));
        const int before = int(written.size());
        QTRY_VERIFY_WITH_TIMEOUT(written.size() > before, 10000);
        QCOMPARE(bars(db).size(), 5);
        feed.stop();
    }

    void reconnectsAfterRefusal()
    {
        // Nothing listens at first: the stream keeps trying (offline), then connects.
        QWebSocketServer probe(QStringLiteral("probe"), QWebSocketServer::NonSecureMode);
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        ProviderStatusBoard status;
        StreamOptions o;
        o.baseUrl = QStringLiteral("ws://127.0.0.1:%1").arg(port);
        o.pairs = {QStringLiteral("BTCUSDT")};
        o.backoff = {10, 40, 2.0, 1000};
        BinanceStream stream(o, &status);
        stream.start();
        QTRY_COMPARE_WITH_TIMEOUT(int(status.status(QStringLiteral("binance-stream")).state),
                                  int(ProviderStatus::State::Offline), 10000);
        QWebSocketServer server(QStringLiteral("late"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost, port));
        QTRY_VERIFY_WITH_TIMEOUT(stream.isConnected(), 10000);
        QCOMPARE(int(status.status(QStringLiteral("binance-stream")).state),
                 int(ProviderStatus::State::Ok));
        stream.stop();
    }
};

QTEST_GUILESS_MAIN(tst_LiveFeed)
#include "tst_livefeed.moc"
