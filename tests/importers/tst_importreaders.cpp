#include <app/importers/candlereader.h>
#include <app/importers/linesource.h>

#include <QBuffer>
#include <QTest>

#include <cmath>

using cp::Status;
using cp::app::importers::CandleReader;
using cp::app::importers::ImportBatch;
using cp::app::importers::ImportFormat;
using cp::app::importers::LineSource;
using cp::engine::Candle;

namespace {

/** Everything a reader produced from one text, or its error. */
struct ReadResult
{
    ImportBatch rows;
    QStringList columns;
    QString error;
};

// Reads the whole text in batches of `batchRows` (small, so batch boundaries are exercised).
ReadResult readAll(ImportFormat format, const QByteArray &text, std::size_t batchRows = 3)
{
    QByteArray data = text;
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    const std::unique_ptr<CandleReader> reader =
        cp::app::importers::makeCandleReader(format, buffer);
    ReadResult result;
    ImportBatch batch;
    while (true) {
        const Status s = reader->read(batch, batchRows);
        if (!s) {
            result.error = s.error();
            break;
        }
        if (batch.size() == 0)
            break;
        result.rows.candles.insert(result.rows.candles.end(), batch.candles.begin(),
                                   batch.candles.end());
        result.rows.marketCaps.insert(result.rows.marketCaps.end(), batch.marketCaps.begin(),
                                      batch.marketCaps.end());
        result.rows.lines.insert(result.rows.lines.end(), batch.lines.begin(), batch.lines.end());
    }
    result.columns = reader->detectedColumns();
    return result;
}

// A Binance kline line; the last six columns are what Binance writes and the reader ignores.
QByteArray kline(const QByteArray &openTime, const QByteArray &o, const QByteArray &h,
                 const QByteArray &l, const QByteArray &c, const QByteArray &v)
{
    return openTime + ',' + o + ',' + h + ',' + l + ',' + c + ',' + v +
           ",1704067259999,4213.2,120,12.5,525.1,0\n";
}

// 2024-01-01T00:00:00Z, worked out by hand: 54 years of 365 days + 13 leap days = 19723 days.
constexpr qint64 kNewYear2024 = 19723LL * 86400;

} // namespace

/** The import readers alone (no database): formats, detection, and every bad-row rule. */
class tst_ImportReaders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lineSourceAcrossChunks();
    void binanceUnitsAndHeader_data();
    void binanceUnitsAndHeader();
    void badRows_data();
    void badRows();
    void exactDuplicateIsDropped_data();
    void exactDuplicateIsDropped();
    void ohlcvCsvColumnsAndSeparators_data();
    void ohlcvCsvColumnsAndSeparators();
    void ohlcvCsvTimestamps_data();
    void ohlcvCsvTimestamps();
    void ohlcvCsvMissingColumn();
    void coinGeckoMarketChart();
    void coinGeckoOhlc();
    void coinGeckoErrors_data();
    void coinGeckoErrors();
};

void tst_ImportReaders::lineSourceAcrossChunks()
{
    // A chunk of 4 bytes: lines span chunks, one line is longer than a chunk, CRLF and a BOM.
    QByteArray data("\xEF\xBB\xBF"
                    "a,b\r\nlonger line here\n\nlast");
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    LineSource lines(buffer, 4);
    QList<QByteArray> seen;
    QList<qint64> numbers;
    QByteArrayView line;
    while (lines.next(line)) {
        seen << line.toByteArray();
        numbers << lines.lineNumber();
    }
    QCOMPARE(seen, (QList<QByteArray>{"a,b", "longer line here", "", "last"}));
    QCOMPARE(numbers, (QList<qint64>{1, 2, 3, 4}));
}

void tst_ImportReaders::binanceUnitsAndHeader_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<bool>("header");
    const QByteArray ms = QByteArray::number(kNewYear2024 * 1000);
    const QByteArray ms2 = QByteArray::number((kNewYear2024 + 60) * 1000);
    const QByteArray us = QByteArray::number(kNewYear2024 * 1000000);
    const QByteArray us2 = QByteArray::number((kNewYear2024 + 60) * 1000000);
    const QByteArray header = "open_time,open,high,low,close,volume,close_time,quote_volume,"
                              "count,taker_buy_volume,taker_buy_quote_volume,ignore\n";
    const QByteArray rows = kline(ms, "42283.58", "42298.62", "42261.02", "42298.61", "35.92");
    const QByteArray rows2 = kline(ms2, "42298.62", "42320", "42298.62", "42310", "10");
    QTest::newRow("milliseconds, no header") << rows + rows2 << "milliseconds" << false;
    QTest::newRow("milliseconds, header") << header + rows + rows2 << "milliseconds" << true;
    QTest::newRow("microseconds, no header")
        << kline(us, "42283.58", "42298.62", "42261.02", "42298.61", "35.92") +
               kline(us2, "42298.62", "42320", "42298.62", "42310", "10")
        << "microseconds" << false;
    QTest::newRow("microseconds, header, CRLF")
        << QByteArray(header + kline(us, "42283.58", "42298.62", "42261.02", "42298.61", "35.92") +
                      kline(us2, "42298.62", "42320", "42298.62", "42310", "10"))
               .replace("\n", "\r\n")
        << "microseconds" << true;
}

void tst_ImportReaders::binanceUnitsAndHeader()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, unit);
    QFETCH(bool, header);
    const ReadResult r = readAll(ImportFormat::BinanceKlines, text);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.rows.size(), std::size_t(2));
    const Candle &c = r.rows.candles[0];
    QCOMPARE(c.time, kNewYear2024);
    QCOMPARE(r.rows.candles[1].time, kNewYear2024 + 60);
    QCOMPARE(c.open, 42283.58);
    QCOMPARE(c.high, 42298.62);
    QCOMPARE(c.low, 42261.02);
    QCOMPARE(c.close, 42298.61);
    QCOMPARE(c.volume, 35.92);
    QCOMPARE(r.rows.lines[0], qint64(header ? 2 : 1));
    QVERIFY(r.rows.marketCaps.empty());
    const QString columns = r.columns.join(QLatin1Char('|'));
    QVERIFY2(columns.contains(unit), qPrintable(columns));
    QVERIFY2(columns.contains(header ? QStringLiteral("header line: yes")
                                     : QStringLiteral("header line: no")),
             qPrintable(columns));
}

void tst_ImportReaders::badRows_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    const QByteArray t0 = QByteArray::number(kNewYear2024 * 1000);
    const QByteArray t1 = QByteArray::number((kNewYear2024 + 60) * 1000);
    const QByteArray t2 = QByteArray::number((kNewYear2024 + 120) * 1000);
    const QByteArray good0 = kline(t0, "10", "11", "9", "10.5", "1");
    const QByteArray good1 = kline(t1, "10.5", "12", "10", "11", "2");
    const int binance = int(ImportFormat::BinanceKlines);
    QTest::newRow("binance: wrong column count") << binance << good0 + good1 + t2 + ",1,2,3,4,5\n"
                                                 << "line 3: expected 12 columns, found 6.";
    QTest::newRow("binance: unparsable number")
        << binance << good0 + kline(t1, "10.5", "12", "ten", "11", "2")
        << "line 2: cannot read the low 'ten' as a number.";
    QTest::newRow("binance: high below low")
        << binance << good0 + good1 + kline(t2, "11", "10.5", "11", "10.8", "1")
        << "line 3: high 10.5 is below low 11.";
    QTest::newRow("binance: negative price")
        << binance << good0 + kline(t1, "10.5", "12", "10", "-11", "2")
        << "line 2: close -11 is negative.";
    QTest::newRow("binance: out of order")
        << binance << good0 + good1 + kline(t0, "10", "11", "9", "10.5", "1")
        << "line 3: timestamp 2024-01-01 00:00:00 UTC is earlier than the previous row's "
           "2024-01-01 00:01:00 UTC";
    QTest::newRow("binance: duplicate with other values")
        << binance << good0 + good1 + kline(t1, "10.5", "12", "10", "11.5", "2")
        << "line 3: timestamp 2024-01-01 00:01:00 UTC repeats line 2 with different values.";
    QTest::newRow("binance: header with too few columns")
        << binance << QByteArray("open_time,open,high,low,close,volume\n") + good0
        << "line 1: the header has 6 columns";
    QTest::newRow("binance: timestamp text")
        << binance << good0 + kline("2024-01-01", "10", "11", "9", "10.5", "1")
        << "line 2: cannot read the timestamp '2024-01-01'.";

    const int csv = int(ImportFormat::OhlcvCsv);
    const QByteArray head = "timestamp,open,high,low,close,volume\n";
    QTest::newRow("csv: wrong column count")
        << csv << head + "2024-01-01,10,11,9,10.5,1\n2024-01-02,10,11,9,10.5\n"
        << "line 3: expected 6 columns, found 5.";
    QTest::newRow("csv: unparsable number")
        << csv << head + "2024-01-01,10,11,9,10.5,1\n2024-01-02,10,11,9,10.5,1e\n"
        << "line 3: cannot read the volume '1e' as a number.";
    QTest::newRow("csv: high below low")
        << csv << head + "2024-01-01,10,11,9,10.5,1\n2024-01-02,10,9,9.5,9.7,1\n"
        << "line 3: high 9 is below low 9.5.";
    QTest::newRow("csv: negative price") << csv << head + "2024-01-01,-10,11,9,10.5,1\n"
                                         << "line 2: open -10 is negative.";
    QTest::newRow("csv: negative volume") << csv << head + "2024-01-01,10,11,9,10.5,-1\n"
                                          << "line 2: volume -1 is negative.";
    QTest::newRow("csv: out of order")
        << csv << head + "2024-01-02,10,11,9,10.5,1\n2024-01-01,10,11,9,10.5,1\n"
        << "line 3: timestamp 2024-01-01 00:00:00 UTC is earlier";
    QTest::newRow("csv: duplicate with other values")
        << csv << head + "2024-01-01,10,11,9,10.5,1\n\n2024-01-01T00:00:00Z,10,11,9,10.5,2\n"
        << "line 4: timestamp 2024-01-01 00:00:00 UTC repeats line 2 with different values.";
    QTest::newRow("csv: bad timestamp") << csv << head + "2024-02-30,10,11,9,10.5,1\n"
                                        << "line 2: cannot read the timestamp '2024-02-30'.";
    QTest::newRow("csv: nan") << csv << head + "2024-01-01,nan,11,9,10.5,1\n"
                              << "line 2: open is not a finite number.";
    QTest::newRow("csv: unterminated quote") << csv << head + "\"2024-01-01,10,11,9,10.5,1\n"
                                             << "line 2: unterminated quote.";
}

void tst_ImportReaders::badRows()
{
    QFETCH(int, format);
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const ReadResult r = readAll(ImportFormat(format), text, 1);
    QVERIFY2(r.error.startsWith(expected),
             qPrintable(QStringLiteral("error '%1', expected '%2...'").arg(r.error, expected)));
}

void tst_ImportReaders::exactDuplicateIsDropped_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QByteArray>("text");
    const QByteArray t0 = QByteArray::number(kNewYear2024 * 1000);
    const QByteArray t1 = QByteArray::number((kNewYear2024 + 60) * 1000);
    const QByteArray a = kline(t0, "10", "11", "9", "10.5", "1");
    const QByteArray b = kline(t1, "10.5", "12", "10", "11", "2");
    QTest::newRow("binance") << int(ImportFormat::BinanceKlines) << a + a + b + b + b;
    QTest::newRow("csv") << int(ImportFormat::OhlcvCsv)
                         << QByteArray("time,open,high,low,close,volume\n"
                                       "1704067200,10,11,9,10.5,1\n"
                                       "2024-01-01T00:00:00Z,10.0,11,9,10.50,1\n"
                                       "1704067260000,10.5,12,10,11,2\n"
                                       "1704067260,10.5,12,10,11,2\n");
}

void tst_ImportReaders::exactDuplicateIsDropped()
{
    QFETCH(int, format);
    QFETCH(QByteArray, text);
    const ReadResult r = readAll(ImportFormat(format), text, 2);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.rows.size(), std::size_t(2));
    QCOMPARE(r.rows.candles[0].time, kNewYear2024);
    QCOMPARE(r.rows.candles[1].time, kNewYear2024 + 60);
    QCOMPARE(r.rows.candles[1].close, 11.0);
}

void tst_ImportReaders::ohlcvCsvColumnsAndSeparators_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("separator");
    QTest::newRow("comma, standard names")
        << QByteArray("timestamp,open,high,low,close,volume\n2024-01-01,1.5,2.25,1.25,2,100\n")
        << "comma";
    QTest::newRow("any order, case, aliases, extra column")
        << QByteArray("Vol,Close,Symbol,LOW,High,Open,Date\n100,2,BTC,1.25,2.25,1.5,2024-01-01\n")
        << "comma";
    QTest::newRow("semicolon, decimal comma, quotes")
        << QByteArray("ts;o;h;l;c;v\n\"2024-01-01\";1,5;2,25;1,25;2;100\n") << "semicolon";
    QTest::newRow("semicolon, decimal point")
        << QByteArray("time;open;high;low;close;volume\r\n1704067200;1.5;2.25;1.25;2.0;100\r\n")
        << "semicolon";
    QTest::newRow("tab") << QByteArray("datetime\topen\thigh\tlow\tclose\tvolume\n"
                                       "2024-01-01 00:00:00\t1.5\t2.25\t1.25\t2\t100\n")
                         << "tab";
}

void tst_ImportReaders::ohlcvCsvColumnsAndSeparators()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, separator);
    const ReadResult r = readAll(ImportFormat::OhlcvCsv, text);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.rows.size(), std::size_t(1));
    const Candle &c = r.rows.candles[0];
    QCOMPARE(c.time, kNewYear2024);
    QCOMPARE(c.open, 1.5);
    QCOMPARE(c.high, 2.25);
    QCOMPARE(c.low, 1.25);
    QCOMPARE(c.close, 2.0);
    QCOMPARE(c.volume, 100.0);
    QVERIFY2(r.columns.join(QLatin1Char('|')).contains(QStringLiteral("separator: ") + separator),
             qPrintable(r.columns.join(QLatin1Char('|'))));
}

void tst_ImportReaders::ohlcvCsvTimestamps_data()
{
    QTest::addColumn<QByteArray>("timestamp");
    QTest::addColumn<qint64>("seconds");
    // 2024-03-15T12:34:56Z = new year + (31 + 29 + 14) days + 12:34:56.
    const qint64 t = kNewYear2024 + 74 * 86400 + 12 * 3600 + 34 * 60 + 56;
    QTest::newRow("ISO Z") << QByteArray("2024-03-15T12:34:56Z") << t;
    QTest::newRow("ISO fraction") << QByteArray("2024-03-15T12:34:56.789Z") << t;
    QTest::newRow("ISO offset") << QByteArray("2024-03-15T14:34:56+02:00") << t;
    QTest::newRow("ISO negative offset, no colon") << QByteArray("2024-03-15T07:04:56-0530") << t;
    QTest::newRow("ISO no zone is UTC") << QByteArray("2024-03-15 12:34:56") << t;
    QTest::newRow("ISO minutes") << QByteArray("2024-03-15T12:34") << t - 56;
    QTest::newRow("date") << QByteArray("2024-03-15") << t - 45296;
    QTest::newRow("epoch seconds") << QByteArray::number(t) << t;
    QTest::newRow("epoch milliseconds") << QByteArray::number(t * 1000 + 999) << t;
    QTest::newRow("epoch microseconds") << QByteArray::number(t * 1000000 + 1) << t;
    QTest::newRow("epoch fractional seconds") << QByteArray::number(t) + ".5" << t;
}

void tst_ImportReaders::ohlcvCsvTimestamps()
{
    QFETCH(QByteArray, timestamp);
    QFETCH(qint64, seconds);
    const ReadResult r = readAll(ImportFormat::OhlcvCsv, "timestamp,open,high,low,close,volume\n" +
                                                             timestamp + ",1,1,1,1,1\n");
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.rows.size(), std::size_t(1));
    QCOMPARE(r.rows.candles[0].time, seconds);
}

void tst_ImportReaders::ohlcvCsvMissingColumn()
{
    const ReadResult r =
        readAll(ImportFormat::OhlcvCsv, "timestamp,open,high,low,close\n2024-01-01,1,1,1,1\n");
    QVERIFY2(r.error.startsWith(QStringLiteral("line 1: the header has no volume column")),
             qPrintable(r.error));
    const ReadResult twice =
        readAll(ImportFormat::OhlcvCsv, "date,time,open,high,low,close,volume\n");
    QVERIFY2(twice.error.startsWith(QStringLiteral("line 1: the header names the timestamp twice")),
             qPrintable(twice.error));
}

void tst_ImportReaders::coinGeckoMarketChart()
{
    // Three hourly points (ms), pretty-printed over lines as saved by a browser.
    const qint64 ms = kNewYear2024 * 1000;
    const QByteArray text =
        QByteArray("{\n  \"prices\": [\n    [") + QByteArray::number(ms) + ", 100.0],\n    [" +
        QByteArray::number(ms + 3600000) + ", 110.0],\n    [" + QByteArray::number(ms + 7200000) +
        ", 99.0]\n  ],\n  \"market_caps\": [[" + QByteArray::number(ms) + ", 1000000], [" +
        QByteArray::number(ms + 3600000) + ", null], [" + QByteArray::number(ms + 7200000) +
        ", 990000]],\n  \"total_volumes\": [[" + QByteArray::number(ms) + ", 240000], [" +
        QByteArray::number(ms + 3600000) + ", 264000], [" + QByteArray::number(ms + 7200000) +
        ", 0]],\n \"other\": {\"a\": [1]}\n}\n";
    const ReadResult r = readAll(ImportFormat::CoinGeckoMarketChart, text, 2);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.rows.size(), std::size_t(3));
    const auto &c = r.rows.candles;
    QCOMPARE(c[0].time, kNewYear2024);
    QCOMPARE(c[2].time, kNewYear2024 + 7200);
    // Bar i runs from point i-1 to point i: open = previous price.
    QCOMPARE(c[0].open, 100.0);
    QCOMPARE(c[0].close, 100.0);
    QCOMPARE(c[1].open, 100.0);
    QCOMPARE(c[1].close, 110.0);
    QCOMPARE(c[1].high, 110.0);
    QCOMPARE(c[1].low, 100.0);
    QCOMPARE(c[2].high, 110.0);
    QCOMPARE(c[2].low, 99.0);
    // 24h quote volume / price, times the bar's share of a day (1 h): 240000 / 100 / 24 = 100.
    QCOMPARE(c[0].volume, 100.0);
    QCOMPARE(c[1].volume, 100.0); // 264000 / 110 / 24
    QCOMPARE(c[2].volume, 0.0);
    QCOMPARE(r.rows.marketCaps[0], 1000000.0);
    QVERIFY(std::isnan(r.rows.marketCaps[1]));
    QCOMPARE(r.rows.marketCaps[2], 990000.0);
    QCOMPARE(r.rows.lines[0], qint64(3));
    QCOMPARE(r.rows.lines[2], qint64(5));
}

void tst_ImportReaders::coinGeckoOhlc()
{
    const qint64 ms = kNewYear2024 * 1000;
    const QByteArray text = "[[" + QByteArray::number(ms) + ",1.5,2.25,1.25,2],[" +
                            QByteArray::number(ms + 1800000) + ",2,2.5,1.75,2.5]]";
    const ReadResult r = readAll(ImportFormat::CoinGeckoMarketChart, text);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.rows.size(), std::size_t(2));
    QCOMPARE(r.rows.candles[1].time, kNewYear2024 + 1800);
    QCOMPARE(r.rows.candles[0].open, 1.5);
    QCOMPARE(r.rows.candles[0].high, 2.25);
    QCOMPARE(r.rows.candles[0].low, 1.25);
    QCOMPARE(r.rows.candles[0].close, 2.0);
    QCOMPARE(r.rows.candles[0].volume, 0.0);
    QVERIFY(std::isnan(r.rows.marketCaps[0]));
}

void tst_ImportReaders::coinGeckoErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    const QByteArray t0 = QByteArray::number(kNewYear2024 * 1000);
    const QByteArray t1 = QByteArray::number((kNewYear2024 + 60) * 1000);
    QTest::newRow("ohlc: wrong column count")
        << "[[" + t0 + ",1,2,1,2],\n[" + t1 + ",1,2,1]]"
        << "line 2: an ohlc entry has 4 values; expected [time, open, high, low, close].";
    QTest::newRow("ohlc: unparsable number") << "[[" + t0 + ",1,2,1,2],\n[" + t1 + ",1,2,x1,2]]"
                                             << "line 2: cannot read 'x1' as a number.";
    QTest::newRow("ohlc: high below low") << "[[" + t0 + ",1,2,1,2],\n\n[" + t1 + ",1,0.5,1,1]]"
                                          << "line 3: high 0.5 is below low 1.";
    QTest::newRow("ohlc: negative") << "[[" + t0 + ",1,2,-1,2]]"
                                    << "line 1: low -1 is negative.";
    QTest::newRow("ohlc: out of order") << "[[" + t1 + ",1,2,1,2],\n[" + t0 + ",1,2,1,2]]"
                                        << "line 2: timestamp";
    QTest::newRow("ohlc: duplicate with other values")
        << "[[" + t0 + ",1,2,1,2],\n[" + t0 + ",1,2,1,1.5]]"
        << "line 2: timestamp 2024-01-01 00:00:00 UTC repeats line 1 with different values.";
    QTest::newRow("chart: wrong pair length")
        << "{\"prices\": [[" + t0 + ", 1],\n[" + t1 + ", 1, 2]]}"
        << "line 2: a prices entry has 3 values; expected [time, price].";
    QTest::newRow("chart: negative price") << "{\"prices\": [[" + t0 + ", 1],\n[" + t1 + ", -1]]}"
                                           << "line 2: low -1 is negative.";
    QTest::newRow("truncated") << "{\"prices\": [[" + t0 + ", 1],\n"
                               << "line 2: ";
    QTest::newRow("not JSON") << QByteArray("timestamp,open\n")
                              << "line 1: expected a CoinGecko market_chart object or ohlc array.";
}

void tst_ImportReaders::coinGeckoErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const ReadResult r = readAll(ImportFormat::CoinGeckoMarketChart, text);
    QVERIFY2(r.error.startsWith(expected),
             qPrintable(QStringLiteral("error '%1', expected '%2...'").arg(r.error, expected)));
}

QTEST_GUILESS_MAIN(tst_ImportReaders)
#include "tst_importreaders.moc"
