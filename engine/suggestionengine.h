#pragma once

#include "analysistypes.h"
#include "assetfeatures.h"
#include "dailymarket.h"

#include <optional>
#include <vector>

namespace cp::engine {

/** Tunables of layer 3; the tier limits come from the application's config. */
struct AssetConfig
{
    int tier1Limit = 20;
    int tier2Limit = 100;
    //! Suggestions whose confidence is below this are not made.
    double minConfidence = 0.6;
    int expiryDays = 7;
    //! The tier 1 band is the top tier1Limit ranks but at most this share of the assets
    //! scored, and the tier 2 band the next tier2Limit but at most tier2MaxFraction: in a
    //! small market a capacity of 20 must not make every asset "premium". (With the default
    //! limits the shares stop binding from about 170 scored assets on.)
    double tier1MaxFraction = 0.15;
    double tier2MaxFraction = 0.60;
    //! Hysteresis: an asset leaves a band only when it ranks this share of the cross-section
    //! (at least one rank) below the band's edge, so assets near an edge do not flip daily.
    double marginFraction = 0.05;
    FeatureConfig features;
};

/** A suggestion still waiting for review: the engine never makes the same one again. */
struct PendingSuggestion
{
    int cryptoId = 0;
    SuggestionType type = SuggestionType::AddTier2;
};

//! Inverse of suggestionTypeName(): "add_tier1" -> AddTier1; nullopt for unknown names.
std::optional<SuggestionType> suggestionTypeFromName(const QString &name);

/**
 * Layer 3: scores every asset (see scoreCrossSection) and suggests watchlist changes.
 *
 * Bands over the ranks of the scored assets (TierBands): ranks 1..T1 belong in tier 1, the
 * next T2 in tier 2, with T1 = min(tier1Limit, 15% of n), T2 = min(tier2Limit, 60% of n).
 * - not in tier 1 and inside the tier 1 band -> add_tier1 (promote when currently tier 2);
 * - no tier and inside the tier 2 band -> add_tier2;
 * - tier 1 and more than `margin` ranks below the tier 1 band -> demote;
 * - watched (either tier) and more than `margin` ranks below the tier 2 band -> remove;
 * - watched but skipped for broken data (NaN, stale, constant price, no volume) -> remove
 *   with confidence 1: the fault is observed, not estimated.
 * Confidence of a band decision = Phi(distance of the score beyond the band's boundary /
 * the score's standard error): the probability, treating the six components as noisy
 * measurements of one latent quality, that the asset really is on that side of the boundary.
 * Only suggestions with confidence >= minConfidence are made. Tier limits hold after every
 * suggestion (and every pending one of the same kind) is applied: removals first, demotions
 * while tier 2 has room (or paired with a promotion that takes the freed tier 1 seat), then
 * the strongest tier 1 candidates while tier 1 has room, then tier 2 candidates.
 * Stablecoins are never scored nor suggested (see computeAssetFeatures). A (crypto, type)
 * pair in `pending` is never suggested again. suggestedAt = now (the newest bar), expiresAt =
 * now + expiryDays.
 */
AssetAnalysis analyzeAssets(const std::vector<AssetHistory> &assets, const DailyMarket &market,
                            const SectorAnalysis &sectors, const MacroAnalysis &macro,
                            const std::vector<PendingSuggestion> &pending,
                            const AssetConfig &config = {});

/**
 * The cross-sectional half of analyzeAssets(), for a pipeline that computed the per-asset
 * features itself (e.g. on a thread pool): features[i].assetIndex indexes `assets`.
 */
AssetAnalysis analyzeAssetFeatures(const std::vector<AssetHistory> &assets,
                                   std::vector<AssetFeatures> features,
                                   const SectorAnalysis &sectors, const MacroAnalysis &macro,
                                   const std::vector<PendingSuggestion> &pending,
                                   const AssetConfig &config = {});

} // namespace cp::engine
