#include <testdatabase.h>

#include <app/importers/priceimporter.h>
#include <models/assetrepository.h>
#include <models/connection.h>
#include <models/sqltimestamp.h>

#include <QCryptographicHash>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using cp::Result;
using cp::app::importers::ImportFormat;
using cp::app::importers::ImportReport;
using cp::app::importers::ImportRequest;
using cp::app::importers::PriceImporter;

namespace {

/** Row count and a digest of every price_data row: equal before and after = unchanged. */
struct TableState
{
    qint64 rows = -1;
    qint64 assets = -1;
    QByteArray digest;
    bool operator==(const TableState &o) const = default;
};

qint64 scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

TableState stateOf(QSqlDatabase db)
{
    TableState state;
    state.rows = scalar(db, QStringLiteral("SELECT COUNT(*) FROM price_data"));
    state.assets = scalar(db, QStringLiteral("SELECT COUNT(*) FROM cryptocurrencies"));
    QSqlQuery query(db);
    query.exec(QStringLiteral("SELECT crypto_id, timestamp, open_price, high_price, low_price,"
                              " close_price, volume, market_cap FROM price_data"
                              " ORDER BY crypto_id, timestamp"));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    while (query.next()) {
        QString line = query.value(0).toString() + QLatin1Char('|') +
                       cp::models::SqlTimestamp::toDateTime(query.value(1)).toString(Qt::ISODate);
        for (int i = 2; i < 8; ++i) {
            line += QLatin1Char('|') + (query.value(i).isNull()
                                            ? QStringLiteral("NULL")
                                            : QString::number(query.value(i).toDouble(), 'g', 17));
        }
        hash.addData(line.toUtf8());
    }
    state.digest = hash.result();
    return state;
}

QByteArray klineRow(qint64 seconds, double open, double high, double low, double close,
                    double volume, bool micro = false)
{
    const qint64 t = micro ? seconds * 1000000 : seconds * 1000;
    return QByteArray::number(t) + ',' + QByteArray::number(open, 'g', 17) + ',' +
           QByteArray::number(high, 'g', 17) + ',' + QByteArray::number(low, 'g', 17) + ',' +
           QByteArray::number(close, 'g', 17) + ',' + QByteArray::number(volume, 'g', 17) +
           ",0,0,0,0,0,0\n";
}

QByteArray csvRow(qint64 seconds, double open, double high, double low, double close, double volume)
{
    return cp::models::SqlTimestamp::fromUnixSeconds(seconds).toLatin1() + ';' +
           QByteArray::number(open, 'g', 17) + ';' + QByteArray::number(high, 'g', 17) + ';' +
           QByteArray::number(low, 'g', 17) + ';' + QByteArray::number(close, 'g', 17) + ';' +
           QByteArray::number(volume, 'g', 17) + '\n';
}

// 2024-01-01T00:00:00Z.
constexpr qint64 kStart = 1704067200;

// `count` minute bars whose values follow from the index (so the test can recompute them).
QByteArray goodRows(ImportFormat format, qint64 start, int count, bool micro = false)
{
    QByteArray out;
    for (int i = 0; i < count; ++i) {
        const double base = 100.0 + i * 0.25;
        out += format == ImportFormat::BinanceKlines
                   ? klineRow(start + i * 60, base, base + 1, base - 1, base + 0.5, 10 + i, micro)
                   : csvRow(start + i * 60, base, base + 1, base - 1, base + 0.5, 10 + i);
    }
    return out;
}

QByteArray header(ImportFormat format)
{
    return format == ImportFormat::OhlcvCsv ? QByteArray("Date;Open;High;Low;Close;Volume\n")
                                            : QByteArray();
}

} // namespace

/** PriceImporter on both dialects: all or nothing, idempotent, asset and sector creation. */
class tst_PriceImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importsAndCreatesAsset_data();
    void importsAndCreatesAsset();
    void badRowLeavesDatabaseUnchanged_data();
    void badRowLeavesDatabaseUnchanged();
    void reimportIsIdempotent_data();
    void reimportIsIdempotent();
    void overlappingFilesInOneImport_data() { cp::test::addDialectColumn(); }
    void overlappingFilesInOneImport();
    void coinGeckoMarketCaps_data() { cp::test::addDialectColumn(); }
    void coinGeckoMarketCaps();
    void cancelLeavesDatabaseUnchanged_data() { cp::test::addDialectColumn(); }
    void cancelLeavesDatabaseUnchanged();
    void refusesUnknownSectorAndSimulatedAsset_data() { cp::test::addDialectColumn(); }
    void refusesUnknownSectorAndSimulatedAsset();
    void currentPriceFollowsNewestCandle_data() { cp::test::addDialectColumn(); }
    void currentPriceFollowsNewestCandle();

private:
    QString writeFile(const QString &name, const QByteArray &data);
    QTemporaryDir m_dir;
};

QString tst_PriceImporter::writeFile(const QString &name, const QByteArray &data)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size())
        qWarning("cannot write %s", qPrintable(path));
    return path;
}

// Dialect x format rows for the tests that run on both.
static void addDialectAndFormat()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<int>("format");
    for (const char *dialect : {"sqlite", "postgresql"}) {
        for (ImportFormat format : {ImportFormat::BinanceKlines, ImportFormat::OhlcvCsv}) {
            QTest::addRow("%s, %s", dialect,
                          format == ImportFormat::BinanceKlines ? "binance-klines" : "ohlcv-csv")
                << QString::fromLatin1(dialect) << int(format);
        }
    }
}

void tst_PriceImporter::importsAndCreatesAsset_data()
{
    addDialectAndFormat();
}

void tst_PriceImporter::importsAndCreatesAsset()
{
    QFETCH(QString, dialect);
    QFETCH(int, format);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    const ImportFormat f = ImportFormat(format);
    // Binance: microseconds in the first file, milliseconds in the second.
    const QString a = writeFile(QStringLiteral("a.csv"), header(f) + goodRows(f, kStart, 50, true));
    const QString b =
        writeFile(QStringLiteral("b.csv"), header(f) + goodRows(f, kStart + 50 * 60, 30));
    ImportRequest request{
        {a, b}, f, QStringLiteral("test"), QStringLiteral("Test Coin"), QStringLiteral("layer1")};
    const Result<ImportReport> report = PriceImporter(db).run(request);
    QVERIFY2(report, qPrintable(report.error()));
    QCOMPARE(report->rows, qint64(80));
    QCOMPARE(report->files, 2);
    QVERIFY(report->assetCreated);
    QCOMPARE(report->firstTime, kStart);
    QCOMPARE(report->lastTime, kStart + 79 * 60);

    QSqlQuery asset(db);
    QVERIFY(asset.exec(QStringLiteral(
        "SELECT c.id, c.name, s.name FROM cryptocurrencies c JOIN crypto_sector_mapping m ON"
        " m.crypto_id = c.id JOIN crypto_sectors s ON s.id = m.sector_id WHERE c.symbol = "
        "'TEST'")));
    QVERIFY(asset.next());
    QCOMPARE(asset.value(0).toInt(), report->cryptoId);
    QCOMPARE(asset.value(1).toString(), QStringLiteral("Test Coin"));
    QCOMPARE(asset.value(2).toString(), QStringLiteral("Layer1"));

    QSqlQuery rows(db);
    QVERIFY(rows.exec(QStringLiteral("SELECT timestamp, open_price, high_price, low_price,"
                                     " close_price, volume, market_cap FROM price_data"
                                     " ORDER BY timestamp")));
    int i = 0;
    while (rows.next()) {
        // Each file's values restart from its first row.
        const int j = i < 50 ? i : i - 50;
        const double base = 100.0 + j * 0.25;
        QCOMPARE(cp::models::SqlTimestamp::toDateTime(rows.value(0)).toSecsSinceEpoch(),
                 kStart + i * 60);
        QCOMPARE(rows.value(1).toDouble(), base);
        QCOMPARE(rows.value(2).toDouble(), base + 1);
        QCOMPARE(rows.value(3).toDouble(), base - 1);
        QCOMPARE(rows.value(4).toDouble(), base + 0.5);
        QCOMPARE(rows.value(5).toDouble(), 10.0 + j);
        QVERIFY(rows.value(6).isNull());
        ++i;
    }
    QCOMPARE(i, 80);
}

void tst_PriceImporter::badRowLeavesDatabaseUnchanged_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<int>("format");
    QTest::addColumn<QByteArray>("badRow");
    QTest::addColumn<QString>("reason");
    const qint64 t = kStart + 40 * 60; // after the 40 good rows of the bad file
    for (const char *dialect : {"sqlite", "postgresql"}) {
        for (ImportFormat f : {ImportFormat::BinanceKlines, ImportFormat::OhlcvCsv}) {
            const bool k = f == ImportFormat::BinanceKlines;
            const char *name = k ? "binance-klines" : "ohlcv-csv";
            const auto row = [&](double o, double h, double l, double c, double v) {
                return k ? klineRow(t, o, h, l, c, v) : csvRow(t, o, h, l, c, v);
            };
            const QString d = QString::fromLatin1(dialect);
            QTest::addRow("%s, %s, column count", dialect, name)
                << d << int(f) << row(1, 2, 1, 2, 1).replace(k ? ",0,0,0,0,0,0\n" : ";1\n", "\n")
                << (k ? QStringLiteral("expected 12 columns, found 6.")
                      : QStringLiteral("expected 6 columns, found 5."));
            QTest::addRow("%s, %s, unparsable", dialect, name)
                << d << int(f) << row(1, 2, 1, 2, 1).replace("2", "2x")
                << QStringLiteral("cannot read");
            QTest::addRow("%s, %s, high below low", dialect, name)
                << d << int(f) << row(11, 10.5, 11, 10.75, 1)
                << QStringLiteral("high 10.5 is below low 11.");
            QTest::addRow("%s, %s, negative", dialect, name)
                << d << int(f) << row(1, 2, 1, -2, 1) << QStringLiteral("close -2 is negative.");
            QTest::addRow("%s, %s, out of order", dialect, name)
                << d << int(f)
                << (k ? klineRow(kStart, 1, 2, 1, 2, 1) : csvRow(kStart, 1, 2, 1, 2, 1))
                << QStringLiteral("is earlier than the previous row's");
            QTest::addRow("%s, %s, duplicate with other values", dialect, name)
                << d << int(f)
                << (k ? klineRow(t - 60, 1, 2, 1, 2, 1) : csvRow(t - 60, 1, 2, 1, 2, 1))
                << QStringLiteral("with different values.");
        }
    }
}

void tst_PriceImporter::badRowLeavesDatabaseUnchanged()
{
    QFETCH(QString, dialect);
    QFETCH(int, format);
    QFETCH(QByteArray, badRow);
    QFETCH(QString, reason);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    const ImportFormat f = ImportFormat(format);

    // Existing history of another asset and of the imported one.
    const QString seed =
        writeFile(QStringLiteral("seed.csv"), header(f) + goodRows(f, kStart - 86400, 20));
    Result<ImportReport> seeded =
        PriceImporter(db).run({{seed}, f, QStringLiteral("OTHER"), {}, {}});
    QVERIFY2(seeded, qPrintable(seeded.error()));
    seeded = PriceImporter(db).run({{seed}, f, QStringLiteral("COIN"), {}, {}});
    QVERIFY2(seeded, qPrintable(seeded.error()));
    const TableState before = stateOf(db);
    QCOMPARE(before.rows, qint64(40));

    // A good first file, then a file whose 41st data row is bad; a new asset is named too.
    const QString good = writeFile(QStringLiteral("good.csv"), header(f) + goodRows(f, kStart, 30));
    const QString bad =
        writeFile(QStringLiteral("klines.csv"),
                  header(f) + goodRows(f, kStart, 40) + badRow + goodRows(f, kStart + 41 * 60, 5));
    // An existing asset (merge), a new one from two files (merge), a new one from one file
    // (straight COPY / INSERT).
    const std::pair<QString, QStringList> attempts[] = {{QStringLiteral("COIN"), {good, bad}},
                                                        {QStringLiteral("NEWCOIN"), {good, bad}},
                                                        {QStringLiteral("NEWCOIN"), {bad}}};
    for (const auto &[symbol, files] : attempts) {
        const Result<ImportReport> report =
            PriceImporter(db).run({files, f, symbol, {}, QStringLiteral("DeFi")});
        QVERIFY(!report);
        const int line = 41 + (f == ImportFormat::OhlcvCsv ? 1 : 0);
        const QString prefix = QStringLiteral("klines.csv line %1: ").arg(line);
        QVERIFY2(report.error().startsWith(prefix) && report.error().contains(reason),
                 qPrintable(QStringLiteral("'%1' should start with '%2' and contain '%3'")
                                .arg(report.error(), prefix, reason)));
        QVERIFY2(stateOf(db) == before, "the database changed");
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM crypto_sector_mapping")),
                 qint64(0));
    }
    // The connection is still usable after the rollback.
    const Result<ImportReport> after =
        PriceImporter(db).run({{good}, f, QStringLiteral("COIN"), {}, {}});
    QVERIFY2(after, qPrintable(after.error()));
}

void tst_PriceImporter::reimportIsIdempotent_data()
{
    addDialectAndFormat();
}

void tst_PriceImporter::reimportIsIdempotent()
{
    QFETCH(QString, dialect);
    QFETCH(int, format);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    const ImportFormat f = ImportFormat(format);
    const QString path =
        writeFile(QStringLiteral("rows.csv"), header(f) + goodRows(f, kStart, 500));
    const ImportRequest request{{path}, f, QStringLiteral("IDEM"), {}, {}};
    Result<ImportReport> first = PriceImporter(db).run(request);
    QVERIFY2(first, qPrintable(first.error()));
    const TableState once = stateOf(db);
    QCOMPARE(once.rows, qint64(500));
    Result<ImportReport> second = PriceImporter(db).run(request);
    QVERIFY2(second, qPrintable(second.error()));
    QVERIFY(!second->assetCreated);
    QCOMPARE(second->cryptoId, first->cryptoId);
    QVERIFY2(stateOf(db) == once, "a second import changed the rows");

    // A corrected file replaces the rows it covers and adds new ones.
    QByteArray changed = goodRows(f, kStart, 1);
    changed.replace("100.5", "100.75");
    const QString fix = writeFile(QStringLiteral("fix.csv"),
                                  header(f) + changed + goodRows(f, kStart + 500 * 60, 2));
    const Result<ImportReport> third =
        PriceImporter(db).run({{fix}, f, QStringLiteral("IDEM"), {}, {}});
    QVERIFY2(third, qPrintable(third.error()));
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM price_data")), qint64(502));
    QSqlQuery query(db);
    QVERIFY(query.exec(
        QStringLiteral("SELECT close_price FROM price_data ORDER BY timestamp LIMIT 1")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toDouble(), 100.75);
}

void tst_PriceImporter::overlappingFilesInOneImport()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    const ImportFormat f = ImportFormat::BinanceKlines;
    // The same 100 rows twice, plus 50 more, in one import (one transaction, one stream).
    const QString a = writeFile(QStringLiteral("a.csv"), goodRows(f, kStart, 100));
    const QString b = writeFile(QStringLiteral("b.csv"), goodRows(f, kStart, 150));
    const Result<ImportReport> report =
        PriceImporter(db).run({{a, b}, f, QStringLiteral("OVER"), {}, {}});
    QVERIFY2(report, qPrintable(report.error()));
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM price_data")), qint64(150));
}

void tst_PriceImporter::coinGeckoMarketCaps()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    const qint64 ms = kStart * 1000;
    const QByteArray json =
        "{\"prices\":[[" + QByteArray::number(ms) + ",2.5],[" + QByteArray::number(ms + 86400000) +
        ",3.0]],\"market_caps\":[[" + QByteArray::number(ms) + ",2500000.25],[" +
        QByteArray::number(ms + 86400000) + ",null]],\"total_volumes\":[[" +
        QByteArray::number(ms) + ",500],[" + QByteArray::number(ms + 86400000) + ",600]]}";
    const QString path = writeFile(QStringLiteral("chart.json"), json);
    const Result<ImportReport> report = PriceImporter(db).run(
        {{path}, ImportFormat::CoinGeckoMarketChart, QStringLiteral("GECKO"), {}, {}});
    QVERIFY2(report, qPrintable(report.error()));
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral(
        "SELECT open_price, close_price, volume, market_cap FROM price_data ORDER BY timestamp")));
    QVERIFY(query.next());
    QCOMPARE(query.value(1).toDouble(), 2.5);
    QCOMPARE(query.value(2).toDouble(), 200.0); // 500 / 2.5, a whole day
    QCOMPARE(query.value(3).toDouble(), 2500000.25);
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toDouble(), 2.5);
    QCOMPARE(query.value(1).toDouble(), 3.0);
    QCOMPARE(query.value(2).toDouble(), 200.0); // 600 / 3
    QVERIFY(query.value(3).isNull());
}

void tst_PriceImporter::cancelLeavesDatabaseUnchanged()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    const ImportFormat f = ImportFormat::BinanceKlines;
    const QString path = writeFile(QStringLiteral("big.csv"), goodRows(f, kStart, 30000));
    const TableState before = stateOf(db);
    int calls = 0;
    const Result<ImportReport> report = PriceImporter(db).run(
        {{path}, f, QStringLiteral("CANCEL"), {}, {}}, [&calls](qint64 done, qint64 total) {
            Q_UNUSED(done);
            Q_UNUSED(total);
            return ++calls < 2;
        });
    QVERIFY(!report);
    QVERIFY2(report.error().contains(QStringLiteral("cancelled")), qPrintable(report.error()));
    QVERIFY(stateOf(db) == before);
}

void tst_PriceImporter::refusesUnknownSectorAndSimulatedAsset()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    const ImportFormat f = ImportFormat::BinanceKlines;
    const QString path = writeFile(QStringLiteral("k.csv"), goodRows(f, kStart, 3));
    const TableState before = stateOf(db);
    Result<ImportReport> report =
        PriceImporter(db).run({{path}, f, QStringLiteral("X"), {}, QStringLiteral("Nowhere")});
    QVERIFY(!report);
    QVERIFY2(report.error().contains(QStringLiteral("no sector named 'Nowhere'")),
             qPrintable(report.error()));
    QVERIFY(stateOf(db) == before);

    cp::models::AssetFacts facts;
    facts.symbol = QStringLiteral("SIM");
    facts.name = QStringLiteral("Simulated");
    facts.isSimulated = true;
    QVERIFY(cp::models::AssetRepository(db).insert(facts));
    report = PriceImporter(db).run({{path}, f, QStringLiteral("sim"), {}, {}});
    QVERIFY(!report);
    QVERIFY2(report.error().contains(QStringLiteral("simulated")), qPrintable(report.error()));
}

namespace {

struct CurrentPrice
{
    double price = -1;
    qint64 lastUpdate = -1;
};

CurrentPrice currentPrice(QSqlDatabase db, const QString &symbol)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT current_price, last_data_update FROM cryptocurrencies WHERE symbol = ?"));
    query.addBindValue(symbol);
    if (!query.exec() || !query.next())
        return {};
    const QDateTime t = cp::models::SqlTimestamp::toDateTime(query.value(1));
    return {query.value(0).isNull() ? -1 : query.value(0).toDouble(),
            t.isValid() ? t.toSecsSinceEpoch() : -1};
}

} // namespace

void tst_PriceImporter::currentPriceFollowsNewestCandle()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    const ImportFormat f = ImportFormat::BinanceKlines;
    // goodRows: row i closes at 100 + i * 0.25 + 0.5, at start + i minutes.
    const auto closeOf = [](int i) { return 100.0 + i * 0.25 + 0.5; };
    const QString early = writeFile(QStringLiteral("early.csv"), goodRows(f, kStart, 10));
    const QString late = writeFile(QStringLiteral("late.csv"), goodRows(f, kStart + 3600, 20));

    // The later file first: the newest candle is the newest of all files, not the last read.
    Result<ImportReport> report =
        PriceImporter(db).run({{late, early}, f, QStringLiteral("CUR"), {}, {}});
    QVERIFY2(report, qPrintable(report.error()));
    QVERIFY(report->currentPriceUpdated);
    CurrentPrice now = currentPrice(db, QStringLiteral("CUR"));
    QCOMPARE(now.price, closeOf(19));
    QCOMPARE(now.lastUpdate, kStart + 3600 + 19 * 60);

    // Older data does not turn the current price back.
    report = PriceImporter(db).run({{early}, f, QStringLiteral("CUR"), {}, {}});
    QVERIFY2(report, qPrintable(report.error()));
    QVERIFY(!report->currentPriceUpdated);
    now = currentPrice(db, QStringLiteral("CUR"));
    QCOMPARE(now.price, closeOf(19));
    QCOMPARE(now.lastUpdate, kStart + 3600 + 19 * 60);

    // Nor does a file older than what a live refresh stored.
    QSqlQuery live(db);
    live.prepare(QStringLiteral(
        "UPDATE cryptocurrencies SET current_price = ?, last_data_update = ? WHERE symbol = ?"));
    live.addBindValue(4242.5);
    live.addBindValue(cp::models::SqlTimestamp::fromUnixSeconds(kStart + 86400));
    live.addBindValue(QStringLiteral("CUR"));
    QVERIFY2(live.exec(), qPrintable(live.lastError().text()));
    const QString newer =
        writeFile(QStringLiteral("newer.csv"), goodRows(f, kStart + 86400 - 600, 5));
    report = PriceImporter(db).run({{newer}, f, QStringLiteral("CUR"), {}, {}});
    QVERIFY2(report, qPrintable(report.error()));
    QVERIFY(!report->currentPriceUpdated);
    QCOMPARE(currentPrice(db, QStringLiteral("CUR")).price, 4242.5);

    // A newer file moves it on.
    const QString newest =
        writeFile(QStringLiteral("newest.csv"), goodRows(f, kStart + 2 * 86400, 3));
    report = PriceImporter(db).run({{newest}, f, QStringLiteral("CUR"), {}, {}});
    QVERIFY2(report, qPrintable(report.error()));
    QVERIFY(report->currentPriceUpdated);
    now = currentPrice(db, QStringLiteral("CUR"));
    QCOMPARE(now.price, closeOf(2));
    QCOMPARE(now.lastUpdate, kStart + 2 * 86400 + 2 * 60);

    // A failed import changes neither the rows nor the price (one transaction).
    const QString bad =
        writeFile(QStringLiteral("bad.csv"), goodRows(f, kStart + 3 * 86400, 3) + "not,a,row\n");
    report = PriceImporter(db).run({{bad}, f, QStringLiteral("CUR"), {}, {}});
    QVERIFY(!report);
    QCOMPARE(currentPrice(db, QStringLiteral("CUR")).lastUpdate, kStart + 2 * 86400 + 2 * 60);
}

QTEST_GUILESS_MAIN(tst_PriceImporter)
#include "tst_priceimporter.moc"
