#include "ridgeregression.h"

#include "linearsolve.h"

#include <algorithm>
#include <cmath>

namespace cp::engine {

RidgeRegression::RidgeRegression(int featureCount)
    : m_p(featureCount < 0 ? 0 : featureCount)
    , m_sx(std::size_t(m_p), 0.0)
    , m_sxx(std::size_t(m_p) * std::size_t(m_p), 0.0)
    , m_sxy(std::size_t(m_p), 0.0)
    , m_beta(std::size_t(m_p), 0.0)
{
}

void RidgeRegression::add(std::span<const double> x, double y, double weight)
{
    if (int(x.size()) < m_p || !(weight > 0.0))
        return;
    m_w += weight;
    m_sy += weight * y;
    for (int i = 0; i < m_p; ++i) {
        const double wx = weight * x[std::size_t(i)];
        m_sx[std::size_t(i)] += wx;
        m_sxy[std::size_t(i)] += wx * y;
        for (int j = 0; j < m_p; ++j)
            m_sxx[std::size_t(i) * m_p + j] += wx * x[std::size_t(j)];
    }
    ++m_n;
}

void RidgeRegression::decay(double factor)
{
    m_w *= factor;
    m_sy *= factor;
    for (double &v : m_sx)
        v *= factor;
    for (double &v : m_sxx)
        v *= factor;
    for (double &v : m_sxy)
        v *= factor;
}

bool RidgeRegression::solve(double lambda)
{
    m_solved = false;
    if (m_n < 2 || !(m_w > 0.0))
        return false;
    const std::size_t p = std::size_t(m_p);
    std::vector<double> mean(p), sd(p), a(p * p), b(p);
    const double ybar = m_sy / m_w;
    for (std::size_t i = 0; i < p; ++i)
        mean[i] = m_sx[i] / m_w;
    for (std::size_t i = 0; i < p; ++i) {
        const double var = m_sxx[i * p + i] / m_w - mean[i] * mean[i];
        // Relative test: a constant feature leaves only rounding noise in its variance.
        const double scale = std::max(1e-300, m_sxx[i * p + i] / m_w);
        sd[i] = var > 1e-12 * scale ? std::sqrt(var) : 0.0;
    }
    // Standardised system (C_zz + lambda / W I) beta_z = c_zy; unused features get an identity row.
    for (std::size_t i = 0; i < p; ++i) {
        for (std::size_t j = 0; j < p; ++j) {
            double v = 0.0;
            if (sd[i] > 0.0 && sd[j] > 0.0)
                v = (m_sxx[i * p + j] / m_w - mean[i] * mean[j]) / (sd[i] * sd[j]);
            a[i * p + j] = v;
        }
        a[i * p + i] = sd[i] > 0.0 ? a[i * p + i] + lambda / m_w : 1.0;
        b[i] = sd[i] > 0.0 ? (m_sxy[i] / m_w - mean[i] * ybar) / sd[i] : 0.0;
    }
    if (p > 0 && !solveSymmetricPositiveDefinite(a, b, m_p))
        return false;
    m_intercept = ybar;
    for (std::size_t i = 0; i < p; ++i) {
        m_beta[i] = sd[i] > 0.0 ? b[i] / sd[i] : 0.0;
        m_intercept -= m_beta[i] * mean[i];
    }
    for (double v : m_beta)
        if (!std::isfinite(v))
            return false;
    m_solved = std::isfinite(m_intercept);
    return m_solved;
}

double RidgeRegression::predict(std::span<const double> x) const
{
    double y = m_intercept;
    for (int i = 0; i < m_p && i < int(x.size()); ++i)
        y += m_beta[std::size_t(i)] * x[std::size_t(i)];
    return y;
}

} // namespace cp::engine
