// The schema of both dialects, checked against the seed document (docs/Design/
// 17_Database_ERD_Design.md): same tables and columns in SQLite and PostgreSQL, every CHECK,
// UNIQUE, FOREIGN KEY (with its ON DELETE), index and updated_at trigger, and the default
// sectors. Expectations come from the seed (schemaexpectations.cpp), never from the migrations.

#include "tst_schema.h"

#include "schemacatalog.h"
#include "schemaexpectations.h"
#include "schemafixture.h"

#include <testdatabase.h>

#include <QTest>

using namespace cp::test;

namespace {

QStringList describeColumns(const QSqlDatabase &db, const QString &table)
{
    QStringList result;
    for (const ColumnInfo &column : SchemaCatalog::columns(db, table))
        result.append(table + QLatin1Char('.') + column.describe());
    return result;
}

QStringList describeMap(const QMap<QString, QString> &map)
{
    QStringList result;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        result.append(it.key() + QLatin1String(": ") + it.value());
    return result;
}

} // namespace

ScratchDatabase *tst_Schema::sharedDatabase(const QString &dialect)
{
    std::unique_ptr<ScratchDatabase> &shared = m_shared[dialect];
    if (!shared)
        shared = std::make_unique<ScratchDatabase>(dialect);
    return shared.get();
}

void tst_Schema::seedTablesExist_data()
{
    addDialectColumn();
}

void tst_Schema::indexesMatchSeed_data()
{
    addDialectColumn();
}

void tst_Schema::foreignKeysMatchSeed_data()
{
    addDialectColumn();
}

void tst_Schema::updatedAtTriggersExist_data()
{
    addDialectColumn();
}

void tst_Schema::everyCheckIsProbed_data()
{
    addDialectColumn();
}

void tst_Schema::minimalRowsAreAccepted_data()
{
    addDialectColumn();
}

void tst_Schema::booleansAcceptOnlyTrueAndFalse_data()
{
    addDialectColumn();
}

void tst_Schema::jsonColumnsRejectMalformedJson_data()
{
    addDialectColumn();
}

void tst_Schema::coinsWithoutCoingeckoIdDoNotCollide_data()
{
    addDialectColumn();
}

void tst_Schema::dialectsExposeSameTablesAndColumns()
{
    CP_SCRATCH_DB(lite, QStringLiteral("sqlite"));
    CP_SCRATCH_DB(pg, QStringLiteral("postgresql"));
    const QStringList liteTables = SchemaCatalog::tables(lite.database());
    const QStringList pgTables = SchemaCatalog::tables(pg.database());
    CP_RETURN_IF_FAILED();
    QCOMPARE(liteTables, pgTables);
    for (const QString &table : seed::tables())
        QVERIFY2(liteTables.contains(table), qPrintable(table));
    QVERIFY(!liteTables.contains(QStringLiteral("predictions")));

    // Name, order, kind, nullability and default of every column, table by table.
    for (const QString &table : liteTables)
        QCOMPARE(describeColumns(lite.database(), table), describeColumns(pg.database(), table));
    QCOMPARE(describeMap(SchemaCatalog::indexes(lite.database())),
             describeMap(SchemaCatalog::indexes(pg.database())));
    QCOMPARE(SchemaCatalog::foreignKeys(lite.database()),
             SchemaCatalog::foreignKeys(pg.database()));
    QCOMPARE(describeMap(SchemaCatalog::triggers(lite.database())),
             describeMap(SchemaCatalog::triggers(pg.database())));
    QCOMPARE(SchemaCatalog::checkedColumns(lite.database()),
             SchemaCatalog::checkedColumns(pg.database()));
}

void tst_Schema::seedTablesExist()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    const QStringList tables = SchemaCatalog::tables(scratch.database());
    CP_RETURN_IF_FAILED();
    QStringList missing;
    for (const QString &table : seed::tables()) {
        if (!tables.contains(table))
            missing.append(table);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char(' '))));
    QCOMPARE(seed::tables().size(), 22);
    // The Phase-1 `predictions` table is superseded by predictions_enhanced.
    QVERIFY(!tables.contains(QStringLiteral("predictions")));
}

void tst_Schema::indexesMatchSeed()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    const QMap<QString, QString> actual = SchemaCatalog::indexes(scratch.database());
    CP_RETURN_IF_FAILED();
    const QMap<QString, QString> expected = seed::indexes();
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        QCOMPARE(it.key() + QLatin1String(": ") + actual.value(it.key()),
                 it.key() + QLatin1String(": ") + it.value());
}

void tst_Schema::foreignKeysMatchSeed()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QStringList actual;
    const QStringList seedTables = seed::tables();
    for (const QString &fk : SchemaCatalog::foreignKeys(scratch.database())) {
        if (seedTables.contains(fk.section(QLatin1Char('.'), 0, 0)))
            actual.append(fk);
    }
    CP_RETURN_IF_FAILED();
    QStringList expected;
    for (const seed::ForeignKey &fk : seed::foreignKeys())
        expected.append(fk.describe());
    expected.sort();
    QCOMPARE(actual, expected);
}

void tst_Schema::updatedAtTriggersExist()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    const QMap<QString, QString> actual = SchemaCatalog::triggers(scratch.database());
    CP_RETURN_IF_FAILED();
    const QMap<QString, QString> expected = seed::updatedAtTriggers();
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        QCOMPARE(it.key() + QLatin1String(" ON ") + actual.value(it.key()),
                 it.key() + QLatin1String(" ON ") + it.value());
    // Conversely, no table with an updated_at column is left without a trigger.
    const QStringList triggered = actual.values();
    for (const QString &table : SchemaCatalog::tables(scratch.database())) {
        for (const ColumnInfo &column : SchemaCatalog::columns(scratch.database(), table)) {
            if (column.name == QLatin1String("updated_at"))
                QVERIFY2(triggered.contains(table), qPrintable(table));
        }
    }
}

void tst_Schema::everyCheckIsProbed()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QStringList actual;
    const QStringList seedTables = seed::tables();
    for (const QString &column : SchemaCatalog::checkedColumns(scratch.database())) {
        if (seedTables.contains(column.section(QLatin1Char('.'), 0, 0)))
            actual.append(column);
    }
    CP_RETURN_IF_FAILED();
    QStringList probed;
    for (const seed::CheckCase &check : seed::checkCases())
        probed.append(check.table + QLatin1Char('.') + check.column);
    probed.sort();
    probed.removeDuplicates();
    QCOMPARE(actual, probed);
}

void tst_Schema::minimalRowsAreAccepted()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    SchemaFixture fixture(scratch.database());
    for (const QString &table : seed::tables()) {
        const qint64 id = fixture.insert(table, fixture.minimalRow(table));
        CP_RETURN_IF_FAILED();
        QVERIFY2(id > 0, qPrintable(fixture.describeLast()));
    }
}

void tst_Schema::checkConstraints_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("valid");
    QTest::addColumn<QString>("invalid");
    for (const QString &dialect : {QStringLiteral("sqlite"), QStringLiteral("postgresql")}) {
        for (const seed::CheckCase &check : seed::checkCases()) {
            QTest::addRow("%s:%s", qPrintable(dialect), qPrintable(check.label()))
                << dialect << check.table << check.column << check.valid << check.invalid;
        }
    }
}

void tst_Schema::checkConstraints()
{
    QFETCH(QString, dialect);
    QFETCH(QString, table);
    QFETCH(QString, column);
    QFETCH(QString, valid);
    QFETCH(QString, invalid);
    CP_SHARED_DB(scratch, dialect);
    SchemaFixture fixture(scratch.database());

    Row accepted = fixture.minimalRow(table);
    accepted.set(column, valid);
    CP_RETURN_IF_FAILED();
    const qint64 id = fixture.insert(table, accepted);
    QVERIFY2(id > 0, qPrintable(fixture.describeLast()));
    QVERIFY(
        fixture.scalar(QStringLiteral("SELECT %1 FROM %2 WHERE id = %3").arg(column, table).arg(id))
            .isValid());

    Row refused = fixture.minimalRow(table);
    refused.set(column, invalid);
    CP_RETURN_IF_FAILED();
    QCOMPARE(fixture.insert(table, refused), qint64(-1));
    QVERIFY2(fixture.lastViolation() == Violation::Check, qPrintable(fixture.describeLast()));
}

void tst_Schema::booleansAcceptOnlyTrueAndFalse()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    SchemaFixture fixture(scratch.database());
    QStringList probed;
    for (const QString &table : seed::tables()) {
        for (const ColumnInfo &column : SchemaCatalog::columns(scratch.database(), table)) {
            if (column.kind != QLatin1String("bool"))
                continue;
            probed.append(table + QLatin1Char('.') + column.name);
            for (const QString &value : {QStringLiteral("TRUE"), QStringLiteral("FALSE")}) {
                Row row = fixture.minimalRow(table);
                row.set(column.name, value);
                QVERIFY2(fixture.insert(table, row) > 0, qPrintable(fixture.describeLast()));
            }
            Row row = fixture.minimalRow(table);
            row.set(column.name, QStringLiteral("2"));
            QCOMPARE(fixture.insert(table, row), qint64(-1));
            // PostgreSQL refuses the integer by type, SQLite by the CHECK standing in for it.
            const Violation expected =
                fixture.isPostgres() ? Violation::InvalidValue : Violation::Check;
            QVERIFY2(fixture.lastViolation() == expected, qPrintable(fixture.describeLast()));
        }
    }
    CP_RETURN_IF_FAILED();
    // At least the ERD's boolean attributes (later migrations may add more).
    for (const QString &column :
         {QStringLiteral("users.is_active"), QStringLiteral("users.is_verified"),
          QStringLiteral("users.is_superuser"), QStringLiteral("cryptocurrencies.is_active"),
          QStringLiteral("cryptocurrencies.is_supported"),
          QStringLiteral("crypto_sectors.is_active"),
          QStringLiteral("crypto_sector_mapping.is_primary"),
          QStringLiteral("watchlists.is_active"),
          QStringLiteral("predictions_enhanced.is_realized"),
          QStringLiteral("predictions_enhanced.is_accurate")}) {
        QVERIFY2(probed.contains(column), qPrintable(column));
    }
}

void tst_Schema::jsonColumnsRejectMalformedJson()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    SchemaFixture fixture(scratch.database());
    int probed = 0;
    for (const QString &table : seed::tables()) {
        for (const ColumnInfo &column : SchemaCatalog::columns(scratch.database(), table)) {
            if (column.kind != QLatin1String("json"))
                continue;
            ++probed;
            Row row = fixture.minimalRow(table);
            row.set(column.name, sqlText(QStringLiteral("{\"layer\": [1, 2.5, \"x\"]}")));
            QVERIFY2(fixture.insert(table, row) > 0, qPrintable(fixture.describeLast()));
            row = fixture.minimalRow(table);
            row.set(column.name, sqlText(QStringLiteral("{\"layer\": ")));
            QCOMPARE(fixture.insert(table, row), qint64(-1));
            const Violation expected =
                fixture.isPostgres() ? Violation::InvalidValue : Violation::Check;
            QVERIFY2(fixture.lastViolation() == expected, qPrintable(fixture.describeLast()));
        }
    }
    CP_RETURN_IF_FAILED();
    // At least the ERD's 47 json attributes (46 JSONB columns in the seed's SQL +
    // users.preferences); later migrations may add more.
    QVERIFY2(probed >= 47, qPrintable(QString::number(probed)));
}

void tst_Schema::uniqueConstraints_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QStringList>("key");
    const QList<std::pair<QString, QStringList>> keys = {
        {QStringLiteral("users"), {QStringLiteral("email")}},
        {QStringLiteral("cryptocurrencies"), {QStringLiteral("symbol")}},
        {QStringLiteral("cryptocurrencies"), {QStringLiteral("coingecko_id")}},
        {QStringLiteral("crypto_sectors"), {QStringLiteral("name")}},
        {QStringLiteral("price_data"), {QStringLiteral("crypto_id"), QStringLiteral("timestamp")}},
        {QStringLiteral("watchlist_items"),
         {QStringLiteral("watchlist_id"), QStringLiteral("crypto_id")}},
        {QStringLiteral("crypto_sector_mapping"),
         {QStringLiteral("crypto_id"), QStringLiteral("sector_id")}},
        {QStringLiteral("ai_models"), {QStringLiteral("name")}},
        {QStringLiteral("risk_management"), {QStringLiteral("user_id")}},
    };
    for (const QString &dialect : {QStringLiteral("sqlite"), QStringLiteral("postgresql")}) {
        for (const auto &[table, key] : keys) {
            QTest::addRow("%s:%s(%s)", qPrintable(dialect), qPrintable(table),
                          qPrintable(key.join(QLatin1Char(','))))
                << dialect << table << key;
        }
    }
}

void tst_Schema::uniqueConstraints()
{
    QFETCH(QString, dialect);
    QFETCH(QString, table);
    QFETCH(QStringList, key);
    CP_SHARED_DB(scratch, dialect);
    SchemaFixture fixture(scratch.database());

    const Row first = fixture.minimalRow(table);
    CP_RETURN_IF_FAILED();
    QVERIFY2(fixture.insert(table, first) > 0, qPrintable(fixture.describeLast()));

    Row duplicate = fixture.minimalRow(table);
    for (const QString &column : key)
        duplicate.set(column, first.value(column));
    CP_RETURN_IF_FAILED();
    QCOMPARE(fixture.insert(table, duplicate), qint64(-1));
    QVERIFY2(fixture.lastViolation() == Violation::Unique, qPrintable(fixture.describeLast()));

    // A composite key is unique as a whole: sharing all columns but one is fine.
    if (key.size() > 1) {
        for (const QString &differing : key) {
            Row partial = fixture.minimalRow(table);
            for (const QString &column : key) {
                if (column != differing)
                    partial.set(column, first.value(column));
            }
            CP_RETURN_IF_FAILED();
            QVERIFY2(fixture.insert(table, partial) > 0, qPrintable(fixture.describeLast()));
        }
    }
}

void tst_Schema::coinsWithoutCoingeckoIdDoNotCollide()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    SchemaFixture fixture(scratch.database());
    for (int i = 0; i < 2; ++i) {
        Row row = fixture.minimalRow(QStringLiteral("cryptocurrencies"));
        row.set(QStringLiteral("coingecko_id"), QStringLiteral("NULL"));
        QVERIFY2(fixture.insert(QStringLiteral("cryptocurrencies"), row) > 0,
                 qPrintable(fixture.describeLast()));
    }
}

QTEST_MAIN(tst_Schema)
