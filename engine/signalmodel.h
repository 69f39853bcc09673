#pragma once

#include "analysistypes.h"
#include "timingtypes.h"
#include "walkforward.h"

#include <span>
#include <vector>

namespace cp::engine {

/**
 * The timing signal model: P(target before stop) for a rule candidate, by L2 logistic regression
 * on the candidate features of all assets pooled, evaluated walk-forward (each fold predicted by
 * a model that saw only labels known before the fold began) and Platt-calibrated on earlier
 * folds. `latest` is the model fitted on every label known at the latest bar, with a Platt step
 * fitted on all out-of-sample predictions; it scores the current candidates.
 */
struct SignalModel
{
    static constexpr const char *name = "timing_signal_logit";
    static constexpr const char *version = "1.0";

    TimingConfig config;
    qint64 trainedAt = 0;      //!< the latest bar time over all assets: "now"
    WalkForwardData data;      //!< one row per candidate, assets in input order
    std::vector<int> firstRow; //!< per input asset: its first candidate's row
    WalkForwardResult walkForward;
    FittedClassifier latest;
    //! Out-of-sample success of candidates with calibrated confidence >= config.confidenceMin.
    int thresholdSignals = 0;
    double thresholdHitRate = 0.0;

    bool isFitted() const { return latest.isFitted(); }
    int row(int asset, int candidate) const { return firstRow[std::size_t(asset)] + candidate; }
    //! Calibrated and raw probability for a candidate's features (NaN if not fitted).
    double confidence(const TimingCandidate &candidate) const;
    double rawProbability(const TimingCandidate &candidate) const;
    //! The out-of-sample calibration bin a probability falls in (for "stated vs observed").
    const CalibrationBin *calibrationBin(double probability) const;

    /** The ai_models row: coefficients and feature scaling, walk-forward Brier, calibration. */
    ModelRecord record() const;
};

/** Pools the candidates of all assets, runs the walk-forward and fits the latest model. */
SignalModel trainSignalModel(std::span<const AssetCandidates> assets, const TimingConfig &config);

} // namespace cp::engine
