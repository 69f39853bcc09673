#include "apirouter.h"
#include "handlerutil.h"
#include "requestcontext.h"
#include "routes.h"

#include <models/api/signalcancellation.h>
#include <models/api/signalreader.h>
#include <models/signalexecutionservice.h>

#include <cmath>

namespace cp::app::api {

namespace {

using models::SignalReader;

ApiResponse signalList(RequestContext &context)
{
    return HandlerUtil::array(SignalReader(context.db())
                                  .signalList(context.queryText(QStringLiteral("status")),
                                              int(context.queryInt(QStringLiteral("limit"))),
                                              context.queryNumber(QStringLiteral("confidence_min")),
                                              int(context.queryInt(QStringLiteral("crypto_id")))));
}

ApiResponse signalDetails(RequestContext &context)
{
    const int id = context.pathId(QStringLiteral("signal_id"));
    const auto row = SignalReader(context.db()).signal(id);
    if (!row)
        return ApiResponse::internalError(row.error());
    if (!row->has_value())
        return ApiResponse::notFound(QStringLiteral("There is no signal %1.").arg(id));
    QJsonObject details = **row;
    QJsonObject analysis = details.take(QStringLiteral("ai_analysis")).toObject();
    analysis.insert(QStringLiteral("market_context"),
                    details.take(QStringLiteral("market_context")));
    const auto limits =
        models::SignalExecutionService(context.db()).limitsFor(context.principal().userId);
    if (!limits)
        return ApiResponse::internalError(limits.error());
    const double entry = details.value(QStringLiteral("entry_price")).toDouble();
    const double stop = details.value(QStringLiteral("stop_loss")).toDouble();
    const double target = details.value(QStringLiteral("target_price")).toDouble();
    const auto distance = [entry](double level) {
        return entry > 0.0 ? QJsonValue(std::abs(level - entry) / entry * 100.0) : QJsonValue();
    };
    const QJsonObject risk{
        {QStringLiteral("risk_level"), details.value(QStringLiteral("risk_level"))},
        {QStringLiteral("risk_reward_ratio"), details.value(QStringLiteral("risk_reward_ratio"))},
        {QStringLiteral("stop_distance_pct"), distance(stop)},
        {QStringLiteral("target_distance_pct"), distance(target)},
        {QStringLiteral("your_max_position_size"), limits->maxPositionSize},
        {QStringLiteral("your_max_portfolio_risk"), limits->maxPortfolioRisk},
        {QStringLiteral("your_max_portfolio_percentage"),
         limits->maxPortfolioPercentage(entry, stop)}};
    return ApiResponse::json(QJsonObject{{QStringLiteral("id"), id},
                                         {QStringLiteral("signal_details"), details},
                                         {QStringLiteral("ai_analysis"), analysis},
                                         {QStringLiteral("risk_assessment"), risk}});
}

ApiResponse execute(RequestContext &context)
{
    const QJsonObject &body = context.body();
    models::ExecutionRequest request;
    request.signalId = context.pathId(QStringLiteral("signal_id"));
    request.userId = context.principal().userId;
    request.positionSize = body.value(QStringLiteral("position_size")).toDouble();
    request.portfolioPercentage = body.value(QStringLiteral("portfolio_percentage")).toDouble();
    request.executionType =
        body.value(QStringLiteral("execution_type")).toString(QStringLiteral("manual"));
    request.riskConfirmed = body.value(QStringLiteral("risk_confirmation")).toBool();
    models::SignalExecutionService service(context.db());
    const Result<int> id = service.execute(request);
    if (id)
        context.publish(service.changes());
    return HandlerUtil::fromService(id, [&](int executionId) {
        return ApiResponse::json(
            QJsonObject{{QStringLiteral("execution_id"), executionId},
                        {QStringLiteral("signal_id"), request.signalId},
                        {QStringLiteral("user_id"), request.userId},
                        {QStringLiteral("position_size"), request.positionSize},
                        {QStringLiteral("portfolio_percentage"), request.portfolioPercentage},
                        {QStringLiteral("execution_type"), request.executionType}},
            201);
    });
}

ApiResponse executions(RequestContext &context)
{
    const int userId = context.hasQuery(QStringLiteral("user_id"))
                           ? int(context.queryInt(QStringLiteral("user_id")))
                           : context.principal().userId;
    if (std::optional<ApiResponse> refused = context.refuseOtherUser(userId))
        return *refused;
    return HandlerUtil::array(
        SignalReader(context.db())
            .executions(userId, int(context.queryInt(QStringLiteral("limit")))));
}

ApiResponse cancel(RequestContext &context)
{
    const int id = context.pathId(QStringLiteral("signal_id"));
    models::SignalCancellation cancellation(context.db());
    const Status cancelled = cancellation.cancel(id, context.principal().userId);
    if (!cancelled)
        return ApiResponse::serviceError(cancelled.errorCode(), cancelled.error());
    context.publish(cancellation.changes());
    return ApiResponse::json(QJsonObject{{QStringLiteral("id"), id},
                                         {QStringLiteral("status"), QStringLiteral("cancelled")}});
}

ApiResponse performance(RequestContext &context)
{
    return HandlerUtil::object(SignalReader(context.db())
                                   .performance(int(context.queryInt(QStringLiteral("timeframe"))),
                                                context.queryText(QStringLiteral("model"))));
}

} // namespace

void addLayer4Routes(ApiRouter &router)
{
    const QString tag = QStringLiteral("layer4");
    router.add(
        {.method = QStringLiteral("GET"),
         .pattern = QStringLiteral("/api/v1/layer4/signals"),
         .tag = tag,
         .summary = QStringLiteral("Trading signals, newest first; active = not executed, "
                                   "cancelled or expired."),
         .query = {{.name = QStringLiteral("status"),
                    .type = ParamType::String,
                    .choices = {QStringLiteral("active"), QStringLiteral("executed"),
                                QStringLiteral("expired"), QStringLiteral("cancelled"),
                                QStringLiteral("all")},
                    .defaultValue = QStringLiteral("active")},
                   {.name = QStringLiteral("limit"),
                    .type = ParamType::Integer,
                    .description = QStringLiteral("Values above 200 are lowered to 200."),
                    .minimum = 1,
                    .maximum = 200,
                    .defaultValue = 20,
                    .capAtMaximum = true},
                   {.name = QStringLiteral("confidence_min"),
                    .type = ParamType::Number,
                    .minimum = 0,
                    .maximum = 1,
                    .defaultValue = 0.0},
                   {.name = QStringLiteral("crypto_id"),
                    .type = ParamType::Integer,
                    .minimum = 1,
                    .maximum = 2147483647}},
         .cacheTables = {QStringLiteral("trading_signals"), QStringLiteral("cryptocurrencies")},
         .handler = signalList});
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/layer4/signals/{signal_id}"),
                .tag = tag,
                .summary = QStringLiteral("One signal with its AI analysis and a risk assessment "
                                          "against your limits."),
                .handler = signalDetails});
    router.add({.method = QStringLiteral("POST"),
                .pattern = QStringLiteral("/api/v1/layer4/signals/{signal_id}/execute"),
                .tag = tag,
                .summary = QStringLiteral("Execute a signal for yourself within your risk limits "
                                          "(needs risk_confirmation)."),
                .body = {{.name = QStringLiteral("position_size"),
                          .type = ParamType::Number,
                          .required = true,
                          .minimum = 0.00000001,
                          .maximum = 1e12},
                         {.name = QStringLiteral("portfolio_percentage"),
                          .type = ParamType::Number,
                          .required = true,
                          .minimum = 0.0001,
                          .maximum = 100},
                         {.name = QStringLiteral("execution_type"),
                          .type = ParamType::String,
                          .choices = {QStringLiteral("manual"), QStringLiteral("automatic")}},
                         {.name = QStringLiteral("risk_confirmation"),
                          .type = ParamType::Boolean,
                          .required = true}},
                .successStatus = 201,
                .handler = execute});
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/layer4/executions"),
                .tag = tag,
                .summary = QStringLiteral("Signal executions of a user (yours unless you are an "
                                          "admin)."),
                .query = {{.name = QStringLiteral("user_id"),
                           .type = ParamType::Integer,
                           .description = QStringLiteral("Defaults to you; another user's id "
                                                         "needs admin."),
                           .minimum = 1,
                           .maximum = 2147483647},
                          {.name = QStringLiteral("limit"),
                           .type = ParamType::Integer,
                           .minimum = 1,
                           .maximum = 200,
                           .defaultValue = 50,
                           .capAtMaximum = true}},
                .handler = executions});
    router.add({.method = QStringLiteral("DELETE"),
                .pattern = QStringLiteral("/api/v1/layer4/signals/{signal_id}"),
                .access = Access::Admin,
                .tag = tag,
                .summary = QStringLiteral("Cancel an active signal (admin); 409 when it is no "
                                          "longer active."),
                .handler = cancel});
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/layer4/performance"),
                .tag = tag,
                .summary = QStringLiteral("How past signals turned out, overall, per risk level "
                                          "and per model."),
                .query = {{.name = QStringLiteral("timeframe"),
                           .type = ParamType::Days,
                           .description = QStringLiteral("e.g. 30d, ending at the newest signal."),
                           .minimum = 1,
                           .maximum = 3650,
                           .defaultValue = 30},
                          {.name = QStringLiteral("model"),
                           .type = ParamType::String,
                           .description = QStringLiteral("A model name or all."),
                           .defaultValue = QStringLiteral("all"),
                           .maxLength = 100}},
                .cacheTables = {QStringLiteral("trading_signals")},
                .handler = performance});
}

} // namespace cp::app::api
