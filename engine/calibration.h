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
 *
 * The fit is the maximum a posteriori one under a normal prior on the slope, a ~ N(0, sd^2)
 * (no skill: the base rate for everyone), flat on the offset, with the slope at most 1:
 * calibration may flatten the model's probabilities toward the base rate but never sharpen
 * them. Without these, the walk-forward's Platt step (fitted on one fold's model, applied to the
 * next, retrained one) learned slopes of 3 and more on predictions that barely varied and turned
 * them into 0.6-0.9 for whole folds that hit 37% of the time (docs/models.md, timing signals).
 * A model whose predictions vary shows its slope with data and the prior hardly matters
 * (40,000 rows of spread-out logits: the slope moves by less than 0.001).
 */
class PlattScaling
{
public:
    static constexpr double kDefaultPriorSd = 1.0;

    //! Fits a and b; keeps the identity and returns false without both outcomes present.
    //! priorSd <= 0: no prior (the slope is still capped at 1).
    bool fit(std::span<const double> predicted, std::span<const double> outcome,
             double priorSd = kDefaultPriorSd);
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
