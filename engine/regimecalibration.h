#pragma once

#include "simulator.h"

#include <span>
#include <vector>

namespace cp::engine {

/**
 * How far the regime HMM's filtered label probabilities are to be trusted, measured on the
 * model's own history. The HMM's posterior is nearly always above 0.95 sure (overlapping feature
 * windows count each day's evidence about 30 times), while its label agrees with the simulator's
 * true regime on about 40% of days. The calibrated probabilities are a symmetric label-noise
 * model: with probability `weight` the regime is drawn from the HMM's posterior, otherwise it is
 * any of the four regimes equally, p' = weight x p + (1 - weight) / 4. The order of the four
 * probabilities, and so the label, never changes (for weight > 0).
 *
 * `weight` is the maximum-likelihood value on observable outcomes, so no ground truth is needed:
 * for every past day t whose next `horizonDays` are known, the outcome is the label of the state
 * that best explains the feature row at t + horizonDays (with the horizon equal to the trend
 * window, the next, non-overlapping window's trend and volatility). Measured on simulated
 * markets (docs/models.md): mean confidence 0.98 -> about 0.50 against a true-regime accuracy
 * of 0.41, Brier score 1.15 -> 0.76.
 */
struct RegimeCalibration
{
    //! 1 = the raw posterior (an uncalibrated model); 0 = uniform, the model knows nothing.
    double weight = 1.0;
    int horizonDays = 0;
    //! Days the weight was fitted on (0: not fitted).
    int pairs = 0;
    //! Share of those days whose filtered label matched the outcome.
    double agreement = 0.0;
    //! Mean probability the raw and the calibrated posteriors gave the label they chose.
    double meanRawConfidence = 0.0;
    double meanConfidence = 0.0;
    //! Mean four-label Brier score against the outcomes, raw and calibrated.
    double rawBrier = 0.0;
    double brier = 0.0;

    bool isFitted() const { return pairs > 0; }
};

//! Fewer outcome days than this leave the weight at 0 (uniform): too little to measure on.
constexpr int kMinCalibrationPairs = 30;

/**
 * Fits the weight by maximum likelihood of `outcomes` under the calibrated probabilities.
 * `probabilities` is row-major rows x 4 (indexed by Regime), `outcomes` has one regime per row
 * it scores (outcomes.size() <= rows). The log-likelihood is concave in the weight, so the
 * maximum is found by bisection on its derivative: deterministic and exact to 1e-12.
 */
RegimeCalibration fitRegimeCalibration(std::span<const double> probabilities,
                                       std::span<const Regime> outcomes, int horizonDays);

//! weight x p + (1 - weight) / 4 for every row of a rows x 4 array.
std::vector<double> calibratedRegimeProbabilities(std::span<const double> probabilities,
                                                  double weight);

} // namespace cp::engine
