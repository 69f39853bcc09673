#include <testdatabase.h>

#include <models/connection.h>
#include <models/databaseurl.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

/** What one run of cryptopredict-cli did. */
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
    QString describe() const
    {
        return QStringLiteral("exit %1, stdout: %2, stderr: %3").arg(exitCode).arg(out, err);
    }
};

QString cliPath()
{
    const QString fromEnv = qEnvironmentVariable("CRYPTOPREDICT_CLI");
    return fromEnv.isEmpty() ? QStringLiteral(CRYPTOPREDICT_CLI_PATH) : fromEnv;
}

bool isOneLine(const QString &text)
{
    return !text.trimmed().isEmpty() && text.endsWith(QLatin1Char('\n')) &&
           text.count(QLatin1Char('\n')) == 1;
}

qint64 scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

// A checksum both dialects compute the same way: sums of exact binary fractions.
QString priceChecksum(QSqlDatabase db)
{
    QSqlQuery query(db);
    if (!query.exec(
            QStringLiteral("SELECT COUNT(*), SUM(open_price), SUM(high_price),"
                           " SUM(low_price), SUM(close_price), SUM(volume) FROM price_data")) ||
        !query.next())
        return QStringLiteral("error");
    QStringList parts;
    for (int i = 0; i < 6; ++i)
        parts << QString::number(query.value(i).toDouble(), 'g', 17);
    return parts.join(QLatin1Char('|'));
}

// 2024-01-01T00:00:00Z.
constexpr qint64 kStart = 1704067200;

QByteArray klines(int count, qint64 start = kStart)
{
    QByteArray out;
    for (int i = 0; i < count; ++i) {
        const double base = 50.0 + i * 0.5;
        out += QByteArray::number((start + i * 3600) * 1000) + ',' + QByteArray::number(base) +
               ',' + QByteArray::number(base + 1) + ',' + QByteArray::number(base - 1) + ',' +
               QByteArray::number(base + 0.25) + ",1.5,0,0,0,0,0,0\n";
    }
    return out;
}

} // namespace

/** `cryptopredict-cli import` end to end: exit codes, one-sentence errors, both dialects. */
class tst_ImportCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void badUsageExitsTwo_data();
    void badUsageExitsTwo();
    void importThenReimport_data() { cp::test::addDialectColumn(); }
    void importThenReimport();
    void badRowExitsOne_data() { cp::test::addDialectColumn(); }
    void badRowExitsOne();

private:
    CliRun run(const QStringList &arguments);
    QString writeFile(const QString &name, const QByteArray &data);
    QTemporaryDir m_home;
};

void tst_ImportCli::initTestCase()
{
    QVERIFY2(QFileInfo(cliPath()).isExecutable(), qPrintable(cliPath()));
    QVERIFY(m_home.isValid());
}

CliRun tst_ImportCli::run(const QStringList &arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"CRYPTOPREDICT_DB", "PGPASSWORD", "PGSERVICE", "PGUSER"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("HOME"), m_home.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("PGPASSFILE"), m_home.filePath(QStringLiteral("no-pgpass")));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(cliPath(), arguments);
    CliRun result;
    if (!process.waitForStarted(30000))
        return result;
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QString tst_ImportCli::writeFile(const QString &name, const QByteArray &data)
{
    const QString path = m_home.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size())
        qWarning("cannot write %s", qPrintable(path));
    return path;
}

void tst_ImportCli::badUsageExitsTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    const QString file = QStringLiteral("/nonexistent.csv");
    QTest::newRow("no file") << QStringList{QStringLiteral("import"), QStringLiteral("--format"),
                                            QStringLiteral("ohlcv-csv"), QStringLiteral("--symbol"),
                                            QStringLiteral("X")}
                             << QStringLiteral("FILE");
    QTest::newRow("no format") << QStringList{QStringLiteral("import"), file,
                                              QStringLiteral("--symbol"), QStringLiteral("X")}
                               << QStringLiteral("--format");
    QTest::newRow("unknown format")
        << QStringList{QStringLiteral("import"),   file,
                       QStringLiteral("--format"), QStringLiteral("excel"),
                       QStringLiteral("--symbol"), QStringLiteral("X")}
        << QStringLiteral("excel");
    QTest::newRow("no symbol") << QStringList{QStringLiteral("import"), file,
                                              QStringLiteral("--format"),
                                              QStringLiteral("binance-klines")}
                               << QStringLiteral("--symbol");
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("import"), file, QStringLiteral("--colour")}
        << QStringLiteral("colour");
}

void tst_ImportCli::badUsageExitsTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    const CliRun r =
        run(QStringList{QStringLiteral("--db"),
                        QStringLiteral("sqlite://") + m_home.filePath(QStringLiteral("usage.db"))} +
            arguments);
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    QVERIFY2(isOneLine(r.err), qPrintable(r.describe()));
    QVERIFY2(r.err.contains(mentions), qPrintable(r.describe()));
}

void tst_ImportCli::importThenReimport()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    const QString a = writeFile(QStringLiteral("part1.csv"), klines(100));
    const QString b = writeFile(QStringLiteral("part2.csv"), klines(60, kStart + 100 * 3600));
    const QStringList arguments{QStringLiteral("--db"),
                                scratch.url(),
                                QStringLiteral("import"),
                                a,
                                b,
                                QStringLiteral("--format"),
                                QStringLiteral("binance-klines"),
                                QStringLiteral("--symbol"),
                                QStringLiteral("eth"),
                                QStringLiteral("--name"),
                                QStringLiteral("Ethereum"),
                                QStringLiteral("--sector"),
                                QStringLiteral("Layer1"),
                                QStringLiteral("--json")};
    const CliRun first = run(arguments);
    QVERIFY2(first.exitCode == 0, qPrintable(first.describe()));
    const QJsonObject json = QJsonDocument::fromJson(first.out.toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("rows")).toInteger(), qint64(160));
    QCOMPARE(json.value(QStringLiteral("files")).toInt(), 2);
    QCOMPARE(json.value(QStringLiteral("symbol")).toString(), QStringLiteral("ETH"));
    QVERIFY(json.value(QStringLiteral("created")).toBool());
    // A new asset: its current price is the newest imported candle's.
    QVERIFY(json.value(QStringLiteral("current_price_updated")).toBool());

    QSqlDatabase db = scratch.database();
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM price_data")), qint64(160));
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM crypto_sector_mapping m JOIN"
                                       " cryptocurrencies c ON c.id = m.crypto_id WHERE"
                                       " c.symbol = 'ETH' AND c.name = 'Ethereum'")),
             qint64(1));
    const QString checksum = priceChecksum(db);

    // Again, without --json: same rows, a one-line report.
    const CliRun second = run(arguments.mid(0, arguments.size() - 1));
    QVERIFY2(second.exitCode == 0, qPrintable(second.describe()));
    QVERIFY2(second.out.startsWith(QStringLiteral("Imported 160 rows for ETH from 2 files")),
             qPrintable(second.describe()));
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM price_data")), qint64(160));
    QCOMPARE(priceChecksum(db), checksum);
}

void tst_ImportCli::badRowExitsOne()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    const QString good = writeFile(QStringLiteral("good.csv"), klines(10));
    QByteArray rows = klines(20, kStart + 10 * 3600);
    // Line 7: high 10.5 below low 11.
    QList<QByteArray> lines = rows.split('\n');
    lines[6] = QByteArray::number((kStart + 16 * 3600) * 1000) + ",11,10.5,11,10.75,1,0,0,0,0,0,0";
    const QString bad = writeFile(QStringLiteral("klines.csv"), lines.join('\n'));
    QSqlDatabase db = scratch.database();
    const QString before = priceChecksum(db);
    const CliRun r = run({QStringLiteral("--db"), scratch.url(), QStringLiteral("import"), good,
                          bad, QStringLiteral("--format"), QStringLiteral("binance-klines"),
                          QStringLiteral("--symbol"), QStringLiteral("BAD")});
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    QVERIFY2(isOneLine(r.err), qPrintable(r.describe()));
    QCOMPARE(r.err, QStringLiteral("klines.csv line 7: high 10.5 is below low 11.\n"));
    QCOMPARE(priceChecksum(db), before);
    QCOMPARE(
        scalar(db, QStringLiteral("SELECT COUNT(*) FROM cryptocurrencies WHERE symbol = 'BAD'")),
        qint64(0));

    const CliRun missing =
        run({QStringLiteral("--db"), scratch.url(), QStringLiteral("import"),
             m_home.filePath(QStringLiteral("missing.csv")), QStringLiteral("--format"),
             QStringLiteral("ohlcv-csv"), QStringLiteral("--symbol"), QStringLiteral("BAD")});
    QVERIFY2(missing.exitCode == 1 && isOneLine(missing.err), qPrintable(missing.describe()));
}

QTEST_GUILESS_MAIN(tst_ImportCli)
#include "tst_importcli.moc"
