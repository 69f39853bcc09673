#pragma once

#include "analysistypes.h"
#include "assethistory.h"
#include "dailymarket.h"
#include "marketseries.h"
#include "regimemodel.h"
#include "result.h"
#include "sentimentindex.h"

#include <QString>

#include <array>
#include <optional>
#include <vector>

namespace cp::engine {

/**
 * Settings of layer 1. Defaults are the documented model; nothing here depends on the clock.
 *
 * Regime: the RegimeModel's forward (filtered) posterior at the latest day, summed over the
 * states carrying each label; the regime is the most probable label. Filtered, not smoothed: the
 * latest day's answer uses no data after it, exactly as it would have been given on that day.
 * The probabilities (and the confidence, the label's probability) are the calibrated ones
 * (RegimeCalibration): the raw posterior is nearly always above 0.95 sure while its labels
 * match the simulator's regimes on about 40% of days; calibrated on the model's own history it
 * states about 0.50 (docs/models.md, tst_regimecalibration). A stored model without a
 * calibration is calibrated on the market being analysed.
 * MacroAnalysis::regimeHistory is the Viterbi path (smooth periods for charts, uses the whole
 * history); MacroReport::filteredRegimeHistory is the causal day-by-day reading.
 *
 * Risk level: the current `riskVolatilityWindow`-day realised volatility of the market index,
 * as a percentile of its values on every day up to today (mid-rank, so ties count half): low below
 * the 40th percentile, medium below the 75th, high below the 95th, extreme from there; a
 * volatility of exactly 0 is low.
 * Trend strength: 1 - the two-sided p-value of "no drift" for the mean daily log return over
 * `trendWindow` days, erf(|t| / sqrt 2) with t = mean / (sd / sqrt n). 0.95 = a trend
 * significant at 5%; without any drift the value is uniform on [0, 1]. The direction and t are
 * in macro_indicators.
 * Recommended exposure: the expected base exposure under the regime probabilities,
 * sum_r P(r) x base(r) (bull 0.8, neutral 0.5, volatile 0.3, bear 0.15), so an uncertain model
 * is pulled toward the middle, times the risk multiplier (low 1.0, medium 0.9, high 0.7,
 * extreme 0.5).
 */
struct MacroOptions
{
    RegimeModelOptions regime;
    SentimentOptions sentiment;
    //! A stored model (RegimeModel::fromJson of ai_models.configuration) to decode with instead
    //! of retraining; ignored, and a new model trained, if its feature windows differ.
    std::optional<RegimeModel> model;
    int riskVolatilityWindow = 30;
    int trendWindow = 30;
    //! Indexed by Regime (Bull, Bear, Neutral, Volatile).
    std::array<double, 4> regimeExposure = {0.8, 0.15, 0.5, 0.3};
    //! Indexed by RiskLevel (Low, Medium, High, Extreme).
    std::array<double, 4> riskMultiplier = {1.0, 0.9, 0.7, 0.5};
    //! Percentile bounds of the low, medium and high risk bands.
    std::array<double, 3> riskPercentiles = {40.0, 75.0, 95.0};
    QString modelVersion = QStringLiteral("1.0");
};

/** Layer 1's output: the rows for the tables plus what charts and the model registry need. */
struct MacroReport
{
    MacroAnalysis analysis;
    //! ai_models row "macro_regime_hmm" (type macro); meaningful when modelTrained.
    ModelRecord model;
    //! True when this run fitted the HMM (false when a stored model was used or none could be).
    bool modelTrained = false;
    //! The model the regime came from, to store or to pass back in MacroOptions::model.
    std::optional<RegimeModel> regimeModel;
    //! Empty when the regime came from the model; otherwise why it is the neutral default.
    QString status;

    // Per day of the DailyMarket (same length), for charts.
    MarketSeries series;
    //! Regime per day from the forward filter (no look-ahead); Neutral before firstRegimeDay.
    std::vector<Regime> filteredRegimeHistory;
    //! Days x 4, indexed by Regime: the calibrated filtered probabilities behind
    //! filteredRegimeHistory (uniform 0.25 before firstRegimeDay).
    std::vector<double> regimeProbabilityHistory;
    std::vector<double> fearGreedHistory;
    //! First day with a regime estimate (-1 when none).
    int firstRegimeDay = -1;
};

/**
 * Runs layer 1 on a market: dominance, sentiment, and the regime from the HMM (trained on the
 * market's own history unless options.model is given). `assets` must be the vector `market` was
 * built from. Deterministic; pure function of its arguments (safe on any thread). "Now" is the
 * latest bar's time. With too little history, no data or invalid input it still returns a
 * complete result: neutral regime, uniform regime probabilities (confidence 0.25), medium risk
 * and a driver sentence saying why.
 */
MacroReport analyzeMacro(const DailyMarket &market, const std::vector<AssetHistory> &assets,
                         const MacroOptions &options = {});

/** Retrains the regime model alone (the "retrain" action of the model registry). */
Result<RegimeModel> trainRegimeModel(const DailyMarket &market,
                                     const std::vector<AssetHistory> &assets,
                                     const RegimeModelOptions &options = {});

/**
 * Regime per day of the market with no look-ahead at all, for backtests. analyzeMacro's
 * filteredRegimeHistory filters causally, but with a model (and feature scaling) fitted on the
 * whole history, so early days benefit from parameters learned later. Here the model is refitted
 * every `refitDays` days on the history up to that day (an expanding window) and filtered
 * forward to the next refit; truncating the market after day d changes no value up to d. Days
 * before the first possible fit are Neutral. Cost: one fit per refit (about 20 ms at 700 days).
 */
std::vector<Regime> walkForwardRegimeHistory(const DailyMarket &market,
                                             const std::vector<AssetHistory> &assets,
                                             const RegimeModelOptions &options = {},
                                             int refitDays = 30);

/** The ai_models row of a regime model trained at `trainedAt` (seconds, latest bar's time). */
ModelRecord regimeModelRecord(const RegimeModel &model, qint64 trainedAt,
                              const QString &version = QStringLiteral("1.0"));

//! Latest bar time over all assets (the engine's "now"); 0 when there are no bars.
qint64 latestBarTime(const std::vector<AssetHistory> &assets);

} // namespace cp::engine
