#include "signalmodel.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cp::engine {

SignalModel trainSignalModel(std::span<const AssetCandidates> assets, const TimingConfig &config)
{
    SignalModel m;
    m.config = config;
    m.data.featureCount = kTimingFeatureCount;
    int total = 0;
    for (const AssetCandidates &a : assets) {
        total += int(a.candidates.size());
        if (!a.isSkipped())
            m.trainedAt = std::max(m.trainedAt, a.lastTime);
    }
    m.data.reserve(total);
    m.firstRow.reserve(assets.size());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (const AssetCandidates &a : assets) {
        m.firstRow.push_back(m.data.size());
        for (const TimingCandidate &k : a.candidates) {
            const bool known = k.isLabelled();
            m.data.add(k.features, k.time, known ? k.result.resolvedAt : 0,
                       known ? k.label() : nan);
        }
    }
    m.walkForward = walkForward(m.data, config.walkForward);
    m.latest = fitAsOf(m.data, config.walkForward, m.trainedAt, m.walkForward.raw);

    int hits = 0;
    for (int i = 0; i < m.data.size(); ++i) {
        const double p = m.walkForward.calibrated[std::size_t(i)];
        if (std::isnan(p) || !m.data.isLabelled(i) || p < config.confidenceMin)
            continue;
        ++m.thresholdSignals;
        hits += m.data.label[std::size_t(i)] > 0.5 ? 1 : 0;
    }
    m.thresholdHitRate = m.thresholdSignals ? double(hits) / m.thresholdSignals : 0.0;
    return m;
}

double SignalModel::confidence(const TimingCandidate &candidate) const
{
    return isFitted() ? latest.predict(candidate.features)
                      : std::numeric_limits<double>::quiet_NaN();
}

double SignalModel::rawProbability(const TimingCandidate &candidate) const
{
    return isFitted() ? latest.predictRaw(candidate.features)
                      : std::numeric_limits<double>::quiet_NaN();
}

const CalibrationBin *SignalModel::calibrationBin(double probability) const
{
    for (const CalibrationBin &bin : walkForward.calibratedReport.bins)
        if (probability >= bin.lower && (probability < bin.upper || bin.upper >= 1.0))
            return &bin;
    return nullptr;
}

ModelRecord SignalModel::record() const
{
    ModelRecord r;
    r.name = QString::fromLatin1(name);
    r.version = QString::fromLatin1(version);
    r.modelType = QStringLiteral("timing");
    r.lastTrained = trainedAt;
    const TimingConfig &c = config;
    const QStringList names = timingFeatureNames();
    QJsonObject rules{
        {QStringLiteral("trend"), QStringLiteral("EMA%1 vs EMA%2").arg(c.emaFast).arg(c.emaSlow)},
        {QStringLiteral("rsi_pullback"), c.rsiPullback},
        {QStringLiteral("rsi_recovery"), c.rsiRecovery},
        {QStringLiteral("pullback_bars"), c.pullbackBars},
        {QStringLiteral("macd"), QStringLiteral("histogram rising (12, 26, 9)")},
        {QStringLiteral("stop_atr"), c.stopAtr},
        {QStringLiteral("target_atr"), c.targetAtr},
        {QStringLiteral("risk_reward"), c.stopAtr > 0 ? c.targetAtr / c.stopAtr : 0.0},
        {QStringLiteral("horizon_hours_intraday"), c.horizonHoursIntraday},
        {QStringLiteral("horizon_hours_daily"), c.horizonHoursDaily},
        {QStringLiteral("label"),
         QStringLiteral("1 if the target is reached before the stop within the "
                        "horizon; a bar reaching both counts as a stop")}};
    QJsonObject training{{QStringLiteral("as_of"), latest.asOf},
                         {QStringLiteral("labels_known"), latest.knownRows},
                         {QStringLiteral("rows_used"), latest.trainRows},
                         {QStringLiteral("thinning_stride"), latest.stride},
                         {QStringLiteral("max_train_rows"), c.walkForward.maxTrainRows},
                         {QStringLiteral("candidates"), data.size()},
                         {QStringLiteral("base_rate"), latest.trainingBaseRate}};
    r.configuration = QJsonObject{{QStringLiteral("features"), QJsonArray::fromStringList(names)},
                                  {QStringLiteral("model"), latest.model.toJson(names)},
                                  {QStringLiteral("calibration"), latest.calibration.toJson()},
                                  {QStringLiteral("rules"), rules},
                                  {QStringLiteral("training"), training}};

    const CalibrationReport &cal = walkForward.calibratedReport;
    const CalibrationReport &raw = walkForward.rawReport;
    int predictedFolds = 0;
    for (const WalkForwardFold &f : walkForward.folds)
        predictedFolds += f.predicted ? 1 : 0;
    QString verdict;
    if (cal.count == 0)
        verdict = QStringLiteral("not enough resolved candidates for an out-of-sample test");
    else if (cal.beatsBaseRate())
        verdict = QStringLiteral("out of sample the model beats the base rate (Brier %1 vs %2)")
                      .arg(cal.brier, 0, 'f', 4)
                      .arg(cal.baseRateBrier, 0, 'f', 4);
    else
        verdict = QStringLiteral("out of sample the model does NOT beat the base rate (Brier %1 vs "
                                 "%2): its confidence adds nothing to the base rate")
                      .arg(cal.brier, 0, 'f', 4)
                      .arg(cal.baseRateBrier, 0, 'f', 4);
    r.performanceMetrics =
        QJsonObject{{QStringLiteral("walk_forward_brier"), cal.brier},
                    {QStringLiteral("walk_forward_brier_uncalibrated"), raw.brier},
                    {QStringLiteral("base_rate_brier"), cal.baseRateBrier},
                    {QStringLiteral("training_base_rate_brier"), walkForward.trainingBaseRateBrier},
                    {QStringLiteral("brier_skill"), cal.brierSkill},
                    {QStringLiteral("beats_base_rate"), cal.beatsBaseRate()},
                    {QStringLiteral("hit_rate"), cal.baseRate},
                    {QStringLiteral("out_of_sample_predictions"), cal.count},
                    {QStringLiteral("expected_calibration_error"), cal.expectedCalibrationError},
                    {QStringLiteral("calibration"), cal.toJson()},
                    {QStringLiteral("confidence_min"), c.confidenceMin},
                    {QStringLiteral("signals_above_confidence_min"), thresholdSignals},
                    {QStringLiteral("hit_rate_above_confidence_min"), thresholdHitRate},
                    {QStringLiteral("folds"), int(walkForward.folds.size())},
                    {QStringLiteral("folds_predicted"), predictedFolds},
                    {QStringLiteral("verdict"), verdict}};
    return r;
}

} // namespace cp::engine
