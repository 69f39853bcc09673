#include "apirouter.h"
#include "routes.h"

namespace cp::app::api {

void addWebSocketRoutes(ApiRouter &router)
{
    // Served by WebSocketHub; listed here so that the OpenAPI document describes them.
    const QString tag = QStringLiteral("websocket");
    const auto channel = [&](const QString &path, Access access, const QString &summary) {
        router.add({.method = QStringLiteral("GET"),
                    .pattern = QStringLiteral("/api/v1/ws/") + path,
                    .access = access,
                    .tag = tag,
                    .summary = summary,
                    .successStatus = 101,
                    .webSocket = true});
    };
    channel(
        QStringLiteral("dashboard/{user_id}"), Access::User,
        QStringLiteral("Live dashboard: a snapshot, then update notices (yours unless admin)."));
    channel(QStringLiteral("prices/{crypto_ids}"), Access::User,
            QStringLiteral("Live prices of up to 50 assets (comma-separated ids): a snapshot, "
                           "then the prices that changed."));
    channel(QStringLiteral("signals/{user_id}"), Access::User,
            QStringLiteral("Live trading signals and your executions (yours unless admin)."));
    channel(QStringLiteral("admin/system-status"), Access::Admin,
            QStringLiteral("System health, periodically and on change (admin)."));
    channel(QStringLiteral("admin/suggestions"), Access::Admin,
            QStringLiteral("The suggestion queue and every change to it (admin)."));
}

} // namespace cp::app::api
