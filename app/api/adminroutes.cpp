#include "apirouter.h"
#include "apiservices.h"
#include "handlerutil.h"
#include "requestcontext.h"
#include "routes.h"

#include <app/marketdata/livestatusregistry.h>
#include <models/api/activityrepository.h>
#include <models/api/adminreader.h>
#include <models/appconfig.h>
#include <models/sqltransaction.h>

namespace cp::app::api {

namespace {

using models::AdminReader;

ApiResponse systemHealth(RequestContext &context)
{
    const Result<QJsonObject> health = AdminReader(context.db()).systemHealth();
    if (!health)
        return ApiResponse::internalError(health.error());
    QJsonObject result = *health;
    ApiServices &services = context.services();
    result.insert(QStringLiteral("server"),
                  QJsonObject{{QStringLiteral("uptime_seconds"),
                               services.startedAt.secsTo(QDateTime::currentDateTimeUtc())},
                              {QStringLiteral("cached_responses"), services.cache.size()},
                              {QStringLiteral("retrain_running"), services.retrain.isRunning()}});
    // Provider status when this process runs live feeds (serve --live-prices/--refresh-minutes).
    result.insert(QStringLiteral("market_data"), marketdata::LiveStatusRegistry::json());
    return ApiResponse::json(result);
}

ApiResponse aiModels(RequestContext &context)
{
    return HandlerUtil::array(AdminReader(context.db()).aiModels());
}

ApiResponse retrain(RequestContext &context)
{
    const int id = context.pathId(QStringLiteral("model_id"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonObject request = context.body();
    request.insert(QStringLiteral("requested_at"), now.toString(Qt::ISODate));
    request.insert(QStringLiteral("requested_by"), context.principal().userId);
    const auto changes =
        AdminReader(context.db()).recordRetrainRequest(id, context.principal().userId, request);
    if (!changes)
        return ApiResponse::internalError(changes.error());
    if (changes->empty())
        return ApiResponse::notFound(QStringLiteral("There is no AI model %1.").arg(id));
    context.publish(*changes);
    const bool started = context.services().retrain.start(context.services().pool);
    return ApiResponse::json(
        QJsonObject{{QStringLiteral("model_id"), id},
                    {QStringLiteral("status"),
                     started ? QStringLiteral("started") : QStringLiteral("already_running")},
                    {QStringLiteral("requested_at"), now.toString(Qt::ISODate)},
                    {QStringLiteral("note"),
                     QStringLiteral("The analysis pipeline refits every model with its "
                                    "walk-forward settings; the requested parameters are recorded "
                                    "in the model's health_status.")}},
        202);
}

ApiResponse userActivities(RequestContext &context)
{
    return HandlerUtil::array(
        AdminReader(context.db())
            .userActivities(int(context.queryInt(QStringLiteral("days"))),
                            context.queryText(QStringLiteral("activity_type")),
                            int(context.queryInt(QStringLiteral("limit")))));
}

ApiResponse suggestionQueue(RequestContext &context)
{
    return HandlerUtil::object(AdminReader(context.db())
                                   .suggestionQueue(context.queryText(QStringLiteral("priority")),
                                                    int(context.queryInt(QStringLiteral("days")))));
}

ApiResponse getConfig(RequestContext &context)
{
    const Result<models::AppConfig> config = models::AppConfig::load(context.db());
    if (!config)
        return ApiResponse::internalError(config.error());
    return ApiResponse::json(config->toJson());
}

ApiResponse setConfig(RequestContext &context)
{
    models::SqlTransaction transaction(context.db());
    if (!transaction.isActive())
        return ApiResponse::internalError(transaction.error());
    const Result<models::AppConfig> current = models::AppConfig::load(context.db());
    if (!current)
        return ApiResponse::internalError(current.error());
    const Result<models::AppConfig> updated = models::AppConfig::fromJson(context.body(), *current);
    if (!updated) {
        const QString field = updated.error().section(QLatin1Char(' '), 0, 0);
        return ApiResponse::unprocessable(updated.error(), {{field, updated.error()}});
    }
    if (const Status s = updated->save(context.db()); !s)
        return ApiResponse::internalError(s.error());
    const Result<models::ChangeEvent> activity =
        models::ActivityRepository(context.db())
            .log(context.principal().userId, QStringLiteral("update_config"), context.body(),
                 context.request().remoteAddress, QString::fromUtf8(context.request().userAgent));
    if (!activity)
        return ApiResponse::internalError(activity.error());
    if (const Status s = transaction.commit(); !s)
        return ApiResponse::internalError(s.error());
    context.publish({{QStringLiteral("app_metadata"), 0, QStringLiteral("update")}, *activity});
    return ApiResponse::json(updated->toJson());
}

} // namespace

void addAdminRoutes(ApiRouter &router)
{
    const QString tag = QStringLiteral("admin");
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/admin/system-health"),
                .access = Access::Admin,
                .tag = tag,
                .summary = QStringLiteral("Health of the layers, models, database and server "
                                          "(admin)."),
                .handler = systemHealth});
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/admin/ai-models"),
                .access = Access::Admin,
                .tag = tag,
                .summary = QStringLiteral("Registered AI models with their metrics (admin)."),
                .cacheTables = {QStringLiteral("ai_models")},
                .handler = aiModels});
    router.add({.method = QStringLiteral("POST"),
                .pattern = QStringLiteral("/api/v1/admin/ai-models/{model_id}/retrain"),
                .access = Access::Admin,
                .tag = tag,
                .summary = QStringLiteral("Ask for a retrain (admin): recorded, and the analysis "
                                          "pipeline runs in the background. 202."),
                .body = {{.name = QStringLiteral("training_data_days"),
                          .type = ParamType::Integer,
                          .minimum = 1,
                          .maximum = 3650},
                         {.name = QStringLiteral("validation_split"),
                          .type = ParamType::Number,
                          .minimum = 0,
                          .maximum = 0.9},
                         {.name = QStringLiteral("hyperparameters"), .type = ParamType::Object}},
                .successStatus = 202,
                .handler = retrain});
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/admin/user-activities"),
                .access = Access::Admin,
                .tag = tag,
                .summary = QStringLiteral("What users did in the last days (admin)."),
                .query = {{.name = QStringLiteral("days"),
                           .type = ParamType::Integer,
                           .minimum = 1,
                           .maximum = 365,
                           .defaultValue = 7},
                          {.name = QStringLiteral("activity_type"),
                           .type = ParamType::String,
                           .description = QStringLiteral("e.g. login, execute_trade, "
                                                         "review_suggestion, or all."),
                           .defaultValue = QStringLiteral("all"),
                           .maxLength = 50},
                          {.name = QStringLiteral("limit"),
                           .type = ParamType::Integer,
                           .minimum = 1,
                           .maximum = 1000,
                           .defaultValue = 200,
                           .capAtMaximum = true}},
                .handler = userActivities});
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/admin/suggestions/queue"),
                .access = Access::Admin,
                .tag = tag,
                .summary = QStringLiteral("Pending suggestions by priority (admin)."),
                .query = {{.name = QStringLiteral("priority"),
                           .type = ParamType::String,
                           .choices = {QStringLiteral("high"), QStringLiteral("medium"),
                                       QStringLiteral("low"), QStringLiteral("all")},
                           .defaultValue = QStringLiteral("all")},
                          {.name = QStringLiteral("days"),
                           .type = ParamType::Integer,
                           .minimum = 1,
                           .maximum = 365,
                           .defaultValue = 7}},
                .handler = suggestionQueue});
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/admin/config"),
                .access = Access::Admin,
                .tag = tag,
                .summary = QStringLiteral("Watchlist limits and AI thresholds (admin)."),
                .handler = getConfig});
    router.add({.method = QStringLiteral("POST"),
                .pattern = QStringLiteral("/api/v1/admin/config"),
                .access = Access::Admin,
                .tag = tag,
                .summary = QStringLiteral("Change watchlist limits and AI thresholds (admin); "
                                          "fields left out keep their value."),
                .body = {{.name = QStringLiteral("watchlist_limits"),
                          .type = ParamType::Object,
                          .description = QStringLiteral("{tier1_max, tier2_max}: 1 to 10000.")},
                         {.name = QStringLiteral("ai_thresholds"),
                          .type = ParamType::Object,
                          .description = QStringLiteral("{suggestion_confidence_min, "
                                                        "signal_confidence_min}: 0 to 1.")}},
                .handler = setConfig});
}

} // namespace cp::app::api
