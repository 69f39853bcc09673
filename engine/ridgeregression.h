#pragma once

#include <span>
#include <vector>

namespace cp::engine {

/**
 * Ridge regression from running weighted moments, so a walk-forward can add each observation
 * once and refit at any moment in O(p^3): y = a + sum_j b_j x_j, with the penalty
 * lambda * sum_j (b_j * sd_j)^2 on the standardised slopes (never on the intercept). decay()
 * multiplies every weight so far, which gives exponentially fading memory. Plain value type.
 */
class RidgeRegression
{
public:
    explicit RidgeRegression(int featureCount = 0);

    int featureCount() const { return m_p; }
    void add(std::span<const double> x, double y, double weight = 1.0);
    //! Multiplies all accumulated weights by `factor` (in (0, 1]).
    void decay(double factor);
    double totalWeight() const { return m_w; }
    int observations() const { return m_n; }

    /**
     * Solves for the coefficients with penalty `lambda`; false without at least two
     * observations. Features with zero variance get slope 0.
     */
    bool solve(double lambda);
    bool isSolved() const { return m_solved; }
    double intercept() const { return m_intercept; }
    //! Slopes on the raw feature scale.
    const std::vector<double> &coefficients() const { return m_beta; }
    double predict(std::span<const double> x) const;

private:
    int m_p = 0;
    int m_n = 0;
    double m_w = 0.0;
    std::vector<double> m_sx;  //!< sum w x
    std::vector<double> m_sxx; //!< sum w x x^T (p x p)
    std::vector<double> m_sxy; //!< sum w x y
    double m_sy = 0.0;
    std::vector<double> m_beta;
    double m_intercept = 0.0;
    bool m_solved = false;
};

} // namespace cp::engine
