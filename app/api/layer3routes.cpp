#include "apirouter.h"
#include "handlerutil.h"
#include "requestcontext.h"
#include "routes.h"

#include <models/api/activityrepository.h>
#include <models/api/assetanalysisreader.h>
#include <models/api/watchlistreader.h>
#include <models/appconfig.h>
#include <models/serviceerror.h>
#include <models/sqltransaction.h>
#include <models/suggestionreviewservice.h>
#include <models/watchlistservice.h>

namespace cp::app::api {

namespace {

using models::Viewer;
using models::WatchlistReader;

Viewer viewerOf(const RequestContext &context)
{
    return Viewer{context.principal().userId, context.isAdmin()};
}

QList<int> intList(const QJsonValue &value)
{
    QList<int> ids;
    for (const QJsonValue &id : value.toArray()) {
        if (!ids.contains(id.toInt()))
            ids.append(id.toInt());
    }
    return ids;
}

ApiResponse watchlists(RequestContext &context)
{
    return HandlerUtil::array(WatchlistReader(context.db()).watchlists(viewerOf(context)));
}

ApiResponse watchlist(RequestContext &context)
{
    const int id = context.pathId(QStringLiteral("watchlist_id"));
    WatchlistReader::Access access = WatchlistReader::Access::Missing;
    const Result<QJsonObject> list =
        WatchlistReader(context.db()).watchlist(id, viewerOf(context), &access);
    if (!list)
        return ApiResponse::internalError(list.error());
    if (access == WatchlistReader::Access::Missing)
        return ApiResponse::notFound(QStringLiteral("There is no watchlist %1.").arg(id));
    if (access == WatchlistReader::Access::NotYours)
        return ApiResponse::forbidden(
            QStringLiteral("Watchlist %1 is another user's personal list.").arg(id));
    return ApiResponse::json(*list);
}

ApiResponse addItem(RequestContext &context)
{
    const int watchlistId = context.pathId(QStringLiteral("watchlist_id"));
    const QJsonObject &body = context.body();
    models::WatchlistService service(context.db());
    const int cryptoId = body.value(QStringLiteral("crypto_id")).toInt();
    const QString tier = body.value(QStringLiteral("tier")).toString();
    const int priority = body.value(QStringLiteral("priority_order")).toInt(0);
    const Result<int> item = service.addItem(watchlistId, cryptoId, tier, priority);
    if (item)
        context.publish(service.changes());
    return HandlerUtil::fromService(item, [&](int itemId) {
        return ApiResponse::json(QJsonObject{{QStringLiteral("item_id"), itemId},
                                             {QStringLiteral("watchlist_id"), watchlistId},
                                             {QStringLiteral("crypto_id"), cryptoId},
                                             {QStringLiteral("tier"), tier},
                                             {QStringLiteral("priority_order"), priority}},
                                 201);
    });
}

ApiResponse removeItem(RequestContext &context)
{
    const int watchlistId = context.pathId(QStringLiteral("watchlist_id"));
    const int itemId = context.pathId(QStringLiteral("item_id"));
    models::WatchlistService service(context.db());
    const Status removed = service.removeItem(watchlistId, itemId);
    if (!removed)
        return ApiResponse::serviceError(removed.errorCode(), removed.error());
    context.publish(service.changes());
    return ApiResponse::json(QJsonObject{{QStringLiteral("deleted"), true},
                                         {QStringLiteral("watchlist_id"), watchlistId},
                                         {QStringLiteral("item_id"), itemId}});
}

ApiResponse suggestions(RequestContext &context)
{
    return HandlerUtil::array(WatchlistReader(context.db())
                                  .suggestions(context.queryText(QStringLiteral("status")),
                                               int(context.queryInt(QStringLiteral("limit")))));
}

ApiResponse reviews(RequestContext &context)
{
    return HandlerUtil::array(
        WatchlistReader(context.db()).reviews(int(context.queryInt(QStringLiteral("limit")))));
}

QJsonObject outcomeJson(const models::ReviewOutcome &outcome)
{
    return {{QStringLiteral("suggestion_id"), outcome.suggestionId},
            {QStringLiteral("review_id"), outcome.reviewId},
            {QStringLiteral("status"), outcome.status},
            {QStringLiteral("applied_tier"),
             outcome.appliedTier.isEmpty() ? QJsonValue() : QJsonValue(outcome.appliedTier)}};
}

ApiResponse review(RequestContext &context)
{
    const QJsonObject &body = context.body();
    const auto decision =
        models::reviewDecisionFromName(body.value(QStringLiteral("decision")).toString());
    std::optional<QString> targetTier;
    if (body.contains(QStringLiteral("target_tier")))
        targetTier = body.value(QStringLiteral("target_tier")).toString();
    models::SuggestionReviewService service(context.db());
    const Result<models::ReviewOutcome> outcome = service.review(
        context.pathId(QStringLiteral("suggestion_id")), context.principal().userId, *decision,
        body.value(QStringLiteral("review_notes")).toString(), targetTier);
    if (outcome)
        context.publish(service.changes());
    return HandlerUtil::fromService(
        outcome, [](const models::ReviewOutcome &o) { return ApiResponse::json(outcomeJson(o)); });
}

//! Tier actions on assets: the admin tier lists change in one transaction, all or nothing.
ApiResponse placeAssets(RequestContext &context, const QList<int> &cryptoIds, const QString &tier,
                        const QString &action)
{
    const Result<QList<int>> unknown = WatchlistReader(context.db()).unknownAssets(cryptoIds);
    if (!unknown)
        return ApiResponse::internalError(unknown.error());
    if (!unknown->isEmpty())
        return ApiResponse::notFound(
            QStringLiteral("There is no asset with id %1.").arg(unknown->constFirst()));
    models::SqlTransaction transaction(context.db());
    if (!transaction.isActive())
        return ApiResponse::internalError(transaction.error());
    const Result<models::AppConfig> config = models::AppConfig::load(context.db());
    if (!config)
        return ApiResponse::internalError(config.error());
    models::WatchlistService service(context.db());
    for (int id : cryptoIds) {
        if (const Status s = service.placeInTierInTransaction(id, tier, *config); !s)
            return ApiResponse::serviceError(s.errorCode(), s.error());
    }
    QJsonArray ids;
    for (int id : cryptoIds)
        ids.append(id);
    const Result<models::ChangeEvent> activity =
        models::ActivityRepository(context.db())
            .log(context.principal().userId, QStringLiteral("bulk_watchlist_action"),
                 {{QStringLiteral("action"), action},
                  {QStringLiteral("crypto_ids"), ids},
                  {QStringLiteral("review_notes"),
                   context.body().value(QStringLiteral("review_notes"))}},
                 context.request().remoteAddress, QString::fromUtf8(context.request().userAgent));
    if (!activity)
        return ApiResponse::internalError(activity.error());
    if (const Status s = transaction.commit(); !s)
        return ApiResponse::internalError(s.error());
    std::vector<models::ChangeEvent> changes = service.changes();
    changes.push_back(*activity);
    context.publish(changes);
    return ApiResponse::json(
        QJsonObject{{QStringLiteral("action"), action},
                    {QStringLiteral("crypto_ids"), ids},
                    {QStringLiteral("tier"), tier.isEmpty() ? QStringLiteral("none") : tier},
                    {QStringLiteral("applied"), ids.size()}});
}

ApiResponse bulkActions(RequestContext &context)
{
    const QJsonObject &body = context.body();
    const QString action = body.value(QStringLiteral("action")).toString();
    const bool onSuggestions = action.endsWith(QLatin1String("_suggestions"));
    const QString idsField =
        onSuggestions ? QStringLiteral("suggestion_ids") : QStringLiteral("crypto_ids");
    const QString otherField =
        onSuggestions ? QStringLiteral("crypto_ids") : QStringLiteral("suggestion_ids");
    if (!body.contains(idsField) || body.contains(otherField))
        return ApiResponse::unprocessable(
            QStringLiteral("%1 takes %2.").arg(action, idsField),
            {{idsField, body.contains(idsField) ? QStringLiteral("is required.")
                                                : QStringLiteral("is required for this action.")}});
    const QList<int> ids = intList(body.value(idsField));
    if (!onSuggestions) {
        const QString tier = action.endsWith(QLatin1String("tier1"))   ? QStringLiteral("tier1")
                             : action.endsWith(QLatin1String("tier2")) ? QStringLiteral("tier2")
                                                                       : QString();
        return placeAssets(context, ids, tier, action);
    }
    const auto decision = models::reviewDecisionFromName(action.section(QLatin1Char('_'), 0, 0));
    models::SuggestionReviewService service(context.db());
    const auto outcomes = service.reviewAll(ids, context.principal().userId, *decision,
                                            body.value(QStringLiteral("review_notes")).toString());
    if (outcomes)
        context.publish(service.changes());
    return HandlerUtil::fromService(outcomes, [&](const std::vector<models::ReviewOutcome> &all) {
        QJsonArray list;
        for (const models::ReviewOutcome &o : all)
            list.append(outcomeJson(o));
        return ApiResponse::json(QJsonObject{{QStringLiteral("action"), action},
                                             {QStringLiteral("applied"), list.size()},
                                             {QStringLiteral("results"), list}});
    });
}

ApiResponse assetAnalysis(RequestContext &context)
{
    const int id = context.pathId(QStringLiteral("crypto_id"));
    const auto row = models::AssetAnalysisReader(context.db()).analysis(id);
    if (row && !row->has_value())
        return ApiResponse::notFound(QStringLiteral("There is no asset %1.").arg(id));
    return HandlerUtil::rowOr404(row, {});
}

} // namespace

void addLayer3Routes(ApiRouter &router)
{
    const QString tag = QStringLiteral("layer3");
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/layer3/watchlists"),
                .tag = tag,
                .summary = QStringLiteral("Watchlists: the admin tier lists, system lists and your "
                                          "own (admins see all)."),
                .handler = watchlists});
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/layer3/watchlists/{watchlist_id}"),
                .tag = tag,
                .summary = QStringLiteral("One watchlist with its items; 403 for another user's "
                                          "personal list."),
                .handler = watchlist});
    router.add({.method = QStringLiteral("POST"),
                .pattern = QStringLiteral("/api/v1/layer3/watchlists/{watchlist_id}/items"),
                .access = Access::Admin,
                .tag = tag,
                .summary = QStringLiteral("Add an asset to a watchlist within its tier limit "
                                          "(admin)."),
                .body = {{.name = QStringLiteral("crypto_id"),
                          .type = ParamType::Integer,
                          .required = true,
                          .minimum = 1,
                          .maximum = 2147483647},
                         {.name = QStringLiteral("tier"),
                          .type = ParamType::String,
                          .required = true,
                          .choices = {QStringLiteral("tier1"), QStringLiteral("tier2")}},
                         {.name = QStringLiteral("priority_order"),
                          .type = ParamType::Integer,
                          .minimum = 0,
                          .maximum = 100000}},
                .successStatus = 201,
                .handler = addItem});
    router.add(
        {.method = QStringLiteral("DELETE"),
         .pattern = QStringLiteral("/api/v1/layer3/watchlists/{watchlist_id}/items/{item_id}"),
         .access = Access::Admin,
         .tag = tag,
         .summary = QStringLiteral("Remove an item from a watchlist (admin)."),
         .handler = removeItem});
    router.add(
        {.method = QStringLiteral("GET"),
         .pattern = QStringLiteral("/api/v1/layer3/suggestions"),
         .tag = tag,
         .summary = QStringLiteral("AI suggestions, newest first."),
         .query = {{.name = QStringLiteral("status"),
                    .type = ParamType::String,
                    .choices = {QStringLiteral("pending"), QStringLiteral("approved"),
                                QStringLiteral("rejected"), QStringLiteral("expired"),
                                QStringLiteral("all")},
                    .defaultValue = QStringLiteral("pending")},
                   {.name = QStringLiteral("limit"),
                    .type = ParamType::Integer,
                    .description = QStringLiteral("Values above 200 are lowered to 200."),
                    .minimum = 1,
                    .maximum = 200,
                    .defaultValue = 50,
                    .capAtMaximum = true}},
         .cacheTables = {QStringLiteral("ai_suggestions"), QStringLiteral("cryptocurrencies")},
         .handler = suggestions});
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/layer3/suggestions/reviews"),
                .access = Access::Admin,
                .tag = tag,
                .summary = QStringLiteral("The review trail: who decided what on which "
                                          "suggestion, newest first (admin)."),
                .query = {{.name = QStringLiteral("limit"),
                           .type = ParamType::Integer,
                           .description = QStringLiteral("Values above 200 are lowered to 200."),
                           .minimum = 1,
                           .maximum = 200,
                           .defaultValue = 50,
                           .capAtMaximum = true}},
                .cacheTables = {QStringLiteral("suggestion_reviews"), QStringLiteral("users")},
                .handler = reviews});
    router.add({.method = QStringLiteral("POST"),
                .pattern = QStringLiteral("/api/v1/layer3/suggestions/{suggestion_id}/review"),
                .access = Access::Admin,
                .tag = tag,
                .summary = QStringLiteral("Approve, reject or defer a pending suggestion (admin); "
                                          "409 when someone reviewed it first."),
                .body = {{.name = QStringLiteral("decision"),
                          .type = ParamType::String,
                          .required = true,
                          .choices = {QStringLiteral("approve"), QStringLiteral("reject"),
                                      QStringLiteral("defer")}},
                         {.name = QStringLiteral("review_notes"),
                          .type = ParamType::String,
                          .maxLength = 2000},
                         {.name = QStringLiteral("target_tier"),
                          .type = ParamType::String,
                          .choices = {QStringLiteral("tier1"), QStringLiteral("tier2")}}},
                .handler = review});
    router.add(
        {.method = QStringLiteral("POST"),
         .pattern = QStringLiteral("/api/v1/layer3/watchlists/bulk-actions"),
         .access = Access::Admin,
         .tag = tag,
         .summary = QStringLiteral("Tier changes for several assets, or reviews of several "
                                   "suggestions, in one transaction (admin)."),
         .body = {{.name = QStringLiteral("action"),
                   .type = ParamType::String,
                   .required = true,
                   .choices = {QStringLiteral("promote_to_tier1"), QStringLiteral("add_to_tier1"),
                               QStringLiteral("demote_to_tier2"), QStringLiteral("add_to_tier2"),
                               QStringLiteral("remove_from_watchlist"),
                               QStringLiteral("approve_suggestions"),
                               QStringLiteral("reject_suggestions"),
                               QStringLiteral("defer_suggestions")}},
                  {.name = QStringLiteral("crypto_ids"),
                   .type = ParamType::IntegerList,
                   .description = QStringLiteral("For tier actions."),
                   .minimum = 1,
                   .maxLength = 100},
                  {.name = QStringLiteral("suggestion_ids"),
                   .type = ParamType::IntegerList,
                   .description = QStringLiteral("For *_suggestions actions."),
                   .minimum = 1,
                   .maxLength = 100},
                  {.name = QStringLiteral("review_notes"),
                   .type = ParamType::String,
                   .maxLength = 2000}},
         .handler = bulkActions});
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/layer3/assets/{crypto_id}/analysis"),
                .tag = tag,
                .summary = QStringLiteral("What the layers say about one asset, with a "
                                          "recommendation."),
                .cacheTables = {QStringLiteral("cryptocurrencies"), QStringLiteral("price_data"),
                                QStringLiteral("trading_signals"), QStringLiteral("ai_suggestions"),
                                QStringLiteral("market_sentiment_data")},
                .handler = assetAnalysis});
}

} // namespace cp::app::api
