#include "hmmstartingpoints.h"

#include "random.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace cp::engine {

namespace {

constexpr double kStay = 0.9;
constexpr int kKMeansIterations = 50;

/** Builds a model from a hard labelling of the observations (used by the initialisations). */
std::optional<GaussianHmm> modelFromLabels(std::span<const double> x, int states, int dim,
                                           const std::vector<int> &labels, double floor)
{
    const std::size_t length = labels.size();
    std::vector<double> means(std::size_t(states * dim), 0.0);
    std::vector<double> cov(std::size_t(states * dim * dim), 0.0);
    std::vector<double> counts(std::size_t(states), 0.0);
    for (std::size_t t = 0; t < length; ++t) {
        const int k = labels[t];
        counts[std::size_t(k)] += 1.0;
        for (int d = 0; d < dim; ++d)
            means[std::size_t(k * dim + d)] += x[t * std::size_t(dim) + std::size_t(d)];
    }
    for (int k = 0; k < states; ++k) {
        if (counts[std::size_t(k)] < 1.0)
            return std::nullopt;
        for (int d = 0; d < dim; ++d)
            means[std::size_t(k * dim + d)] /= counts[std::size_t(k)];
    }
    for (std::size_t t = 0; t < length; ++t) {
        const int k = labels[t];
        const double *xt = x.data() + t * std::size_t(dim);
        for (int r = 0; r < dim; ++r) {
            for (int c = 0; c < dim; ++c) {
                cov[std::size_t((k * dim + r) * dim + c)] +=
                    (xt[r] - means[std::size_t(k * dim + r)]) *
                    (xt[c] - means[std::size_t(k * dim + c)]);
            }
        }
    }
    for (int k = 0; k < states; ++k) {
        double *ck = cov.data() + std::size_t(k * dim * dim);
        for (int i = 0; i < dim * dim; ++i)
            ck[i] /= counts[std::size_t(k)];
        for (int d = 0; d < dim; ++d)
            ck[d * dim + d] = std::max(ck[d * dim + d], floor);
    }
    std::vector<double> initial(std::size_t(states), 1.0 / states);
    std::vector<double> transition(std::size_t(states * states),
                                   states > 1 ? (1.0 - kStay) / (states - 1) : 1.0);
    if (states > 1) {
        for (int k = 0; k < states; ++k)
            transition[std::size_t(k * states + k)] = kStay;
    }
    GaussianHmm model(states, dim);
    if (model.setParameters(initial, transition, means, cov))
        return model;
    // A cluster lying on a line (perfectly correlated features) has a singular covariance:
    // start it with independent dimensions instead.
    for (int k = 0; k < states; ++k) {
        for (int r = 0; r < dim; ++r) {
            for (int c = 0; c < dim; ++c) {
                if (r != c)
                    cov[std::size_t((k * dim + r) * dim + c)] = 0.0;
            }
        }
    }
    if (!model.setParameters(std::move(initial), std::move(transition), std::move(means),
                             std::move(cov)))
        return std::nullopt;
    return model;
}

/** Lloyd's k-means on observations scaled by `scale` per dimension; refines `centres`. */
std::vector<int> kMeans(std::span<const double> x, int states, int dim,
                        const std::vector<double> &scale, std::vector<double> centres)
{
    const std::size_t length = x.size() / std::size_t(dim);
    std::vector<int> labels(length, -1);
    for (int iteration = 0; iteration < kKMeansIterations; ++iteration) {
        bool changed = false;
        for (std::size_t t = 0; t < length; ++t) {
            int best = 0;
            double bestDistance = std::numeric_limits<double>::infinity();
            for (int k = 0; k < states; ++k) {
                double distance = 0.0;
                for (int d = 0; d < dim; ++d) {
                    const double diff = (x[t * std::size_t(dim) + std::size_t(d)] -
                                         centres[std::size_t(k * dim + d)]) /
                                        scale[std::size_t(d)];
                    distance += diff * diff;
                }
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = k;
                }
            }
            changed = changed || labels[t] != best;
            labels[t] = best;
        }
        if (!changed)
            break;
        std::vector<double> sums(centres.size(), 0.0);
        std::vector<double> counts(std::size_t(states), 0.0);
        for (std::size_t t = 0; t < length; ++t) {
            counts[std::size_t(labels[t])] += 1.0;
            for (int d = 0; d < dim; ++d)
                sums[std::size_t(labels[t] * dim + d)] += x[t * std::size_t(dim) + std::size_t(d)];
        }
        for (int k = 0; k < states; ++k) {
            if (counts[std::size_t(k)] == 0.0)
                continue; // an emptied cluster keeps its centre; modelFromLabels rejects it
            for (int d = 0; d < dim; ++d)
                centres[std::size_t(k * dim + d)] =
                    sums[std::size_t(k * dim + d)] / counts[std::size_t(k)];
        }
    }
    return labels;
}

} // namespace

std::vector<GaussianHmm> hmmStartingPoints(std::span<const double> observations, int states,
                                           int dimension, int seeded, quint64 seed,
                                           double varianceFloor)
{
    std::vector<GaussianHmm> out;
    if (states <= 0 || dimension <= 0 || observations.size() % std::size_t(dimension) != 0)
        return out;
    const auto dim = std::size_t(dimension);
    const std::size_t length = observations.size() / dim;
    if (length < std::size_t(states) * 2)
        return out;

    // Per-dimension spread, so k-means distances do not depend on the features' units.
    std::vector<double> scale(dim, 1.0);
    for (std::size_t d = 0; d < dim; ++d) {
        double mean = 0.0, sq = 0.0;
        for (std::size_t t = 0; t < length; ++t)
            mean += observations[t * dim + d];
        mean /= double(length);
        for (std::size_t t = 0; t < length; ++t)
            sq += (observations[t * dim + d] - mean) * (observations[t * dim + d] - mean);
        const double sd = std::sqrt(sq / double(length));
        scale[d] = sd > 0.0 ? sd : 1.0;
    }
    const auto add = [&](const std::vector<int> &labels) {
        if (auto model = modelFromLabels(observations, states, dimension, labels, varianceFloor))
            out.push_back(std::move(*model));
    };
    const auto centresOf = [&](const std::vector<int> &labels) {
        std::vector<double> centres(std::size_t(states) * dim, 0.0);
        std::vector<double> counts(std::size_t(states), 0.0);
        for (std::size_t t = 0; t < length; ++t) {
            counts[std::size_t(labels[t])] += 1.0;
            for (std::size_t d = 0; d < dim; ++d)
                centres[std::size_t(labels[t]) * dim + d] += observations[t * dim + d];
        }
        for (std::size_t c = 0; c < centres.size(); ++c)
            centres[c] /= std::max(1.0, counts[c / dim]);
        return centres;
    };

    std::vector<std::size_t> order(length);
    for (std::size_t d = 0; d < dim; ++d) {
        std::iota(order.begin(), order.end(), std::size_t(0));
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return observations[a * dim + d] < observations[b * dim + d];
        });
        std::vector<int> labels(length);
        for (std::size_t rank = 0; rank < length; ++rank)
            labels[order[rank]] = int(rank * std::size_t(states) / length);
        add(labels);
        add(kMeans(observations, states, dimension, scale, centresOf(labels)));
    }

    // k-means++ seeding: each next centre drawn with probability proportional to the squared
    // distance to the nearest centre so far.
    for (int s = 0; s < seeded; ++s) {
        Random rng = Random::forStream(seed, 0x484D4D /* "HMM" */, quint64(s));
        std::vector<double> centres;
        std::vector<double> nearest(length, std::numeric_limits<double>::infinity());
        std::size_t pick = std::size_t(rng.below(int(length)));
        for (int c = 0; c < states; ++c) {
            for (std::size_t d = 0; d < dim; ++d)
                centres.push_back(observations[pick * dim + d]);
            double total = 0.0;
            for (std::size_t t = 0; t < length; ++t) {
                double distance = 0.0;
                for (std::size_t d = 0; d < dim; ++d) {
                    const double diff =
                        (observations[t * dim + d] - observations[pick * dim + d]) / scale[d];
                    distance += diff * diff;
                }
                nearest[t] = std::min(nearest[t], distance);
                total += nearest[t];
            }
            double target = rng.uniform() * total;
            pick = length - 1;
            for (std::size_t t = 0; t < length; ++t) {
                target -= nearest[t];
                if (target < 0.0) {
                    pick = t;
                    break;
                }
            }
        }
        add(kMeans(observations, states, dimension, scale, std::move(centres)));
    }
    return out;
}

} // namespace cp::engine
