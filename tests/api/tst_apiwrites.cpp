#include "apiseed.h"
#include "apitestsupport.h"

#include <testdatabase.h>

#include <QSqlQuery>
#include <QTest>

using namespace cp::test;

namespace {
QString tierOf(QSqlDatabase db, int cryptoId)
{
    QSqlQuery query(db);
    query.exec(
        QStringLiteral("SELECT watchlist_tier FROM cryptocurrencies WHERE id = %1").arg(cryptoId));
    return query.next() ? query.value(0).toString() : QString();
}

qint64 count(QSqlDatabase db, const QString &table, const QString &where = QStringLiteral("1 = 1"))
{
    return scalar(db, QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2").arg(table, where));
}
} // namespace

/** Writes through the shared services: results, refusals, and nothing written on refusal. */
class tst_ApiWrites : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void watchlistItems_data() { addDialectColumn(); }
    void watchlistItems();
    void reviewAppliesOnce_data() { addDialectColumn(); }
    void reviewAppliesOnce();
    void bulkActionsAreAllOrNothing_data() { addDialectColumn(); }
    void bulkActionsAreAllOrNothing();
    void executeAndCancelSignals_data() { addDialectColumn(); }
    void executeAndCancelSignals();
    void notificationsAreYours_data() { addDialectColumn(); }
    void notificationsAreYours();
    void configAndRetrain_data() { addDialectColumn(); }
    void configAndRetrain();
    void predictionsPost();
};

void tst_ApiWrites::watchlistItems()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    const QString items = QStringLiteral("/api/v1/layer3/watchlists/%1/items").arg(seed.tier1List);
    const QJsonObject eth{{QStringLiteral("crypto_id"), seed.eth},
                          {QStringLiteral("tier"), QStringLiteral("tier1")},
                          {QStringLiteral("priority_order"), 2}};
    const HttpResult refused = api.client().post(items, eth, api.professionalToken);
    QCOMPARE(refused.status, 403);
    QCOMPARE(count(api.db(), QStringLiteral("watchlist_items")), qint64(1));

    const HttpResult added = api.client().post(items, eth, api.adminToken);
    QVERIFY2(added.status == 201, qPrintable(added.describe()));
    const int itemId = added.object().value(QStringLiteral("item_id")).toInt();
    QVERIFY(itemId > 0);
    QCOMPARE(count(api.db(), QStringLiteral("watchlist_items"),
                   QStringLiteral("id = %1 AND crypto_id = %2 AND priority_order = 2")
                       .arg(itemId)
                       .arg(seed.eth)),
             qint64(1));
    QCOMPARE(scalar(api.db(), QStringLiteral("SELECT current_items FROM watchlists WHERE id = %1")
                                  .arg(seed.tier1List)),
             qint64(2));
    CP_GET(list, api, QStringLiteral("/api/v1/layer3/watchlists/%1").arg(seed.tier1List),
           api.casualToken, 200);
    QCOMPARE(list.object().value(QStringLiteral("items")).toArray().size(), 2);

    QCOMPARE(api.client().post(items, eth, api.adminToken).status, 409); // already there
    QCOMPARE(api.client()
                 .post(items,
                       {{QStringLiteral("crypto_id"), 9999},
                        {QStringLiteral("tier"), QStringLiteral("tier1")}},
                       api.adminToken)
                 .status,
             404);
    const HttpResult badTier =
        api.client().post(items,
                          {{QStringLiteral("crypto_id"), seed.uni},
                           {QStringLiteral("tier"), QStringLiteral("tier3")}},
                          api.adminToken);
    QCOMPARE(badTier.status, 422);
    const HttpResult stringId = api.client().send(
        "POST", items, "{\"crypto_id\": \"3\", \"tier\": \"tier1\"}", api.adminToken);
    QCOMPARE(stringId.status, 422);
    QCOMPARE(api.client()
                 .send("POST", items, "{\"crypto_id\": 3.5, \"tier\": \"tier1\"}", api.adminToken)
                 .status,
             422);
    QCOMPARE(api.client()
                 .post(QStringLiteral("/api/v1/layer3/watchlists/9999/items"), eth, api.adminToken)
                 .status,
             404);
    QCOMPARE(count(api.db(), QStringLiteral("watchlist_items")), qint64(2));

    const QString item =
        QStringLiteral("/api/v1/layer3/watchlists/%1/items/%2").arg(seed.tier1List).arg(itemId);
    QCOMPARE(api.client().del(item, api.casualToken).status, 403);
    const HttpResult removed = api.client().del(item, api.adminToken);
    QVERIFY2(removed.status == 200, qPrintable(removed.describe()));
    QCOMPARE(removed.object().value(QStringLiteral("deleted")).toBool(), true);
    QCOMPARE(api.client().del(item, api.adminToken).status, 404);
    QCOMPARE(count(api.db(), QStringLiteral("watchlist_items")), qint64(1));
}

void tst_ApiWrites::reviewAppliesOnce()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    const QString path =
        QStringLiteral("/api/v1/layer3/suggestions/%1/review").arg(seed.pendingSuggestion);
    const QJsonObject approve{
        {QStringLiteral("decision"), QStringLiteral("approve")},
        {QStringLiteral("review_notes"), QStringLiteral("Strong fundamentals")},
        {QStringLiteral("target_tier"), QStringLiteral("tier2")}};
    QCOMPARE(api.client().post(path, approve, api.professionalToken).status, 403);
    QCOMPARE(
        api.client()
            .post(path, {{QStringLiteral("decision"), QStringLiteral("maybe")}}, api.adminToken)
            .status,
        422);
    QCOMPARE(count(api.db(), QStringLiteral("suggestion_reviews")), qint64(0));

    const HttpResult first = api.client().post(path, approve, api.adminToken);
    QVERIFY2(first.status == 200, qPrintable(first.describe()));
    QCOMPARE(first.object().value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
    QCOMPARE(first.object().value(QStringLiteral("applied_tier")).toString(),
             QStringLiteral("tier2"));
    QCOMPARE(tierOf(api.db(), seed.uni), QStringLiteral("tier2"));
    // The second review of the same suggestion (by the API or the desktop) cannot apply again.
    const HttpResult second = api.client().post(path, approve, api.adminToken);
    QCOMPARE(second.status, 409);
    QCOMPARE(second.errorCode(), QStringLiteral("conflict"));
    QCOMPARE(count(api.db(), QStringLiteral("suggestion_reviews")), qint64(1));
    // The review trail (admins only) names who decided.
    const QString trail = QStringLiteral("/api/v1/layer3/suggestions/reviews");
    QCOMPARE(api.client().get(trail, api.professionalToken).status, 403);
    CP_GET(reviews, api, trail, api.adminToken, 200);
    QCOMPARE(reviews.array().size(), 1);
    const QJsonObject review = reviews.array().first().toObject();
    QCOMPARE(review.value(QStringLiteral("suggestion_id")).toInt(), seed.pendingSuggestion);
    QCOMPARE(review.value(QStringLiteral("reviewer_id")).toInt(), api.adminId);
    QCOMPARE(review.value(QStringLiteral("decision")).toString(), QStringLiteral("approve"));
    QCOMPARE(review.value(QStringLiteral("review_notes")).toString(),
             QStringLiteral("Strong fundamentals"));
    QVERIFY(review.value(QStringLiteral("reviewer_email")).toString().contains(QLatin1Char('@')));
    QCOMPARE(api.client()
                 .post(QStringLiteral("/api/v1/layer3/suggestions/9999/review"),
                       {{QStringLiteral("decision"), QStringLiteral("reject")}}, api.adminToken)
                 .status,
             404);
}

void tst_ApiWrites::bulkActionsAreAllOrNothing()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    const QString path = QStringLiteral("/api/v1/layer3/watchlists/bulk-actions");
    const auto body = [](const QString &action, QJsonArray ids, const char *field = "crypto_ids") {
        return QJsonObject{{QStringLiteral("action"), action},
                           {QLatin1String(field), ids},
                           {QStringLiteral("review_notes"), QStringLiteral("bulk")}};
    };
    // An unknown id refuses the whole batch.
    const HttpResult unknown = api.client().post(
        path, body(QStringLiteral("promote_to_tier1"), {seed.eth, 9999}), api.adminToken);
    QCOMPARE(unknown.status, 404);
    QCOMPARE(tierOf(api.db(), seed.eth), QStringLiteral("none"));

    // Tier 1 holds BTC; with room for two, ETH fits but UNI does not: nothing changes.
    QCOMPARE(api.client()
                 .post(QStringLiteral("/api/v1/admin/config"),
                       {{QStringLiteral("watchlist_limits"),
                         QJsonObject{{QStringLiteral("tier1_max"), 2}}}},
                       api.adminToken)
                 .status,
             200);
    const HttpResult full = api.client().post(
        path, body(QStringLiteral("promote_to_tier1"), {seed.eth, seed.uni}), api.adminToken);
    QVERIFY2(full.status == 422, qPrintable(full.describe()));
    QCOMPARE(full.errorCode(), QStringLiteral("limit_exceeded"));
    QCOMPARE(tierOf(api.db(), seed.eth), QStringLiteral("none"));
    QCOMPARE(tierOf(api.db(), seed.uni), QStringLiteral("none"));

    const HttpResult promoted = api.client().post(
        path, body(QStringLiteral("promote_to_tier1"), {seed.eth}), api.adminToken);
    QVERIFY2(promoted.status == 200, qPrintable(promoted.describe()));
    QCOMPARE(promoted.object().value(QStringLiteral("applied")).toInt(), 1);
    QCOMPARE(tierOf(api.db(), seed.eth), QStringLiteral("tier1"));
    QCOMPARE(count(api.db(), QStringLiteral("user_activities"),
                   QStringLiteral("activity_type = 'bulk_watchlist_action'")),
             qint64(1));

    const HttpResult reviewed =
        api.client().post(path,
                          body(QStringLiteral("reject_suggestions"),
                               {seed.pendingSuggestion, seed.pendingSuggestion2}, "suggestion_ids"),
                          api.adminToken);
    QVERIFY2(reviewed.status == 200, qPrintable(reviewed.describe()));
    QCOMPARE(reviewed.object().value(QStringLiteral("applied")).toInt(), 2);
    QCOMPARE(
        count(api.db(), QStringLiteral("ai_suggestions"), QStringLiteral("status = 'pending'")),
        qint64(0));
    // Mixed-up id fields and non-admins are refused.
    QCOMPARE(
        api.client()
            .post(path, body(QStringLiteral("approve_suggestions"), {seed.eth}), api.adminToken)
            .status,
        422);
    QCOMPARE(
        api.client()
            .post(path, body(QStringLiteral("remove_from_watchlist"), {seed.eth}), api.casualToken)
            .status,
        403);
    QCOMPARE(api.client()
                 .post(path, body(QStringLiteral("remove_from_watchlist"), {}), api.adminToken)
                 .status,
             422);
}

void tst_ApiWrites::executeAndCancelSignals()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    const QString execute =
        QStringLiteral("/api/v1/layer4/signals/%1/execute").arg(seed.activeSignal);
    const QJsonObject order{{QStringLiteral("position_size"), 100.0},
                            {QStringLiteral("portfolio_percentage"), 1.0},
                            {QStringLiteral("execution_type"), QStringLiteral("manual")},
                            {QStringLiteral("risk_confirmation"), true}};
    QJsonObject unconfirmed = order;
    unconfirmed.insert(QStringLiteral("risk_confirmation"), false);
    QCOMPARE(api.client().post(execute, unconfirmed, api.casualToken).status, 422);
    QJsonObject negative = order;
    negative.insert(QStringLiteral("position_size"), -5);
    QCOMPARE(api.client().post(execute, negative, api.casualToken).status, 422);
    QJsonObject tooLarge = order;
    tooLarge.insert(QStringLiteral("position_size"), 5000.0); // above the default 1000
    QCOMPARE(api.client().post(execute, tooLarge, api.casualToken).status, 422);
    QCOMPARE(count(api.db(), QStringLiteral("signal_executions")), qint64(1));

    const HttpResult done = api.client().post(execute, order, api.casualToken);
    QVERIFY2(done.status == 201, qPrintable(done.describe()));
    const int executionId = done.object().value(QStringLiteral("execution_id")).toInt();
    QCOMPARE(count(api.db(), QStringLiteral("signal_executions"),
                   QStringLiteral("id = %1 AND user_id = %2").arg(executionId).arg(api.casualId)),
             qint64(1));
    CP_GET(mine, api, QStringLiteral("/api/v1/layer4/executions"), api.casualToken, 200);
    QCOMPARE(mine.array().size(), 1);

    const QString signal = QStringLiteral("/api/v1/layer4/signals/%1").arg(seed.activeSignal);
    QCOMPARE(api.client().del(signal, api.professionalToken).status, 403);
    const HttpResult cancelled = api.client().del(signal, api.adminToken);
    QVERIFY2(cancelled.status == 200, qPrintable(cancelled.describe()));
    QCOMPARE(cancelled.object().value(QStringLiteral("status")).toString(),
             QStringLiteral("cancelled"));
    QCOMPARE(api.client().del(signal, api.adminToken).status, 409);
    QCOMPARE(api.client().del(QStringLiteral("/api/v1/layer4/signals/9999"), api.adminToken).status,
             404);
    // A cancelled signal cannot be executed.
    const HttpResult late = api.client().post(execute, order, api.casualToken);
    QVERIFY2(late.status == 409 || late.status == 422, qPrintable(late.describe()));
    CP_GET(active, api, QStringLiteral("/api/v1/layer4/signals"), api.casualToken, 200);
    QCOMPARE(active.array().size(), 0);
}

void tst_ApiWrites::notificationsAreYours()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    const QString read =
        QStringLiteral("/api/v1/ui/notifications/%1/read").arg(seed.casualNotification);
    QCOMPARE(api.client().post(read, {}, api.professionalToken).status, 403);
    QCOMPARE(count(api.db(), QStringLiteral("notifications"), QStringLiteral("status = 'read'")),
             qint64(0));
    const HttpResult marked = api.client().post(read, {}, api.casualToken);
    QVERIFY2(marked.status == 200, qPrintable(marked.describe()));
    QCOMPARE(count(api.db(), QStringLiteral("notifications"),
                   QStringLiteral("id = %1 AND status = 'read' AND read_at IS NOT NULL")
                       .arg(seed.casualNotification)),
             qint64(1));
    CP_GET(unread, api, QStringLiteral("/api/v1/ui/notifications"), api.casualToken, 200);
    QCOMPARE(unread.array().size(), 0);
    // Unknown fields are refused even where no body is expected.
    QCOMPARE(api.client()
                 .post(read, {{QStringLiteral("status"), QStringLiteral("read")}}, api.casualToken)
                 .status,
             422);

    const QString other =
        QStringLiteral("/api/v1/ui/notifications/%1").arg(seed.professionalNotification);
    QCOMPARE(api.client().del(other, api.casualToken).status, 403);
    QCOMPARE(api.client().del(other, api.professionalToken).status, 200);
    QCOMPARE(api.client().del(other, api.professionalToken).status, 404);
    QCOMPARE(count(api.db(), QStringLiteral("notifications")), qint64(1));
}

void tst_ApiWrites::configAndRetrain()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    const QString config = QStringLiteral("/api/v1/admin/config");
    const QJsonObject change{
        {QStringLiteral("watchlist_limits"), QJsonObject{{QStringLiteral("tier2_max"), 50}}},
        {QStringLiteral("ai_thresholds"),
         QJsonObject{{QStringLiteral("suggestion_confidence_min"), 0.65}}}};
    QCOMPARE(api.client().post(config, change, api.professionalToken).status, 403);
    const HttpResult saved = api.client().post(config, change, api.adminToken);
    QVERIFY2(saved.status == 200, qPrintable(saved.describe()));
    CP_GET(read, api, config, api.adminToken, 200);
    QCOMPARE(read.object()
                 .value(QStringLiteral("watchlist_limits"))
                 .toObject()
                 .value(QStringLiteral("tier2_max"))
                 .toInt(),
             50);
    QCOMPARE(read.object()
                 .value(QStringLiteral("watchlist_limits"))
                 .toObject()
                 .value(QStringLiteral("tier1_max"))
                 .toInt(),
             20);
    QVERIFY(near(read.object()
                     .value(QStringLiteral("ai_thresholds"))
                     .toObject()
                     .value(QStringLiteral("suggestion_confidence_min"))
                     .toDouble(),
                 0.65));
    for (const QJsonObject &bad :
         {QJsonObject{
              {QStringLiteral("watchlist_limits"), QJsonObject{{QStringLiteral("tier1_max"), 0}}}},
          QJsonObject{
              {QStringLiteral("watchlist_limits"), QJsonObject{{QStringLiteral("tier9_max"), 5}}}},
          QJsonObject{{QStringLiteral("ai_thresholds"),
                       QJsonObject{{QStringLiteral("signal_confidence_min"), 1.5}}}},
          QJsonObject{{QStringLiteral("watchlist_limits"), 5}},
          QJsonObject{{QStringLiteral("theme"), QStringLiteral("dark")}}}) {
        const HttpResult refused = api.client().post(config, bad, api.adminToken);
        QVERIFY2(refused.status == 422, qPrintable(refused.describe()));
    }
    CP_GET(unchanged, api, config, api.adminToken, 200);
    QCOMPARE(unchanged.body, read.body);

    const QString retrain = QStringLiteral("/api/v1/admin/ai-models/%1/retrain").arg(seed.model);
    const QJsonObject params{
        {QStringLiteral("training_data_days"), 90},
        {QStringLiteral("validation_split"), 0.2},
        {QStringLiteral("hyperparameters"), QJsonObject{{QStringLiteral("states"), 4}}}};
    QCOMPARE(api.client().post(retrain, params, api.casualToken).status, 403);
    QJsonObject badSplit = params;
    badSplit.insert(QStringLiteral("validation_split"), 2.0);
    QCOMPARE(api.client().post(retrain, badSplit, api.adminToken).status, 422);
    const HttpResult accepted = api.client().post(retrain, params, api.adminToken);
    QVERIFY2(accepted.status == 202, qPrintable(accepted.describe()));
    QCOMPARE(accepted.object().value(QStringLiteral("model_id")).toInt(), seed.model);
    QCOMPARE(count(api.db(), QStringLiteral("user_activities"),
                   QStringLiteral("activity_type = 'retrain_model'")),
             qint64(1));
    QCOMPARE(
        api.client()
            .post(QStringLiteral("/api/v1/admin/ai-models/9999/retrain"), params, api.adminToken)
            .status,
        404);
    api.server().services().retrain.waitForDone();
}

void tst_ApiWrites::predictionsPost()
{
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    CP_SEEDED_API(api, db);
    const QString path = QStringLiteral("/api/v1/predictions");
    const QJsonObject request{{QStringLiteral("crypto_id"), seed.btc},
                              {QStringLiteral("layer_source"), QStringLiteral("layer4")},
                              {QStringLiteral("prediction_horizon"), 24}};
    // Forty days are too few for a walk-forward record: refused with the reason.
    const HttpResult tooShort = api.client().post(path, request, api.casualToken);
    QVERIFY2(tooShort.status == 422, qPrintable(tooShort.describe()));
    QCOMPARE(tooShort.errorCode(), QStringLiteral("cannot_predict"));
    QJsonObject otherModel = request;
    otherModel.insert(QStringLiteral("model_name"), QStringLiteral("timing_ensemble_v2"));
    QCOMPARE(api.client().post(path, otherModel, api.casualToken).status, 422);
    QJsonObject unknown = request;
    unknown.insert(QStringLiteral("crypto_id"), 9999);
    QCOMPARE(api.client().post(path, unknown, api.casualToken).status, 404);
    QCOMPARE(count(api.db(), QStringLiteral("predictions_enhanced")), qint64(3));

    // Two years of a gently trending, oscillating daily series are enough.
    const int id = insertReturningId(
        api.db(),
        QStringLiteral(
            "INSERT INTO cryptocurrencies (symbol, name) VALUES ('LONG', 'Long history')"));
    QSqlQuery insert(api.db());
    insert.prepare(
        QStringLiteral("INSERT INTO price_data (crypto_id, timestamp, open_price, high_price, "
                       "low_price, close_price, volume) VALUES (?, ?, ?, ?, ?, ?, 1000)"));
    for (int day = 0; day < 730; ++day) {
        const double close = 100.0 * std::exp(0.0005 * day + 0.05 * std::sin(day / 9.0));
        insert.addBindValue(id);
        insert.addBindValue(isoText(seed.now.addDays(day - 729)));
        insert.addBindValue(close);
        insert.addBindValue(close * 1.01);
        insert.addBindValue(close * 0.99);
        insert.addBindValue(close);
        QVERIFY(insert.exec());
    }
    QJsonObject good = request;
    good.insert(QStringLiteral("crypto_id"), id);
    const HttpResult made = api.client().post(path, good, api.professionalToken);
    QVERIFY2(made.status == 201, qPrintable(made.describe()));
    const QJsonObject p = made.object();
    QCOMPARE(p.value(QStringLiteral("crypto_id")).toInt(), id);
    QCOMPARE(p.value(QStringLiteral("user_id")).toInt(), api.professionalId);
    QCOMPARE(p.value(QStringLiteral("prediction_horizon")).toInt(), 24);
    QCOMPARE(p.value(QStringLiteral("layer_source")).toString(), QStringLiteral("layer4"));
    QVERIFY(p.value(QStringLiteral("predicted_price")).toDouble() > 0.0);
    QVERIFY(p.value(QStringLiteral("evaluation"))
                .toObject()
                .value(QStringLiteral("evaluations"))
                .toInt() >= 20);
    QCOMPARE(count(api.db(), QStringLiteral("predictions_enhanced")), qint64(4));
}

QTEST_MAIN(tst_ApiWrites)
#include "tst_apiwrites.moc"
