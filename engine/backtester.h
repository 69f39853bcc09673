#pragma once

#include "calibration.h"
#include "signalmodel.h"
#include "timingtypes.h"

#include <QJsonObject>
#include <QStringList>

#include <limits>
#include <map>
#include <span>

namespace cp::engine {

struct BacktestOptions
{
    double confidenceMin = 0.55;
    //! Candidates decided in [from, to] (bar times, Unix seconds).
    qint64 from = std::numeric_limits<qint64>::min();
    qint64 to = std::numeric_limits<qint64>::max();
    //! Regime of a candidate's own UTC day, for the by-regime slices; may be empty.
    RegimeByDay regimeByDay;
    int calibrationBins = 10;
};

/** Results of a set of trades. */
struct BacktestStats
{
    int signals = 0;
    int targetHits = 0;
    int stopHits = 0;
    int expired = 0;
    double successRate = 0.0;      //!< targetHits / signals
    double averageReturnPct = 0.0; //!< +reward% at target, -risk% at stop, else mark-to-market
    double totalReturnPct = 0.0;   //!< sum of the returns (no compounding, no sizing)
    double averageConfidence = 0.0;

    QJsonObject toJson() const;
};

/** One slice of the backtest: the model's signals, all rule candidates, and calibration. */
struct BacktestSlice
{
    BacktestStats modelSignals;  //!< candidates with out-of-sample confidence >= the minimum
    BacktestStats allCandidates; //!< every rule candidate (what the rules alone would do)
    CalibrationReport calibration;

    QJsonObject toJson() const;
};

/**
 * A replay of the timing model over history, out of sample only: every candidate is scored by
 * the walk-forward model of its fold (trained on labels known before the fold began), so no
 * statistic here has seen its own outcome. Candidates of the first fold (no earlier labels) and
 * still-open trades are left out of every figure.
 */
struct BacktestReport
{
    QString modelName;
    QString modelVersion;
    qint64 from = 0; //!< first and last decision time in the report
    qint64 to = 0;
    double confidenceMin = 0.0;
    int candidatesInRange = 0;
    int warmupCandidates = 0; //!< in range but without an out-of-sample prediction
    int openCandidates = 0;   //!< in range, outcome not known yet
    BacktestSlice overall;
    std::map<QString, BacktestSlice> byRiskLevel;
    std::map<QString, BacktestSlice> byRegime;
    std::map<QString, BacktestSlice> bySide;
    //! "timing_signal_logit": the model's signals; "rules_only": all candidates.
    std::map<QString, BacktestStats> byModel;
    QStringList notes;

    QJsonObject toJson() const;
};

/**
 * Builds the report from the walk-forward of `model`, which must have been trained on exactly
 * `assets` (same order), e.g. TimingAnalysis::candidates and TimingAnalysis::model.
 */
BacktestReport runBacktest(std::span<const AssetCandidates> assets, const SignalModel &model,
                           const BacktestOptions &options);

} // namespace cp::engine
