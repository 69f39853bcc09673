#include <testdatabase.h>

#include <app/passwordhasher.h>
#include <models/migrator.h>

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrl>

using cp::models::Dialect;
using cp::models::Migrator;

namespace {

/** What one run of cryptopredict-cli did. */
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
    bool crashed = false;
    QString describe() const
    {
        return QStringLiteral("exit %1, stdout: %2, stderr: %3").arg(exitCode).arg(out, err);
    }
};

QString cliPath()
{
    const QString fromEnv = qEnvironmentVariable("CRYPTOPREDICT_CLI");
#ifdef CRYPTOPREDICT_CLI_PATH
    return fromEnv.isEmpty() ? QStringLiteral(CRYPTOPREDICT_CLI_PATH) : fromEnv;
#else
    return fromEnv;
#endif
}

Dialect dialectNamed(const QString &name)
{
    return name == QLatin1String("sqlite") ? Dialect::SQLite : Dialect::PostgreSQL;
}

// True when the text is exactly one line ending in a newline: what every error must be.
bool isOneLine(const QString &text)
{
    return !text.trimmed().isEmpty() && text.endsWith(QLatin1Char('\n')) &&
           text.count(QLatin1Char('\n')) == 1;
}

QJsonObject parseJson(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

qint64 scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

} // namespace

/** The cryptopredict-cli binary end to end: exit codes, one-line errors, both dialects. */
class tst_Cli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void versionAndHelp();
    void badUsageExitsTwo_data();
    void badUsageExitsTwo();
    void unknownUrlScheme();
    void initIsIdempotent_data() { cp::test::addDialectColumn(); }
    void initIsIdempotent();
    void demoThenStatus_data() { cp::test::addDialectColumn(); }
    void demoThenStatus();
    void userAdd_data() { cp::test::addDialectColumn(); }
    void userAdd();
    void unreachableServer();
    void refusedPassword_data();
    void refusedPassword();
    void refusesNewerSchema_data() { cp::test::addDialectColumn(); }
    void refusesNewerSchema();

private:
    CliRun run(const QStringList &arguments, const QByteArray &input = {});
    QTemporaryDir m_home;
};

void tst_Cli::initTestCase()
{
    QVERIFY2(QFileInfo(cliPath()).isExecutable(),
             qPrintable(QStringLiteral("cryptopredict-cli not found at '%1' (CRYPTOPREDICT_CLI)")
                            .arg(cliPath())));
    QVERIFY(m_home.isValid());
}

CliRun tst_Cli::run(const QStringList &arguments, const QByteArray &input)
{
    // A private home, and nothing that could supply a database or a password from outside.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"CRYPTOPREDICT_DB", "CRYPTOPREDICT_DEBUG", "PGPASSWORD", "PGSERVICE", "PGUSER"})
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
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
    }
    result.crashed = process.exitStatus() != QProcess::NormalExit;
    result.exitCode = result.crashed ? -1 : process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void tst_Cli::versionAndHelp()
{
    const CliRun version = run({QStringLiteral("--version")});
    QVERIFY2(version.exitCode == 0, qPrintable(version.describe()));
    QVERIFY(version.out.startsWith(QLatin1String("cryptopredict-cli ")));
    QVERIFY(version.out.contains(QLatin1String(CRYPTOPREDICT_VERSION)));
    QVERIFY(version.err.isEmpty());

    const CliRun help = run({QStringLiteral("--help")});
    QVERIFY2(help.exitCode == 0, qPrintable(help.describe()));
    for (const char *command : {"  init ", "  demo ", "  status ", "  user add "})
        QVERIFY2(help.out.contains(QLatin1String(command)), command);
    QVERIFY(help.out.contains(QLatin1String("--db URL")));
    QVERIFY(help.err.isEmpty());

    // A command's own --help shows its usage and runs nothing.
    const CliRun serveHelp = run({QStringLiteral("serve"), QStringLiteral("--help")});
    QVERIFY2(serveHelp.exitCode == 0, qPrintable(serveHelp.describe()));
    QVERIFY(serveHelp.out.contains(QLatin1String("serve [--host H]")));
    QVERIFY(serveHelp.out.contains(QLatin1String("--live-prices")));
    QVERIFY(!serveHelp.out.contains(QLatin1String("  init ")));
}

void tst_Cli::badUsageExitsTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");

    QTest::newRow("no command") << QStringList{} << "No command";
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << "frobnicate";
    QTest::newRow("unknown global option") << QStringList{"--bogus", "status"} << "bogus";
    QTest::newRow("assets 0") << QStringList{"demo", "--assets", "0"} << "--assets";
    QTest::newRow("assets too many") << QStringList{"demo", "--assets", "5001"} << "--assets";
    QTest::newRow("interval 5m") << QStringList{"demo", "--interval", "5m"} << "--interval";
    QTest::newRow("days abc") << QStringList{"demo", "--days", "abc"} << "--days";
    QTest::newRow("seed negative") << QStringList{"demo", "--seed", "-1"} << "--seed";
    QTest::newRow("unknown demo option") << QStringList{"demo", "--speed", "3"} << "speed";
    QTest::newRow("init with argument") << QStringList{"init", "now"} << "init";
    QTest::newRow("user without add") << QStringList{"user", "remove", "a@b.c"} << "user add";
    QTest::newRow("user bad email")
        << QStringList{"user", "add", "not-an-email", "--role", "admin", "--password-stdin"}
        << "not-an-email";
}

void tst_Cli::badUsageExitsTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    // Bad usage is reported before any database is touched: the file must not appear.
    const QString file = m_home.filePath(QStringLiteral("untouched.db"));
    const CliRun result =
        run(QStringList{QStringLiteral("--db"), QStringLiteral("sqlite://") + file} + arguments);
    QVERIFY2(result.exitCode == 2, qPrintable(result.describe()));
    QVERIFY2(isOneLine(result.err), qPrintable(result.describe()));
    QVERIFY2(result.err.contains(named), qPrintable(result.describe()));
    QVERIFY(result.out.isEmpty());
    QVERIFY(!QFileInfo::exists(file));
}

void tst_Cli::unknownUrlScheme()
{
    const CliRun result =
        run({QStringLiteral("--db"), QStringLiteral("mysql://x"), QStringLiteral("init")});
    QVERIFY2(result.exitCode == 2, qPrintable(result.describe()));
    QVERIFY2(isOneLine(result.err), qPrintable(result.describe()));
    QVERIFY2(result.err.startsWith(QLatin1String("Unknown database URL scheme 'mysql'")),
             qPrintable(result.describe()));
}

void tst_Cli::initIsIdempotent()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect, false);
    const int latest = Migrator::latestVersion(dialectNamed(dialect));
    QCOMPARE(*Migrator(scratch.database()).currentVersion(), 0);

    const CliRun first = run({QStringLiteral("--db"), scratch.url(), QStringLiteral("init")});
    QVERIFY2(first.exitCode == 0, qPrintable(first.describe()));
    QVERIFY2(first.out.contains(QStringLiteral("schema version %1").arg(latest)),
             qPrintable(first.describe()));
    QVERIFY(first.err.isEmpty());
    QCOMPARE(*Migrator(scratch.database()).currentVersion(), latest);
    const qint64 migrations =
        scalar(scratch.database(), QStringLiteral("SELECT COUNT(*) FROM schema_migrations"));
    QCOMPARE(migrations, qint64(Migrator::available(dialectNamed(dialect)).size()));
    const QStringList tables = scratch.database().tables();
    QVERIFY(tables.contains(QStringLiteral("price_data")));
    QVERIFY(tables.contains(QStringLiteral("app_metadata")));

    // Global options may follow the command too.
    const CliRun second = run(
        {QStringLiteral("init"), QStringLiteral("--json"), QStringLiteral("--db"), scratch.url()});
    QVERIFY2(second.exitCode == 0, qPrintable(second.describe()));
    QCOMPARE(parseJson(second.out).value(QStringLiteral("schema_version")).toInt(), latest);
    QVERIFY(!parseJson(second.out).value(QStringLiteral("database")).toString().isEmpty());
    QCOMPARE(scalar(scratch.database(), QStringLiteral("SELECT COUNT(*) FROM schema_migrations")),
             migrations);
    QCOMPARE(scratch.database().tables(), tables);
}

void tst_Cli::demoThenStatus()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    const QString db = scratch.url();
    const int latest = Migrator::latestVersion(dialectNamed(dialect));

    CliRun status =
        run({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("status")});
    QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
    QJsonObject json = parseJson(status.out);
    QCOMPARE(json.value(QStringLiteral("schema_version")).toInt(), latest);
    QCOMPARE(json.value(QStringLiteral("assets")).toInt(), 0);
    QCOMPARE(json.value(QStringLiteral("price_rows")).toInt(), 0);
    QCOMPARE(json.value(QStringLiteral("users")).toInt(), 0);
    QCOMPARE(json.value(QStringLiteral("latest_price")).toString(), QString());

    // The demo's history ends at the start of today (UTC): its last bar opened yesterday.
    const QDate dayBefore = QDateTime::currentDateTimeUtc().date().addDays(-1);
    const CliRun demo =
        run({QStringLiteral("--db"), db, QStringLiteral("demo"), QStringLiteral("--assets"),
             QStringLiteral("5"), QStringLiteral("--days"), QStringLiteral("20"),
             QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--json")});
    const QDate dayAfter = QDateTime::currentDateTimeUtc().date().addDays(-1);
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.describe()));
    QVERIFY(demo.err.isEmpty());
    json = parseJson(demo.out);
    QCOMPARE(json.value(QStringLiteral("simulated")).toBool(), true);
    QCOMPARE(json.value(QStringLiteral("assets")).toInt(), 5);
    QCOMPARE(json.value(QStringLiteral("candles")).toInt(), 100);

    status = run({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--db"), db});
    QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
    json = parseJson(status.out);
    QCOMPARE(json.value(QStringLiteral("schema_version")).toInt(), latest);
    QCOMPARE(json.value(QStringLiteral("assets")).toInt(), 5);
    QCOMPARE(json.value(QStringLiteral("simulated_assets")).toInt(), 5);
    QCOMPARE(json.value(QStringLiteral("price_rows")).toInt(), 100);
    const QDateTime latestPrice =
        QDateTime::fromString(json.value(QStringLiteral("latest_price")).toString(), Qt::ISODate);
    QVERIFY2(latestPrice.isValid(), qPrintable(status.describe()));
    QVERIFY(latestPrice.toUTC().date() == dayBefore || latestPrice.toUTC().date() == dayAfter);
    QCOMPARE(latestPrice.toUTC().time(), QTime(0, 0));

    // What status reports is what the database holds.
    QCOMPARE(scalar(scratch.database(), QStringLiteral("SELECT COUNT(*) FROM price_data")),
             qint64(100));
    QCOMPARE(scalar(scratch.database(),
                    QStringLiteral("SELECT COUNT(*) FROM cryptocurrencies WHERE is_simulated = ") +
                        (dialect == QLatin1String("sqlite") ? QStringLiteral("1")
                                                            : QStringLiteral("true"))),
             qint64(5));

    // The human-readable form says the data is simulated.
    status = run({QStringLiteral("--db"), db, QStringLiteral("status")});
    QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
    QVERIFY2(status.out.contains(QLatin1String("(5 simulated)")), qPrintable(status.describe()));
}

void tst_Cli::userAdd()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    const QString db = scratch.url();
    const QString password = QStringLiteral("correct horse battery staple");
    auto addUser = [&](const QString &email, const QString &role, const QByteArray &input,
                       bool passwordStdin = true) {
        QStringList arguments{
            QStringLiteral("--db"),   db,  QStringLiteral("user"), QStringLiteral("add"), email,
            QStringLiteral("--role"), role};
        if (passwordStdin)
            arguments.append(QStringLiteral("--password-stdin"));
        return run(arguments, input);
    };
    auto users = [&] {
        return scalar(scratch.database(), QStringLiteral("SELECT COUNT(*) FROM users"));
    };

    CliRun result = addUser(QStringLiteral("Admin@Example.com"), QStringLiteral("admin"),
                            password.toUtf8() + "\n");
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QVERIFY(result.err.isEmpty());
    QSqlQuery query(scratch.database());
    QVERIFY(query.exec(QStringLiteral("SELECT id, email, role, password_hash FROM users")));
    QVERIFY(query.next());
    const int id = query.value(0).toInt();
    QCOMPARE(query.value(1).toString(), QStringLiteral("admin@example.com"));
    QCOMPARE(query.value(2).toString(), QStringLiteral("admin"));
    const QString hash = query.value(3).toString();
    QVERIFY2(hash.startsWith(QLatin1String("$argon2id$")), qPrintable(hash));
    QVERIFY(!hash.contains(password));
    QVERIFY(cp::app::PasswordHasher::verify(password, hash));
    QVERIFY(
        !cp::app::PasswordHasher::verify(QStringLiteral("correct horse battery stapler"), hash));
    QVERIFY(!query.next());
    QCOMPARE(
        scalar(scratch.database(),
               QStringLiteral("SELECT COUNT(*) FROM risk_management WHERE user_id = %1").arg(id)),
        qint64(1));

    result = addUser(QStringLiteral("admin@example.com"), QStringLiteral("casual"),
                     "another good password\n");
    QVERIFY2(result.exitCode == 1, qPrintable(result.describe()));
    QVERIFY2(isOneLine(result.err), qPrintable(result.describe()));
    QVERIFY2(result.err.contains(QLatin1String("already exists")), qPrintable(result.describe()));
    QCOMPARE(users(), qint64(1));

    result = addUser(QStringLiteral("pro@example.com"), QStringLiteral("superhero"),
                     password.toUtf8() + "\n");
    QVERIFY2(result.exitCode == 2, qPrintable(result.describe()));
    QVERIFY2(isOneLine(result.err), qPrintable(result.describe()));
    QVERIFY2(result.err.contains(QLatin1String("superhero")), qPrintable(result.describe()));

    result = addUser(QStringLiteral("pro@example.com"), QStringLiteral("professional"), "short\n");
    QVERIFY2(result.exitCode == 1, qPrintable(result.describe()));
    QVERIFY2(isOneLine(result.err), qPrintable(result.describe()));
    QVERIFY2(result.err.contains(QLatin1String("at least")), qPrintable(result.describe()));

    result = addUser(QStringLiteral("pro@example.com"), QStringLiteral("professional"),
                     password.toUtf8() + "\n", false);
    QVERIFY2(result.exitCode == 2, qPrintable(result.describe()));
    QVERIFY2(isOneLine(result.err), qPrintable(result.describe()));
    QVERIFY2(result.err.contains(QLatin1String("--password-stdin")), qPrintable(result.describe()));
    QCOMPARE(users(), qint64(1));

    // A password line ending in CRLF is the password without the CR.
    result = addUser(QStringLiteral("pro@example.com"), QStringLiteral("professional"),
                     "windows line ending\r\n");
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QVERIFY(query.exec(
        QStringLiteral("SELECT role, password_hash FROM users WHERE email = 'pro@example.com'")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("professional"));
    QVERIFY(cp::app::PasswordHasher::verify(QStringLiteral("windows line ending"),
                                            query.value(1).toString()));
    QCOMPARE(users(), qint64(2));
}

void tst_Cli::unreachableServer()
{
    const CliRun result =
        run({QStringLiteral("--db"), QStringLiteral("postgresql://postgres@127.0.0.1:1/x"),
             QStringLiteral("status")});
    QVERIFY2(result.exitCode == 1, qPrintable(result.describe()));
    QVERIFY2(isOneLine(result.err), qPrintable(result.describe()));
    QVERIFY2(result.err.startsWith(QLatin1String("Cannot reach the PostgreSQL server at "
                                                 "127.0.0.1:1")),
             qPrintable(result.describe()));
    QVERIFY(result.out.isEmpty());
}

void tst_Cli::refusedPassword_data()
{
    QTest::addColumn<QString>("password");
    QTest::newRow("wrong password") << QStringLiteral("wrong-password");
    QTest::newRow("no password") << QString();
}

void tst_Cli::refusedPassword()
{
    QFETCH(QString, password);
    const QString authUrl = qEnvironmentVariable("CRYPTOPREDICT_TEST_PG_AUTH_URL");
    if (authUrl.isEmpty()) {
        if (cp::test::postgresRequired())
            QFAIL("CRYPTOPREDICT_TEST_PG_AUTH_URL is not set but PostgreSQL tests are required");
        QSKIP("no PostgreSQL user with a password configured (CRYPTOPREDICT_TEST_PG_AUTH_URL)");
    }
    QUrl url(authUrl);
    QVERIFY(!url.userName().isEmpty());
    QVERIFY(password != qEnvironmentVariable("CRYPTOPREDICT_TEST_PG_AUTH_PASSWORD"));
    url.setPassword(password);
    const CliRun result = run({QStringLiteral("--db"), url.toString(), QStringLiteral("status")});
    QVERIFY2(result.exitCode == 1, qPrintable(result.describe()));
    QVERIFY2(isOneLine(result.err), qPrintable(result.describe()));
    QVERIFY2(result.err.contains(QLatin1String("refused the password")),
             qPrintable(result.describe()));
    QVERIFY2(result.err.contains(url.userName()), qPrintable(result.describe()));
    if (!password.isEmpty())
        QVERIFY2(!result.err.contains(password), "the password must never be printed");
}

void tst_Cli::refusesNewerSchema()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlQuery query(scratch.database());
    QVERIFY2(query.exec(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at)"
                                       " VALUES (999, 'from_the_future', 'x')")),
             qPrintable(query.lastError().text()));
    const QStringList tables = scratch.database().tables();

    for (const char *command : {"status", "init"}) {
        const CliRun result =
            run({QStringLiteral("--db"), scratch.url(), QString::fromLatin1(command)});
        QVERIFY2(result.exitCode == 1, qPrintable(result.describe()));
        QVERIFY2(isOneLine(result.err), qPrintable(result.describe()));
        QVERIFY2(result.err.contains(QLatin1String("newer")), qPrintable(result.describe()));
        QVERIFY(result.out.isEmpty());
    }
    QCOMPARE(*Migrator(scratch.database()).currentVersion(), 999);
    QCOMPARE(scratch.database().tables(), tables);
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
