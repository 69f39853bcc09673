#include <engine/indicatorset.h>
#include <engine/ohlcvcsv.h>

#include <QBuffer>
#include <QTest>

#include <cmath>
#include <cstring>

using namespace cp::engine;

namespace {

cp::Result<OhlcvTable> read(const QByteArray &text)
{
    QBuffer in;
    in.setData(text);
    in.open(QIODevice::ReadOnly);
    return readOhlcvCsv(in);
}

// A well-formed file of `n` rows with prices that wander, timestamps one hour apart.
QByteArray sampleCsv(int n)
{
    QByteArray csv = "timestamp,open,high,low,close,volume,symbol\n";
    double price = 100.0;
    for (int i = 0; i < n; ++i) {
        const double next = price * (1.0 + 0.013 * std::sin(i * 1.7) + 0.004 * std::cos(i * 0.3));
        const double high = std::max(price, next) + 0.25;
        const double low = std::min(price, next) - 0.25;
        csv += QByteArray(
            QByteArray::number(1704067200 + 3600 * i) + ',' + QByteArray::number(price, 'g', 17) +
            ',' + QByteArray::number(high, 'g', 17) + ',' + QByteArray::number(low, 'g', 17) + ',' +
            QByteArray::number(next, 'g', 17) + ',' + QByteArray::number(1000 + 37 * (i % 11)) +
            ",\"BTC, spot\"\n");
        price = next;
    }
    return csv;
}

bool sameDouble(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

} // namespace

class tst_OhlcvCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anyColumnOrderAndCase();
    void timestamps_data();
    void timestamps();
    void malformedInput_data();
    void malformedInput();
    void crlfBomBlankLinesAndQuotes();
    void writesInputColumnsThenIndicators();
    void malformedInputWritesNothing();
};

void tst_OhlcvCsv::anyColumnOrderAndCase()
{
    const auto table = read(" Volume ,CLOSE,note,TimeStamp,low,High,open\n"
                            "12.5,101.5,x,1704067200,99,102,100\n"
                            "7,100.25,,1704070800,98.5,101.75,101.5\n");
    QVERIFY2(table.ok(), qPrintable(table.error()));
    QCOMPARE(table->candles.size(), std::size_t(2));
    const Candle &c = table->candles[1];
    QCOMPARE(c.time, qint64(1704070800));
    QCOMPARE(c.open, 101.5);
    QCOMPARE(c.high, 101.75);
    QCOMPARE(c.low, 98.5);
    QCOMPARE(c.close, 100.25);
    QCOMPARE(c.volume, 7.0);
    QCOMPARE(table->headerLine, QByteArray(" Volume ,CLOSE,note,TimeStamp,low,High,open"));
    QCOMPARE(table->rowLines[0], QByteArray("12.5,101.5,x,1704067200,99,102,100"));
}

void tst_OhlcvCsv::timestamps_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("seconds");
    // 2024-01-01T00:00:00Z is 1704067200.
    QTest::newRow("iso utc") << QByteArray("2024-01-01T00:00:00Z") << qint64(1704067200);
    QTest::newRow("iso no offset is utc")
        << QByteArray("2024-01-01T00:00:00") << qint64(1704067200);
    QTest::newRow("iso offset") << QByteArray("2024-01-01T02:00:00+02:00") << qint64(1704067200);
    QTest::newRow("iso negative offset")
        << QByteArray("2023-12-31T19:30:00-04:30") << qint64(1704067200);
    QTest::newRow("iso space") << QByteArray("2024-01-01 01:00:00") << qint64(1704070800);
    QTest::newRow("iso millis") << QByteArray("2024-01-01T00:00:01.500Z") << qint64(1704067201);
    QTest::newRow("iso date") << QByteArray("2024-01-02") << qint64(1704153600);
    QTest::newRow("quoted iso") << QByteArray("\"2024-01-01T00:00:00Z\"") << qint64(1704067200);
    QTest::newRow("epoch seconds") << QByteArray("1704067200") << qint64(1704067200);
    QTest::newRow("epoch milliseconds") << QByteArray("1704067200000") << qint64(1704067200);
    QTest::newRow("epoch ms with fraction") << QByteArray("1704067200999.0") << qint64(1704067200);
    QTest::newRow("epoch seconds decimal") << QByteArray("1704067200.75") << qint64(1704067200);
    QTest::newRow("small epoch") << QByteArray("86400") << qint64(86400);
}

void tst_OhlcvCsv::timestamps()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, seconds);
    const auto table = read("timestamp,open,high,low,close,volume\n" + text + ",1,2,0.5,1.5,10\n");
    QVERIFY2(table.ok(), qPrintable(table.error()));
    QCOMPARE(table->candles.at(0).time, seconds);
}

void tst_OhlcvCsv::malformedInput_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected"); // start of the error message
    const QByteArray header = "timestamp,open,high,low,close,volume\n";
    const QByteArray good = "1704067200,1,2,0.5,1.5,10\n";
    QTest::newRow("empty file") << QByteArray() << "line 1: no header line";
    QTest::newRow("missing column") << QByteArray("timestamp,open,high,low,close\n" + good)
                                    << "line 1: the header has no 'volume' column";
    QTest::newRow("header after blank lines")
        << QByteArray("\n\ntimestamp,open,high,low,close,vol\n") << "line 3: the header has no";
    QTest::newRow("duplicate column") << QByteArray("timestamp,open,high,low,close,volume,Close\n")
                                      << "line 1: the header names column 'close' twice";
    QTest::newRow("too few fields") << QByteArray(header + good + good + "1704074400,1,2,0.5,1.5\n")
                                    << "line 4: expected 6 fields like the header, found 5";
    QTest::newRow("too many fields") << QByteArray(header + "1704067200,1,2,0.5,1.5,10,7\n")
                                     << "line 2: expected 6 fields like the header, found 7";
    QTest::newRow("bad number") << QByteArray(header + good + "1704070800,1,2,abc,1.5,10\n")
                                << "line 3: cannot read low value 'abc'";
    QTest::newRow("empty number") << QByteArray(header + good + good + good +
                                                "1704070800,1,2,0.5,,10\n")
                                  << "line 5: cannot read close value ''";
    QTest::newRow("number with junk") << QByteArray(header + "1704070800,1,2,0.5,1.5,10kg\n")
                                      << "line 2: cannot read volume value '10kg'";
    QTest::newRow("bad timestamp") << QByteArray(header + good + "yesterday,1,2,0.5,1.5,10\n")
                                   << "line 3: cannot read timestamp 'yesterday'";
    QTest::newRow("bad iso date") << QByteArray(header + "2024-02-30T00:00:00Z,1,2,0.5,1.5,10\n")
                                  << "line 2: cannot read timestamp";
    // Blank lines are skipped but still counted.
    QTest::newRow("counts blank lines")
        << QByteArray(header + "\n" + good + "\r\n" + "1,2,3\n") << "line 5: expected 6 fields";
    QTest::newRow("unterminated quote")
        << QByteArray(header + good + "1704070800,1,2,0.5,1.5,\"10\n")
        << "line 3: unterminated quote";
}

void tst_OhlcvCsv::malformedInput()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const auto table = read(text);
    QVERIFY(!table.ok());
    QVERIFY2(table.error().startsWith(expected), qPrintable(table.error()));
}

void tst_OhlcvCsv::crlfBomBlankLinesAndQuotes()
{
    const auto table = read("\xEF\xBB\xBFtimestamp,\"open\",high,low,close,volume,comment\r\n"
                            "1704067200,1,2,0.5,1.5,10,\"a, \"\"quoted\"\" note\"\r\n"
                            "\r\n"
                            "  1704070800 , \"2\" ,3,1,2.5,nan,plain\r\n");
    QVERIFY2(table.ok(), qPrintable(table.error()));
    QCOMPARE(table->candles.size(), std::size_t(2));
    QCOMPARE(table->candles[1].time, qint64(1704070800));
    QCOMPARE(table->candles[1].open, 2.0);
    QVERIFY(std::isnan(table->candles[1].volume));
    QCOMPARE(table->rowLines[0],
             QByteArray("1704067200,1,2,0.5,1.5,10,\"a, \"\"quoted\"\" note\""));
}

void tst_OhlcvCsv::writesInputColumnsThenIndicators()
{
    const QByteArray csv = sampleCsv(60);
    QBuffer in, out;
    in.setData(csv);
    in.open(QIODevice::ReadOnly);
    out.open(QIODevice::WriteOnly);
    const auto error = writeIndicatorCsv(in, out);
    QVERIFY2(!error, error ? qPrintable(*error) : "");

    const QList<QByteArray> inLines = csv.split('\n');
    const QList<QByteArray> outLines = out.data().split('\n');
    QCOMPARE(outLines.size(), inLines.size()); // both end with an empty piece after the last \n
    QCOMPARE(outLines[0],
             QByteArray(inLines[0] + ",sma_20,ema_20,rsi_14,macd,macd_signal,macd_hist,bb_upper,"
                                     "bb_middle,bb_lower,atr_14,adx_14,stoch_k,stoch_d,obv"));

    const auto table = read(csv);
    QVERIFY(table.ok());
    const IndicatorTable expected = computeIndicatorTable(table->candles);
    for (int r = 1; r + 1 < outLines.size(); ++r) {
        const QByteArray &line = outLines[r];
        QVERIFY(line.startsWith(QByteArray(inLines[r] + ',')));
        const QList<QByteArray> cells = line.mid(inLines[r].size() + 1).split(',');
        QCOMPARE(cells.size(), IndicatorTable::ColumnCount);
        for (int c = 0; c < IndicatorTable::ColumnCount; ++c) {
            const auto column = kIndicatorColumns[c];
            const double value = expected.column(column)[std::size_t(r - 1)];
            // Empty exactly inside the look-back; otherwise the same double, read back.
            QCOMPARE(cells[c].isEmpty(), r - 1 < IndicatorTable::lookback(column));
            if (cells[c].isEmpty())
                continue;
            bool ok = false;
            const double parsed = cells[c].toDouble(&ok);
            QVERIFY(ok);
            QVERIFY2(sameDouble(parsed, value), cells[c].constData());
            QVERIFY(cells[c].size() <= 24);
        }
    }
}

void tst_OhlcvCsv::malformedInputWritesNothing()
{
    QBuffer in, out;
    in.setData(QByteArray(sampleCsv(30) + "1704175200,1,2,0.5,oops,10,x\n"));
    in.open(QIODevice::ReadOnly);
    out.open(QIODevice::WriteOnly);
    const auto error = writeIndicatorCsv(in, out);
    QVERIFY(error.has_value());
    QVERIFY2(error->startsWith(QLatin1String("line 32: cannot read close value 'oops'")),
             qPrintable(*error));
    QVERIFY(out.data().isEmpty());
}

QTEST_MAIN(tst_OhlcvCsv)
#include "tst_ohlcvcsv.moc"
