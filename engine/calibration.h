#pragma once

#include <QJsonObject>

#include <span>
#include <vector>

namespace cp::engine {

/** One bin of a reliability table: predictions in [lower, upper) and what happened to them. */
struct CalibrationBin
{
    double lower = 0.0;
    double upper = 0.0;
    int count = 0;
    double meanPredicted = 0.0; //!< 0 when the bin is empty
    double observedRate = 0.0;  //!< share of outcomes = 1; 0 when the bin is empty
};

/**
 * How well stated probabilities match observed frequencies: a reliability table, the Brier
 * score and the Brier score of always predicting the observed base rate (a model that does not
 * beat that baseline adds nothing to knowing the base rate).
 */
struct CalibrationReport
{
    std::vector<CalibrationBin> bins;
    int count = 0;
    double brier = 0.0;
    double baseRate = 0.0;
    //! baseRate * (1 - baseRate): the Brier score of predicting the base rate every time.
    double baseRateBrier = 0.0;
    //! 1 - brier / baseRateBrier: > 0 means better than the base rate (0 when undefined).
    double brierSkill = 0.0;
    double logLoss = 0.0;
    //! Count-weighted mean |meanPredicted - observedRate| over the bins.
    double expectedCalibrationError = 0.0;

    bool beatsBaseRate() const { return count > 0 && brier < baseRateBrier; }
    QJsonObject toJson() const;
};

/** Mean of (p - y)^2; 0 for empty input. */
double brierScore(std::span<const double> predicted, std::span<const double> outcome);

/**
 * Builds the reliability table with `binCount` equal-width bins on [0, 1] (1.0 falls into the
 * last bin) and the scores. Pairs with a non-finite prediction are ignored.
 */
CalibrationReport calibrationReport(std::span<const double> predicted,
                                    std::span<const double> outcome, int binCount = 10);

/**
 * Platt scaling: p' = sigmoid(a * logit(p) + b), fitted by logistic regression of the outcomes
 * on the logits of earlier, out-of-sample predictions. The identity (a = 1, b = 0) until fitted.
 */
class PlattScaling
{
public:
    //! Fits a and b; keeps the identity and returns false without both outcomes present.
    bool fit(std::span<const double> predicted, std::span<const double> outcome);
    double apply(double probability) const;
    bool isIdentity() const { return !m_fitted; }
    double slope() const { return m_a; }
    double offset() const { return m_b; }
    int fittedOn() const { return m_count; }
    QJsonObject toJson() const;

private:
    double m_a = 1.0;
    double m_b = 0.0;
    int m_count = 0;
    bool m_fitted = false;
};

} // namespace cp::engine
