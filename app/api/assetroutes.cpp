#include "apirouter.h"
#include "handlerutil.h"
#include "requestcontext.h"
#include "routes.h"

#include <models/api/pricehistoryreader.h>

namespace cp::app::api {

namespace {

//! The longest window one request may ask for: a year of hourly candles is ~8,800 rows.
constexpr int kMaxDays = 365;

ApiResponse prices(RequestContext &context)
{
    const int id = context.pathId(QStringLiteral("crypto_id"));
    const auto history = models::PriceHistoryReader(context.db())
                             .history(id, context.queryText(QStringLiteral("interval")),
                                      int(context.queryInt(QStringLiteral("days"))));
    if (history && !history->has_value())
        return ApiResponse::notFound(QStringLiteral("There is no asset %1.").arg(id));
    return HandlerUtil::rowOr404(history, {});
}

} // namespace

void addAssetRoutes(ApiRouter &router)
{
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/assets/{crypto_id}/prices"),
                .tag = QStringLiteral("assets"),
                .summary = QStringLiteral("An asset's price history (candles), oldest first, over "
                                          "the days ending at its newest candle."),
                .query = {{.name = QStringLiteral("interval"),
                           .type = ParamType::String,
                           .description = QStringLiteral("1h: the stored candles; 1d: one per UTC "
                                                         "day."),
                           .choices = {QStringLiteral("1h"), QStringLiteral("1d")},
                           .defaultValue = QStringLiteral("1h")},
                          {.name = QStringLiteral("days"),
                           .type = ParamType::Integer,
                           .description = QStringLiteral("Values above 365 are lowered to 365."),
                           .minimum = 1,
                           .maximum = kMaxDays,
                           .defaultValue = 30,
                           .capAtMaximum = true}},
                .cacheTables = {QStringLiteral("cryptocurrencies"), QStringLiteral("price_data")},
                .handler = prices});
}

} // namespace cp::app::api
