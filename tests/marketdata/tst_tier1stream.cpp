// The live stream follows the tier-1 watchlist when no Binance pairs are configured: looked up
// at start and after each refresh (off the GUI thread), the feed is restarted on the new pairs;
// configured pairs win. Mock WebSocket stream and mock providers on loopback; both dialects.
#include "mockproviders.h"

#include <testdatabase.h>

#include <app/marketdata/livefeed.h>
#include <app/marketdata/marketdataservice.h>
#include <app/marketdata/marketscheduler.h>
#include <app/settings/appsettings.h>

#include <QSet>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace cp::app::marketdata;

namespace {

//! Records the streams each connection to the mock Binance stream asked for.
struct MockStream
{
    QWebSocketServer server{QStringLiteral("mock-binance"), QWebSocketServer::NonSecureMode};
    QList<QSet<QString>> requested;
    QList<QWebSocket *> clients;

    bool listen(QObject *context)
    {
        if (!server.listen(QHostAddress::LocalHost, 0))
            return false;
        QObject::connect(&server, &QWebSocketServer::newConnection, context, [this] {
            while (QWebSocket *s = server.nextPendingConnection()) {
                const QStringList streams = QUrlQuery(s->requestUrl())
                                                .queryItemValue(QStringLiteral("streams"))
                                                .split(QLatin1Char('/'), Qt::SkipEmptyParts);
                requested.append(QSet<QString>(streams.begin(), streams.end()));
                clients.append(s);
            }
        });
        return true;
    }
    QString baseUrl() const { return QStringLiteral("ws://127.0.0.1:%1").arg(server.serverPort()); }
};

//! The streams Binance expects for these lower-case pairs at 1m (kline + mini ticker each).
QSet<QString> streamsFor(const QStringList &pairs)
{
    QSet<QString> set;
    for (const QString &p : pairs) {
        set.insert(p + QStringLiteral("@kline_1m"));
        set.insert(p + QStringLiteral("@miniTicker"));
    }
    return set;
}

bool insertAsset(QSqlDatabase db, const QString &symbol, const QString &tier, bool simulated)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO cryptocurrencies (symbol, name, watchlist_tier,"
                             " is_simulated) VALUES (?, ?, ?, ?)"));
    q.addBindValue(symbol);
    q.addBindValue(QString(symbol + QStringLiteral(" coin")));
    q.addBindValue(tier);
    q.addBindValue(simulated);
    if (!q.exec())
        qWarning("%s", qPrintable(q.lastError().text()));
    return q.lastError().type() == QSqlError::NoError;
}

//! Watchlist entries that must not be streamed: a stablecoin, a simulated asset, a tier-2 one.
bool insertDistractors(QSqlDatabase db)
{
    return insertAsset(db, QStringLiteral("USDT"), QStringLiteral("tier1"), false) &&
           insertAsset(db, QStringLiteral("SIMZ"), QStringLiteral("tier1"), true) &&
           insertAsset(db, QStringLiteral("TWOX"), QStringLiteral("tier2"), false);
}

cp::app::AppSettings settingsFor(const Providers &providers, const MockStream &stream)
{
    const RefreshOptions mock = providers.options();
    cp::app::AppSettings settings;
    settings.providers.coinGeckoBaseUrl = mock.coinGeckoBaseUrl;
    settings.providers.binanceRestBaseUrl = mock.binanceRestBaseUrl;
    settings.providers.fearGreedBaseUrl = mock.fearGreedBaseUrl;
    settings.providers.binanceStreamBaseUrl = stream.baseUrl();
    settings.providers.binanceKlineInterval = QStringLiteral("1m");
    settings.providers.coinGeckoRequestsPerMinute = 0;
    settings.providers.binanceSymbols = {};
    settings.schedule.analyzeAfterRefresh = false;
    settings.schedule.evaluateMinutes = 0;
    return settings;
}

MarketDataService::Overrides overrides()
{
    MarketDataService::Overrides o;
    o.refreshMinutes = 60; // scheduler on, first run far away: the test triggers it
    o.livePrices = true;
    return o;
}

//! Runs a refresh through the service's scheduler and waits for it.
bool refresh(MarketDataService &service)
{
    service.scheduler()->setFetcherSetup([](HttpFetcher &f) { f.setSleeper([](qint64) {}); });
    QSignalSpy finished(service.scheduler(), &MarketScheduler::jobFinished);
    service.scheduler()->refreshNow();
    return finished.wait(120000) || !finished.isEmpty();
}

} // namespace

class tst_Tier1Stream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTier1AfterRefresh_data() { cp::test::addDialectColumn(); }
    void followsTier1AfterRefresh()
    {
        QFETCH(QString, dialect);
        CP_SCRATCH_DB(scratch, dialect);
        QSqlDatabase db = scratch.database();
        QVERIFY(insertDistractors(db));
        Providers providers;
        QVERIFY(providers.start());
        MockStream stream;
        QVERIFY(stream.listen(this));

        MarketDataService service(scratch.databaseUrl());
        QSignalSpy checked(&service, &MarketDataService::livePairsChecked);
        service.apply(settingsFor(providers, stream), overrides());
        QVERIFY(service.liveFeed());
        // No tier-1 pair yet: the majors, confirmed by the lookup at start.
        QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 10000);
        QCOMPARE(checked.first().first().toStringList(),
                 (QStringList{QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")}));
        QTRY_COMPARE_WITH_TIMEOUT(stream.requested.size(), 1, 10000);
        QCOMPARE(stream.requested.first(),
                 streamsFor({QStringLiteral("btcusdt"), QStringLiteral("ethusdt")}));

        // SOLX joins the watchlist; the next refresh moves the stream to it.
        QVERIFY(insertAsset(db, QStringLiteral("SOLX"), QStringLiteral("tier1"), false));
        QSignalSpy replaced(&service, &MarketDataService::configurationChanged);
        QVERIFY(refresh(service));
        QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 2, 10000);
        QCOMPARE(checked.last().first().toStringList(), QStringList{QStringLiteral("SOLXUSDT")});
        QTRY_VERIFY_WITH_TIMEOUT(stream.requested.size() >= 2, 10000);
        QCOMPARE(stream.requested.last(), streamsFor({QStringLiteral("solxusdt")}));
        QTRY_VERIFY(!replaced.isEmpty());
        QVERIFY(service.liveFeed());
        QCOMPARE(service.liveFeed()->stream().streamUrl().path(), QStringLiteral("/stream"));

        // Another refresh with the same watchlist leaves the stream alone.
        LiveFeed *feed = service.liveFeed();
        const qsizetype connections = stream.requested.size();
        replaced.clear();
        QVERIFY(refresh(service));
        QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 3, 10000);
        QCOMPARE(service.liveFeed(), feed);
        QVERIFY(replaced.isEmpty());
        QCOMPARE(stream.requested.size(), connections);
    }

    void followsTier1AtStart_data() { cp::test::addDialectColumn(); }
    void followsTier1AtStart()
    {
        QFETCH(QString, dialect);
        CP_SCRATCH_DB(scratch, dialect);
        QSqlDatabase db = scratch.database();
        QVERIFY(insertDistractors(db));
        QVERIFY(insertAsset(db, QStringLiteral("SOLX"), QStringLiteral("tier1"), false));
        QVERIFY(insertAsset(db, QStringLiteral("ADAX"), QStringLiteral("tier1"), false));
        Providers providers;
        QVERIFY(providers.start());
        MockStream stream;
        QVERIFY(stream.listen(this));

        MarketDataService service(scratch.databaseUrl());
        service.apply(settingsFor(providers, stream), overrides());
        // The majors may connect first; the lookup at start replaces them without a refresh.
        QTRY_VERIFY_WITH_TIMEOUT(
            !stream.requested.isEmpty() &&
                stream.requested.last() ==
                    streamsFor({QStringLiteral("adaxusdt"), QStringLiteral("solxusdt")}),
            10000);
        QVERIFY(service.scheduler()->lastRefresh().isNull());
    }

    void configuredPairsWin_data() { cp::test::addDialectColumn(); }
    void configuredPairsWin()
    {
        QFETCH(QString, dialect);
        CP_SCRATCH_DB(scratch, dialect);
        QSqlDatabase db = scratch.database();
        QVERIFY(insertAsset(db, QStringLiteral("SOLX"), QStringLiteral("tier1"), false));
        Providers providers;
        QVERIFY(providers.start());
        MockStream stream;
        QVERIFY(stream.listen(this));

        cp::app::AppSettings settings = settingsFor(providers, stream);
        settings.providers.binanceSymbols = {QStringLiteral("BTCUSDT")};
        MarketDataService service(scratch.databaseUrl());
        QSignalSpy checked(&service, &MarketDataService::livePairsChecked);
        service.apply(settings, overrides());
        QTRY_COMPARE_WITH_TIMEOUT(stream.requested.size(), 1, 10000);
        QCOMPARE(stream.requested.first(), streamsFor({QStringLiteral("btcusdt")}));
        LiveFeed *feed = service.liveFeed();
        // No lookup at all: the scheduler's jobFinished has been handled when refresh() returns.
        QVERIFY(refresh(service));
        QVERIFY(checked.isEmpty());
        QCOMPARE(service.liveFeed(), feed);
        QCOMPARE(stream.requested.size(), 1);
    }
};

QTEST_MAIN(tst_Tier1Stream)
#include "tst_tier1stream.moc"
