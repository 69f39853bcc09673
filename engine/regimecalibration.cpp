#include "regimecalibration.h"

#include <algorithm>
#include <cmath>

namespace cp::engine {

namespace {

constexpr int kRegimes = 4;
constexpr double kUniform = 1.0 / kRegimes;

//! Derivative of the outcomes' log-likelihood at `weight`; decreasing in the weight.
double slope(std::span<const double> probabilities, std::span<const Regime> outcomes, double weight)
{
    double d = 0.0;
    for (std::size_t t = 0; t < outcomes.size(); ++t) {
        const double p = probabilities[t * kRegimes + std::size_t(outcomes[t])];
        // The denominator is at least (1 - weight) / 4; at weight 1 it is p, floored so that a
        // label the model excluded outright pulls hard but finitely.
        d += (p - kUniform) / std::max(weight * (p - kUniform) + kUniform, 1e-300);
    }
    return d;
}

} // namespace

std::vector<double> calibratedRegimeProbabilities(std::span<const double> probabilities,
                                                  double weight)
{
    const double w = std::clamp(weight, 0.0, 1.0);
    std::vector<double> out(probabilities.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = w * probabilities[i] + (1.0 - w) * kUniform;
    return out;
}

RegimeCalibration fitRegimeCalibration(std::span<const double> probabilities,
                                       std::span<const Regime> outcomes, int horizonDays)
{
    RegimeCalibration c;
    c.horizonDays = horizonDays;
    const std::size_t rows = std::min(outcomes.size(), probabilities.size() / kRegimes);
    outcomes = outcomes.first(rows);
    if (int(rows) < kMinCalibrationPairs) {
        c.weight = 0.0;
        return c;
    }
    if (slope(probabilities, outcomes, 1.0) >= 0.0) {
        c.weight = 1.0;
    } else if (slope(probabilities, outcomes, 0.0) <= 0.0) {
        c.weight = 0.0;
    } else {
        double lo = 0.0, hi = 1.0;
        while (hi - lo > 1e-12) {
            const double mid = 0.5 * (lo + hi);
            (slope(probabilities, outcomes, mid) > 0.0 ? lo : hi) = mid;
        }
        c.weight = 0.5 * (lo + hi);
    }
    c.pairs = int(rows);
    for (std::size_t t = 0; t < rows; ++t) {
        const double *p = probabilities.data() + t * kRegimes;
        const int label = int(std::max_element(p, p + kRegimes) - p);
        const int outcome = int(outcomes[t]);
        c.agreement += (label == outcome) / double(rows);
        c.meanRawConfidence += p[label] / double(rows);
        c.meanConfidence += (c.weight * p[label] + (1.0 - c.weight) * kUniform) / double(rows);
        for (int r = 0; r < kRegimes; ++r) {
            const double hit = r == outcome ? 1.0 : 0.0;
            const double calibrated = c.weight * p[r] + (1.0 - c.weight) * kUniform;
            c.rawBrier += (p[r] - hit) * (p[r] - hit) / double(rows);
            c.brier += (calibrated - hit) * (calibrated - hit) / double(rows);
        }
    }
    return c;
}

} // namespace cp::engine
