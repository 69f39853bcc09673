#include "analysispipeline.h"

#include "analysislayers.h"

#include <engine/suggestionengine.h>
#include <models/analysisrepository.h>
#include <models/appconfig.h>
#include <models/changebus.h>
#include <models/marketdataloader.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QThreadPool>

namespace cp::app {

namespace {

const QString kCancelled = QStringLiteral("The analysis was cancelled; nothing was written.");

std::vector<engine::PendingSuggestion>
toEngine(const std::vector<models::PendingSuggestion> &pending)
{
    std::vector<engine::PendingSuggestion> result;
    for (const models::PendingSuggestion &p : pending) {
        if (const auto type = engine::suggestionTypeFromName(p.type))
            result.push_back({p.cryptoId, *type});
    }
    return result;
}

//! Keeps only the rows of the layers the caller asked to write.
void dropUnrequested(models::AnalysisRun &run, const AnalysisOptions &options)
{
    if (!options.layers.count(1))
        run.macro.reset();
    if (!options.layers.count(2))
        run.sectors.reset();
    if (!options.layers.count(3))
        run.assets.reset();
    if (!options.layers.count(4))
        run.signals.clear();
}

} // namespace

AnalysisPipeline::AnalysisPipeline(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<AnalysisReport> AnalysisPipeline::run(const AnalysisOptions &options,
                                             const Progress &progress,
                                             const std::atomic<bool> *cancelled)
{
    using R = Result<AnalysisReport>;
    auto stage = [&](int percent, const QString &name) {
        if (progress)
            progress(percent, name);
    };
    auto isCancelled = [cancelled] { return cancelled && cancelled->load(); };
    AnalysisReport report;
    QElapsedTimer timer;
    timer.start();

    stage(0, QStringLiteral("Loading prices"));
    const Result<models::AppConfig> config = models::AppConfig::load(m_db);
    if (!config)
        return R::failure(config.error());
    models::MarketDataLoader loader(m_db);
    Result<std::vector<engine::AssetHistory>> assets = loader.load(isCancelled);
    if (!assets)
        return R::failure(isCancelled() ? kCancelled : assets.error());
    const Result<std::vector<models::PendingSuggestion>> pending = loader.pendingSuggestions();
    if (!pending)
        return R::failure(pending.error());
    report.assets = static_cast<int>(assets->size());
    for (const engine::AssetHistory &asset : *assets)
        report.candles += static_cast<qint64>(asset.candles.size());
    if (report.candles == 0)
        return R::failure(QStringLiteral("The database holds no price history to analyse; load "
                                         "demo data or import prices first."));
    report.loadSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    timer.restart();

    QThreadPool pool;
    if (options.threads > 0)
        pool.setMaxThreadCount(options.threads);
    models::AnalysisRun run;
    AnalysisLayers layers(pool, cancelled, stage);
    if (!layers.compute(*assets, toEngine(*pending), *config, options.predictions, run, report))
        return R::failure(kCancelled);
    report.computeSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    timer.restart();
    if (isCancelled())
        return R::failure(kCancelled);

    stage(90, QStringLiteral("Saving results"));
    dropUnrequested(run, options);
    QJsonObject status = report.toJson();
    status.insert(QStringLiteral("status"), QStringLiteral("completed"));
    run.pipelineStatus = status;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const Result<models::WrittenRun> written = models::AnalysisRepository(m_db).write(run, now);
    if (!written)
        return R::failure(written.error());
    report.persistSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    report.suggestions = written->suggestions;
    report.duplicateSuggestionsSkipped = written->suggestionsSkippedAsDuplicates;
    report.signalCount = written->signals;
    report.duplicateSignalsSkipped = written->signalsSkippedAsDuplicates;
    report.predictions = written->predictions;
    models::ChangeBus::instance().publish(m_db, written->changes);
    stage(100, QStringLiteral("Done"));
    return report;
}

} // namespace cp::app
