#include "logisticmodel.h"

#include "linearsolve.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace cp::engine {

double sigmoid(double z)
{
    if (z >= 0.0)
        return 1.0 / (1.0 + std::exp(-z));
    const double e = std::exp(z);
    return e / (1.0 + e);
}

namespace {

// log(1 + exp(z)) without overflow.
double softplus(double z)
{
    return z > 0.0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z));
}

} // namespace

bool LogisticModel::fit(std::span<const double> x, std::span<const double> y, int featureCount,
                        const FitOptions &options, std::span<const int> rows,
                        const LogisticModel *start)
{
    m_fitted = false;
    const int p = featureCount;
    if (p < 0 || y.empty() || x.size() != y.size() * std::size_t(p))
        return false;
    std::vector<int> all;
    if (rows.empty()) {
        all.resize(y.size());
        for (std::size_t i = 0; i < y.size(); ++i)
            all[i] = int(i);
        rows = all;
    }
    const std::size_t n = rows.size();
    double positives = 0.0;
    for (int r : rows)
        positives += y[std::size_t(r)] > 0.5 ? 1.0 : 0.0;
    if (positives < 1.0 || positives > double(n) - 1.0)
        return false;

    // Standardisation statistics, two-pass for accuracy.
    const std::size_t up = std::size_t(p);
    std::vector<double> mean(up, 0.0), sd(up, 0.0);
    for (int r : rows)
        for (int j = 0; j < p; ++j)
            mean[std::size_t(j)] += x[std::size_t(r) * p + j];
    for (double &m : mean)
        m /= double(n);
    for (int r : rows)
        for (int j = 0; j < p; ++j) {
            const double d = x[std::size_t(r) * p + j] - mean[std::size_t(j)];
            sd[std::size_t(j)] += d * d;
        }
    for (double &s : sd) {
        s = std::sqrt(s / double(n));
        if (!(s > 1e-12 * 1e-12) || !std::isfinite(s))
            s = 1.0;
    }

    // Parameters: theta[0] = intercept, theta[1 + j] = beta_j.
    const int q = p + 1;
    std::vector<double> theta(std::size_t(p) + 1, 0.0);
    if (start && start->m_fitted && start->featureCount() == p) {
        theta[0] = start->m_intercept;
        for (int j = 0; j < p; ++j)
            theta[std::size_t(1 + j)] = start->m_beta[std::size_t(j)];
    } else {
        const double rate = positives / double(n);
        theta[0] = std::log(rate / (1.0 - rate));
    }

    const std::size_t uq = std::size_t(q);
    std::vector<double> z(uq), grad(uq), hess(uq * uq), step(uq), trial(uq);
    auto standardise = [&](int r) {
        z[0] = 1.0;
        const double *row = x.data() + std::size_t(r) * p;
        for (int j = 0; j < p; ++j)
            z[std::size_t(1 + j)] = (row[j] - mean[std::size_t(j)]) / sd[std::size_t(j)];
    };
    auto linear = [&](const std::vector<double> &t) {
        double eta = 0.0;
        for (int j = 0; j < q; ++j)
            eta += t[std::size_t(j)] * z[std::size_t(j)];
        return eta;
    };
    // Penalised negative log-likelihood.
    auto objective = [&](const std::vector<double> &t) {
        double loss = 0.0;
        for (int r : rows) {
            standardise(r);
            const double eta = linear(t);
            loss += softplus(eta) - y[std::size_t(r)] * eta;
        }
        for (int j = 1; j < q; ++j)
            loss += 0.5 * options.l2 * t[std::size_t(j)] * t[std::size_t(j)];
        return loss;
    };

    double current = objective(theta);
    m_converged = false;
    m_iterations = 0;
    for (int iter = 0; iter < options.maxIterations; ++iter) {
        std::fill(grad.begin(), grad.end(), 0.0);
        std::fill(hess.begin(), hess.end(), 0.0);
        for (int r : rows) {
            standardise(r);
            const double prob = sigmoid(linear(theta));
            const double w = std::max(prob * (1.0 - prob), 1e-12);
            const double resid = y[std::size_t(r)] - prob;
            for (int a = 0; a < q; ++a) {
                const double wa = w * z[std::size_t(a)];
                grad[std::size_t(a)] += resid * z[std::size_t(a)];
                double *h = hess.data() + std::size_t(a) * q;
                for (int b = a; b < q; ++b)
                    h[b] += wa * z[std::size_t(b)];
            }
        }
        for (int a = 0; a < q; ++a)
            for (int b = 0; b < a; ++b)
                hess[std::size_t(a) * q + b] = hess[std::size_t(b) * q + a];
        for (int j = 1; j < q; ++j) {
            grad[std::size_t(j)] -= options.l2 * theta[std::size_t(j)];
            hess[std::size_t(j) * q + j] += options.l2;
        }
        step = grad;
        if (!solveSymmetricPositiveDefinite(hess, step, q))
            break;
        // Step halving keeps every iteration a descent step, even far from the optimum.
        double scale = 1.0;
        double next = current;
        for (int halvings = 0; halvings < 30; ++halvings) {
            for (int j = 0; j < q; ++j)
                trial[std::size_t(j)] = theta[std::size_t(j)] + scale * step[std::size_t(j)];
            next = objective(trial);
            if (next <= current + 1e-12 * std::abs(current))
                break;
            scale *= 0.5;
        }
        double largest = 0.0;
        for (int j = 0; j < q; ++j)
            largest = std::max(largest, std::abs(scale * step[std::size_t(j)]));
        theta = trial;
        current = next;
        m_iterations = iter + 1;
        if (largest < options.tolerance) {
            m_converged = true;
            break;
        }
    }
    for (double t : theta)
        if (!std::isfinite(t))
            return false;

    m_means = std::move(mean);
    m_stds = std::move(sd);
    m_intercept = theta[0];
    m_beta.assign(theta.begin() + 1, theta.end());
    m_l2 = options.l2;
    m_rows = int(n);
    m_fitted = true;
    return true;
}

double LogisticModel::logit(std::span<const double> row) const
{
    double eta = m_intercept;
    for (std::size_t j = 0; j < m_beta.size() && j < row.size(); ++j)
        eta += m_beta[j] * (row[j] - m_means[j]) / m_stds[j];
    return eta;
}

double LogisticModel::predict(std::span<const double> row) const
{
    return sigmoid(logit(row));
}

std::vector<double> LogisticModel::contributions(std::span<const double> row) const
{
    std::vector<double> out(m_beta.size(), 0.0);
    for (std::size_t j = 0; j < m_beta.size() && j < row.size(); ++j)
        out[j] = m_beta[j] * (row[j] - m_means[j]) / m_stds[j];
    return out;
}

std::vector<double> LogisticModel::rawCoefficients() const
{
    std::vector<double> out(m_beta.size());
    for (std::size_t j = 0; j < m_beta.size(); ++j)
        out[j] = m_beta[j] / m_stds[j];
    return out;
}

double LogisticModel::rawIntercept() const
{
    double b0 = m_intercept;
    for (std::size_t j = 0; j < m_beta.size(); ++j)
        b0 -= m_beta[j] * m_means[j] / m_stds[j];
    return b0;
}

QJsonObject LogisticModel::toJson(const QStringList &featureNames) const
{
    QJsonObject coefficients, means, stds;
    for (std::size_t j = 0; j < m_beta.size(); ++j) {
        const QString name = qsizetype(j) < featureNames.size() ? featureNames[qsizetype(j)]
                                                                : QStringLiteral("x%1").arg(j);
        coefficients.insert(name, m_beta[j]);
        means.insert(name, m_means[j]);
        stds.insert(name, m_stds[j]);
    }
    return QJsonObject{{QStringLiteral("intercept"), m_intercept},
                       {QStringLiteral("coefficients"), coefficients},
                       {QStringLiteral("feature_means"), means},
                       {QStringLiteral("feature_stds"), stds},
                       {QStringLiteral("standardised"), true},
                       {QStringLiteral("l2"), m_l2},
                       {QStringLiteral("training_rows"), m_rows},
                       {QStringLiteral("newton_iterations"), m_iterations},
                       {QStringLiteral("converged"), m_converged}};
}

} // namespace cp::engine
