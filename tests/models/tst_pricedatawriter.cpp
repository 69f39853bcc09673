#include <testdatabase.h>

#include <models/assetrepository.h>
#include <models/connection.h>
#include <models/pricedatawriter.h>
#include <models/sqltimestamp.h>
#include <models/sqltransaction.h>

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <vector>

using cp::Status;
using cp::engine::Candle;
using cp::models::PriceDataWriter;
using cp::models::SqlTransaction;

namespace {

/** One price_data row as read back, with the timestamp also as seconds computed by the database. */
struct StoredRow
{
    QDateTime time;
    qint64 epochSeconds = 0;
    double open = 0, high = 0, low = 0, close = 0, volume = 0;
    QVariant marketCap;

    bool operator==(const StoredRow &o) const
    {
        return time == o.time && epochSeconds == o.epochSeconds && open == o.open &&
               high == o.high && low == o.low && close == o.close && volume == o.volume &&
               marketCap == o.marketCap;
    }
};

bool isPostgres(const QSqlDatabase &db)
{
    return cp::models::dialectOf(db) == cp::models::Dialect::PostgreSQL;
}

// Seconds since the epoch as the database itself understands the stored timestamp: an
// independent reading of what the writer's own formatter produced.
QString epochExpression(const QSqlDatabase &db)
{
    return isPostgres(db) ? QStringLiteral("CAST(EXTRACT(EPOCH FROM timestamp) AS BIGINT)")
                          : QStringLiteral("CAST(strftime('%s', timestamp) AS INTEGER)");
}

int addAsset(QSqlDatabase db, const QString &symbol)
{
    cp::models::AssetFacts facts;
    facts.symbol = symbol;
    facts.name = symbol + QStringLiteral(" coin");
    const cp::Result<int> id = cp::models::AssetRepository(db).insert(facts);
    if (!id)
        qWarning("%s", qPrintable(id.error()));
    return id ? *id : 0;
}

std::vector<StoredRow> readRows(QSqlDatabase db, int cryptoId)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT timestamp, %1, open_price, high_price, low_price,"
                                 " close_price, volume, market_cap FROM price_data"
                                 " WHERE crypto_id = ? ORDER BY timestamp")
                      .arg(epochExpression(db)));
    query.addBindValue(cryptoId);
    std::vector<StoredRow> rows;
    if (!query.exec()) {
        qWarning("%s", qPrintable(query.lastError().text()));
        return rows;
    }
    while (query.next()) {
        StoredRow row;
        row.time = cp::models::SqlTimestamp::toDateTime(query.value(0));
        row.epochSeconds = query.value(1).toLongLong();
        row.open = query.value(2).toDouble();
        row.high = query.value(3).toDouble();
        row.low = query.value(4).toDouble();
        row.close = query.value(5).toDouble();
        row.volume = query.value(6).toDouble();
        row.marketCap = query.value(7).isNull() ? QVariant() : QVariant(query.value(7).toDouble());
        rows.push_back(row);
    }
    return rows;
}

qint64 priceRowCount(QSqlDatabase db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM price_data")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

bool connectionWorks(QSqlDatabase db)
{
    QSqlQuery query(db);
    return query.exec(QStringLiteral("SELECT 1")) && query.next() && query.value(0).toInt() == 1;
}

// Writes one asset's candles in a transaction of its own and commits.
Status writeCommitted(QSqlDatabase db, PriceDataWriter::Mode mode, int cryptoId,
                      const std::vector<Candle> &candles, double supply)
{
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return Status::failure(transaction.error());
    PriceDataWriter writer(db, mode);
    if (Status s = writer.begin(); !s)
        return s;
    if (Status s = writer.write(cryptoId, candles, supply); !s)
        return s;
    if (Status s = writer.finish(); !s)
        return s;
    if (writer.rowsWritten() != static_cast<qint64>(candles.size()))
        return Status::failure(QStringLiteral("rowsWritten() is %1").arg(writer.rowsWritten()));
    return transaction.commit();
}

QDateTime utc(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc());
}

// Compares with ==, not QCOMPARE's fuzzy double comparison: the point is that nothing is lost.
#define CP_EXACT(actual, expected)                                                                 \
    QVERIFY2((actual) == (expected), qPrintable(QStringLiteral("%1 = %2, expected %3")             \
                                                    .arg(QLatin1String(#actual))                   \
                                                    .arg(double(actual), 0, 'g', 17)               \
                                                    .arg(double(expected), 0, 'g', 17)))

// Hourly candles whose prices need eight decimals. Each price is an integer number of 1e-8
// units divided once, so it is the double nearest to an eight-decimal number, which both
// dialects give back unchanged.
std::vector<Candle> hourlyCandles(qint64 start, int count, double base)
{
    const qint64 units = qRound64(base * 1e8);
    auto price = [units](qint64 offset) { return static_cast<double>(units + offset) / 1e8; };
    std::vector<Candle> candles;
    for (int i = 0; i < count; ++i) {
        candles.push_back(
            {start + i * 3600, price(i), price(i + 5), price(i - 3), price(i + 2), 1000.5 + i});
    }
    return candles;
}

} // namespace

/** PriceDataWriter: exact values, upsert, and a failed or abandoned write leaves no trace. */
class tst_PriceDataWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendReadsBackExactly_data() { cp::test::addDialectColumn(); }
    void appendReadsBackExactly();
    void upsertIsIdempotentAndReplaces_data() { cp::test::addDialectColumn(); }
    void upsertIsIdempotentAndReplaces();
    void appendDuplicateFailsAndRollsBack_data() { cp::test::addDialectColumn(); }
    void appendDuplicateFailsAndRollsBack();
    void abandonedWriteRollsBack_data();
    void abandonedWriteRollsBack();
    void upsertRepeatedKeyKeepsLastWrite_data() { cp::test::addDialectColumn(); }
    void upsertRepeatedKeyKeepsLastWrite();
};

void tst_PriceDataWriter::appendReadsBackExactly()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();

    // A micro-priced coin with unknown supply, a large one whose caps are whole numbers, and one
    // with a cap near 4.2e18 (exact in a double and within NUMERIC(30,2)).
    const int micro = addAsset(db, QStringLiteral("MICRO"));
    const int large = addAsset(db, QStringLiteral("LARGE"));
    const int huge = addAsset(db, QStringLiteral("HUGE"));
    QVERIFY(micro > 0 && large > 0 && huge > 0);

    const std::vector<Candle> microCandles{
        // 2000-02-29 (leap day), 2024-05-01 13:00:00, 2099-12-31 23:59:59: out of order on
        // purpose; the readback is ordered by the stored timestamp.
        {1714568400, 0.00001234, 0.00001301, 0.00001199, 0.0000125, 987654321.12345678},
        {951782400, 0.00000001, 0.00000002, 0.00000001, 0.00000002, 0.00000001},
        {4102444799, 123.45678901, 123.45678902, 123.456789, 123.45678901, 12345.00000001},
        // Below 1e-6, as meme coins trade: the price columns keep eighteen decimals.
        {1714572000, 0.000000123456789012, 0.000000123456789013, 0.000000123456789011,
         0.000000123456789012, 5.0},
    };
    const std::vector<Candle> largeCandles{
        {1704067200, 65000.5, 65500.25, 64000.75, 65010.25, 12345.6789},
        {1704153600, 65010.25, 66000.0, 64999.75, 64999.75, 23456.78901234},
    };
    const std::vector<Candle> hugeCandles{{1704067200, 4200.0, 4300.5, 4100.125, 4200.25, 1e9}};

    {
        SqlTransaction transaction(db);
        QVERIFY(transaction.isActive());
        PriceDataWriter writer(db, PriceDataWriter::Mode::Append);
        Status s = writer.begin();
        QVERIFY2(s, qPrintable(s.error()));
        s = writer.write(micro, microCandles, 0.0);
        QVERIFY2(s, qPrintable(s.error()));
        s = writer.write(large, largeCandles, 19'700'000.0);
        QVERIFY2(s, qPrintable(s.error()));
        s = writer.write(huge, hugeCandles, 1e15);
        QVERIFY2(s, qPrintable(s.error()));
        s = writer.finish();
        QVERIFY2(s, qPrintable(s.error()));
        QCOMPARE(writer.rowsWritten(), qint64(7));
        s = transaction.commit();
        QVERIFY2(s, qPrintable(s.error()));
    }
    QCOMPARE(priceRowCount(db), qint64(7));

    const struct
    {
        int id;
        const std::vector<Candle> *candles;
        double supply;
    } assets[] = {{micro, &microCandles, 0.0},
                  {large, &largeCandles, 19'700'000.0},
                  {huge, &hugeCandles, 1e15}};
    for (const auto &asset : assets) {
        std::vector<Candle> expected = *asset.candles;
        std::sort(expected.begin(), expected.end(),
                  [](const Candle &a, const Candle &b) { return a.time < b.time; });
        const std::vector<StoredRow> rows = readRows(db, asset.id);
        QCOMPARE(rows.size(), expected.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const StoredRow &row = rows[i];
            const Candle &c = expected[i];
            QCOMPARE(row.time, utc(c.time));
            QCOMPARE(row.epochSeconds, c.time);
            CP_EXACT(row.open, c.open);
            CP_EXACT(row.high, c.high);
            CP_EXACT(row.low, c.low);
            CP_EXACT(row.close, c.close);
            CP_EXACT(row.volume, c.volume);
            if (asset.supply > 0) {
                QVERIFY(row.marketCap.isValid());
                // The caps were chosen to be exact products with at most two decimals.
                CP_EXACT(row.marketCap.toDouble(), c.close * asset.supply);
            } else {
                QVERIFY2(!row.marketCap.isValid(), "market_cap must be NULL without a supply");
            }
        }
    }
    // Hand-checked products, so the cap formula itself is pinned down too.
    CP_EXACT(readRows(db, large)[0].marketCap.toDouble(), 1'280'701'925'000.0);
    CP_EXACT(readRows(db, huge)[0].marketCap.toDouble(), 4'200'250'000'000'000'000.0);
}

void tst_PriceDataWriter::upsertIsIdempotentAndReplaces()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    const int id = addAsset(db, QStringLiteral("UPS"));
    const int other = addAsset(db, QStringLiteral("OTHER"));
    QVERIFY(id > 0 && other > 0);

    const std::vector<Candle> candles = hourlyCandles(1714521600, 24, 0.5);
    const std::vector<Candle> otherCandles = hourlyCandles(1714521600, 5, 7.0);
    Status s = writeCommitted(db, PriceDataWriter::Mode::Append, other, otherCandles, 10.0);
    QVERIFY2(s, qPrintable(s.error()));
    const std::vector<StoredRow> otherBefore = readRows(db, other);

    s = writeCommitted(db, PriceDataWriter::Mode::Upsert, id, candles, 1000.0);
    QVERIFY2(s, qPrintable(s.error()));
    QCOMPARE(priceRowCount(db), qint64(29));
    const std::vector<StoredRow> first = readRows(db, id);

    s = writeCommitted(db, PriceDataWriter::Mode::Upsert, id, candles, 1000.0);
    QVERIFY2(s, qPrintable(s.error()));
    QCOMPARE(priceRowCount(db), qint64(29));
    QVERIFY(readRows(db, id) == first);

    // Change three existing bars, add one new bar, and drop the supply to unknown.
    std::vector<Candle> changed(candles.begin() + 10, candles.begin() + 13);
    for (Candle &c : changed) {
        c.close = 0.12345678;
        c.volume = 42.0;
    }
    changed.push_back({candles.back().time + 3600, 1.0, 2.0, 0.5, 1.5, 3.0});
    s = writeCommitted(db, PriceDataWriter::Mode::Upsert, id, changed, 0.0);
    QVERIFY2(s, qPrintable(s.error()));
    QCOMPARE(priceRowCount(db), qint64(30));

    const std::vector<StoredRow> after = readRows(db, id);
    QCOMPARE(after.size(), std::size_t(25));
    for (std::size_t i = 0; i < candles.size(); ++i) {
        if (i >= 10 && i < 13) {
            CP_EXACT(after[i].close, 0.12345678);
            CP_EXACT(after[i].volume, 42.0);
            CP_EXACT(after[i].open, candles[i].open);
            QVERIFY(!after[i].marketCap.isValid());
        } else {
            QVERIFY2(after[i] == first[i], qPrintable(QStringLiteral("row %1 changed").arg(i)));
        }
    }
    QCOMPARE(after.back().time, utc(candles.back().time + 3600));
    CP_EXACT(after.back().close, 1.5);
    QVERIFY(readRows(db, other) == otherBefore);
}

void tst_PriceDataWriter::appendDuplicateFailsAndRollsBack()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    const int id = addAsset(db, QStringLiteral("DUP"));
    QVERIFY(id > 0);
    const std::vector<Candle> candles = hourlyCandles(1714521600, 10, 2.0);
    Status s = writeCommitted(db, PriceDataWriter::Mode::Append, id, candles, 5.0);
    QVERIFY2(s, qPrintable(s.error()));
    const std::vector<StoredRow> before = readRows(db, id);

    // New bars first, so rows really are written before the duplicate is met.
    std::vector<Candle> batch = hourlyCandles(1714521600 + 10 * 3600, 50, 3.0);
    batch.push_back(candles[4]);
    batch.back().close = 999.0;
    {
        SqlTransaction transaction(db);
        QVERIFY(transaction.isActive());
        PriceDataWriter writer(db, PriceDataWriter::Mode::Append);
        s = writer.begin();
        QVERIFY2(s, qPrintable(s.error()));
        // SQLite refuses the row with its batch of 64; PostgreSQL's COPY when the stream ends.
        s = writer.write(id, batch, 5.0);
        if (s)
            s = writer.finish();
        QVERIFY2(!s, "a duplicate (crypto_id, timestamp) must fail an Append write");
        QVERIFY(!s.error().isEmpty());
        QVERIFY2(!s.error().contains(QLatin1Char('\n')), qPrintable(s.error()));
        transaction.rollback();
    }
    QCOMPARE(priceRowCount(db), qint64(10));
    QVERIFY(readRows(db, id) == before);

    QVERIFY(connectionWorks(db));
    const std::vector<Candle> later = hourlyCandles(1714521600 + 100 * 3600, 3, 4.0);
    s = writeCommitted(db, PriceDataWriter::Mode::Append, id, later, 5.0);
    QVERIFY2(s, qPrintable(s.error()));
    QCOMPARE(priceRowCount(db), qint64(13));
}

void tst_PriceDataWriter::abandonedWriteRollsBack_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<int>("rows");
    // A few rows stay in the writer's buffer; 30000 rows pass its 1 MiB flush threshold, so
    // PostgreSQL has received part of the COPY stream when the writer goes away.
    for (const char *d : {"sqlite", "postgresql"}) {
        QTest::addRow("%s, buffered", d) << QString::fromLatin1(d) << 5;
        QTest::addRow("%s, flushed", d) << QString::fromLatin1(d) << 30000;
    }
}

void tst_PriceDataWriter::abandonedWriteRollsBack()
{
    QFETCH(QString, dialect);
    QFETCH(int, rows);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    const int id = addAsset(db, QStringLiteral("ABND"));
    QVERIFY(id > 0);
    const std::vector<Candle> candles = hourlyCandles(1600000000, 7, 10.0);
    Status s = writeCommitted(db, PriceDataWriter::Mode::Append, id, candles, 100.0);
    QVERIFY2(s, qPrintable(s.error()));
    const std::vector<StoredRow> before = readRows(db, id);

    for (PriceDataWriter::Mode mode :
         {PriceDataWriter::Mode::Append, PriceDataWriter::Mode::Upsert}) {
        SqlTransaction transaction(db);
        QVERIFY(transaction.isActive());
        {
            PriceDataWriter writer(db, mode);
            s = writer.begin();
            QVERIFY2(s, qPrintable(s.error()));
            s = writer.write(id, hourlyCandles(1700000000, rows, 20.0), 100.0);
            QVERIFY2(s, qPrintable(s.error()));
        } // destroyed without finish()
        transaction.rollback();
        QVERIFY(connectionWorks(db));
        QCOMPARE(priceRowCount(db), qint64(7));
        QVERIFY(readRows(db, id) == before);
    }

    // The connection is fit for a complete write afterwards.
    s = writeCommitted(db, PriceDataWriter::Mode::Append, id, hourlyCandles(1700000000, 4, 1.0),
                       100.0);
    QVERIFY2(s, qPrintable(s.error()));
    QCOMPARE(priceRowCount(db), qint64(11));
}

// One (crypto_id, timestamp) twice in one upsert stream (two files of one import overlapping):
// PostgreSQL's ON CONFLICT DO UPDATE refuses to touch a row twice unless the stream is deduped.
// Per-row market caps (NaN = NULL) travel with it.
void tst_PriceDataWriter::upsertRepeatedKeyKeepsLastWrite()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    const int id = addAsset(db, QStringLiteral("TWICE"));
    QVERIFY(id > 0);
    const std::vector<Candle> first = hourlyCandles(1700000000, 3, 2.0);
    std::vector<Candle> second = hourlyCandles(1700000000 + 3600, 3, 7.0);
    const std::vector<double> firstCaps{100.0, 200.0, std::nan("")};
    const std::vector<double> secondCaps{250.5, std::nan(""), 400.0};
    {
        SqlTransaction transaction(db);
        QVERIFY(transaction.isActive());
        PriceDataWriter writer(db, PriceDataWriter::Mode::Upsert);
        Status s = writer.begin();
        QVERIFY2(s, qPrintable(s.error()));
        s = writer.write(id, first, firstCaps);
        QVERIFY2(s, qPrintable(s.error()));
        s = writer.write(id, second, secondCaps);
        QVERIFY2(s, qPrintable(s.error()));
        s = writer.finish();
        QVERIFY2(s, qPrintable(s.error()));
        s = transaction.commit();
        QVERIFY2(s, qPrintable(s.error()));
    }
    // Hours 0..3: hour 0 from the first write, hours 1 and 2 written twice (the second wins),
    // hour 3 only in the second.
    const std::vector<StoredRow> rows = readRows(db, id);
    QCOMPARE(rows.size(), std::size_t(4));
    CP_EXACT(rows[0].close, first[0].close);
    QCOMPARE(rows[0].marketCap, QVariant(100.0));
    for (int i = 1; i < 4; ++i) {
        QCOMPARE(rows[i].epochSeconds, second[i - 1].time);
        CP_EXACT(rows[i].close, second[i - 1].close);
        CP_EXACT(rows[i].volume, second[i - 1].volume);
    }
    QCOMPARE(rows[1].marketCap, QVariant(250.5));
    QVERIFY(!rows[2].marketCap.isValid());
    QCOMPARE(rows[3].marketCap, QVariant(400.0));
}

QTEST_GUILESS_MAIN(tst_PriceDataWriter)
#include "tst_pricedatawriter.moc"
