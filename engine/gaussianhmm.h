#pragma once

#include <QJsonObject>

#include <optional>
#include <span>
#include <vector>

namespace cp::engine {

/** How Baum-Welch runs: when it stops and how it keeps covariances usable. */
struct HmmFitOptions
{
    int maxIterations = 500;
    //! Stop when an iteration improves the log-likelihood by less than this per observation.
    double tolerance = 1e-7;
    //! Smallest variance of any dimension of any state, so no state collapses onto one point.
    double varianceFloor = 1e-3;
    //! Diagonal covariances (independent dimensions within a state) instead of full ones.
    bool diagonal = false;
    //! Pseudo-count added to every state's expected self-transitions: a Dirichlet prior that
    //! favours persistent states (a "sticky" HMM). 0 gives plain maximum likelihood.
    double stickiness = 0.0;
};

/** Output of the scaled forward pass: filtered posteriors and the data's log-likelihood. */
struct HmmFilterResult
{
    //! P(state k at t | observations 0..t), row-major T x K; uses no observation after t.
    std::vector<double> filtered;
    double logLikelihood = 0.0;
};

/** One Baum-Welch run: the log-likelihood before each re-estimation, and the objective EM
 *  maximises (log-likelihood plus the stickiness prior's log density; equal without prior). */
struct HmmFitTrace
{
    std::vector<double> logLikelihoods;
    std::vector<double> objectives;
    bool converged = false;
};

/**
 * A hidden Markov model with multivariate Gaussian emissions (full or diagonal covariance),
 * fitted by Baum-Welch with scaled forward-backward recursions. Observations are row-major
 * T x D arrays. Plain value type: copies are independent, const members are thread-safe.
 */
class GaussianHmm
{
public:
    GaussianHmm() = default;
    GaussianHmm(int states, int dimension);

    int stateCount() const { return m_states; }
    int dimension() const { return m_dim; }
    bool isValid() const { return m_states > 0 && m_dim > 0 && m_valid; }

    //! Start probabilities (K), transition matrix (K x K, rows sum to 1), means (K x D) and
    //! covariances (K x D x D). Setters recompute the emission densities' factorisation and
    //! leave the model invalid if a covariance is not positive definite.
    const std::vector<double> &initial() const { return m_initial; }
    const std::vector<double> &transition() const { return m_transition; }
    const std::vector<double> &means() const { return m_means; }
    const std::vector<double> &covariances() const { return m_cov; }
    double transition(int from, int to) const { return m_transition[index2(from, to)]; }
    double mean(int state, int d) const { return m_means[std::size_t(state * m_dim + d)]; }
    double covariance(int state, int r, int c) const
    {
        return m_cov[std::size_t((state * m_dim + r) * m_dim + c)];
    }
    bool setParameters(std::vector<double> initial, std::vector<double> transition,
                       std::vector<double> means, std::vector<double> covariances);

    //! Log density of observation x (D values) under state k's Gaussian.
    double logDensity(int state, const double *x) const;
    double logLikelihood(std::span<const double> observations) const;
    HmmFilterResult filter(std::span<const double> observations) const;
    //! P(state k at t | all observations), row-major T x K.
    std::vector<double> smooth(std::span<const double> observations) const;
    //! Most likely state sequence.
    std::vector<int> viterbi(std::span<const double> observations) const;

    //! Runs Baum-Welch from this model's parameters until convergence or the iteration cap.
    HmmFitTrace fit(std::span<const double> observations, const HmmFitOptions &options);

    QJsonObject toJson() const;
    static std::optional<GaussianHmm> fromJson(const QJsonObject &json);

private:
    std::size_t index2(int r, int c) const { return std::size_t(r * m_states + c); }
    bool factorise();
    //! Fills emission[t*K+k] = exp(logDensity - rowMax) and rowMax[t]; false on non-finite.
    bool emissions(std::span<const double> observations, std::vector<double> &emission,
                   std::vector<double> &rowMax) const;
    //! Scaled forward pass; alpha rows sum to 1, returns the log-likelihood (NaN on failure).
    double forward(const std::vector<double> &emission, const std::vector<double> &rowMax,
                   std::size_t length, std::vector<double> &alpha,
                   std::vector<double> &scale) const;
    void backward(const std::vector<double> &emission, const std::vector<double> &scale,
                  std::size_t length, std::vector<double> &beta) const;

    int m_states = 0;
    int m_dim = 0;
    bool m_valid = false;
    std::vector<double> m_initial;
    std::vector<double> m_transition;
    std::vector<double> m_means;
    std::vector<double> m_cov;
    //! Lower Cholesky factor of each covariance and its log-determinant, for the densities.
    std::vector<double> m_chol;
    std::vector<double> m_logDet;
};

} // namespace cp::engine
