#pragma once

#include "analysistypes.h"
#include "assetfeatures.h"

#include <array>
#include <span>
#include <vector>

namespace cp::engine {

/** The six score components, in the order of ScoredAsset's arrays. */
enum class Component { Momentum, VolumeSurge, RiskAdjusted, Trend, SectorStrength, Liquidity };
constexpr int kComponentCount = 6;

QString componentName(Component component);

/**
 * Weights of the components in the combined score (they sum to 1). Momentum, risk-adjusted
 * return and trend are the classic cross-sectional return predictors and carry most weight;
 * the sector adds the layer-2 context; volume surge and liquidity are weaker signals that
 * mostly separate active, tradeable assets from dormant ones.
 */
constexpr std::array<double, kComponentCount> kComponentWeights = {0.25, 0.10, 0.20,
                                                                   0.20, 0.15, 0.10};

/** One asset placed in the cross-section. */
struct ScoredAsset
{
    int featureIndex = -1; //!< index into the features vector given to scoreCrossSection()
    AssetScore score;
    std::array<double, kComponentCount> raw{};
    std::array<double, kComponentCount> z{};
    std::array<int, kComponentCount> componentRank{}; //!< 1 = best raw value
    int rank = 0;                                     //!< 1 = best score
    double percentile = 0.0;                          //!< (n - rank + 0.5) / n
    //! Standard error of the score as an estimate of the asset's latent quality.
    double standardError = 0.0;
    double volatilityPercentile = 0.0;
};

/**
 * Robust z-scores: (x - median) / (1.4826 x MAD), so that they match ordinary z-scores for
 * normal data while one extreme asset cannot stretch everyone else's scale. When more than
 * half the values are equal (MAD = 0) the scale is 1.2533 x mean absolute deviation from the
 * median; when that is 0 too, every z is 0. Clipped to [-clip, clip].
 */
std::vector<double> robustZ(std::span<const double> values, double clip = 3.0);

/** Standard normal cumulative distribution function. */
double normalCdf(double x);

/**
 * Scores every asset without a skip reason, best first.
 *
 * score = sum of weight x robust z of each component over the assets scored together.
 * Standard error: the components are treated as noisy measurements of one latent quality,
 * so SE = sqrt(sum w^2) x s, with s^2 = sum w (z - score)^2 / (1 - sum w^2) (the weighted
 * variance of the components around the score), s floored at 0.5 z-units.
 * AssetScore::confidence = Phi((score - median score) / SE): the probability, under that
 * normal model, that the asset is better than the median asset. It is high only when the
 * score is far up the cross-section *and* the components agree.
 * Risk level from the percentile of 30-day volatility: below 25% low, below 75% medium, below
 * 95% high, else extreme.
 */
std::vector<ScoredAsset> scoreCrossSection(const std::vector<AssetHistory> &assets,
                                           const std::vector<AssetFeatures> &features);

} // namespace cp::engine
