#include <testdatabase.h>

#include <models/connectioncheck.h>
#include <models/migrator.h>

#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using cp::models::ConnectionCheck;
using cp::models::ConnectionFailure;
using cp::models::DatabaseUrl;

namespace {

//! The password-protected user of scripts/with-postgres.sh, or an empty URL.
QString authUrl()
{
    return qEnvironmentVariable("CRYPTOPREDICT_TEST_PG_AUTH_URL");
}

DatabaseUrl authDatabase(const QString &password, const QString &databaseName = {}, int port = 0)
{
    DatabaseUrl url = *DatabaseUrl::parse(authUrl());
    url.password = password;
    if (!databaseName.isEmpty())
        url.databaseName = databaseName;
    if (port > 0)
        url.port = port;
    return url;
}

} // namespace

#define REQUIRE_AUTH_SERVER()                                                                      \
    if (authUrl().isEmpty()) {                                                                     \
        if (cp::test::postgresRequired())                                                          \
            QFAIL("CRYPTOPREDICT_TEST_PG_AUTH_URL is not set but PostgreSQL tests are required");  \
        QSKIP("no password-protected PostgreSQL user (scripts/with-postgres.sh)");                 \
    }

/** The first-run wizard's connection test: each failure is told apart and explained. */
class tst_ConnectionCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newSqliteFileIsEmpty();
    void migratedDatabaseReportsItsVersion_data() { cp::test::addDialectColumn(); }
    void migratedDatabaseReportsItsVersion();
    void schemaTooNew_data() { cp::test::addDialectColumn(); }
    void schemaTooNew();
    void postgresFailuresAreDistinct();
    void postgresRightPassword();
};

void tst_ConnectionCheck::newSqliteFileIsEmpty()
{
    QTemporaryDir dir;
    const cp::Result<DatabaseUrl> url =
        DatabaseUrl::parse(QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("new.db")));
    QVERIFY(url.ok());
    const ConnectionCheck check = cp::models::checkConnection(*url);
    QVERIFY2(check.ok(), qPrintable(check.message));
    QCOMPARE(check.schemaVersion, 0);
    QVERIFY(check.latestVersion > 0);
}

void tst_ConnectionCheck::migratedDatabaseReportsItsVersion()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    const ConnectionCheck check = cp::models::checkConnection(scratch.databaseUrl());
    QVERIFY2(check.ok(), qPrintable(check.message));
    QCOMPARE(check.schemaVersion,
             cp::models::Migrator::latestVersion(scratch.databaseUrl().dialect));
}

void tst_ConnectionCheck::schemaTooNew()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    const int latest = cp::models::Migrator::latestVersion(scratch.databaseUrl().dialect);
    QSqlQuery query(scratch.database());
    QVERIFY(query.exec(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) "
                                      "VALUES (%1, 'from the future', '2099-01-01')")
                           .arg(latest + 5)));
    const ConnectionCheck check = cp::models::checkConnection(scratch.databaseUrl());
    QCOMPARE(check.failure, ConnectionFailure::SchemaTooNew);
    QCOMPARE(check.schemaVersion, latest + 5);
    QVERIFY2(check.message.contains(QLatin1String("newer")), qPrintable(check.message));
    QVERIFY2(check.message.contains(QString::number(latest + 5)), qPrintable(check.message));
}

void tst_ConnectionCheck::postgresFailuresAreDistinct()
{
    REQUIRE_AUTH_SERVER();
    const QString password = qEnvironmentVariable("CRYPTOPREDICT_TEST_PG_AUTH_PASSWORD");
    const ConnectionCheck wrong =
        cp::models::checkConnection(authDatabase(password + QStringLiteral("-wrong")));
    QCOMPARE(wrong.failure, ConnectionFailure::AuthenticationFailed);
    QVERIFY2(wrong.message.contains(QLatin1String("refused the password")),
             qPrintable(wrong.message));

    const ConnectionCheck none = cp::models::checkConnection(authDatabase(QString()));
    QCOMPARE(none.failure, ConnectionFailure::AuthenticationFailed);

    const ConnectionCheck missing = cp::models::checkConnection(
        authDatabase(password, QStringLiteral("cp_no_such_database_here")));
    QCOMPARE(missing.failure, ConnectionFailure::DatabaseMissing);
    QVERIFY2(missing.message.contains(QLatin1String("cp_no_such_database_here")),
             qPrintable(missing.message));

    // Port 1 on the loopback: nothing listens there, the connection is refused at once.
    const ConnectionCheck unreachable = cp::models::checkConnection(authDatabase(password, {}, 1));
    QCOMPARE(unreachable.failure, ConnectionFailure::HostUnreachable);
    QVERIFY2(unreachable.message.contains(QLatin1String("127.0.0.1:1")),
             qPrintable(unreachable.message));

    const QStringList messages = {wrong.message, missing.message, unreachable.message};
    QCOMPARE(QSet<QString>(messages.begin(), messages.end()).size(), 3);
}

void tst_ConnectionCheck::postgresRightPassword()
{
    REQUIRE_AUTH_SERVER();
    const ConnectionCheck check = cp::models::checkConnection(
        authDatabase(qEnvironmentVariable("CRYPTOPREDICT_TEST_PG_AUTH_PASSWORD")));
    QVERIFY2(check.ok(), qPrintable(check.message));
    QVERIFY(check.schemaVersion >= 0);
}

QTEST_GUILESS_MAIN(tst_ConnectionCheck)
#include "tst_connectioncheck.moc"
