#include <testdatabase.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

/** The engine's commands of cryptopredict-cli (analyze, evaluate, backtest, indicators). */
class tst_EngineCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void indicatorsWritesInputThenIndicatorColumns();
    void indicatorsRefusesMalformedRowAndWritesNothing();
    void analyzeEvaluateBacktest_data() { cp::test::addDialectColumn(); }
    void analyzeEvaluateBacktest();
    void analyzeOnEmptyDatabaseFails_data() { cp::test::addDialectColumn(); }
    void analyzeOnEmptyDatabaseFails();
    void badUsage_data();
    void badUsage();
};

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &arguments)
{
    QString program = qEnvironmentVariable("CRYPTOPREDICT_CLI");
    if (program.isEmpty())
        program = QStringLiteral(CRYPTOPREDICT_CLI_PATH);
    QProcess process;
    process.start(program, arguments);
    process.waitForFinished(300000);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

QString writeCsv(const QTemporaryDir &dir, const QByteArray &text)
{
    const QString path = dir.filePath(QStringLiteral("in.csv"));
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(text);
    return path;
}

QByteArray ohlcv(int rows)
{
    QByteArray csv = "volume,timestamp,close,high,low,open,extra\n";
    for (int i = 0; i < rows; ++i) {
        const double close = 100.0 + (i % 7) - (i % 3) * 0.5 + i * 0.1;
        csv += QByteArray::number(1000 + i) + ',' + QByteArray::number(1'704'067'200LL + i * 3600) +
               ',' + QByteArray::number(close) + ',' + QByteArray::number(close + 1.0) + ',' +
               QByteArray::number(close - 1.0) + ',' + QByteArray::number(close - 0.2) + ",x\n";
    }
    return csv;
}

} // namespace

void tst_EngineCli::indicatorsWritesInputThenIndicatorColumns()
{
    QTemporaryDir dir;
    const QString input = writeCsv(dir, ohlcv(60));
    const QString output = dir.filePath(QStringLiteral("out.csv"));
    const Run run = cli({QStringLiteral("indicators"), QStringLiteral("--input"), input,
                         QStringLiteral("--output"), output});
    QCOMPARE(run.exitCode, 0);
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 61);
    QVERIFY2(lines[0].endsWith("sma_20,ema_20,rsi_14,macd,macd_signal,macd_hist,bb_upper,bb_middle,"
                               "bb_lower,atr_14,adx_14,stoch_k,stoch_d,obv"),
             lines[0].constData());
    // Row 1 is inside every look-back except OBV's; row 60 has every column.
    const QList<QByteArray> first = lines[1].split(',');
    const QList<QByteArray> last = lines[60].split(',');
    QCOMPARE(first.size(), last.size());
    const qsizetype sma = first.size() - 14;
    QVERIFY(first[sma].isEmpty());
    QVERIFY(!first.last().isEmpty());
    for (qsizetype i = sma; i < last.size(); ++i)
        QVERIFY2(!last[i].isEmpty(), qPrintable(QString::number(i)));
    // SMA(20) of the last 20 closes, recomputed here.
    double sum = 0.0;
    for (int r = 41; r <= 60; ++r)
        sum += lines[r].split(',')[2].toDouble();
    QVERIFY(qAbs(last[sma].toDouble() - sum / 20.0) < 1e-9);
}

void tst_EngineCli::indicatorsRefusesMalformedRowAndWritesNothing()
{
    QTemporaryDir dir;
    QByteArray csv = ohlcv(10);
    csv += "1000,1704103200,abc,1,1,1,x\n";
    const QString input = writeCsv(dir, csv);
    const QString output = dir.filePath(QStringLiteral("out.csv"));
    const Run run = cli({QStringLiteral("indicators"), QStringLiteral("--input"), input,
                         QStringLiteral("--output"), output});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("line 12"), run.err.constData());
    QCOMPARE(run.err.trimmed().count('\n'), 0);
    QVERIFY(!QFile::exists(output));
}

void tst_EngineCli::analyzeEvaluateBacktest()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    const QString db = scratch.url();
    QCOMPARE(cli({QStringLiteral("--db"), db, QStringLiteral("demo"), QStringLiteral("--assets"),
                  QStringLiteral("25"), QStringLiteral("--days"), QStringLiteral("400")})
                 .exitCode,
             0);
    const Run analyze =
        cli({QStringLiteral("--db"), db, QStringLiteral("analyze"), QStringLiteral("--json")});
    QCOMPARE(analyze.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(analyze.out).object();
    QVERIFY(!report.value(QStringLiteral("regime")).toString().isEmpty());
    QCOMPARE(report.value(QStringLiteral("assets")).toInt(), 25);
    QVERIFY(report.contains(QStringLiteral("timings")));

    const Run evaluate =
        cli({QStringLiteral("--db"), db, QStringLiteral("evaluate"), QStringLiteral("--json")});
    QCOMPARE(evaluate.exitCode, 0);
    QVERIFY(QJsonDocument::fromJson(evaluate.out)
                .object()
                .contains(QStringLiteral("predictions_realised")));

    const Run backtest =
        cli({QStringLiteral("--db"), db, QStringLiteral("backtest"), QStringLiteral("--json")});
    QCOMPARE(backtest.exitCode, 0);
    const QJsonObject replay = QJsonDocument::fromJson(backtest.out).object();
    QVERIFY(replay.contains(QStringLiteral("overall")));
    QVERIFY(replay.contains(QStringLiteral("performance_by_regime")));
}

void tst_EngineCli::analyzeOnEmptyDatabaseFails()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    const Run run = cli({QStringLiteral("--db"), scratch.url(), QStringLiteral("analyze")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("no price history"), run.err.constData());
}

void tst_EngineCli::badUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("mentions");
    QTest::newRow("layer out of range")
        << QStringList{"analyze", "--layers", "1,5"} << QByteArray("--layers");
    QTest::newRow("bad backtest date")
        << QStringList{"backtest", "--from", "yesterday"} << QByteArray("--from");
    QTest::newRow("from after to")
        << QStringList{"backtest", "--from", "2024-02-01", "--to", "2024-01-01"}
        << QByteArray("--from");
    QTest::newRow("indicators without input") << QStringList{"indicators"} << QByteArray("--input");
    QTest::newRow("evaluate with arguments")
        << QStringList{"evaluate", "now"} << QByteArray("evaluate");
}

void tst_EngineCli::badUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, mentions);
    QTemporaryDir dir;
    const Run run =
        cli(QStringList{QStringLiteral("--db"),
                        QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("x.db"))} +
            arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(mentions), run.err.constData());
}

QTEST_GUILESS_MAIN(tst_EngineCli)
#include "tst_enginecli.moc"
