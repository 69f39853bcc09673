#pragma once

#include <QJsonObject>
#include <QStringList>

#include <span>
#include <vector>

namespace cp::engine {

/**
 * Binary logistic regression with an L2 penalty, fitted by Newton's method (iteratively
 * reweighted least squares) on standardised features. Deterministic: no random start, the same
 * data gives the same coefficients bit for bit.
 *
 * Features are standardised with the training rows' mean and population standard deviation (a
 * constant feature gets sd 1, so it contributes nothing); the penalty (l2 / 2) * |beta|^2 acts on
 * the standardised coefficients and never on the intercept. A fitted model is immutable and
 * predict() is thread-safe.
 */
class LogisticModel
{
public:
    struct FitOptions
    {
        double l2 = 1.0;
        int maxIterations = 50;
        //! Converged when no coefficient moves by more than this in one Newton step.
        double tolerance = 1e-9;
    };

    /**
     * Fits P(y = 1 | x). `x` is row-major with `featureCount` columns, `y` holds 0 or 1 per row;
     * `rows` selects the training rows (all rows when empty). `start`, if fitted with the same
     * feature count, seeds Newton's method (a warm start; the optimum is the same). Returns
     * false, leaving the model unfitted, without at least one row of each class.
     */
    bool fit(std::span<const double> x, std::span<const double> y, int featureCount,
             const FitOptions &options, std::span<const int> rows = {},
             const LogisticModel *start = nullptr);

    bool isFitted() const { return m_fitted; }
    int featureCount() const { return int(m_means.size()); }
    //! Probability of class 1 for one row of featureCount() raw (unstandardised) values.
    double predict(std::span<const double> row) const;
    //! The linear predictor (log-odds) for one row.
    double logit(std::span<const double> row) const;
    //! Per-feature contribution to the log-odds of one row: beta_j * z_j (standardised).
    std::vector<double> contributions(std::span<const double> row) const;

    const std::vector<double> &means() const { return m_means; }
    const std::vector<double> &stdDevs() const { return m_stds; }
    //! Coefficients of the standardised features.
    const std::vector<double> &coefficients() const { return m_beta; }
    double intercept() const { return m_intercept; }
    //! Coefficients and intercept on the raw feature scale (same predictions).
    std::vector<double> rawCoefficients() const;
    double rawIntercept() const;
    int iterations() const { return m_iterations; }
    bool converged() const { return m_converged; }
    int trainingRows() const { return m_rows; }

    /** {"intercept", "coefficients": {name: beta}, "feature_means", "feature_stds", ...}. */
    QJsonObject toJson(const QStringList &featureNames) const;

private:
    std::vector<double> m_means;
    std::vector<double> m_stds;
    std::vector<double> m_beta;
    double m_intercept = 0.0;
    double m_l2 = 0.0;
    int m_iterations = 0;
    int m_rows = 0;
    bool m_converged = false;
    bool m_fitted = false;
};

//! 1 / (1 + exp(-z)) without overflow.
double sigmoid(double z);

} // namespace cp::engine
