#include "apirouter.h"
#include "handlerutil.h"
#include "regimeforecast.h"
#include "requestcontext.h"
#include "routes.h"

#include <models/api/marketreader.h>

namespace cp::app::api {

namespace {

using models::MarketReader;

ApiResponse marketRegime(RequestContext &context)
{
    return HandlerUtil::rowOr404(MarketReader(context.db()).marketRegime(),
                                 QStringLiteral("No market regime analysis yet; run the analysis "
                                                "first."));
}

ApiResponse sentiment(RequestContext &context)
{
    return HandlerUtil::rowOr404(MarketReader(context.db()).sentiment(),
                                 QStringLiteral("No sentiment data yet; run the analysis first."));
}

ApiResponse dominance(RequestContext &context)
{
    return HandlerUtil::rowOr404(MarketReader(context.db()).dominance(),
                                 QStringLiteral("No dominance data yet; run the analysis first."));
}

ApiResponse history(RequestContext &context)
{
    const QString interval = context.queryText(QStringLiteral("interval"));
    const qint64 seconds = interval == QLatin1String("1h")   ? 3600
                           : interval == QLatin1String("4h") ? 4 * 3600
                                                             : 86400;
    return HandlerUtil::object(
        MarketReader(context.db())
            .history(int(context.queryInt(QStringLiteral("days"))), seconds, interval));
}

ApiResponse regimeForecast(RequestContext &context)
{
    const int horizon = int(context.queryInt(QStringLiteral("horizon")));
    MarketReader reader(context.db());
    const auto current = reader.marketRegimeDetails();
    if (!current)
        return ApiResponse::internalError(current.error());
    if (!current->has_value())
        return ApiResponse::error(404, QStringLiteral("no_data"),
                                  QStringLiteral("No market regime analysis yet; run the "
                                                 "analysis first."));
    const QJsonObject &latest = **current;
    const auto daily = reader.dailyRegimes(365);
    if (!daily)
        return ApiResponse::internalError(daily.error());
    QStringList regimes;
    std::vector<qint64> days;
    for (const models::DailyRegime &d : *daily) {
        regimes.append(d.regime);
        days.push_back(d.day.toSecsSinceEpoch());
    }
    // Start from the model's posterior when stored, else from the label and its confidence.
    RegimeForecast::Distribution start{};
    const QJsonObject stored = latest.value(QStringLiteral("macro_indicators"))
                                   .toObject()
                                   .value(QStringLiteral("regime_probabilities"))
                                   .toObject();
    double total = 0.0;
    for (int i = 0; i < RegimeForecast::kRegimes; ++i) {
        start[std::size_t(i)] =
            std::max(0.0, stored.value(RegimeForecast::regimeNames().at(i)).toDouble());
        total += start[std::size_t(i)];
    }
    if (total > 0.0) {
        for (double &p : start)
            p /= total;
    } else {
        const int index =
            RegimeForecast::regimeIndex(latest.value(QStringLiteral("regime")).toString());
        const double confidence =
            std::clamp(latest.value(QStringLiteral("confidence")).toDouble(), 0.0, 1.0);
        for (int i = 0; i < RegimeForecast::kRegimes; ++i)
            start[std::size_t(i)] =
                i == index ? confidence : (1.0 - confidence) / (RegimeForecast::kRegimes - 1);
    }
    QJsonObject result = RegimeForecast(regimes, days).toJson(start, horizon);
    result.insert(QStringLiteral("last_updated"), latest.value(QStringLiteral("last_updated")));
    return ApiResponse::json(result);
}

} // namespace

void addLayer1Routes(ApiRouter &router)
{
    const QString tag = QStringLiteral("layer1");
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/layer1/market-regime"),
                .tag = tag,
                .summary = QStringLiteral("The current market regime (newest analysis)."),
                .cacheTables = {QStringLiteral("market_regime_analysis")},
                .handler = marketRegime});
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/layer1/sentiment"),
                .tag = tag,
                .summary = QStringLiteral("The newest market sentiment (fear & greed, composite)."),
                .cacheTables = {QStringLiteral("market_sentiment_data")},
                .handler = sentiment});
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/layer1/dominance"),
                .tag = tag,
                .summary = QStringLiteral("The newest BTC, ETH, alt and stablecoin dominance."),
                .cacheTables = {QStringLiteral("dominance_data")},
                .handler = dominance});
    router.add(
        {.method = QStringLiteral("GET"),
         .pattern = QStringLiteral("/api/v1/layer1/history"),
         .tag = tag,
         .summary = QStringLiteral("Regime, sentiment and dominance over the last days of "
                                   "analyses, one point per interval."),
         .query = {{.name = QStringLiteral("days"),
                    .type = ParamType::Integer,
                    .description = QStringLiteral("Window ending at the newest analysis."),
                    .minimum = 1,
                    .maximum = 365,
                    .defaultValue = 30},
                   {.name = QStringLiteral("interval"),
                    .type = ParamType::String,
                    .choices = {QStringLiteral("1h"), QStringLiteral("4h"), QStringLiteral("1d")},
                    .defaultValue = QStringLiteral("1d")}},
         .cacheTables = {QStringLiteral("market_regime_analysis"),
                         QStringLiteral("market_sentiment_data"), QStringLiteral("dominance_data")},
         .handler = history});
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/layer1/regime-forecast"),
                .tag = tag,
                .summary = QStringLiteral("Regime probabilities for the coming days (Markov chain "
                                          "on daily regimes)."),
                .query = {{.name = QStringLiteral("horizon"),
                           .type = ParamType::Days,
                           .description = QStringLiteral("Days ahead, e.g. 7d."),
                           .minimum = 1,
                           .maximum = 30,
                           .defaultValue = 7}},
                .cacheTables = {QStringLiteral("market_regime_analysis")},
                .handler = regimeForecast});
}

} // namespace cp::app::api
