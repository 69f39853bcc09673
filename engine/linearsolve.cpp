#include "linearsolve.h"

#include <cmath>
#include <cstddef>

namespace cp::engine {

bool solveSymmetricPositiveDefinite(std::span<double> a, std::span<double> b, int n)
{
    if (n <= 0 || a.size() != std::size_t(n) * std::size_t(n) || b.size() != std::size_t(n))
        return false;
    auto at = [&](int i, int j) -> double & { return a[std::size_t(i) * std::size_t(n) + j]; };
    // Lower factor L with A = L L^T, stored in the lower triangle.
    for (int j = 0; j < n; ++j) {
        double d = at(j, j);
        for (int k = 0; k < j; ++k)
            d -= at(j, k) * at(j, k);
        if (!(d > 0.0) || !std::isfinite(d))
            return false;
        const double ljj = std::sqrt(d);
        at(j, j) = ljj;
        for (int i = j + 1; i < n; ++i) {
            double s = at(i, j);
            for (int k = 0; k < j; ++k)
                s -= at(i, k) * at(j, k);
            at(i, j) = s / ljj;
        }
    }
    for (int i = 0; i < n; ++i) { // L y = b
        double s = b[std::size_t(i)];
        for (int k = 0; k < i; ++k)
            s -= at(i, k) * b[std::size_t(k)];
        b[std::size_t(i)] = s / at(i, i);
    }
    for (int i = n - 1; i >= 0; --i) { // L^T x = y
        double s = b[std::size_t(i)];
        for (int k = i + 1; k < n; ++k)
            s -= at(k, i) * b[std::size_t(k)];
        b[std::size_t(i)] = s / at(i, i);
    }
    return true;
}

} // namespace cp::engine
