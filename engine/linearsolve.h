#pragma once

#include <span>

namespace cp::engine {

/**
 * Solves A x = b in place for a small symmetric positive definite A (row-major, n x n) by
 * Cholesky factorisation: A is overwritten by its factor and b by x. Returns false, leaving
 * the contents unspecified, if A is not positive definite to working precision. Used by the
 * regression models, whose normal equations are a dozen columns wide.
 */
bool solveSymmetricPositiveDefinite(std::span<double> a, std::span<double> b, int n);

} // namespace cp::engine
