#pragma once

#include "gaussianhmm.h"

#include <QtGlobal>

#include <span>
#include <vector>

namespace cp::engine {

/**
 * Deterministic starting points for Baum-Welch on row-major T x D observations. Baum-Welch only
 * finds a local optimum, so the caller fits each start and keeps the best likelihood:
 * - for each dimension, the data sorted by that dimension and cut into `states` quantile groups,
 *   raw and refined by k-means (2 x D starts);
 * - `seeded` k-means++ starts drawn from Random::forStream(seed, ...), refined by k-means.
 * Each start takes its means and covariances (diagonal floored at `varianceFloor`) from its
 * clusters, uniform start probabilities and sticky transitions (0.9 stay). Starts with an empty
 * cluster are dropped, so fewer may come back; none if T < 2 x states.
 */
std::vector<GaussianHmm> hmmStartingPoints(std::span<const double> observations, int states,
                                           int dimension, int seeded, quint64 seed,
                                           double varianceFloor);

} // namespace cp::engine
