#include "backtester.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <vector>

namespace cp::engine {

namespace {

// Trades of one group, kept until the end so calibration can be computed once.
struct Collector
{
    BacktestStats model, all;
    double modelConfidence = 0.0, allConfidence = 0.0;
    std::vector<double> predicted, outcome;

    static void add(BacktestStats &s, const TimingCandidate &k, double confidence, double &sum)
    {
        ++s.signals;
        s.targetHits += k.result.outcome == TradeOutcome::TargetHit ? 1 : 0;
        s.stopHits += k.result.outcome == TradeOutcome::StopHit ? 1 : 0;
        s.expired += k.result.outcome == TradeOutcome::Expired ? 1 : 0;
        s.totalReturnPct += k.result.returnPct;
        sum += confidence;
    }
    void add(const TimingCandidate &k, double confidence, double confidenceMin)
    {
        add(all, k, confidence, allConfidence);
        if (confidence >= confidenceMin)
            add(model, k, confidence, modelConfidence);
        predicted.push_back(confidence);
        outcome.push_back(k.label());
    }
    static void finish(BacktestStats &s, double confidenceSum)
    {
        if (s.signals == 0)
            return;
        s.successRate = double(s.targetHits) / s.signals;
        s.averageReturnPct = s.totalReturnPct / s.signals;
        s.averageConfidence = confidenceSum / s.signals;
    }
    BacktestSlice slice(int bins)
    {
        finish(model, modelConfidence);
        finish(all, allConfidence);
        return BacktestSlice{model, all, calibrationReport(predicted, outcome, bins)};
    }
};

} // namespace

QJsonObject BacktestStats::toJson() const
{
    return QJsonObject{{QStringLiteral("total_signals"), signals},
                       {QStringLiteral("successful_signals"), targetHits},
                       {QStringLiteral("stopped_signals"), stopHits},
                       {QStringLiteral("expired_signals"), expired},
                       {QStringLiteral("success_rate"), successRate},
                       {QStringLiteral("average_return_pct"), averageReturnPct},
                       {QStringLiteral("total_return_pct"), totalReturnPct},
                       {QStringLiteral("average_confidence"), averageConfidence}};
}

QJsonObject BacktestSlice::toJson() const
{
    return QJsonObject{{QStringLiteral("model_signals"), modelSignals.toJson()},
                       {QStringLiteral("all_candidates"), allCandidates.toJson()},
                       {QStringLiteral("calibration"), calibration.toJson()}};
}

QJsonObject BacktestReport::toJson() const
{
    auto slices = [](const std::map<QString, BacktestSlice> &m) {
        QJsonObject o;
        for (const auto &[k, v] : m)
            o.insert(k, v.toJson());
        return o;
    };
    QJsonObject models;
    for (const auto &[k, v] : byModel)
        models.insert(k, v.toJson());
    const BacktestStats &s = overall.modelSignals;
    return QJsonObject{{QStringLiteral("model_name"), modelName},
                       {QStringLiteral("model_version"), modelVersion},
                       {QStringLiteral("from"), from},
                       {QStringLiteral("to"), to},
                       {QStringLiteral("confidence_min"), confidenceMin},
                       {QStringLiteral("out_of_sample_only"), true},
                       {QStringLiteral("candidates_in_range"), candidatesInRange},
                       {QStringLiteral("warmup_candidates"), warmupCandidates},
                       {QStringLiteral("open_candidates"), openCandidates},
                       // The seed's /layer4/performance fields, for the model's signals.
                       {QStringLiteral("total_signals"), s.signals},
                       {QStringLiteral("successful_signals"), s.targetHits},
                       {QStringLiteral("success_rate"), s.successRate},
                       {QStringLiteral("average_return"), s.averageReturnPct},
                       {QStringLiteral("brier_score"), overall.calibration.brier},
                       {QStringLiteral("base_rate_brier"), overall.calibration.baseRateBrier},
                       {QStringLiteral("overall"), overall.toJson()},
                       {QStringLiteral("performance_by_risk_level"), slices(byRiskLevel)},
                       {QStringLiteral("performance_by_regime"), slices(byRegime)},
                       {QStringLiteral("performance_by_side"), slices(bySide)},
                       {QStringLiteral("performance_by_model"), models},
                       {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}};
}

BacktestReport runBacktest(std::span<const AssetCandidates> assets, const SignalModel &model,
                           const BacktestOptions &options)
{
    BacktestReport report;
    report.modelName = QString::fromLatin1(SignalModel::name);
    report.modelVersion = QString::fromLatin1(SignalModel::version);
    report.confidenceMin = options.confidenceMin;
    Collector overall;
    std::map<QString, Collector> byRisk, byRegime, bySide;
    qint64 first = std::numeric_limits<qint64>::max(), last = std::numeric_limits<qint64>::min();
    const bool aligned = model.firstRow.size() == assets.size();
    for (std::size_t a = 0; aligned && a < assets.size(); ++a) {
        const std::vector<TimingCandidate> &candidates = assets[a].candidates;
        for (std::size_t c = 0; c < candidates.size(); ++c) {
            const TimingCandidate &k = candidates[c];
            if (k.time < options.from || k.time > options.to)
                continue;
            ++report.candidatesInRange;
            const int row = model.row(int(a), int(c));
            if (row < 0 || row >= int(model.walkForward.calibrated.size()))
                continue;
            const double p = model.walkForward.calibrated[std::size_t(row)];
            if (std::isnan(p)) {
                ++report.warmupCandidates;
                continue;
            }
            if (!k.isLabelled()) {
                ++report.openCandidates;
                continue;
            }
            first = std::min(first, k.time);
            last = std::max(last, k.time);
            overall.add(k, p, options.confidenceMin);
            byRisk[riskLevelName(k.riskLevel)].add(k, p, options.confidenceMin);
            bySide[k.setup.side == SignalType::Long ? QStringLiteral("long")
                                                    : QStringLiteral("short")]
                .add(k, p, options.confidenceMin);
            std::optional<Regime> regime;
            if (options.regimeByDay)
                regime = options.regimeByDay(utcDayStart(k.time));
            byRegime[regime ? regimeName(*regime) : QStringLiteral("unknown")].add(
                k, p, options.confidenceMin);
        }
    }
    if (!aligned)
        report.notes.append(QStringLiteral("the model was trained on a different asset list: "
                                           "nothing to replay"));
    report.from = first <= last ? first : 0;
    report.to = first <= last ? last : 0;
    report.overall = overall.slice(options.calibrationBins);
    for (auto &[k, c] : byRisk)
        report.byRiskLevel[k] = c.slice(options.calibrationBins);
    for (auto &[k, c] : byRegime)
        report.byRegime[k] = c.slice(options.calibrationBins);
    for (auto &[k, c] : bySide)
        report.bySide[k] = c.slice(options.calibrationBins);
    report.byModel[report.modelName] = report.overall.modelSignals;
    report.byModel[QStringLiteral("rules_only")] = report.overall.allCandidates;

    const BacktestStats &m = report.overall.modelSignals;
    const BacktestStats &all = report.overall.allCandidates;
    const CalibrationReport &cal = report.overall.calibration;
    if (all.signals == 0) {
        report.notes.append(QStringLiteral("no resolved out-of-sample candidates in the range"));
        return report;
    }
    if (m.signals == 0)
        report.notes.append(QStringLiteral("no candidate reached the confidence minimum %1 out "
                                           "of sample: the model would have issued no signals")
                                .arg(options.confidenceMin, 0, 'f', 2));
    else
        report.notes.append(QStringLiteral("model signals: success %1% and average return %2% "
                                           "over %3 trades; all rule candidates: %4% and %5% "
                                           "over %6")
                                .arg(m.successRate * 100.0, 0, 'f', 1)
                                .arg(m.averageReturnPct, 0, 'f', 3)
                                .arg(m.signals)
                                .arg(all.successRate * 100.0, 0, 'f', 1)
                                .arg(all.averageReturnPct, 0, 'f', 3)
                                .arg(all.signals));
    if (m.signals > 0 && m.signals < 30)
        report.notes.append(QStringLiteral("fewer than 30 model signals: their statistics are "
                                           "noisy"));
    report.notes.append(cal.beatsBaseRate()
                            ? QStringLiteral("the confidence beats the base rate out of sample "
                                             "(Brier %1 vs %2)")
                                  .arg(cal.brier, 0, 'f', 4)
                                  .arg(cal.baseRateBrier, 0, 'f', 4)
                            : QStringLiteral("the confidence does NOT beat the base rate out of "
                                             "sample (Brier %1 vs %2)")
                                  .arg(cal.brier, 0, 'f', 4)
                                  .arg(cal.baseRateBrier, 0, 'f', 4));
    return report;
}

} // namespace cp::engine
