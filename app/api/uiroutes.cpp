#include "apirouter.h"
#include "handlerutil.h"
#include "requestcontext.h"
#include "routes.h"

#include <models/api/dashboardreader.h>
#include <models/api/jsonrowmapper.h>
#include <models/api/notificationwriter.h>
#include <models/views/layeroverview.h>
#include <models/views/overviewsnapshot.h>

namespace cp::app::api {

namespace {

using models::DashboardReader;

//! Every table the overview cards read.
const QStringList kOverviewTables{
    QStringLiteral("market_regime_analysis"),   QStringLiteral("market_sentiment_data"),
    QStringLiteral("dominance_data"),           QStringLiteral("sector_performance"),
    QStringLiteral("sector_rotation_analysis"), QStringLiteral("cryptocurrencies"),
    QStringLiteral("ai_suggestions"),           QStringLiteral("trading_signals"),
    QStringLiteral("watchlist_items")};

ApiResponse dashboard(RequestContext &context)
{
    const int userId = context.hasQuery(QStringLiteral("user_id"))
                           ? int(context.queryInt(QStringLiteral("user_id")))
                           : context.principal().userId;
    if (std::optional<ApiResponse> refused = context.refuseOtherUser(userId))
        return *refused;
    const auto row = DashboardReader(context.db()).dashboard(userId);
    if (row && !row->has_value())
        return ApiResponse::notFound(QStringLiteral("There is no user %1.").arg(userId));
    return HandlerUtil::rowOr404(row, {});
}

ApiResponse layerOverview(RequestContext &context)
{
    const Result<models::views::OverviewSnapshot> snapshot =
        models::views::loadOverviewSnapshot(context.db());
    if (!snapshot)
        return ApiResponse::internalError(snapshot.error());
    return ApiResponse::json(models::views::layerOverview(*snapshot));
}

ApiResponse layerCards(RequestContext &context)
{
    const Result<models::views::OverviewSnapshot> snapshot =
        models::views::loadOverviewSnapshot(context.db());
    if (!snapshot)
        return ApiResponse::internalError(snapshot.error());
    const QString last = models::JsonRowMapper::isoTime(snapshot->lastAnalysis);
    return ApiResponse::json(QJsonObject{
        {QStringLiteral("cards"), models::views::layerOverview(*snapshot)},
        {QStringLiteral("last_analysis"), last.isEmpty() ? QJsonValue() : QJsonValue(last)}});
}

ApiResponse quickStats(RequestContext &context)
{
    return HandlerUtil::object(DashboardReader(context.db()).quickStats());
}

ApiResponse signalCards(RequestContext &context)
{
    return HandlerUtil::array(
        DashboardReader(context.db()).signalCards(int(context.queryInt(QStringLiteral("limit")))));
}

ApiResponse notifications(RequestContext &context)
{
    return HandlerUtil::array(DashboardReader(context.db())
                                  .notifications(context.principal().userId,
                                                 context.queryText(QStringLiteral("status")),
                                                 int(context.queryInt(QStringLiteral("limit")))));
}

ApiResponse markRead(RequestContext &context)
{
    const int id = context.pathId(QStringLiteral("notification_id"));
    models::NotificationWriter writer(context.db());
    const Status s = writer.markRead(id, context.principal().userId, context.isAdmin());
    if (!s)
        return ApiResponse::serviceError(s.errorCode(), s.error());
    context.publish(writer.changes());
    return ApiResponse::json(QJsonObject{{QStringLiteral("id"), id},
                                         {QStringLiteral("status"), QStringLiteral("read")}});
}

ApiResponse removeNotification(RequestContext &context)
{
    const int id = context.pathId(QStringLiteral("notification_id"));
    models::NotificationWriter writer(context.db());
    const Status s = writer.remove(id, context.principal().userId, context.isAdmin());
    if (!s)
        return ApiResponse::serviceError(s.errorCode(), s.error());
    context.publish(writer.changes());
    return ApiResponse::json(
        QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("deleted"), true}});
}

} // namespace

void addUiRoutes(ApiRouter &router)
{
    const QString tag = QStringLiteral("ui");
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/ui/dashboard"),
                .tag = tag,
                .summary = QStringLiteral("A user's dashboard (yours unless you are an admin)."),
                .query = {{.name = QStringLiteral("user_id"),
                           .type = ParamType::Integer,
                           .minimum = 1,
                           .maximum = 2147483647}},
                .handler = dashboard});
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/ui/layer-overview"),
                .tag = tag,
                .summary = QStringLiteral("The four layer cards of the home screen."),
                .cacheTables = kOverviewTables,
                .handler = layerOverview});
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/ui/mobile/quick-stats"),
                .tag = tag,
                .summary = QStringLiteral("The market in a few numbers, for phones."),
                .cacheTables = kOverviewTables,
                .handler = quickStats});
    router.add(
        {.method = QStringLiteral("GET"),
         .pattern = QStringLiteral("/api/v1/ui/mobile/signal-cards"),
         .tag = tag,
         .summary = QStringLiteral("Active signals as compact cards, for phones."),
         .query = {{.name = QStringLiteral("limit"),
                    .type = ParamType::Integer,
                    .minimum = 1,
                    .maximum = 50,
                    .defaultValue = 10,
                    .capAtMaximum = true}},
         .cacheTables = {QStringLiteral("trading_signals"), QStringLiteral("cryptocurrencies")},
         .handler = signalCards});
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/ui/mobile/layer-cards"),
                .tag = tag,
                .summary = QStringLiteral("The layer cards with the time of the newest analysis, "
                                          "for phones."),
                .cacheTables = kOverviewTables,
                .handler = layerCards});
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/ui/notifications"),
                .tag = tag,
                .summary = QStringLiteral("Your notifications, newest first."),
                .query = {{.name = QStringLiteral("status"),
                           .type = ParamType::String,
                           .choices = {QStringLiteral("unread"), QStringLiteral("read"),
                                       QStringLiteral("dismissed"), QStringLiteral("all")},
                           .defaultValue = QStringLiteral("unread")},
                          {.name = QStringLiteral("limit"),
                           .type = ParamType::Integer,
                           .minimum = 1,
                           .maximum = 100,
                           .defaultValue = 20,
                           .capAtMaximum = true}},
                .handler = notifications});
    router.add({.method = QStringLiteral("POST"),
                .pattern = QStringLiteral("/api/v1/ui/notifications/{notification_id}/read"),
                .tag = tag,
                .summary = QStringLiteral("Mark one of your notifications read."),
                .handler = markRead});
    router.add({.method = QStringLiteral("DELETE"),
                .pattern = QStringLiteral("/api/v1/ui/notifications/{notification_id}"),
                .tag = tag,
                .summary = QStringLiteral("Delete one of your notifications."),
                .handler = removeNotification});
}

} // namespace cp::app::api
