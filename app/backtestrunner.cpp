#include "backtestrunner.h"

#include <engine/backtester.h>
#include <engine/dailymarket.h>
#include <engine/macroanalyzer.h>
#include <engine/timinganalyzer.h>
#include <models/appconfig.h>
#include <models/marketdataloader.h>
#include <models/metadatarepository.h>

#include <QtConcurrentMap>
#include <QThreadPool>

#include <numeric>

namespace cp::app {

Result<QJsonObject> runStoredBacktest(QSqlDatabase db, qint64 from, qint64 to)
{
    using R = Result<QJsonObject>;
    const Result<models::AppConfig> config = models::AppConfig::load(db);
    if (!config)
        return R::failure(config.error());
    Result<std::vector<engine::AssetHistory>> assets = models::MarketDataLoader(db).load();
    if (!assets)
        return R::failure(assets.error());
    if (assets->empty())
        return R::failure(QStringLiteral("The database holds no price history to backtest."));

    // The regime per day comes from layer 1's forward filter: no look-ahead in the slices.
    const engine::DailyMarket market(*assets);
    const engine::MacroReport macro = engine::analyzeMacro(market, *assets);
    engine::TimingConfig timingConfig;
    timingConfig.confidenceMin = config->signalConfidenceMin;
    engine::TimingHistory history;
    history.regimeByDay =
        engine::regimeByDayFrom(market.days(), engine::walkForwardRegimeHistory(market, *assets));
    const engine::TimingAnalyzer timing(timingConfig, history);

    std::vector<int> indices(assets->size());
    std::iota(indices.begin(), indices.end(), 0);
    std::vector<engine::AssetCandidates> candidates(assets->size());
    QThreadPool pool;
    QtConcurrent::blockingMap(&pool, indices, [&](int i) {
        candidates[static_cast<std::size_t>(i)] =
            timing.scan((*assets)[static_cast<std::size_t>(i)]);
    });
    const engine::SignalModel model = timing.train(candidates);

    engine::BacktestOptions options;
    options.confidenceMin = config->signalConfidenceMin;
    options.from = from;
    options.to = to;
    options.regimeByDay = history.regimeByDay;
    const QJsonObject report = engine::runBacktest(candidates, model, options).toJson();
    if (const Status s =
            models::MetadataRepository(db).set(QStringLiteral("last_backtest"), report);
        !s)
        return R::failure(s.error());
    return report;
}

} // namespace cp::app
