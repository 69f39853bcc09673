#include <models/databaseurl.h>

#include <QTest>

using cp::models::DatabaseUrl;
using cp::models::Dialect;

/** Parsing database URLs: both dialects, defaults, and one clear sentence for bad input. */
class tst_DatabaseUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesValidUrls_data();
    void parsesValidUrls();
    void refusesInvalidUrls_data();
    void refusesInvalidUrls();
    void resolvePrefersOptionThenEnvironment();
    void displayStringHidesPassword();
};

void tst_DatabaseUrl::parsesValidUrls_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("isSqlite");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("database");

    QTest::newRow("sqlite") << "sqlite:///var/lib/cp/data.db" << true << "/var/lib/cp/data.db"
                            << "" << 5432 << ""
                            << ""
                            << "";
    QTest::newRow("postgresql full")
        << "postgresql://alice:s%40cret@db.example:6543/markets" << false << ""
        << "db.example" << 6543 << "alice"
        << "s@cret"
        << "markets";
    QTest::newRow("postgres alias, default port") << "postgres://bob@localhost/cp" << false << ""
                                                  << "localhost" << 5432 << "bob"
                                                  << ""
                                                  << "cp";
    QTest::newRow("unix socket dir") << "postgresql://postgres@/cp?host=/tmp/pgsock" << false << ""
                                     << "/tmp/pgsock" << 5432 << "postgres"
                                     << ""
                                     << "cp";
}

void tst_DatabaseUrl::parsesValidUrls()
{
    QFETCH(QString, text);
    QFETCH(bool, isSqlite);
    QFETCH(QString, path);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, database);

    const cp::Result<DatabaseUrl> url = DatabaseUrl::parse(text);
    QVERIFY2(url.ok(), qPrintable(url.error()));
    QCOMPARE(url->dialect == Dialect::SQLite, isSqlite);
    QCOMPARE(url->filePath, path);
    if (!isSqlite) {
        QCOMPARE(url->host, host);
        QCOMPARE(url->port, port);
        QCOMPARE(url->user, user);
        QCOMPARE(url->password, password);
        QCOMPARE(url->databaseName, database);
    }
}

void tst_DatabaseUrl::refusesInvalidUrls_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown scheme") << "mysql://root@localhost/cp"
                                    << "Unknown database URL scheme 'mysql'";
    QTest::newRow("relative sqlite path") << "sqlite:data.db"
                                          << "absolute file path";
    QTest::newRow("no database name") << "postgresql://alice@host:5432/"
                                      << "must name a database";
    QTest::newRow("not a url") << "just words"
                               << "not a database URL";
}

void tst_DatabaseUrl::refusesInvalidUrls()
{
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    const cp::Result<DatabaseUrl> url = DatabaseUrl::parse(text);
    QVERIFY(!url.ok());
    QVERIFY2(url.error().contains(mentions), qPrintable(url.error()));
    QVERIFY2(!url.error().contains(QLatin1Char('\n')), "errors are one sentence");
}

void tst_DatabaseUrl::resolvePrefersOptionThenEnvironment()
{
    qputenv("CRYPTOPREDICT_DB", "sqlite:///from/env.db");
    QCOMPARE(DatabaseUrl::resolve(QStringLiteral("sqlite:///from/option.db"))->filePath,
             QStringLiteral("/from/option.db"));
    QCOMPARE(DatabaseUrl::resolve(QString())->filePath, QStringLiteral("/from/env.db"));
    qunsetenv("CRYPTOPREDICT_DB");
    const cp::Result<DatabaseUrl> fallback = DatabaseUrl::resolve(QString());
    QVERIFY(fallback.ok());
    QCOMPARE(fallback->dialect, Dialect::SQLite);
    QVERIFY(fallback->filePath.endsWith(QLatin1String("/cryptopredict.db")));
}

void tst_DatabaseUrl::displayStringHidesPassword()
{
    const cp::Result<DatabaseUrl> url =
        DatabaseUrl::parse(QStringLiteral("postgresql://alice:hunter2@db:5433/cp"));
    QVERIFY(url.ok());
    QVERIFY(!url->displayString().contains(QLatin1String("hunter2")));
    QCOMPARE(url->displayString(), QStringLiteral("postgresql://alice@db:5433/cp"));
}

QTEST_GUILESS_MAIN(tst_DatabaseUrl)
#include "tst_databaseurl.moc"
