// MarketDataWriter on both dialects: provider rows land in the schema's tables, labelled,
// idempotent where re-fetching repeats data, never touching simulated assets.
#include "fixtures.h"

#include <testdatabase.h>

#include <app/marketdata/binancemapper.h>
#include <app/marketdata/coingeckomapper.h>
#include <app/marketdata/feargreedmapper.h>
#include <app/marketdata/marketdatawriter.h>
#include <models/changebus.h>
#include <models/connection.h>

#include <QDateTime>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace cp::app::marketdata;

namespace {

QVariant scalar(QSqlDatabase db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next()) {
        qWarning() << sql << q.lastError().text();
        return {};
    }
    return q.value(0);
}

QString epoch(QSqlDatabase db, const QString &column)
{
    return cp::models::dialectOf(db) == cp::models::Dialect::PostgreSQL
               ? QStringLiteral("CAST(EXTRACT(EPOCH FROM %1) AS BIGINT)").arg(column)
               : QStringLiteral("CAST(strftime('%s', %1) AS INTEGER)").arg(column);
}

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toSecsSinceEpoch();
}

int insertAsset(QSqlDatabase db, const QString &symbol, bool simulated)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO cryptocurrencies (symbol, name, is_simulated) VALUES"
                             " (?, ?, ?) RETURNING id"));
    q.addBindValue(symbol);
    q.addBindValue(symbol);
    q.addBindValue(simulated);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

bool announced(const QSignalSpy &spy, const QString &table)
{
    for (const QList<QVariant> &args : spy) {
        if (args.at(0).value<cp::models::ChangeEvent>().table == table)
            return true;
    }
    return false;
}

} // namespace

class tst_MarketWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void markets_data() { cp::test::addDialectColumn(); }
    void markets()
    {
        QFETCH(QString, dialect);
        CP_SCRATCH_DB(scratch, dialect);
        QSqlDatabase db = scratch.database();
        // A demo asset named like a real one must not receive real figures.
        const int simulatedEth = insertAsset(db, QStringLiteral("ETH"), true);
        QVERIFY(simulatedEth > 0);
        const auto rows = CoinGeckoMapper::markets(fixture(QStringLiteral("coins_markets.json")));
        QVERIFY(rows.ok());
        QSignalSpy spy(&cp::models::ChangeBus::instance(), &cp::models::ChangeBus::changed);

        MarketDataWriter writer(db);
        const auto first = writer.writeMarkets(*rows);
        QVERIFY2(first.ok(), qPrintable(first.error()));
        QCOMPARE(first->inserted, 2); // BTC, USDT
        QCOMPARE(first->updated, 0);
        QCOMPARE(first->skipped, 2); // simulated ETH, second "btc"
        QVERIFY(announced(spy, QStringLiteral("cryptocurrencies")));

        QSqlQuery q(db);
        QVERIFY(
            q.exec(QStringLiteral("SELECT coingecko_id, name, market_cap_rank, current_price, "
                                  "market_cap, total_volume,"
                                  " circulating_supply, total_supply, max_supply, is_simulated, ") +
                   epoch(db, QStringLiteral("last_data_update")) +
                   QStringLiteral(" FROM cryptocurrencies WHERE symbol = 'BTC'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("bitcoin"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("Bitcoin"));
        QCOMPARE(q.value(2).toInt(), 1);
        QCOMPARE(q.value(3).toDouble(), 67187.34);
        QCOMPARE(q.value(4).toDouble(), 1322737485902.0);
        QCOMPARE(q.value(5).toDouble(), 28344721845.5);
        QCOMPARE(q.value(6).toDouble(), 19687521.0);
        QCOMPARE(q.value(7).toDouble(), 21000000.0);
        QCOMPARE(q.value(8).toDouble(), 21000000.0);
        QCOMPARE(q.value(9).toBool(), false);
        QCOMPARE(q.value(10).toLongLong(), utc("2024-05-01T13:00:12Z"));
        QVERIFY(q.exec(QStringLiteral("SELECT max_supply, coingecko_id, current_price FROM"
                                      " cryptocurrencies WHERE symbol = 'USDT'")));
        QVERIFY(q.next());
        QVERIFY(q.value(0).isNull());
        QVERIFY(scalar(db,
                       QStringLiteral("SELECT current_price FROM cryptocurrencies WHERE id = ?"),
                       {simulatedEth})
                    .isNull());
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM cryptocurrencies")).toInt(), 3);

        // Again: the same coins are updated, not duplicated.
        const auto second = writer.writeMarkets(*rows);
        QVERIFY(second.ok());
        QCOMPARE(second->inserted, 0);
        QCOMPARE(second->updated, 2);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM cryptocurrencies")).toInt(), 3);
    }

    void existingRealAssetAdopted_data() { cp::test::addDialectColumn(); }
    void existingRealAssetAdopted()
    {
        QFETCH(QString, dialect);
        CP_SCRATCH_DB(scratch, dialect);
        QSqlDatabase db = scratch.database();
        // An imported (real) BTC without a CoinGecko id is the same coin: it is adopted.
        const int btc = insertAsset(db, QStringLiteral("BTC"), false);
        const auto rows = CoinGeckoMapper::markets(fixture(QStringLiteral("coins_markets.json")));
        const auto report = MarketDataWriter(db).writeMarkets(*rows);
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QCOMPARE(scalar(db,
                        QStringLiteral("SELECT coingecko_id FROM cryptocurrencies WHERE id = ?"),
                        {btc})
                     .toString(),
                 QStringLiteral("bitcoin"));
    }

    void global_data() { cp::test::addDialectColumn(); }
    void global()
    {
        QFETCH(QString, dialect);
        CP_SCRATCH_DB(scratch, dialect);
        QSqlDatabase db = scratch.database();
        const auto row = CoinGeckoMapper::global(fixture(QStringLiteral("global.json")));
        QVERIFY(row.ok());
        MarketDataWriter writer(db);
        const auto first = writer.writeGlobal(*row);
        QVERIFY2(first.ok(), qPrintable(first.error()));
        QCOMPARE(first->inserted, 1);
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT btc_dominance, eth_dominance, stablecoin_dominance,"
                                      " alt_dominance, total_market_cap, total_volume,"
                                      " dominance_changes, ") +
                       epoch(db, QStringLiteral("timestamp")) +
                       QStringLiteral(" FROM dominance_data")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toDouble(), 50.61);
        QCOMPARE(q.value(1).toDouble(), 14.42);
        QCOMPARE(q.value(2).toDouble(), 5.51);
        QCOMPARE(q.value(3).toDouble(), 29.46);
        QCOMPARE(q.value(4).toDouble(), 2613522184935.1);
        QCOMPARE(q.value(5).toDouble(), 90351234567.8);
        QVERIFY(q.value(6).toString().contains(QStringLiteral("coingecko")));
        QCOMPARE(q.value(7).toLongLong(), qint64(1714568400));
        // The same /global snapshot fetched twice is stored once.
        const auto second = writer.writeGlobal(*row);
        QVERIFY(second.ok());
        QCOMPARE(second->inserted, 0);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM dominance_data")).toInt(), 1);
    }

    void sectors_data() { cp::test::addDialectColumn(); }
    void sectors()
    {
        QFETCH(QString, dialect);
        CP_SCRATCH_DB(scratch, dialect);
        QSqlDatabase db = scratch.database();
        const auto rows = CoinGeckoMapper::categories(fixture(QStringLiteral("categories.json")));
        QVERIFY(rows.ok());
        const double total = 2613522184935.1;
        const auto report = MarketDataWriter(db).writeSectors(*rows, total);
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QCOMPARE(report->inserted, 5);
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral(
            "SELECT p.total_market_cap, p.total_volume, p.dominance_percentage, p.performance_24h,"
            " p.momentum_score, p.performance_metrics FROM sector_performance p JOIN"
            " crypto_sectors s ON s.id = p.sector_id WHERE s.name = 'DeFi'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toDouble(), 87234567890.1);
        QCOMPARE(q.value(1).toDouble(), 5123456789.0);
        // NUMERIC(5,2) keeps two decimals of cap / total * 100.
        QVERIFY(qAbs(q.value(2).toDouble() - 100.0 * 87234567890.1 / total) < 0.006);
        QCOMPARE(q.value(3).toDouble(), -2.5);
        QVERIFY(q.value(4).isNull()); // momentum is the engine's, not the provider's
        QVERIFY(q.value(5).toString().contains(QStringLiteral("decentralized-finance-defi")));
        // One analysis time for the set, so "the newest rows" are the whole set.
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(DISTINCT analysis_time) FROM"
                                           " sector_performance"))
                     .toInt(),
                 1);
        QVERIFY(scalar(db, QStringLiteral("SELECT p.total_market_cap FROM sector_performance p"
                                          " JOIN crypto_sectors s ON s.id = p.sector_id WHERE"
                                          " s.name = 'Gaming'"))
                    .isNull());
    }

    void fearGreed_data() { cp::test::addDialectColumn(); }
    void fearGreed()
    {
        QFETCH(QString, dialect);
        CP_SCRATCH_DB(scratch, dialect);
        QSqlDatabase db = scratch.database();
        const auto rows = FearGreedMapper::readings(fixture(QStringLiteral("fng.json")));
        QVERIFY(rows.ok());
        MarketDataWriter writer(db);
        const auto first = writer.writeFearGreed(*rows);
        QVERIFY2(first.ok(), qPrintable(first.error()));
        QCOMPARE(first->inserted, 3);
        const auto again = writer.writeFearGreed(*rows);
        QVERIFY(again.ok());
        QCOMPARE(again->inserted, 0);
        QCOMPARE(again->skipped, 3);
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT fear_greed_index, sentiment_sources,"
                                      " composite_sentiment FROM market_sentiment_data ORDER BY"
                                      " timestamp DESC")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toDouble(), 61.0);
        QVERIFY(q.value(1).toString().contains(QStringLiteral("alternative.me")));
        QVERIFY(q.value(1).toString().contains(QStringLiteral("Greed")));
        QVERIFY(q.value(2).isNull()); // our own composite index is not invented here
    }

    void bars_data() { cp::test::addDialectColumn(); }
    void bars()
    {
        QFETCH(QString, dialect);
        CP_SCRATCH_DB(scratch, dialect);
        QSqlDatabase db = scratch.database();
        const int btc = insertAsset(db, QStringLiteral("BTC"), false);
        const auto klines = BinanceMapper::klines(fixture(QStringLiteral("klines_btcusdt.json")));
        QVERIFY(klines.ok());
        std::vector<PriceBar> exchange;
        for (const auto &c : *klines)
            exchange.push_back({c, std::nullopt});
        MarketDataWriter writer(db);
        QSignalSpy spy(&cp::models::ChangeBus::instance(), &cp::models::ChangeBus::changed);
        const auto written = writer.writeBars(btc, exchange, true);
        QVERIFY2(written.ok(), qPrintable(written.error()));
        QCOMPARE(written->inserted, 3);
        QVERIFY(announced(spy, QStringLiteral("price_data")));

        // CoinGecko point samples at the same times do not replace the exchange's OHLC bars...
        const auto chart = CoinGeckoMapper::marketChart(
            fixture(QStringLiteral("market_chart_bitcoin.json")), 3600);
        QVERIFY(chart.ok());
        const auto points = writer.writeBars(btc, *chart, false);
        QVERIFY(points.ok());
        QCOMPARE(points->inserted, 1); // only 12:00 was missing
        QCOMPARE(points->skipped, 3);
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT open_price, high_price, low_price, close_price, volume,"
                                 " market_cap FROM price_data WHERE crypto_id = ? AND ") +
                  epoch(db, QStringLiteral("timestamp")) + QStringLiteral(" = ?"));
        q.addBindValue(btc);
        q.addBindValue(utc("2024-05-01T11:00:00Z"));
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(1).toDouble(), 66800.0);
        QCOMPARE(q.value(2).toDouble(), 66300.0);
        QCOMPARE(q.value(4).toDouble(), 1010.0);

        // ...while a newer exchange bar does (an in-progress bar becoming final).
        std::vector<PriceBar> finalBar{
            {{utc("2024-05-01T11:00:00Z"), 66350, 66900, 66300, 66880, 1200}, std::nullopt}};
        QVERIFY(writer.writeBars(btc, finalBar, true).ok());
        q.addBindValue(btc);
        q.addBindValue(utc("2024-05-01T11:00:00Z"));
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(3).toDouble(), 66880.0);
        QCOMPARE(q.value(4).toDouble(), 1200.0);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM price_data")).toInt(), 4);
        const auto latest = writer.latestBarTime(btc);
        QVERIFY(latest.ok());
        QCOMPARE(*latest, utc("2024-05-01T12:00:00Z"));
    }

    void liveBatch_data() { cp::test::addDialectColumn(); }
    void liveBatch()
    {
        QFETCH(QString, dialect);
        CP_SCRATCH_DB(scratch, dialect);
        QSqlDatabase db = scratch.database();
        const int btc = insertAsset(db, QStringLiteral("BTC"), false);
        insertAsset(db, QStringLiteral("ETH"), true);
        const qint64 t = utc("2024-05-01T12:30:00Z");
        QHash<QString, std::vector<cp::engine::Candle>> bars{
            {QStringLiteral("BTC"), {{t, 67180.1, 67190, 67170, 67187.34, 12.5}}},
            {QStringLiteral("ETH"), {{t, 3150, 3151, 3149, 3150.5, 100}}},
            {QStringLiteral("SOL"), {{t, 145.1, 145.3, 145.0, 145.2, 900}}}};
        const QHash<QString, double> prices{{QStringLiteral("BTC"), 67188.0},
                                            {QStringLiteral("ETH"), 3150.6}};
        const auto report = MarketDataWriter(db).writeLiveBatch(bars, prices, t + 12);
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QCOMPARE(report->inserted, 2); // BTC and the new SOL; simulated ETH skipped
        QCOMPARE(report->skipped, 1);
        QCOMPARE(scalar(db,
                        QStringLiteral("SELECT current_price FROM cryptocurrencies WHERE id = ?"),
                        {btc})
                     .toDouble(),
                 67188.0);
        QVERIFY(scalar(db, QStringLiteral("SELECT current_price FROM cryptocurrencies WHERE"
                                          " symbol = 'ETH'"))
                    .isNull());
        QCOMPARE(scalar(db, QStringLiteral("SELECT is_simulated FROM cryptocurrencies WHERE"
                                           " symbol = 'SOL'"))
                     .toBool(),
                 false);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM price_data p JOIN cryptocurrencies"
                                           " c ON c.id = p.crypto_id WHERE c.symbol = 'ETH'"))
                     .toInt(),
                 0);
    }
};

QTEST_GUILESS_MAIN(tst_MarketWriter)
#include "tst_marketwriter.moc"
