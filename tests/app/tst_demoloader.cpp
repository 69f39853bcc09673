#include <testdatabase.h>

#include <app/demoloader.h>
#include <engine/simulator.h>
#include <models/assetrepository.h>
#include <models/connection.h>
#include <models/pricedatawriter.h>
#include <models/sqltimestamp.h>
#include <models/sqltransaction.h>

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <vector>

using cp::engine::Candle;
using cp::engine::MarketSimulator;
using cp::engine::SimulationConfig;

namespace {

SimulationConfig smallDemo(quint64 seed)
{
    SimulationConfig config;
    config.seed = seed;
    config.assetCount = 12;
    config.days = 30;
    config.interval = cp::engine::Interval::Day;
    config.startTime = 1'704'067'200; // 2024-01-01T00:00:00Z
    return config;
}

bool isPostgres(const QSqlDatabase &db)
{
    return cp::models::dialectOf(db) == cp::models::Dialect::PostgreSQL;
}

/** Row counts of every table a demo load writes. */
struct Counts
{
    qint64 assets = -1, prices = -1, mappings = -1, metadata = -1;
    bool operator==(const Counts &) const = default;
};

qint64 count(QSqlDatabase db, const QString &table)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

Counts countsOf(QSqlDatabase db)
{
    return {count(db, QStringLiteral("cryptocurrencies")), count(db, QStringLiteral("price_data")),
            count(db, QStringLiteral("crypto_sector_mapping")),
            count(db, QStringLiteral("app_metadata"))};
}

QString describe(const Counts &c)
{
    return QStringLiteral("assets %1, prices %2, mappings %3, metadata %4")
        .arg(c.assets)
        .arg(c.prices)
        .arg(c.mappings)
        .arg(c.metadata);
}

char *toString(const Counts &counts)
{
    return qstrdup(qPrintable(describe(counts)));
}

// Everything a demo load touches, as text: two equal dumps mean an unchanged database.
// Without metadata, two loads of the same config give equal dumps (generated_at differs).
QStringList dump(QSqlDatabase db, bool withMetadata = true)
{
    const QStringList queries{
        QStringLiteral("SELECT id, symbol, name, is_simulated, current_price, market_cap,"
                       " market_cap_rank, sector_id, circulating_supply FROM cryptocurrencies"
                       " ORDER BY id"),
        QStringLiteral("SELECT crypto_id, timestamp, open_price, close_price, volume, market_cap"
                       " FROM price_data ORDER BY crypto_id, timestamp"),
        QStringLiteral("SELECT crypto_id, sector_id, is_primary FROM crypto_sector_mapping"
                       " ORDER BY crypto_id, sector_id"),
        QStringLiteral("SELECT key, value FROM app_metadata ORDER BY key"),
    };
    QStringList lines;
    for (const QString &sql : withMetadata ? queries : queries.mid(0, 3)) {
        QSqlQuery query(db);
        if (!query.exec(sql)) {
            lines.append(QStringLiteral("error: ") + query.lastError().text());
            continue;
        }
        while (query.next()) {
            QStringList fields;
            for (int i = 0; i < query.record().count(); ++i)
                fields.append(query.value(i).toString());
            lines.append(fields.join(QLatin1Char('|')));
        }
    }
    return lines;
}

QJsonObject demoRecord(QSqlDatabase db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT value FROM app_metadata WHERE key = 'demo_data'")) ||
        !query.next()) {
        return {};
    }
    return QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
}

/** A stored price_data row of one asset. */
struct StoredCandle
{
    qint64 time = 0;
    double open = 0, high = 0, low = 0, close = 0, volume = 0, marketCap = 0;
};

std::vector<StoredCandle> storedCandles(QSqlDatabase db, const QString &symbol)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT p.timestamp, p.open_price, p.high_price, p.low_price, p.close_price, p.volume,"
        " p.market_cap FROM price_data p JOIN cryptocurrencies c ON c.id = p.crypto_id"
        " WHERE c.symbol = ? ORDER BY p.timestamp"));
    query.addBindValue(symbol);
    std::vector<StoredCandle> rows;
    if (!query.exec())
        return rows;
    while (query.next()) {
        rows.push_back({cp::models::SqlTimestamp::toDateTime(query.value(0)).toSecsSinceEpoch(),
                        query.value(1).toDouble(), query.value(2).toDouble(),
                        query.value(3).toDouble(), query.value(4).toDouble(),
                        query.value(5).toDouble(), query.value(6).toDouble()});
    }
    return rows;
}

// Decimals a column keeps: PostgreSQL's NUMERIC(p, scale) rounds to `scale`, SQLite stores the
// writer's doubles as they are (-1: compare exactly).
int decimalsOf(QSqlDatabase db, const QString &table, const QString &column)
{
    if (!isPostgres(db))
        return -1;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT numeric_scale FROM information_schema.columns"
                                 " WHERE table_name = ? AND column_name = ?"));
    query.addBindValue(table);
    query.addBindValue(column);
    if (!query.exec() || !query.next() || query.value(0).isNull())
        return 0;
    return query.value(0).toInt();
}

bool closeEnough(double stored, double written, int decimals)
{
    if (decimals < 0)
        return stored == written;
    const double halfUnit = 0.5 * std::pow(10.0, -decimals);
    return std::abs(stored - written) <= halfUnit * 1.000001 + std::abs(written) * 1e-15;
}

#define CP_CLOSE(stored, written, decimals)                                                        \
    QVERIFY2(closeEnough(stored, written, decimals),                                               \
             qPrintable(QStringLiteral("%1: stored %2, written %3 (%4 decimals)")                  \
                            .arg(QLatin1String(#written))                                          \
                            .arg(stored, 0, 'g', 17)                                               \
                            .arg(written, 0, 'g', 17)                                              \
                            .arg(decimals)))

// Checks one asset's stored candles against the simulator's output, generated independently.
void verifyAssetCandles(QSqlDatabase db, const MarketSimulator &simulator, int index)
{
    const cp::engine::SimulatedAsset &asset = simulator.assets()[std::size_t(index)];
    std::vector<Candle> expected;
    simulator.generateCandles(index, expected);
    const std::vector<StoredCandle> rows = storedCandles(db, asset.symbol);
    QCOMPARE(rows.size(), expected.size());
    const QString table = QStringLiteral("price_data");
    const int price = decimalsOf(db, table, QStringLiteral("close_price"));
    const int volume = decimalsOf(db, table, QStringLiteral("volume"));
    const int cap = decimalsOf(db, table, QStringLiteral("market_cap"));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const StoredCandle &s = rows[i];
        const Candle &c = expected[i];
        QCOMPARE(s.time, c.time);
        CP_CLOSE(s.open, c.open, price);
        CP_CLOSE(s.high, c.high, price);
        CP_CLOSE(s.low, c.low, price);
        CP_CLOSE(s.close, c.close, price);
        CP_CLOSE(s.volume, c.volume, volume);
        CP_CLOSE(s.marketCap, c.close * asset.circulatingSupply, cap);
    }
}

cp::Result<cp::app::DemoReport> load(QSqlDatabase db, const SimulationConfig &config,
                                     const cp::app::DemoLoader::Progress &progress = {})
{
    return cp::app::DemoLoader(db).load(config, progress);
}

} // namespace

/** DemoLoader: writes exactly the simulator's market, labelled simulated, all or nothing. */
class tst_DemoLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesTheSimulatedMarket_data() { cp::test::addDialectColumn(); }
    void writesTheSimulatedMarket();
    void secondLoadReplaces_data() { cp::test::addDialectColumn(); }
    void secondLoadReplaces();
    void cancelledLoadLeavesDatabaseUnchanged_data() { cp::test::addDialectColumn(); }
    void cancelledLoadLeavesDatabaseUnchanged();
    void refusesToMixWithRealData_data();
    void refusesToMixWithRealData();
};

void tst_DemoLoader::writesTheSimulatedMarket()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    const SimulationConfig config = smallDemo(7);
    const MarketSimulator simulator(config);
    QCOMPARE(simulator.barCount(), 30);
    QCOMPARE(simulator.assets().size(), std::size_t(12));

    const cp::Result<cp::app::DemoReport> report = load(db, config);
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QCOMPARE(report->assets, 12);
    QCOMPARE(report->candles, qint64(12 * 30));
    QCOMPARE(countsOf(db), (Counts{12, 360, 12, 1}));

    // Exactly the simulator's symbols, each simulated and mapped to its sector as primary.
    QSqlQuery query(db);
    QVERIFY2(
        query.exec(QStringLiteral(
            "SELECT c.symbol, c.name, c.is_simulated, s.name, m.is_primary,"
            " c.current_price, c.market_cap, c.market_cap_rank, c.last_data_update,"
            " c.circulating_supply FROM cryptocurrencies c"
            " JOIN crypto_sectors s ON s.id = c.sector_id"
            " JOIN crypto_sector_mapping m ON m.crypto_id = c.id AND m.sector_id = c.sector_id")),
        qPrintable(query.lastError().text()));
    const QString table = QStringLiteral("cryptocurrencies");
    const int price = decimalsOf(db, table, QStringLiteral("current_price"));
    const int cap = decimalsOf(db, table, QStringLiteral("market_cap"));
    QHash<QString, int> ranks;
    int rows = 0;
    while (query.next()) {
        ++rows;
        const QString symbol = query.value(0).toString();
        const auto it = std::find_if(simulator.assets().begin(), simulator.assets().end(),
                                     [&](const auto &a) { return a.symbol == symbol; });
        QVERIFY2(it != simulator.assets().end(), qPrintable(symbol));
        QCOMPARE(query.value(1).toString(), it->name);
        QVERIFY2(query.value(2).toBool(), qPrintable(symbol + QStringLiteral(" not simulated")));
        QCOMPARE(query.value(3).toString(), it->sector);
        QVERIFY(query.value(4).toBool());
        std::vector<Candle> candles;
        simulator.generateCandles(int(it - simulator.assets().begin()), candles);
        CP_CLOSE(query.value(5).toDouble(), candles.back().close, price);
        CP_CLOSE(query.value(6).toDouble(), candles.back().close * it->circulatingSupply, cap);
        QVERIFY2(!query.value(7).isNull(), qPrintable(symbol + QStringLiteral(" has no rank")));
        ranks.insert(symbol, query.value(7).toInt());
        QCOMPARE(cp::models::SqlTimestamp::toDateTime(query.value(8)).toSecsSinceEpoch(),
                 candles.back().time);
        QCOMPARE(query.value(9).toDouble(), it->circulatingSupply);
    }
    QCOMPARE(rows, 12);

    // Ranks follow the latest market caps the simulator produced: 1 + how many are larger.
    std::vector<std::pair<QString, double>> caps;
    for (int i = 0; i < 12; ++i) {
        std::vector<Candle> candles;
        simulator.generateCandles(i, candles);
        caps.emplace_back(simulator.assets()[std::size_t(i)].symbol,
                          candles.back().close *
                              simulator.assets()[std::size_t(i)].circulatingSupply);
    }
    for (const auto &[symbol, cap] : caps) {
        const int larger = int(
            std::count_if(caps.begin(), caps.end(), [&](const auto &o) { return o.second > cap; }));
        QCOMPARE(ranks.value(symbol), larger + 1);
    }
    QCOMPARE(ranks.value(QStringLiteral("BTC")), 1);

    for (int index : {0, 2, 7, 11})
        verifyAssetCandles(db, simulator, index);

    const QJsonObject record = demoRecord(db);
    QCOMPARE(record.value(QStringLiteral("simulated")).toBool(), true);
    QCOMPARE(record.value(QStringLiteral("seed")).toString(), QStringLiteral("7"));
    QCOMPARE(record.value(QStringLiteral("assets")).toInt(), 12);
    QCOMPARE(record.value(QStringLiteral("days")).toInt(), 30);
    QCOMPARE(record.value(QStringLiteral("interval")).toString(), QStringLiteral("1d"));
    QCOMPARE(QDateTime::fromString(record.value(QStringLiteral("start")).toString(), Qt::ISODate),
             QDateTime::fromSecsSinceEpoch(config.startTime, QTimeZone::utc()));
}

void tst_DemoLoader::secondLoadReplaces()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();

    cp::Result<cp::app::DemoReport> report = load(db, smallDemo(7));
    QVERIFY2(report.ok(), qPrintable(report.error()));
    const QStringList first = dump(db, false);
    QJsonObject firstRecord = demoRecord(db);
    const Counts counts = countsOf(db);
    QCOMPARE(counts, (Counts{12, 360, 12, 1}));

    report = load(db, smallDemo(7));
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QCOMPARE(countsOf(db), counts);
    QCOMPARE(dump(db, false), first);
    QJsonObject secondRecord = demoRecord(db);
    QVERIFY(firstRecord.take(QStringLiteral("generated_at")).isString());
    QVERIFY(secondRecord.take(QStringLiteral("generated_at")).isString());
    QCOMPARE(secondRecord, firstRecord);

    // Another seed: same assets (same ids), new history in place of the old one.
    const MarketSimulator other(smallDemo(8));
    report = load(db, smallDemo(8));
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QCOMPARE(countsOf(db), counts);
    QVERIFY(dump(db, false) != first);
    verifyAssetCandles(db, other, 0);
    verifyAssetCandles(db, other, 5);
    QCOMPARE(demoRecord(db).value(QStringLiteral("seed")).toString(), QStringLiteral("8"));
}

void tst_DemoLoader::cancelledLoadLeavesDatabaseUnchanged()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();

    std::vector<std::pair<int, int>> calls;
    const auto cancelHalfWay = [&calls](int done, int total) {
        calls.emplace_back(done, total);
        return done < total / 2;
    };

    // On an empty database ...
    const QStringList empty = dump(db);
    cp::Result<cp::app::DemoReport> report = load(db, smallDemo(9), cancelHalfWay);
    QVERIFY(!report.ok());
    QVERIFY2(report.error().contains(QLatin1String("cancelled")), qPrintable(report.error()));
    QCOMPARE(calls.size(), std::size_t(6));
    for (std::size_t i = 0; i < calls.size(); ++i)
        QCOMPARE(calls[i], std::make_pair(int(i) + 1, 12));
    QCOMPARE(countsOf(db), (Counts{0, 0, 0, 0}));
    QCOMPARE(dump(db), empty);

    // ... and on one holding an earlier demo.
    report = load(db, smallDemo(7));
    QVERIFY2(report.ok(), qPrintable(report.error()));
    const Counts before = countsOf(db);
    const QStringList contents = dump(db);
    report = load(db, smallDemo(9), cancelHalfWay);
    QVERIFY(!report.ok());
    QCOMPARE(countsOf(db), before);
    QCOMPARE(dump(db), contents);
    QCOMPARE(demoRecord(db).value(QStringLiteral("seed")).toString(), QStringLiteral("7"));

    // The connection is fit for a complete load afterwards.
    report = load(db, smallDemo(9));
    QVERIFY2(report.ok(), qPrintable(report.error()));
    verifyAssetCandles(db, MarketSimulator(smallDemo(9)), 3);
}

void tst_DemoLoader::refusesToMixWithRealData_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<int>("assetIndex");
    // Index 0 is refused before anything is written; index 5 after five assets were written.
    for (const char *d : {"sqlite", "postgresql"}) {
        QTest::addRow("%s, first asset", d) << QString::fromLatin1(d) << 0;
        QTest::addRow("%s, sixth asset", d) << QString::fromLatin1(d) << 5;
    }
}

void tst_DemoLoader::refusesToMixWithRealData()
{
    QFETCH(QString, dialect);
    QFETCH(int, assetIndex);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    const QString symbol = MarketSimulator(smallDemo(7)).assets()[std::size_t(assetIndex)].symbol;
    if (assetIndex == 0)
        QCOMPARE(symbol, QStringLiteral("BTC"));

    // A real asset with a little history.
    {
        cp::models::SqlTransaction transaction(db);
        cp::models::AssetFacts facts;
        facts.symbol = symbol;
        facts.name = QStringLiteral("Real ") + symbol;
        facts.circulatingSupply = 1000.0;
        const cp::Result<int> id = cp::models::AssetRepository(db).insert(facts);
        QVERIFY2(id.ok(), qPrintable(id.error()));
        cp::models::PriceDataWriter writer(db, cp::models::PriceDataWriter::Mode::Append);
        QVERIFY(writer.begin());
        const std::vector<Candle> candles{{1'700'000'000, 1.0, 2.0, 0.5, 1.5, 10.0},
                                          {1'700'086'400, 1.5, 2.5, 1.0, 2.0, 11.0}};
        QVERIFY(writer.write(*id, candles, 1000.0));
        QVERIFY(writer.finish());
        QVERIFY(transaction.commit());
    }
    const QStringList before = dump(db);
    QCOMPARE(countsOf(db), (Counts{1, 2, 0, 0}));

    const cp::Result<cp::app::DemoReport> report = load(db, smallDemo(7));
    QVERIFY(!report.ok());
    QVERIFY2(report.error().contains(symbol), qPrintable(report.error()));
    QVERIFY2(report.error().contains(QLatin1String("real")), qPrintable(report.error()));
    QCOMPARE(countsOf(db), (Counts{1, 2, 0, 0}));
    QCOMPARE(dump(db), before);
}

QTEST_GUILESS_MAIN(tst_DemoLoader)
#include "tst_demoloader.moc"
