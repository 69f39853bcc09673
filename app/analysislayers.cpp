#include "analysislayers.h"

#include <engine/dailymarket.h>
#include <engine/forecaster.h>
#include <engine/macroanalyzer.h>
#include <engine/sectoranalyzer.h>
#include <engine/timinganalyzer.h>

#include <models/sqltimestamp.h>

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QtConcurrentMap>

#include <numeric>

namespace cp::app {

namespace {

double secondsOf(QElapsedTimer &timer)
{
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    timer.restart();
    return seconds;
}

//! Layer 1-3 context of each asset for layer 4: the "why chain" of its signals.
std::vector<engine::TimingContext> contextsFor(const std::vector<engine::AssetHistory> &assets,
                                               const engine::MacroAnalysis &macro,
                                               const engine::SectorAnalysis &sectors,
                                               const engine::AssetAnalysis &assetAnalysis)
{
    QHash<int, const engine::SectorPerformanceResult *> sectorById;
    for (const engine::SectorPerformanceResult &sector : sectors.sectors)
        sectorById.insert(sector.sectorId, &sector);
    QHash<int, engine::SuggestionType> suggestionByCrypto;
    for (const engine::SuggestionResult &s : assetAnalysis.suggestions)
        suggestionByCrypto.insert(s.cryptoId, s.type);

    std::vector<engine::TimingContext> contexts(assets.size());
    for (std::size_t i = 0; i < assets.size(); ++i) {
        engine::TimingContext &context = contexts[i];
        context.regime = macro.regime.regime;
        context.regimeProbability = macro.regime.confidence;
        context.recommendedExposure = macro.regime.recommendedExposure;
        context.sector = assets[i].sector;
        if (const auto *sector = sectorById.value(assets[i].sectorId)) {
            context.sectorRank = sector->rank;
            context.sectorMomentum = sector->momentumScore;
        }
        context.tier = assets[i].tier;
        const auto suggestion = suggestionByCrypto.constFind(assets[i].cryptoId);
        if (suggestion != suggestionByCrypto.cend())
            context.suggestion = engine::SuggestionRef{0, *suggestion};
    }
    return contexts;
}

//! Runs of equal regime over the daily grid, for charts that shade regime periods.
QJsonArray regimePeriods(const std::vector<qint64> &days,
                         const std::vector<engine::Regime> &regimes, int firstDay)
{
    QJsonArray periods;
    const int n = static_cast<int>(std::min(days.size(), regimes.size()));
    for (int start = std::max(firstDay, 0); start < n;) {
        int end = start + 1;
        while (end < n && regimes[std::size_t(end)] == regimes[std::size_t(start)])
            ++end;
        const qint64 until = end < n ? days[std::size_t(end)] : days[std::size_t(n - 1)] + 86400;
        periods.append(QJsonObject{
            {QStringLiteral("start"),
             models::SqlTimestamp::fromUnixSeconds(days[std::size_t(start)])},
            {QStringLiteral("end"), models::SqlTimestamp::fromUnixSeconds(until)},
            {QStringLiteral("regime"), engine::regimeName(regimes[std::size_t(start)])}});
        start = end;
    }
    return periods;
}

} // namespace

AnalysisLayers::AnalysisLayers(QThreadPool &pool, const std::atomic<bool> *cancelled, Stage stage)
    : m_pool(pool)
    , m_cancelled(cancelled)
    , m_stage(std::move(stage))
{
}

bool AnalysisLayers::compute(const std::vector<engine::AssetHistory> &assets,
                             const std::vector<engine::PendingSuggestion> &pending,
                             const models::AppConfig &config, bool withPredictions,
                             models::AnalysisRun &run, AnalysisReport &report)
{
    QElapsedTimer timer;
    timer.start();
    const engine::DailyMarket market(assets);

    m_stage(30, QStringLiteral("Layer 1: macro regime"));
    engine::MacroReport macro = engine::analyzeMacro(market, assets);
    macro.analysis.regime.macroIndicators.insert(
        QStringLiteral("regime_periods"),
        regimePeriods(market.days(), macro.filteredRegimeHistory, macro.firstRegimeDay));
    report.layerSeconds.insert(QStringLiteral("layer1"), secondsOf(timer));
    report.analysisTime = macro.analysis.regime.analysisTime;
    report.regime = engine::regimeName(macro.analysis.regime.regime);
    report.regimeConfidence = macro.analysis.regime.confidence;
    if (macro.modelTrained)
        run.models.push_back(macro.model);
    if (cancelled())
        return false;

    m_stage(40, QStringLiteral("Layer 2: sectors"));
    engine::SectorAnalysis sectors = engine::analyzeSectors(market, assets, macro.analysis.regime);
    report.layerSeconds.insert(QStringLiteral("layer2"), secondsOf(timer));
    report.sectors = static_cast<int>(sectors.sectors.size());
    if (cancelled())
        return false;

    m_stage(50, QStringLiteral("Layer 3: assets"));
    engine::AssetConfig assetConfig;
    assetConfig.tier1Limit = config.tier1Max;
    assetConfig.tier2Limit = config.tier2Max;
    assetConfig.minConfidence = config.suggestionConfidenceMin;
    engine::AssetAnalysis assetAnalysis =
        engine::analyzeAssets(assets, market, sectors, macro.analysis, pending, assetConfig);
    report.layerSeconds.insert(QStringLiteral("layer3"), secondsOf(timer));
    report.skipped = assetAnalysis.skipped;
    if (cancelled())
        return false;

    m_stage(60, QStringLiteral("Layer 4: timing"));
    engine::TimingConfig timingConfig;
    timingConfig.confidenceMin = config.signalConfidenceMin;
    engine::TimingHistory history;
    history.regimeByDay =
        engine::regimeByDayFrom(market.days(), engine::walkForwardRegimeHistory(market, assets));
    const engine::TimingAnalyzer timing(timingConfig, history);
    std::vector<int> indices(assets.size());
    std::iota(indices.begin(), indices.end(), 0);
    std::vector<engine::AssetCandidates> candidates(assets.size());
    QtConcurrent::blockingMap(&m_pool, indices, [&](int i) {
        if (!cancelled())
            candidates[static_cast<std::size_t>(i)] =
                timing.scan(assets[static_cast<std::size_t>(i)]);
    });
    if (cancelled())
        return false;
    const engine::SignalModel model = timing.train(candidates);
    run.models.push_back(model.record());
    // A stated confidence must mean what it says: when, out of sample, the candidates the model
    // rated at or above the threshold hit clearly less often than the threshold, its confidence
    // is not to be trusted on this market and no signal is issued.
    constexpr int kMinEvidence = 30;
    constexpr double kTolerance = 0.05;
    const bool trustworthy = model.thresholdSignals < kMinEvidence ||
                             model.thresholdHitRate >= timingConfig.confidenceMin - kTolerance;
    if (!trustworthy) {
        report.notes.append(
            QStringLiteral("Signals withheld: out of sample, the %1 candidates rated at %2 or "
                           "more reached their target only %3% of the time.")
                .arg(model.thresholdSignals)
                .arg(timingConfig.confidenceMin, 0, 'f', 2)
                .arg(model.thresholdHitRate * 100.0, 0, 'f', 1));
    }
    const std::vector<engine::TimingContext> contexts =
        contextsFor(assets, macro.analysis, sectors, assetAnalysis);
    std::vector<std::optional<engine::SignalResult>> signals(assets.size());
    QtConcurrent::blockingMap(&m_pool, indices, [&](int i) {
        const auto at = static_cast<std::size_t>(i);
        if (!cancelled() && trustworthy)
            signals[at] = timing.signalFor(assets[at], candidates[at], model, contexts[at]);
    });
    for (auto &signal : signals) {
        if (signal)
            run.signals.push_back(std::move(*signal));
    }
    report.layerSeconds.insert(QStringLiteral("layer4"), secondsOf(timer));
    if (cancelled())
        return false;

    if (withPredictions) {
        m_stage(75, QStringLiteral("Predictions"));
        const engine::Forecaster forecaster;
        std::vector<engine::AssetForecast> forecasts(assets.size());
        QtConcurrent::blockingMap(&m_pool, indices, [&](int i) {
            const auto at = static_cast<std::size_t>(i);
            if (!cancelled())
                forecasts[at] = forecaster.forecast(assets[at], contexts[at]);
        });
        if (cancelled())
            return false;
        for (const engine::AssetForecast &forecast : forecasts) {
            for (const engine::HorizonForecast &horizon : forecast.horizons) {
                if (horizon.isValid())
                    run.predictions.push_back(horizon.prediction);
            }
        }
        run.models.push_back(forecaster.record(forecasts, report.analysisTime));
        report.layerSeconds.insert(QStringLiteral("predictions"), secondsOf(timer));
    }

    run.macro = std::move(macro.analysis);
    run.sectors = std::move(sectors);
    run.assets = std::move(assetAnalysis);
    return true;
}

} // namespace cp::app
