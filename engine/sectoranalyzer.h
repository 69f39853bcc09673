#pragma once

#include "analysistypes.h"
#include "assethistory.h"
#include "dailymarket.h"
#include "sectorrotation.h"

#include <vector>

namespace cp::engine {

/** Tunables of layer 2. */
struct SectorConfig
{
    //! Assets whose last bar is older than this many days before "now" take no part in the
    //! point-in-time figures (performance, caps, volume): their price is not today's.
    int staleDays = 2;
    RotationConfig rotation;
};

/**
 * Layer 2: sector performance and rotation.
 *
 * `market` must be built from `assets` (same order: asset i of the market is assets[i]).
 * One row per sector id > 0 (assets without a sector count in the market total only, since
 * sector_performance rows need a sector). Per sector, at "now" (the newest bar):
 * - total market cap = sum of last close x circulating supply; total volume = the members'
 *   quote volume (volume x close) of the last 24 hours; dominance = cap / cap of all current
 *   assets, in percent;
 * - performance 24h / 7d / 30d (percent): cap-weighted over the members that had a price at
 *   both ends (sum cap now / sum cap then - 1, caps at the same supply), so new listings
 *   never fake performance; equal-weighted when no member has a known supply;
 * - momentum score in [-1, 1]: see MomentumReading (risk-adjusted 7- and 30-day return of the
 *   daily cap-weighted index relative to the non-stablecoin market index); rank 1 = highest
 *   (ordered by the unsquashed blend, so saturated scores of +-1 still rank);
 * - top performers: the three members with the best 24h return.
 * The rotation (leading/declining, flows, probability, allocation) is analyzeRotation()'s,
 * with the risk budget taken from `regime.recommendedExposure`.
 * Deterministic and free of shared state: safe to call from any thread.
 */
SectorAnalysis analyzeSectors(const DailyMarket &market, const std::vector<AssetHistory> &assets,
                              const MarketRegimeResult &regime, const SectorConfig &config = {});

} // namespace cp::engine
