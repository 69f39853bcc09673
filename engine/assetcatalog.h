#pragma once

#include <QtGlobal>

namespace cp::engine {

struct SimulatedAsset;

/** Parameters of one simulated asset's return process; rates and volatilities are per day. */
struct AssetModel
{
    //! Index into AssetCatalog's sectors.
    int sector = 0;
    double startPrice = 1.0;
    double betaMarket = 1.0;
    double betaSector = 1.0;
    //! Standard deviation of the asset's own daily log-return noise.
    double idioVol = 0.0;
    //! Expected idiosyncratic jumps per day and the standard deviation of their log size.
    double jumpRate = 0.0;
    double jumpVol = 0.0;
    //! Daily log drift on top of the factors: some assets outperform their sector, some lag.
    double drift = 0.0;
    //! Fraction of the circulating supply traded per day on average.
    double turnover = 0.0;
    //! Stablecoins: log price is an Ornstein-Uhlenbeck process around 0 (price 1.0).
    bool pegged = false;
    //! Stationary standard deviation of log(price) around the peg.
    double pegVol = 0.0;
    //! Days for a deviation from the peg to halve.
    double pegHalfLife = 0.0;
};

/** Typical behaviour of one of the ten default sectors; per-asset models start from it. */
struct SectorModel
{
    const char *name;
    //! Daily volatility of the sector factor (what assets of the sector share beyond the market).
    double factorVol;
    double betaMarket;
    double idioVol;
    double jumpRate;
    double jumpVol;
    double turnover;
};

/**
 * The simulator's universe: well-known assets with their real-world supplies and plausible
 * prices first, then generated "SIM<n>" assets spread over the sectors. Everything about an
 * asset depends only on (seed, index), never on which other assets exist.
 */
class AssetCatalog
{
public:
    static constexpr int sectorCount = 10;
    //! Sector index of "Stablecoins".
    static constexpr int stablecoinSector = 9;

    //! Sectors in the order of the schema's default rows (DeFi, Layer1, ..., Stablecoins).
    static const SectorModel &sector(int index);
    //! How many assets have a real-world name before the generated ones start.
    static int namedCount();
    //! Fills the static facts and the return model of asset `index` (>= 0).
    static void describe(quint64 seed, int index, SimulatedAsset &asset, AssetModel &model);
};

} // namespace cp::engine
