// JSON -> row mapping of every provider payload, without sockets or a database.
#include "fixtures.h"

#include <app/marketdata/binancemapper.h>
#include <app/marketdata/coingeckomapper.h>
#include <app/marketdata/feargreedmapper.h>

#include <QDateTime>
#include <QTest>

using namespace cp::app::marketdata;

namespace {

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toSecsSinceEpoch();
}

} // namespace

class tst_MarketMappers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void coinGeckoMarkets()
    {
        const auto rows = CoinGeckoMapper::markets(fixture(QStringLiteral("coins_markets.json")));
        QVERIFY2(rows.ok(), qPrintable(rows.error()));
        // The entry without an id is skipped; the duplicate "btc" symbol is kept (the writer
        // decides).
        QCOMPARE(rows->size(), size_t(4));
        const MarketAssetRow &btc = rows->at(0);
        QCOMPARE(btc.coingeckoId, QStringLiteral("bitcoin"));
        QCOMPARE(btc.symbol, QStringLiteral("BTC"));
        QCOMPARE(btc.name, QStringLiteral("Bitcoin"));
        QCOMPARE(btc.rank.value_or(-1), 1);
        QCOMPARE(btc.price.value_or(0), 67187.34);
        QCOMPARE(btc.marketCap.value_or(0), 1322737485902.0);
        QCOMPARE(btc.totalVolume.value_or(0), 28344721845.5);
        QCOMPARE(btc.circulatingSupply.value_or(0), 19687521.0);
        QCOMPARE(btc.maxSupply.value_or(0), 21000000.0);
        QCOMPARE(btc.lastUpdated, utc("2024-05-01T13:00:12Z"));
        const MarketAssetRow &eth = rows->at(1);
        QVERIFY(!eth.maxSupply.has_value()); // null = unlimited
        const MarketAssetRow &other = rows->at(3);
        QVERIFY(!other.rank.has_value());
        QVERIFY(!other.marketCap.has_value());
        QCOMPARE(other.lastUpdated, qint64(0));
    }

    void coinGeckoGlobal()
    {
        const auto row = CoinGeckoMapper::global(fixture(QStringLiteral("global.json")));
        QVERIFY2(row.ok(), qPrintable(row.error()));
        QCOMPARE(row->totalMarketCap, 2613522184935.1);
        QCOMPARE(row->totalVolume, 90351234567.8);
        QCOMPARE(row->btcDominance, 50.61);
        QCOMPARE(row->ethDominance, 14.42);
        // usdt + usdc; stETH is not a stablecoin.
        QVERIFY(qAbs(row->stablecoinDominance - (4.23 + 1.28)) < 1e-9);
        QVERIFY(qAbs(row->altDominance - (100.0 - 50.61 - 14.42 - 4.23 - 1.28)) < 1e-9);
        QCOMPARE(row->marketCapChange24h.value_or(0), -1.0943);
        QCOMPARE(row->timestamp, utc("2024-05-01T13:00:00Z"));
    }

    void coinGeckoCategories()
    {
        const auto rows = CoinGeckoMapper::categories(fixture(QStringLiteral("categories.json")));
        QVERIFY2(rows.ok(), qPrintable(rows.error()));
        // smart-contract-platform maps to none of our sectors.
        QStringList sectors;
        for (const SectorMetricsRow &r : *rows)
            sectors << r.sectorName;
        QCOMPARE(sectors, (QStringList{QStringLiteral("Layer1"), QStringLiteral("DeFi"),
                                       QStringLiteral("Meme"), QStringLiteral("Stablecoins"),
                                       QStringLiteral("Gaming")}));
        QCOMPARE(rows->at(1).marketCap.value_or(0), 87234567890.1);
        QCOMPARE(rows->at(1).change24h.value_or(0), -2.5);
        QCOMPARE(rows->at(1).volume24h.value_or(0), 5123456789.0);
        QVERIFY(!rows->at(4).marketCap.has_value());
        QCOMPARE(rows->at(0).timestamp, utc("2024-05-01T12:55:03Z"));
    }

    void coinGeckoMarketChart_data()
    {
        QTest::addColumn<qint64>("barSeconds");
        QTest::newRow("given") << qint64(3600);
        QTest::newRow("inferred") << qint64(0);
    }

    void coinGeckoMarketChart()
    {
        QFETCH(qint64, barSeconds);
        const auto bars = CoinGeckoMapper::marketChart(
            fixture(QStringLiteral("market_chart_bitcoin.json")), barSeconds);
        QVERIFY2(bars.ok(), qPrintable(bars.error()));
        // Five points, the last ("now", 12:30) replaces 12:05 in the 12:00 slot.
        QCOMPARE(bars->size(), size_t(4));
        const qint64 nine = utc("2024-05-01T09:00:00Z");
        for (size_t i = 0; i < bars->size(); ++i)
            QCOMPARE(bars->at(i).candle.time, nine + qint64(i) * 3600);
        QCOMPARE(bars->at(0).candle.close, 66100.5);
        QCOMPARE(bars->at(0).candle.open, 66100.5);
        QCOMPARE(bars->at(3).candle.close, 67187.34);
        // 24h rolling volume scaled to one hour.
        QCOMPARE(bars->at(0).candle.volume, 24000000000.0 / 24.0);
        QCOMPARE(bars->at(3).marketCap.value_or(0), 1322737485902.0);
    }

    // The live backfill reads market_chart JSON with the file importer's parser: the same
    // answer is read the same way (same points), and the same fault is found at the same line.
    void coinGeckoMarketChartSharesTheImporterParser()
    {
        const QByteArray body = "{\"prices\": [[1714554000000, 10.0],\n"
                                "  [1714557600000, null],\n"
                                "  [1714561200000, 12.0]],\n"
                                " \"unrelated\": {\"a\": [1, \"x\"]},\n"
                                " \"total_volumes\": [[1714554000000, 2400.0]]}";
        const auto bars = CoinGeckoMapper::marketChart(body, 3600);
        QVERIFY2(bars.ok(), qPrintable(bars.error()));
        // The null price is skipped (a backfill takes what it can); other keys are ignored.
        QCOMPARE(bars->size(), size_t(2));
        QCOMPARE(bars->at(0).candle.time, utc("2024-05-01T09:00:00Z"));
        QCOMPARE(bars->at(0).candle.close, 10.0);
        QCOMPARE(bars->at(0).candle.volume, 2400.0 / 24.0);
        QCOMPARE(bars->at(1).candle.time, utc("2024-05-01T11:00:00Z"));
        QCOMPARE(bars->at(1).candle.close, 12.0);

        const QByteArray cut = "{\"prices\": [[1714554000000, 10.0],\n"
                               "  [1714557600000, 11.0],\n"
                               "  [1714561200000, 12";
        const auto broken = CoinGeckoMapper::marketChart(cut);
        QVERIFY(!broken.ok());
        QVERIFY2(broken.error().contains(QLatin1String("line 3:")), qPrintable(broken.error()));
        // An /ohlc array is a chart, but not the answer a market_chart request expects.
        QVERIFY(!CoinGeckoMapper::marketChart("[[1714554000000, 1, 2, 0.5, 1.5]]").ok());
        QVERIFY(!CoinGeckoMapper::marketChart("{\"market_caps\": []}").ok());
    }

    void binanceKlines()
    {
        const auto candles = BinanceMapper::klines(fixture(QStringLiteral("klines_btcusdt.json")));
        QVERIFY2(candles.ok(), qPrintable(candles.error()));
        QCOMPARE(candles->size(), size_t(3));
        const cp::engine::Candle &c = candles->at(2);
        QCOMPARE(c.time, utc("2024-05-01T11:00:00Z"));
        QCOMPARE(c.open, 66350.0);
        QCOMPARE(c.high, 66800.0);
        QCOMPARE(c.low, 66300.0);
        QCOMPARE(c.close, 66720.25);
        QCOMPARE(c.volume, 1010.0);
    }

    void binanceStream()
    {
        const QByteArray kline =
            "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":1714566612345,"
            "\"s\":\"BTCUSDT\",\"k\":{\"t\":1714566600000,\"T\":1714566659999,\"s\":\"BTCUSDT\","
            "\"i\":\"1m\",\"f\":100,"
            "\"L\":200,\"o\":\"67180.10\",\"c\":\"67187.34\",\"h\":\"67190.00\",\"l\":\"67170.00\","
            "\"v\":\"12.5\",\"n\":101,"
            "\"x\":false,\"q\":\"839812.3\",\"V\":\"6.1\",\"Q\":\"409800.1\",\"B\":\"0\"}}}";
        const auto k = BinanceMapper::streamMessage(kline);
        QVERIFY2(k.ok(), qPrintable(k.error()));
        QVERIFY(k->has_value());
        QCOMPARE(int((*k)->kind), int(StreamEvent::Kind::Kline));
        QCOMPARE((*k)->pair, QStringLiteral("BTCUSDT"));
        QCOMPARE((*k)->candle.time, utc("2024-05-01T12:30:00Z"));
        QCOMPARE((*k)->candle.close, 67187.34);
        QCOMPARE((*k)->candle.volume, 12.5);
        QVERIFY(!(*k)->closed);

        const QByteArray ticker =
            "{\"stream\":\"ethusdt@miniTicker\",\"data\":{\"e\":\"24hrMiniTicker\","
            "\"E\":1714566612000,\"s\":\"ETHUSDT\",\"c\":\"3137.71\",\"o\":\"3150.21\",\"h\":"
            "\"3190.20\",\"l\":\"3090.10\","
            "\"v\":\"301234.5\",\"q\":\"945123456.7\"}}";
        const auto t = BinanceMapper::streamMessage(ticker);
        QVERIFY(t.ok() && t->has_value());
        QCOMPARE(int((*t)->kind), int(StreamEvent::Kind::MiniTicker));
        QCOMPARE((*t)->lastPrice, 3137.71);
        QCOMPARE((*t)->eventTimeMs, qint64(1714566612000));

        const auto reply = BinanceMapper::streamMessage("{\"result\":null,\"id\":1}");
        QVERIFY(reply.ok() && !reply->has_value());
        QVERIFY(
            !BinanceMapper::streamMessage("{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kl")
                 .ok());
        QVERIFY(
            !BinanceMapper::streamMessage("{\"data\":{\"e\":\"kline\",\"s\":\"BTCUSDT\",\"k\":{}}}")
                 .ok());
    }

    void binanceNames_data()
    {
        QTest::addColumn<QString>("pair");
        QTest::addColumn<QString>("base");
        QTest::newRow("usdt") << "BTCUSDT"
                              << "BTC";
        QTest::newRow("lower") << "ethusdt"
                               << "ETH";
        QTest::newRow("fdusd") << "SOLFDUSD"
                               << "SOL";
        QTest::newRow("usdc") << "DOGEUSDC"
                              << "DOGE";
        QTest::newRow("no quote") << "BTC"
                                  << "BTC";
    }

    void binanceNames()
    {
        QFETCH(QString, pair);
        QFETCH(QString, base);
        QCOMPARE(BinanceMapper::baseAsset(pair), base);
    }

    void intervals()
    {
        QCOMPARE(BinanceMapper::intervalSeconds(QStringLiteral("1m")), qint64(60));
        QCOMPARE(BinanceMapper::intervalSeconds(QStringLiteral("15m")), qint64(900));
        QCOMPARE(BinanceMapper::intervalSeconds(QStringLiteral("1h")), qint64(3600));
        QCOMPARE(BinanceMapper::intervalSeconds(QStringLiteral("1d")), qint64(86400));
        QCOMPARE(BinanceMapper::intervalSeconds(QStringLiteral("1w")), qint64(604800));
        QCOMPARE(BinanceMapper::intervalSeconds(QStringLiteral("x")), qint64(0));
        QCOMPARE(BinanceMapper::intervalSeconds(QStringLiteral("1y")), qint64(0));
    }

    void fearGreed()
    {
        const auto rows = FearGreedMapper::readings(fixture(QStringLiteral("fng.json")));
        QVERIFY2(rows.ok(), qPrintable(rows.error()));
        QCOMPARE(rows->size(), size_t(3));
        QCOMPARE(rows->at(0).value, 61.0);
        QCOMPARE(rows->at(0).classification, QStringLiteral("Greed"));
        QCOMPARE(rows->at(0).timestamp, utc("2024-05-01T00:00:00Z"));
        QCOMPARE(rows->at(1).value, 29.0);
        const auto error = FearGreedMapper::readings(
            "{\"name\":\"Fear and Greed Index\",\"data\":[],\"metadata\":{\"error\":\"Limit is "
            "invalid\"}}");
        QVERIFY(!error.ok());
        QVERIFY(error.error().contains(QStringLiteral("Limit is invalid")));
        // Out-of-range readings are dropped, not clamped.
        const auto odd =
            FearGreedMapper::readings("{\"data\":[{\"value\":\"101\",\"timestamp\":\"1714521600\"},"
                                      "{\"value\":\"-1\",\"timestamp\":\"1\"}]}");
        QVERIFY(odd.ok());
        QCOMPARE(odd->size(), size_t(0));
    }

    // Every mapper turns a malformed or cut-off body into an error value, never a crash or rows.
    void brokenBodies_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("markets") << "coins_markets.json";
        QTest::newRow("global") << "global.json";
        QTest::newRow("categories") << "categories.json";
        QTest::newRow("chart") << "market_chart_bitcoin.json";
        QTest::newRow("klines") << "klines_btcusdt.json";
        QTest::newRow("fng") << "fng.json";
    }

    void brokenBodies()
    {
        QFETCH(QString, file);
        const QByteArray full = fixture(file);
        QVERIFY(!full.isEmpty());
        const QByteArray cut = full.left(full.size() / 2);
        const QByteArray junk = "<html><body>502 Bad Gateway</body></html>";
        for (const QByteArray &body : {cut, junk}) {
            bool ok = true;
            if (file == QLatin1String("coins_markets.json"))
                ok = CoinGeckoMapper::markets(body).ok();
            else if (file == QLatin1String("global.json"))
                ok = CoinGeckoMapper::global(body).ok();
            else if (file == QLatin1String("categories.json"))
                ok = CoinGeckoMapper::categories(body).ok();
            else if (file == QLatin1String("market_chart_bitcoin.json"))
                ok = CoinGeckoMapper::marketChart(body).ok();
            else if (file == QLatin1String("klines_btcusdt.json"))
                ok = BinanceMapper::klines(body).ok();
            else
                ok = FearGreedMapper::readings(body).ok();
            QVERIFY2(!ok, body.constData());
        }
        // Valid JSON of the wrong shape is refused too.
        QVERIFY(!CoinGeckoMapper::markets("{\"error\":\"x\"}").ok());
        QVERIFY(!CoinGeckoMapper::global("[]").ok());
        QVERIFY(!BinanceMapper::klines("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}").ok());
    }
};

QTEST_GUILESS_MAIN(tst_MarketMappers)
#include "tst_marketmappers.moc"
