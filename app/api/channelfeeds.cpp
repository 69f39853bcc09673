#include "channelfeeds.h"

#include <app/marketdata/livestatusregistry.h>
#include <models/api/adminreader.h>
#include <models/api/dashboardreader.h>
#include <models/api/pricelookup.h>
#include <models/api/signalreader.h>
#include <models/api/watchlistreader.h>

namespace cp::app::api {

namespace ChannelFeeds {

namespace {
template<typename T>
Result<QJsonValue> value(const Result<T> &result)
{
    if (!result)
        return Result<QJsonValue>::failure(result.error());
    return QJsonValue(*result);
}

template<typename T>
Result<QJsonValue> optionalValue(const Result<std::optional<T>> &result)
{
    if (!result)
        return Result<QJsonValue>::failure(result.error());
    return result->has_value() ? QJsonValue(**result) : QJsonValue(QJsonValue::Null);
}
} // namespace

Result<QJsonValue> snapshot(QSqlDatabase db, const WebSocketChannel &channel)
{
    using Kind = WebSocketChannel::Kind;
    switch (channel.kind) {
    case Kind::Prices:
        return value(prices(db, channel.cryptoIds));
    case Kind::Signals:
        return value(models::SignalReader(db).signalList(QStringLiteral("active"), 50, 0.0));
    case Kind::Dashboard:
        return optionalValue(models::DashboardReader(db).dashboard(channel.userId));
    case Kind::SystemStatus:
        return value(systemStatus(db));
    case Kind::Suggestions:
        return value(models::WatchlistReader(db).suggestions(QStringLiteral("pending"), 100));
    }
    return QJsonValue();
}

Result<QJsonValue> signal(QSqlDatabase db, int signalId)
{
    Result<std::optional<QJsonObject>> row = models::SignalReader(db).signal(signalId);
    if (row && row->has_value()) {
        // The list shape: the analysis stays behind GET /layer4/signals/{id}.
        row.value()->remove(QStringLiteral("ai_analysis"));
        row.value()->remove(QStringLiteral("market_context"));
    }
    return optionalValue(row);
}

Result<QJsonValue> suggestion(QSqlDatabase db, int suggestionId)
{
    return optionalValue(models::WatchlistReader(db).suggestion(suggestionId));
}

Result<QJsonArray> prices(QSqlDatabase db, const QList<int> &cryptoIds)
{
    return models::PriceLookup(db).latestPrices(cryptoIds);
}

Result<QList<int>> assetsOfPriceRows(QSqlDatabase db, const QList<qint64> &rowIds)
{
    return models::PriceLookup(db).assetsOfRows(rowIds);
}

Result<QJsonObject> systemStatus(QSqlDatabase db)
{
    Result<QJsonObject> health = models::AdminReader(db).systemHealth();
    // Live providers of this process, like GET /admin/system-health.
    if (health)
        health.value().insert(QStringLiteral("market_data"),
                              marketdata::LiveStatusRegistry::json());
    return health;
}

Result<int> ownerOf(QSqlDatabase db, const QString &table, qint64 id)
{
    return models::DashboardReader(db).ownerOf(table, id);
}

} // namespace ChannelFeeds

} // namespace cp::app::api
