#include <testdatabase.h>

#include <models/appconfig.h>
#include <models/rowinserter.h>
#include <models/serviceerror.h>
#include <models/signalexecutionservice.h>
#include <models/sqltimestamp.h>
#include <models/suggestionreviewservice.h>
#include <models/userrepository.h>
#include <models/watchlistservice.h>

#include <QDateTime>
#include <QSqlQuery>
#include <QTest>

using namespace cp::models;

/** The write services the desktop and the REST API share, on both dialects. */
class tst_Services : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void approvalAppliesWatchlistChangeOnce_data() { cp::test::addDialectColumn(); }
    void approvalAppliesWatchlistChangeOnce();
    void secondReviewIsAConflictAndChangesNothing_data() { cp::test::addDialectColumn(); }
    void secondReviewIsAConflictAndChangesNothing();
    void fullTierRefusesApprovalAndRollsBack_data() { cp::test::addDialectColumn(); }
    void fullTierRefusesApprovalAndRollsBack();
    void bulkReviewIsAllOrNothing_data() { cp::test::addDialectColumn(); }
    void bulkReviewIsAllOrNothing();
    void nonAdminCannotReview_data() { cp::test::addDialectColumn(); }
    void nonAdminCannotReview();
    void executionWithinLimitsIsRecorded_data() { cp::test::addDialectColumn(); }
    void executionWithinLimitsIsRecorded();
    void executionOverLimitsIsRefused_data();
    void executionOverLimitsIsRefused();
    void configRoundTripsAndRejectsBadValues_data() { cp::test::addDialectColumn(); }
    void configRoundTripsAndRejectsBadValues();
};

namespace {

qint64 count(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

int addUser(QSqlDatabase db, const QString &email, Role role)
{
    return *UserRepository(db).add(email, role, QStringLiteral("$argon2id$dummy"));
}

int addAsset(QSqlDatabase db, const QString &symbol)
{
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("INSERT INTO cryptocurrencies (symbol, name) VALUES (?, ?) RETURNING id"));
    query.addBindValue(symbol);
    query.addBindValue(QString(symbol + QStringLiteral(" coin")));
    query.exec();
    query.next();
    return query.value(0).toInt();
}

int addSuggestion(QSqlDatabase db, int cryptoId, const QString &type)
{
    RowInserter insert(db, QStringLiteral("ai_suggestions"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return static_cast<int>(*insert.insert({{"crypto_id", cryptoId},
                                            {"suggestion_type", type},
                                            {"confidence_score", 0.8},
                                            {"status", QStringLiteral("pending")},
                                            {"suggested_at", timestampValue(now)},
                                            {"expires_at", timestampValue(now + 7 * 86400)}}));
}

int addSignal(QSqlDatabase db, int cryptoId, double entry, double stop)
{
    RowInserter insert(db, QStringLiteral("trading_signals"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return static_cast<int>(*insert.insert({{"crypto_id", cryptoId},
                                            {"signal_type", QStringLiteral("long")},
                                            {"entry_price", entry},
                                            {"target_price", entry * 1.1},
                                            {"stop_loss", stop},
                                            {"confidence_score", 0.7},
                                            {"risk_level", QStringLiteral("medium")},
                                            {"risk_reward_ratio", 2.0},
                                            {"status", QStringLiteral("active")},
                                            {"generated_at", timestampValue(now)},
                                            {"expires_at", timestampValue(now + 86400)}}));
}

QString tierOf(QSqlDatabase db, int cryptoId)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT watchlist_tier FROM cryptocurrencies WHERE id = ?"));
    query.addBindValue(cryptoId);
    query.exec();
    query.next();
    return query.value(0).toString();
}

} // namespace

void tst_Services::approvalAppliesWatchlistChangeOnce()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    const int admin = addUser(db, QStringLiteral("admin@example.com"), Role::Admin);
    const int btc = addAsset(db, QStringLiteral("BTC"));
    const int add = addSuggestion(db, btc, QStringLiteral("add_tier2"));

    SuggestionReviewService service(db);
    const cp::Result<ReviewOutcome> added =
        service.review(add, admin, ReviewDecision::Approve, QStringLiteral("solid"));
    QVERIFY2(added.ok(), qPrintable(added.error()));
    QCOMPARE(added->status, QStringLiteral("approved"));
    QCOMPARE(tierOf(db, btc), QStringLiteral("tier2"));
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM watchlist_items WHERE tier = 'tier2'")),
             1);
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM suggestion_reviews")), 1);
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM user_activities WHERE activity_type"
                                      " = 'review_suggestion'")),
             1);
    QVERIFY(!service.changes().empty());

    // A promotion moves it from the tier-2 list to the tier-1 list, never into both.
    const int promote = addSuggestion(db, btc, QStringLiteral("promote"));
    QVERIFY(service.review(promote, admin, ReviewDecision::Approve, QString()).ok());
    QCOMPARE(tierOf(db, btc), QStringLiteral("tier1"));
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM watchlist_items")), 1);
    QCOMPARE(count(db, QStringLiteral("SELECT current_items FROM watchlists WHERE tier = 'tier1'")),
             1);
    QCOMPARE(count(db, QStringLiteral("SELECT current_items FROM watchlists WHERE tier = 'tier2'")),
             0);

    const int remove = addSuggestion(db, btc, QStringLiteral("remove"));
    QVERIFY(service.review(remove, admin, ReviewDecision::Approve, QString()).ok());
    QCOMPARE(tierOf(db, btc), QStringLiteral("none"));
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM watchlist_items")), 0);
}

void tst_Services::secondReviewIsAConflictAndChangesNothing()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    const int first = addUser(db, QStringLiteral("first@example.com"), Role::Admin);
    const int second = addUser(db, QStringLiteral("second@example.com"), Role::Admin);
    const int eth = addAsset(db, QStringLiteral("ETH"));
    const int id = addSuggestion(db, eth, QStringLiteral("add_tier1"));

    QVERIFY(SuggestionReviewService(db).review(id, first, ReviewDecision::Approve, QString()).ok());
    const qint64 reviews = count(db, QStringLiteral("SELECT COUNT(*) FROM suggestion_reviews"));
    const qint64 items = count(db, QStringLiteral("SELECT COUNT(*) FROM watchlist_items"));

    const cp::Result<ReviewOutcome> again =
        SuggestionReviewService(db).review(id, second, ReviewDecision::Reject, QString());
    QVERIFY(!again.ok());
    QCOMPARE(again.errorCode(), static_cast<int>(ServiceError::Conflict));
    QVERIFY2(again.error().contains(QLatin1String("first@example.com")), qPrintable(again.error()));
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM suggestion_reviews")), reviews);
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM watchlist_items")), items);
    QCOMPARE(tierOf(db, eth), QStringLiteral("tier1"));
}

void tst_Services::fullTierRefusesApprovalAndRollsBack()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    AppConfig config;
    config.tier1Max = 2;
    QVERIFY(config.save(db).ok());
    const int admin = addUser(db, QStringLiteral("admin@example.com"), Role::Admin);
    SuggestionReviewService service(db);
    for (const char *symbol : {"AAA", "BBB"}) {
        const int asset = addAsset(db, QString::fromLatin1(symbol));
        QVERIFY(service
                    .review(addSuggestion(db, asset, QStringLiteral("add_tier1")), admin,
                            ReviewDecision::Approve, QString())
                    .ok());
    }
    const int third = addAsset(db, QStringLiteral("CCC"));
    const int id = addSuggestion(db, third, QStringLiteral("add_tier1"));
    const cp::Result<ReviewOutcome> refused =
        service.review(id, admin, ReviewDecision::Approve, QString());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.errorCode(), static_cast<int>(ServiceError::LimitExceeded));
    QVERIFY2(refused.error().contains(QLatin1String("Tier 1 is full (2 of 2")),
             qPrintable(refused.error()));
    // Nothing of the refused approval remains: still pending, no review row, tier unchanged.
    QSqlQuery status(db);
    QVERIFY(status.exec(QStringLiteral("SELECT status FROM ai_suggestions WHERE id = %1").arg(id)));
    QVERIFY(status.next());
    QCOMPARE(status.value(0).toString(), QStringLiteral("pending"));
    QCOMPARE(
        count(db, QStringLiteral("SELECT COUNT(*) FROM suggestion_reviews WHERE suggestion_id = %1")
                      .arg(id)),
        0);
    QCOMPARE(tierOf(db, third), QStringLiteral("none"));
}

void tst_Services::bulkReviewIsAllOrNothing()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    const int admin = addUser(db, QStringLiteral("admin@example.com"), Role::Admin);
    const int a =
        addSuggestion(db, addAsset(db, QStringLiteral("AAA")), QStringLiteral("add_tier2"));
    const int b =
        addSuggestion(db, addAsset(db, QStringLiteral("BBB")), QStringLiteral("add_tier2"));
    SuggestionReviewService service(db);
    QVERIFY(service.review(b, admin, ReviewDecision::Reject, QString()).ok());

    const auto refused = service.reviewAll({a, b}, admin, ReviewDecision::Approve, QString());
    QVERIFY(!refused.ok());
    QCOMPARE(
        count(db, QStringLiteral("SELECT COUNT(*) FROM ai_suggestions WHERE status = 'pending'")),
        1);
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM watchlist_items")), 0);

    const int c =
        addSuggestion(db, addAsset(db, QStringLiteral("CCC")), QStringLiteral("add_tier2"));
    const auto accepted =
        service.reviewAll({a, c}, admin, ReviewDecision::Approve, QStringLiteral("bulk"));
    QVERIFY2(accepted.ok(), qPrintable(accepted.error()));
    QCOMPARE(accepted->size(), std::size_t(2));
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM watchlist_items")), 2);
}

void tst_Services::nonAdminCannotReview()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    const int casual = addUser(db, QStringLiteral("casual@example.com"), Role::Casual);
    const int id =
        addSuggestion(db, addAsset(db, QStringLiteral("AAA")), QStringLiteral("add_tier2"));
    const auto refused =
        SuggestionReviewService(db).review(id, casual, ReviewDecision::Approve, QString());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.errorCode(), static_cast<int>(ServiceError::Forbidden));
    QCOMPARE(
        count(db, QStringLiteral("SELECT COUNT(*) FROM ai_suggestions WHERE status = 'pending'")),
        1);
}

void tst_Services::executionWithinLimitsIsRecorded()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    const int trader = addUser(db, QStringLiteral("trader@example.com"), Role::Professional);
    const int signal = addSignal(db, addAsset(db, QStringLiteral("BTC")), 100.0, 95.0);
    ExecutionRequest request{signal, trader, 500.0, 10.0, QStringLiteral("manual"), true};
    // No risk_management row: the seed's defaults apply (1000 max size, 2% max risk).
    const cp::Result<int> id = SignalExecutionService(db).execute(request);
    QVERIFY2(id.ok(), qPrintable(id.error()));
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM signal_executions")), 1);
    QCOMPARE(
        count(db,
              QStringLiteral(
                  "SELECT COUNT(*) FROM user_activities WHERE activity_type = 'execute_trade'")),
        1);
    QCOMPARE(RiskLimits().maxPortfolioPercentage(100.0, 95.0), 40.0);
}

void tst_Services::executionOverLimitsIsRefused_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<double>("positionSize");
    QTest::addColumn<double>("portfolioPercentage");
    QTest::addColumn<bool>("confirmed");
    QTest::addColumn<int>("expectedCode");
    QTest::addColumn<QString>("mentions");
    for (const QString dialect : {QStringLiteral("sqlite"), QStringLiteral("postgresql")}) {
        const QByteArray d = dialect.toLatin1();
        QTest::newRow(QByteArray(d + " position too large").constData())
            << dialect << 1500.0 << 5.0 << true << static_cast<int>(ServiceError::LimitExceeded)
            << "maximum position size";
        // 50% of the portfolio with the stop 5% away risks 2.5% > 2%.
        QTest::newRow(QByteArray(d + " portfolio risk too high").constData())
            << dialect << 500.0 << 50.0 << true << static_cast<int>(ServiceError::LimitExceeded)
            << "your limit is 2.00%";
        QTest::newRow(QByteArray(d + " risk not confirmed").constData())
            << dialect << 500.0 << 5.0 << false << static_cast<int>(ServiceError::Invalid)
            << "risk_confirmation";
        QTest::newRow(QByteArray(d + " negative size").constData())
            << dialect << -1.0 << 5.0 << true << static_cast<int>(ServiceError::Invalid)
            << "position_size";
    }
}

void tst_Services::executionOverLimitsIsRefused()
{
    QFETCH(QString, dialect);
    QFETCH(double, positionSize);
    QFETCH(double, portfolioPercentage);
    QFETCH(bool, confirmed);
    QFETCH(int, expectedCode);
    QFETCH(QString, mentions);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    const int trader = addUser(db, QStringLiteral("trader@example.com"), Role::Professional);
    const int signal = addSignal(db, addAsset(db, QStringLiteral("BTC")), 100.0, 95.0);
    const ExecutionRequest request{
        signal, trader, positionSize, portfolioPercentage, QStringLiteral("manual"), confirmed};
    const cp::Result<int> id = SignalExecutionService(db).execute(request);
    QVERIFY(!id.ok());
    QCOMPARE(id.errorCode(), expectedCode);
    QVERIFY2(id.error().contains(mentions), qPrintable(id.error()));
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM signal_executions")), 0);
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM user_activities")), 0);
}

void tst_Services::configRoundTripsAndRejectsBadValues()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    QCOMPARE(AppConfig::load(db)->tier1Max, 20);
    const auto updated = AppConfig::fromJson(QJsonObject{
        {QStringLiteral("watchlist_limits"), QJsonObject{{QStringLiteral("tier1_max"), 15}}}});
    QVERIFY(updated.ok());
    QVERIFY(updated->save(db).ok());
    QCOMPARE(AppConfig::load(db)->tier1Max, 15);
    QCOMPARE(AppConfig::load(db)->tier2Max, 100);
    const auto bad = AppConfig::fromJson(
        QJsonObject{{QStringLiteral("ai_thresholds"),
                     QJsonObject{{QStringLiteral("signal_confidence_min"), 1.5}}}});
    QVERIFY(!bad.ok());
    QVERIFY(bad.error().contains(QLatin1String("ai_thresholds.signal_confidence_min")));
}

QTEST_GUILESS_MAIN(tst_Services)
#include "tst_services.moc"
