#include "gaussianhmm.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace cp::engine {

namespace {

// Transitions and start probabilities never reach exactly 0: one impossible step would make
// the forward pass divide by zero on an outlier. The floor's effect on the likelihood is far
// below any tolerance.
constexpr double kProbabilityFloor = 1e-12;

double logTwoPi()
{
    return std::log(2.0 * std::numbers::pi);
}

void normaliseRow(double *row, int n)
{
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        row[i] = std::max(row[i], kProbabilityFloor);
        sum += row[i];
    }
    for (int i = 0; i < n; ++i)
        row[i] /= sum;
}

//! In-place lower Cholesky factor of an n x n matrix; false if not positive definite.
bool cholesky(double *a, int n)
{
    for (int j = 0; j < n; ++j) {
        double diag = a[j * n + j];
        for (int k = 0; k < j; ++k)
            diag -= a[j * n + k] * a[j * n + k];
        if (!(diag > 0.0) || !std::isfinite(diag))
            return false;
        diag = std::sqrt(diag);
        a[j * n + j] = diag;
        for (int i = j + 1; i < n; ++i) {
            double v = a[i * n + j];
            for (int k = 0; k < j; ++k)
                v -= a[i * n + k] * a[j * n + k];
            a[i * n + j] = v / diag;
        }
        for (int k = j + 1; k < n; ++k)
            a[j * n + k] = 0.0;
    }
    return true;
}

//! Floors the diagonal and, if the matrix is still not positive definite, adds a ridge.
void regularise(double *cov, int n, double floor, bool diagonal)
{
    for (int r = 0; r < n; ++r) {
        for (int c = 0; c < n; ++c) {
            if (r != c && diagonal)
                cov[r * n + c] = 0.0;
        }
        cov[r * n + r] = std::max(cov[r * n + r], floor);
    }
    std::vector<double> probe(cov, cov + n * n);
    for (int attempt = 0; attempt < 8 && !cholesky(probe.data(), n); ++attempt) {
        for (int r = 0; r < n; ++r)
            cov[r * n + r] += floor * double(1 << attempt);
        std::copy(cov, cov + n * n, probe.begin());
    }
}

} // namespace

GaussianHmm::GaussianHmm(int states, int dimension)
    : m_states(std::max(0, states))
    , m_dim(std::max(0, dimension))
{
}

bool GaussianHmm::setParameters(std::vector<double> initial, std::vector<double> transition,
                                std::vector<double> means, std::vector<double> covariances)
{
    const auto k = std::size_t(m_states);
    const auto d = std::size_t(m_dim);
    m_valid = false;
    if (k == 0 || d == 0 || initial.size() != k || transition.size() != k * k ||
        means.size() != k * d || covariances.size() != k * d * d)
        return false;
    const auto finite = [](const std::vector<double> &v) {
        return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
    };
    if (!finite(initial) || !finite(transition) || !finite(means) || !finite(covariances))
        return false;
    m_initial = std::move(initial);
    m_transition = std::move(transition);
    m_means = std::move(means);
    m_cov = std::move(covariances);
    normaliseRow(m_initial.data(), m_states);
    for (int r = 0; r < m_states; ++r)
        normaliseRow(m_transition.data() + index2(r, 0), m_states);
    m_valid = factorise();
    return m_valid;
}

bool GaussianHmm::factorise()
{
    m_chol = m_cov;
    m_logDet.assign(std::size_t(m_states), 0.0);
    for (int k = 0; k < m_states; ++k) {
        double *l = m_chol.data() + std::size_t(k * m_dim * m_dim);
        if (!cholesky(l, m_dim))
            return false;
        double logDet = 0.0;
        for (int d = 0; d < m_dim; ++d)
            logDet += 2.0 * std::log(l[d * m_dim + d]);
        m_logDet[std::size_t(k)] = logDet;
    }
    return true;
}

double GaussianHmm::logDensity(int state, const double *x) const
{
    const double *l = m_chol.data() + std::size_t(state * m_dim * m_dim);
    const double *mu = m_means.data() + std::size_t(state * m_dim);
    double z[8];
    std::vector<double> heap;
    double *w = z;
    if (m_dim > 8) {
        heap.resize(std::size_t(m_dim));
        w = heap.data();
    }
    double quadratic = 0.0;
    for (int r = 0; r < m_dim; ++r) {
        double v = x[r] - mu[r];
        for (int c = 0; c < r; ++c)
            v -= l[r * m_dim + c] * w[c];
        w[r] = v / l[r * m_dim + r];
        quadratic += w[r] * w[r];
    }
    return -0.5 * (m_dim * logTwoPi() + m_logDet[std::size_t(state)] + quadratic);
}

bool GaussianHmm::emissions(std::span<const double> observations, std::vector<double> &emission,
                            std::vector<double> &rowMax) const
{
    const std::size_t length = observations.size() / std::size_t(m_dim);
    emission.resize(length * std::size_t(m_states));
    rowMax.resize(length);
    for (std::size_t t = 0; t < length; ++t) {
        double *row = emission.data() + t * std::size_t(m_states);
        double best = -std::numeric_limits<double>::infinity();
        for (int k = 0; k < m_states; ++k) {
            row[k] = logDensity(k, observations.data() + t * std::size_t(m_dim));
            best = std::max(best, row[k]);
        }
        if (!std::isfinite(best))
            return false;
        for (int k = 0; k < m_states; ++k)
            row[k] = std::exp(row[k] - best);
        rowMax[t] = best;
    }
    return true;
}

double GaussianHmm::forward(const std::vector<double> &emission, const std::vector<double> &rowMax,
                            std::size_t length, std::vector<double> &alpha,
                            std::vector<double> &scale) const
{
    const auto k = std::size_t(m_states);
    alpha.assign(length * k, 0.0);
    scale.assign(length, 0.0);
    double logLikelihood = 0.0;
    for (std::size_t t = 0; t < length; ++t) {
        double *a = alpha.data() + t * k;
        const double *e = emission.data() + t * k;
        if (t == 0) {
            for (std::size_t j = 0; j < k; ++j)
                a[j] = m_initial[j] * e[j];
        } else {
            const double *prev = a - k;
            for (std::size_t j = 0; j < k; ++j) {
                double sum = 0.0;
                for (std::size_t i = 0; i < k; ++i)
                    sum += prev[i] * m_transition[i * k + j];
                a[j] = sum * e[j];
            }
        }
        double c = 0.0;
        for (std::size_t j = 0; j < k; ++j)
            c += a[j];
        if (!(c > 0.0) || !std::isfinite(c))
            return std::numeric_limits<double>::quiet_NaN();
        for (std::size_t j = 0; j < k; ++j)
            a[j] /= c;
        scale[t] = c;
        logLikelihood += std::log(c) + rowMax[t];
    }
    return logLikelihood;
}

void GaussianHmm::backward(const std::vector<double> &emission, const std::vector<double> &scale,
                           std::size_t length, std::vector<double> &beta) const
{
    const auto k = std::size_t(m_states);
    beta.assign(length * k, 1.0);
    for (std::size_t t = length - 1; t-- > 0;) {
        const double *next = beta.data() + (t + 1) * k;
        const double *e = emission.data() + (t + 1) * k;
        double *b = beta.data() + t * k;
        for (std::size_t i = 0; i < k; ++i) {
            double sum = 0.0;
            for (std::size_t j = 0; j < k; ++j)
                sum += m_transition[i * k + j] * e[j] * next[j];
            b[i] = sum / scale[t + 1];
        }
    }
}

double GaussianHmm::logLikelihood(std::span<const double> observations) const
{
    return filter(observations).logLikelihood;
}

HmmFilterResult GaussianHmm::filter(std::span<const double> observations) const
{
    HmmFilterResult result;
    result.logLikelihood = std::numeric_limits<double>::quiet_NaN();
    if (!isValid() || observations.empty() || observations.size() % std::size_t(m_dim) != 0)
        return result;
    std::vector<double> emission;
    std::vector<double> rowMax;
    std::vector<double> scale;
    if (!emissions(observations, emission, rowMax))
        return result;
    const std::size_t length = observations.size() / std::size_t(m_dim);
    result.logLikelihood = forward(emission, rowMax, length, result.filtered, scale);
    if (!std::isfinite(result.logLikelihood))
        result.filtered.clear();
    return result;
}

std::vector<double> GaussianHmm::smooth(std::span<const double> observations) const
{
    if (!isValid() || observations.empty() || observations.size() % std::size_t(m_dim) != 0)
        return {};
    std::vector<double> emission, rowMax, alpha, scale, beta;
    if (!emissions(observations, emission, rowMax))
        return {};
    const std::size_t length = observations.size() / std::size_t(m_dim);
    if (!std::isfinite(forward(emission, rowMax, length, alpha, scale)))
        return {};
    backward(emission, scale, length, beta);
    const auto k = std::size_t(m_states);
    for (std::size_t t = 0; t < length; ++t) {
        double sum = 0.0;
        for (std::size_t j = 0; j < k; ++j)
            sum += (alpha[t * k + j] *= beta[t * k + j]);
        for (std::size_t j = 0; j < k; ++j)
            alpha[t * k + j] /= sum;
    }
    return alpha;
}

std::vector<int> GaussianHmm::viterbi(std::span<const double> observations) const
{
    if (!isValid() || observations.empty() || observations.size() % std::size_t(m_dim) != 0)
        return {};
    const std::size_t length = observations.size() / std::size_t(m_dim);
    const auto k = std::size_t(m_states);
    std::vector<double> logA(k * k);
    for (std::size_t i = 0; i < k * k; ++i)
        logA[i] = std::log(m_transition[i]);
    std::vector<double> delta(k), next(k);
    std::vector<int> back(length * k, 0);
    for (std::size_t j = 0; j < k; ++j)
        delta[j] = std::log(m_initial[j]) + logDensity(int(j), observations.data());
    for (std::size_t t = 1; t < length; ++t) {
        const double *x = observations.data() + t * std::size_t(m_dim);
        for (std::size_t j = 0; j < k; ++j) {
            std::size_t best = 0;
            double bestScore = -std::numeric_limits<double>::infinity();
            for (std::size_t i = 0; i < k; ++i) {
                const double score = delta[i] + logA[i * k + j];
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            next[j] = bestScore + logDensity(int(j), x);
            back[t * k + j] = int(best);
        }
        delta.swap(next);
    }
    std::vector<int> path(length);
    path[length - 1] = int(std::max_element(delta.begin(), delta.end()) - delta.begin());
    if (!std::isfinite(delta[std::size_t(path[length - 1])]))
        return {};
    for (std::size_t t = length - 1; t > 0; --t)
        path[t - 1] = back[t * k + std::size_t(path[t])];
    return path;
}

HmmFitTrace GaussianHmm::fit(std::span<const double> observations, const HmmFitOptions &options)
{
    HmmFitTrace trace;
    if (!isValid() || observations.size() < std::size_t(2 * m_dim) ||
        observations.size() % std::size_t(m_dim) != 0)
        return trace;
    const std::size_t length = observations.size() / std::size_t(m_dim);
    const auto k = std::size_t(m_states);
    const auto dim = std::size_t(m_dim);
    std::vector<double> emission, rowMax, alpha, scale, beta, gamma(length * k);
    double previous = -std::numeric_limits<double>::infinity();
    for (int iteration = 0; iteration <= options.maxIterations; ++iteration) {
        if (!emissions(observations, emission, rowMax))
            break;
        const double logLikelihood = forward(emission, rowMax, length, alpha, scale);
        if (!std::isfinite(logLikelihood))
            break;
        double objective = logLikelihood;
        for (std::size_t i = 0; i < k && options.stickiness > 0.0; ++i)
            objective += options.stickiness * std::log(m_transition[i * k + i]);
        trace.logLikelihoods.push_back(logLikelihood);
        trace.objectives.push_back(objective);
        if (iteration > 0 && objective - previous < options.tolerance * double(length)) {
            trace.converged = true;
            break;
        }
        if (iteration == options.maxIterations)
            break;
        previous = objective;

        // E-step: state posteriors and expected transition counts.
        backward(emission, scale, length, beta);
        std::vector<double> transitions(k * k, 0.0);
        for (std::size_t t = 0; t < length; ++t) {
            double sum = 0.0;
            for (std::size_t j = 0; j < k; ++j)
                sum += (gamma[t * k + j] = alpha[t * k + j] * beta[t * k + j]);
            for (std::size_t j = 0; j < k; ++j)
                gamma[t * k + j] /= sum;
            if (t + 1 == length)
                continue;
            const double *e = emission.data() + (t + 1) * k;
            const double *b = beta.data() + (t + 1) * k;
            for (std::size_t i = 0; i < k; ++i) {
                const double a = alpha[t * k + i] / scale[t + 1];
                for (std::size_t j = 0; j < k; ++j)
                    transitions[i * k + j] += a * m_transition[i * k + j] * e[j] * b[j];
            }
        }

        // M-step. A state nobody visits keeps its old emission and transition parameters.
        std::vector<double> initial(gamma.begin(), gamma.begin() + std::ptrdiff_t(k));
        std::vector<double> transition = m_transition;
        std::vector<double> means = m_means;
        std::vector<double> cov = m_cov;
        for (std::size_t i = 0; i < k; ++i) {
            transitions[i * k + i] += std::max(0.0, options.stickiness);
            double rowSum = 0.0;
            for (std::size_t j = 0; j < k; ++j)
                rowSum += transitions[i * k + j];
            if (rowSum > 1e-10) {
                for (std::size_t j = 0; j < k; ++j)
                    transition[i * k + j] = transitions[i * k + j] / rowSum;
            }
        }
        for (std::size_t j = 0; j < k; ++j) {
            double weight = 0.0;
            std::vector<double> mu(dim, 0.0);
            for (std::size_t t = 0; t < length; ++t) {
                const double g = gamma[t * k + j];
                weight += g;
                for (std::size_t d = 0; d < dim; ++d)
                    mu[d] += g * observations[t * dim + d];
            }
            if (weight < 1e-8)
                continue;
            for (std::size_t d = 0; d < dim; ++d)
                mu[d] /= weight;
            double *c = cov.data() + j * dim * dim;
            std::fill(c, c + dim * dim, 0.0);
            for (std::size_t t = 0; t < length; ++t) {
                const double g = gamma[t * k + j];
                const double *x = observations.data() + t * dim;
                for (std::size_t r = 0; r < dim; ++r) {
                    for (std::size_t s = r; s < dim; ++s)
                        c[r * dim + s] += g * (x[r] - mu[r]) * (x[s] - mu[s]);
                }
            }
            for (std::size_t r = 0; r < dim; ++r) {
                for (std::size_t s = r; s < dim; ++s)
                    c[s * dim + r] = (c[r * dim + s] /= weight);
            }
            regularise(c, m_dim, options.varianceFloor, options.diagonal);
            std::copy(mu.begin(), mu.end(), means.begin() + std::ptrdiff_t(j * dim));
        }
        GaussianHmm updated(m_states, m_dim);
        if (!updated.setParameters(std::move(initial), std::move(transition), std::move(means),
                                   std::move(cov)))
            break;
        *this = std::move(updated);
    }
    return trace;
}

QJsonObject GaussianHmm::toJson() const
{
    QJsonArray initial, transition, means, covariances;
    for (int i = 0; i < m_states; ++i) {
        initial.append(m_initial[std::size_t(i)]);
        QJsonArray row, mu, cov;
        for (int j = 0; j < m_states; ++j)
            row.append(m_transition[index2(i, j)]);
        for (int d = 0; d < m_dim; ++d) {
            mu.append(mean(i, d));
            QJsonArray covRow;
            for (int e = 0; e < m_dim; ++e)
                covRow.append(covariance(i, d, e));
            cov.append(covRow);
        }
        transition.append(row);
        means.append(mu);
        covariances.append(cov);
    }
    return QJsonObject{
        {QStringLiteral("states"), m_states}, {QStringLiteral("dimension"), m_dim},
        {QStringLiteral("initial"), initial}, {QStringLiteral("transition"), transition},
        {QStringLiteral("means"), means},     {QStringLiteral("covariances"), covariances}};
}

std::optional<GaussianHmm> GaussianHmm::fromJson(const QJsonObject &json)
{
    const int states = json.value(QStringLiteral("states")).toInt();
    const int dim = json.value(QStringLiteral("dimension")).toInt();
    if (states <= 0 || dim <= 0 || states > 64 || dim > 64)
        return std::nullopt;
    std::vector<double> initial, transition, means, cov;
    const QJsonArray initialJson = json.value(QStringLiteral("initial")).toArray();
    const QJsonArray transitionJson = json.value(QStringLiteral("transition")).toArray();
    const QJsonArray meansJson = json.value(QStringLiteral("means")).toArray();
    const QJsonArray covJson = json.value(QStringLiteral("covariances")).toArray();
    if (initialJson.size() != states || transitionJson.size() != states ||
        meansJson.size() != states || covJson.size() != states)
        return std::nullopt;
    for (int i = 0; i < states; ++i) {
        initial.push_back(initialJson.at(i).toDouble(std::nan("")));
        const QJsonArray row = transitionJson.at(i).toArray();
        const QJsonArray mu = meansJson.at(i).toArray();
        const QJsonArray c = covJson.at(i).toArray();
        if (row.size() != states || mu.size() != dim || c.size() != dim)
            return std::nullopt;
        for (int j = 0; j < states; ++j)
            transition.push_back(row.at(j).toDouble(std::nan("")));
        for (int d = 0; d < dim; ++d) {
            means.push_back(mu.at(d).toDouble(std::nan("")));
            const QJsonArray covRow = c.at(d).toArray();
            if (covRow.size() != dim)
                return std::nullopt;
            for (int e = 0; e < dim; ++e)
                cov.push_back(covRow.at(e).toDouble(std::nan("")));
        }
    }
    GaussianHmm model(states, dim);
    if (!model.setParameters(std::move(initial), std::move(transition), std::move(means),
                             std::move(cov)))
        return std::nullopt;
    return model;
}

} // namespace cp::engine
