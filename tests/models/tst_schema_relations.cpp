// Relations, cascades, updated_at triggers, relative defaults and the default sectors, each on
// both dialects (see tst_schema.h).

#include "tst_schema.h"

#include "schemaexpectations.h"
#include "schemafixture.h"

#include <testdatabase.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

using namespace cp::test;

namespace {

const QString kOldTimestamp = QStringLiteral("'2000-01-01T00:00:00.000Z'");

//! PostgreSQL hands back QDateTime (session in UTC), SQLite the ISO text it stores.
QDateTime timestampOf(const QVariant &value)
{
    if (value.metaType().id() == QMetaType::QDateTime)
        return value.toDateTime().toUTC();
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

//! Within a day of this machine's clock: "recent" without depending on how fast tests run.
bool isRecent(const QDateTime &time)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return time.isValid() && time > now.addDays(-1) && time < now.addDays(1);
}

QString number(qint64 value)
{
    return QString::number(value);
}

//! A change to one ordinary column per table that has an updated_at trigger; also usable as a
//! WHERE condition to confirm the change landed.
QMap<QString, QString> updateAssignments()
{
    return {{QStringLiteral("users"), QStringLiteral("first_name = 'Changed'")},
            {QStringLiteral("cryptocurrencies"), QStringLiteral("name = 'Renamed'")},
            {QStringLiteral("crypto_sectors"), QStringLiteral("description = 'Changed'")},
            {QStringLiteral("market_regime_analysis"), QStringLiteral("trend_strength = 0.3")},
            {QStringLiteral("watchlists"), QStringLiteral("description = 'Changed'")},
            {QStringLiteral("watchlist_items"), QStringLiteral("priority_order = 5")},
            {QStringLiteral("crypto_sector_mapping"), QStringLiteral("weight = 0.5")},
            {QStringLiteral("trading_signals"), QStringLiteral("status = 'executed'")},
            {QStringLiteral("signal_executions"), QStringLiteral("status = 'filled'")},
            {QStringLiteral("risk_management"), QStringLiteral("max_position_size = 500")},
            {QStringLiteral("predictions_enhanced"), QStringLiteral("notes = 'Changed'")},
            {QStringLiteral("ai_models"), QStringLiteral("version = '2'")}};
}

void addForeignKeyRows()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("parent");
    QTest::addColumn<QString>("onDelete");
    for (const QString &dialect : {QStringLiteral("sqlite"), QStringLiteral("postgresql")}) {
        for (const seed::ForeignKey &fk : seed::foreignKeys()) {
            QTest::addRow("%s:%s.%s", qPrintable(dialect), qPrintable(fk.table),
                          qPrintable(fk.column))
                << dialect << fk.table << fk.column << fk.parent << fk.onDelete;
        }
    }
}

//! Table -> id of one row of each kind that depends on `coin`.
QMap<QString, qint64> populateCoin(SchemaFixture &fixture, qint64 coin)
{
    QMap<QString, qint64> rows;
    for (const QString &table :
         {QStringLiteral("price_data"), QStringLiteral("watchlist_items"),
          QStringLiteral("ai_suggestions"), QStringLiteral("trading_signals"),
          QStringLiteral("predictions_enhanced"), QStringLiteral("crypto_sector_mapping")}) {
        rows.insert(table, fixture.create(table, {{QStringLiteral("crypto_id"), number(coin)}}));
    }
    rows.insert(QStringLiteral("suggestion_reviews"),
                fixture.create(QStringLiteral("suggestion_reviews"),
                               {{QStringLiteral("suggestion_id"),
                                 number(rows.value(QStringLiteral("ai_suggestions")))}}));
    rows.insert(QStringLiteral("signal_executions"),
                fixture.create(QStringLiteral("signal_executions"),
                               {{QStringLiteral("signal_id"),
                                 number(rows.value(QStringLiteral("trading_signals")))}}));
    return rows;
}

//! Table -> id of one row of each kind that belongs to `user` and goes with the user.
QMap<QString, qint64> populateUser(SchemaFixture &fixture, qint64 user)
{
    const QString id = number(user);
    QMap<QString, qint64> rows;
    for (const QString &table :
         {QStringLiteral("watchlists"), QStringLiteral("notifications"),
          QStringLiteral("user_activities"), QStringLiteral("risk_management"),
          QStringLiteral("signal_executions")}) {
        rows.insert(table, fixture.create(table, {{QStringLiteral("user_id"), id}}));
    }
    rows.insert(QStringLiteral("watchlist_items"),
                fixture.create(QStringLiteral("watchlist_items"),
                               {{QStringLiteral("watchlist_id"),
                                 number(rows.value(QStringLiteral("watchlists")))}}));
    rows.insert(QStringLiteral("suggestion_reviews"),
                fixture.create(QStringLiteral("suggestion_reviews"),
                               {{QStringLiteral("reviewer_id"), id}}));
    return rows;
}

} // namespace

void tst_Schema::deletingParentFollowsOnDelete_data()
{
    addForeignKeyRows();
}

void tst_Schema::deletingParentFollowsOnDelete()
{
    QFETCH(QString, dialect);
    QFETCH(QString, table);
    QFETCH(QString, column);
    QFETCH(QString, parent);
    QFETCH(QString, onDelete);
    CP_SHARED_DB(scratch, dialect);
    SchemaFixture fixture(scratch.database());

    const qint64 parentId = fixture.create(parent);
    const qint64 childId = fixture.create(table, {{column, number(parentId)}});
    CP_RETURN_IF_FAILED();
    const bool deleted =
        fixture.exec(QStringLiteral("DELETE FROM %1 WHERE id = %2").arg(parent).arg(parentId));
    const QString child = QStringLiteral("id = %1").arg(childId);
    if (onDelete == QLatin1String("CASCADE")) {
        QVERIFY2(deleted, qPrintable(fixture.describeLast()));
        QCOMPARE(fixture.count(table, child), 0);
    } else if (onDelete == QLatin1String("SET NULL")) {
        QVERIFY2(deleted, qPrintable(fixture.describeLast()));
        QCOMPARE(fixture.count(table, child + QStringLiteral(" AND %1 IS NULL").arg(column)), 1);
    } else {
        // NO ACTION: the parent stays while something still names it.
        QVERIFY(!deleted);
        QVERIFY2(fixture.lastViolation() == Violation::ForeignKey,
                 qPrintable(fixture.describeLast()));
        QCOMPARE(fixture.count(parent, QStringLiteral("id = %1").arg(parentId)), 1);
        QCOMPARE(
            fixture.count(table, child + QStringLiteral(" AND %1 = %2").arg(column).arg(parentId)),
            1);
    }
}

void tst_Schema::missingParentIsRefused_data()
{
    addForeignKeyRows();
}

void tst_Schema::missingParentIsRefused()
{
    QFETCH(QString, dialect);
    QFETCH(QString, table);
    QFETCH(QString, column);
    CP_SHARED_DB(scratch, dialect);
    SchemaFixture fixture(scratch.database());
    const QString missing = QStringLiteral("999999");

    Row row = fixture.minimalRow(table);
    row.set(column, missing);
    CP_RETURN_IF_FAILED();
    QCOMPARE(fixture.insert(table, row), qint64(-1));
    QVERIFY2(fixture.lastViolation() == Violation::ForeignKey, qPrintable(fixture.describeLast()));

    // Repointing an existing row at a missing parent is refused too.
    const qint64 id = fixture.create(table);
    CP_RETURN_IF_FAILED();
    QVERIFY(!fixture.exec(
        QStringLiteral("UPDATE %1 SET %2 = %3 WHERE id = %4").arg(table, column, missing).arg(id)));
    QVERIFY2(fixture.lastViolation() == Violation::ForeignKey, qPrintable(fixture.describeLast()));
}

void tst_Schema::deletingCoinRemovesEverythingAboutIt_data()
{
    addDialectColumn();
}

void tst_Schema::deletingCoinRemovesEverythingAboutIt()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    SchemaFixture fixture(scratch.database());
    const qint64 doomed = fixture.create(QStringLiteral("cryptocurrencies"));
    const qint64 kept = fixture.create(QStringLiteral("cryptocurrencies"));
    const QMap<QString, qint64> doomedRows = populateCoin(fixture, doomed);
    const QMap<QString, qint64> keptRows = populateCoin(fixture, kept);
    CP_RETURN_IF_FAILED();
    const qint64 watchlist =
        fixture
            .scalar(QStringLiteral("SELECT watchlist_id FROM watchlist_items WHERE id = %1")
                        .arg(doomedRows.value(QStringLiteral("watchlist_items"))))
            .toLongLong();
    QVERIFY(watchlist > 0);

    QVERIFY2(fixture.exec(QStringLiteral("DELETE FROM cryptocurrencies WHERE id = %1").arg(doomed)),
             qPrintable(fixture.describeLast()));
    for (auto it = doomedRows.cbegin(); it != doomedRows.cend(); ++it)
        QVERIFY2(fixture.count(it.key(), QStringLiteral("id = %1").arg(it.value())) == 0,
                 qPrintable(it.key()));
    for (auto it = keptRows.cbegin(); it != keptRows.cend(); ++it)
        QVERIFY2(fixture.count(it.key(), QStringLiteral("id = %1").arg(it.value())) == 1,
                 qPrintable(it.key()));
    // The watchlist that held the coin is the user's; it stays.
    QCOMPARE(fixture.count(QStringLiteral("watchlists"), QStringLiteral("id = %1").arg(watchlist)),
             1);
    QCOMPARE(fixture.count(QStringLiteral("cryptocurrencies"), QStringLiteral("id = %1").arg(kept)),
             1);
}

void tst_Schema::deletingUserRemovesTheirRowsAndKeepsPredictions_data()
{
    addDialectColumn();
}

void tst_Schema::deletingUserRemovesTheirRowsAndKeepsPredictions()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    SchemaFixture fixture(scratch.database());
    const qint64 doomed = fixture.create(QStringLiteral("users"));
    const qint64 kept = fixture.create(QStringLiteral("users"));
    const QMap<QString, qint64> doomedRows = populateUser(fixture, doomed);
    const QMap<QString, qint64> keptRows = populateUser(fixture, kept);
    const qint64 prediction = fixture.create(QStringLiteral("predictions_enhanced"),
                                             {{QStringLiteral("user_id"), number(doomed)}});
    const qint64 keptPrediction = fixture.create(QStringLiteral("predictions_enhanced"),
                                                 {{QStringLiteral("user_id"), number(kept)}});
    CP_RETURN_IF_FAILED();

    QVERIFY2(fixture.exec(QStringLiteral("DELETE FROM users WHERE id = %1").arg(doomed)),
             qPrintable(fixture.describeLast()));
    for (auto it = doomedRows.cbegin(); it != doomedRows.cend(); ++it)
        QVERIFY2(fixture.count(it.key(), QStringLiteral("id = %1").arg(it.value())) == 0,
                 qPrintable(it.key()));
    for (auto it = keptRows.cbegin(); it != keptRows.cend(); ++it)
        QVERIFY2(fixture.count(it.key(), QStringLiteral("id = %1").arg(it.value())) == 1,
                 qPrintable(it.key()));
    // A prediction outlives its author (ON DELETE SET NULL): model evaluation needs it.
    const QString table = QStringLiteral("predictions_enhanced");
    QCOMPARE(fixture.count(table, QStringLiteral("id = %1 AND user_id IS NULL").arg(prediction)),
             1);
    QCOMPARE(fixture.count(
                 table, QStringLiteral("id = %1 AND user_id = %2").arg(keptPrediction).arg(kept)),
             1);
}

void tst_Schema::updatedAtMovesForwardOnUpdate_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("table");
    const QStringList tables = seed::updatedAtTriggers().values();
    for (const QString &dialect : {QStringLiteral("sqlite"), QStringLiteral("postgresql")}) {
        for (const QString &table : tables)
            QTest::addRow("%s:%s", qPrintable(dialect), qPrintable(table)) << dialect << table;
    }
}

void tst_Schema::updatedAtMovesForwardOnUpdate()
{
    QFETCH(QString, dialect);
    QFETCH(QString, table);
    const QString assignment = updateAssignments().value(table);
    QVERIFY2(!assignment.isEmpty(), qPrintable(table));
    CP_SHARED_DB(scratch, dialect);
    SchemaFixture fixture(scratch.database());

    const qint64 id = fixture.create(table, {{QStringLiteral("updated_at"), kOldTimestamp}});
    CP_RETURN_IF_FAILED();
    const QString select =
        QStringLiteral("SELECT updated_at FROM %1 WHERE id = %2").arg(table).arg(id);
    const QDateTime old(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC);
    // An INSERT keeps what it was given: only UPDATEs are stamped.
    QCOMPARE(timestampOf(fixture.scalar(select)), old);

    QVERIFY2(fixture.exec(
                 QStringLiteral("UPDATE %1 SET %2 WHERE id = %3").arg(table, assignment).arg(id)),
             qPrintable(fixture.describeLast()));
    QCOMPARE(fixture.count(table, QStringLiteral("id = %1 AND %2").arg(id).arg(assignment)), 1);
    const QVariant stored = fixture.scalar(select);
    const QDateTime updated = timestampOf(stored);
    QVERIFY2(updated > old && isRecent(updated), qPrintable(stored.toString()));
    if (!fixture.isPostgres()) {
        static const QRegularExpression iso(
            QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
        QVERIFY2(iso.match(stored.toString()).hasMatch(), qPrintable(stored.toString()));
    }
}

void tst_Schema::expiryDefaultsAreRelativeToCreation_data()
{
    addDialectColumn();
}

void tst_Schema::expiryDefaultsAreRelativeToCreation()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    SchemaFixture fixture(scratch.database());
    struct Expiry
    {
        QString table;
        QString start;
        int days;
    };
    // Seed: NOW() + INTERVAL '7 days' / '30 days'.
    const QList<Expiry> expiries = {
        {QStringLiteral("ai_suggestions"), QStringLiteral("suggested_at"), 7},
        {QStringLiteral("trading_signals"), QStringLiteral("generated_at"), 7},
        {QStringLiteral("notifications"), QStringLiteral("scheduled_for"), 30}};
    for (const Expiry &expiry : expiries) {
        const qint64 id = fixture.create(expiry.table);
        CP_RETURN_IF_FAILED();
        const QString where = QStringLiteral(" FROM %1 WHERE id = %2").arg(expiry.table).arg(id);
        const QDateTime start =
            timestampOf(fixture.scalar(QStringLiteral("SELECT ") + expiry.start + where));
        const QDateTime end =
            timestampOf(fixture.scalar(QStringLiteral("SELECT expires_at") + where));
        QVERIFY2(isRecent(start), qPrintable(expiry.table));
        QCOMPARE(start.msecsTo(end), qint64(expiry.days) * 24 * 3600 * 1000);
    }
}

void tst_Schema::defaultSectorsArePresent_data()
{
    addDialectColumn();
}

void tst_Schema::defaultSectorsArePresent()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlQuery query(scratch.database());
    QVERIFY(query.exec(QStringLiteral("SELECT name, description, color_code, characteristics, "
                                      "is_active FROM crypto_sectors ORDER BY id")));
    const QList<seed::Sector> expected = seed::sectors();
    QCOMPARE(expected.size(), 10);
    for (const seed::Sector &sector : expected) {
        QVERIFY2(query.next(), qPrintable(sector.name));
        QCOMPARE(query.value(0).toString(), sector.name);
        QCOMPARE(query.value(1).toString(), sector.description);
        QCOMPARE(query.value(2).toString(), sector.colour);
        const QJsonDocument characteristics =
            QJsonDocument::fromJson(query.value(3).toString().toUtf8());
        QCOMPARE(characteristics.object(), QJsonObject({{QStringLiteral("focus"), sector.focus}}));
        QVERIFY(query.value(4).toBool());
    }
    QVERIFY2(!query.next(), "more than the ten default sectors");
}
