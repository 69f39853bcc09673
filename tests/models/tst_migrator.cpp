#include <testdatabase.h>

#include <models/migrator.h>

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using cp::models::Dialect;
using cp::models::Migrator;

/** Versioned forward-only migrations, on both dialects. */
class tst_Migrator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitsOnSeparatorLines();
    void migratesEmptyDatabaseToLatest_data() { cp::test::addDialectColumn(); }
    void migratesEmptyDatabaseToLatest();
    void secondRunAppliesNothing_data() { cp::test::addDialectColumn(); }
    void secondRunAppliesNothing();
    void refusesNewerSchemaAndLeavesItUnchanged_data() { cp::test::addDialectColumn(); }
    void refusesNewerSchemaAndLeavesItUnchanged();
};

void tst_Migrator::splitsOnSeparatorLines()
{
    const QString script = QStringLiteral("-- heading\nCREATE TABLE a (x INT)\n;\n"
                                          "CREATE TRIGGER t BEGIN UPDATE a SET x = 1; END\n;\n"
                                          "-- trailing comment\n");
    const QStringList statements = Migrator::splitStatements(script);
    QCOMPARE(statements.size(), 2);
    QVERIFY(statements[0].endsWith(QLatin1String("CREATE TABLE a (x INT)")));
    QCOMPARE(statements[1], QStringLiteral("CREATE TRIGGER t BEGIN UPDATE a SET x = 1; END"));
}

void tst_Migrator::migratesEmptyDatabaseToLatest()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect, false);
    Migrator migrator(db.database());
    QCOMPARE(*migrator.currentVersion(), 0);
    const cp::Result<int> applied = migrator.migrate();
    QVERIFY2(applied.ok(), qPrintable(applied.error()));
    const int latest = Migrator::latestVersion(
        dialect == QLatin1String("sqlite") ? Dialect::SQLite : Dialect::PostgreSQL);
    QVERIFY(latest >= 2);
    QCOMPARE(*applied, static_cast<int>(Migrator::available(dialect == QLatin1String("sqlite")
                                                                ? Dialect::SQLite
                                                                : Dialect::PostgreSQL)
                                            .size()));
    QCOMPARE(*migrator.currentVersion(), latest);
    QVERIFY(db.database().tables().contains(QStringLiteral("price_data")));
}

void tst_Migrator::secondRunAppliesNothing()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    Migrator migrator(db.database());
    const cp::Result<int> again = migrator.migrate();
    QVERIFY2(again.ok(), qPrintable(again.error()));
    QCOMPARE(*again, 0);
}

void tst_Migrator::refusesNewerSchemaAndLeavesItUnchanged()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    QSqlQuery query(db.database());
    QVERIFY(query.exec(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at)"
                                      " VALUES (999, 'from_the_future', 'x')")));
    const QStringList tablesBefore = db.database().tables();

    Migrator migrator(db.database());
    const cp::Result<int> result = migrator.migrate();
    QVERIFY(!result.ok());
    QVERIFY2(result.error().contains(QLatin1String("newer CryptoPredict")),
             qPrintable(result.error()));
    QVERIFY(result.error().contains(QLatin1String("999")));
    QCOMPARE(db.database().tables(), tablesBefore);
    QCOMPARE(*migrator.currentVersion(), 999);
}

QTEST_GUILESS_MAIN(tst_Migrator)
#include "tst_migrator.moc"
