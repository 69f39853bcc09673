#pragma once

#include "candle.h"

#include <QString>

#include <vector>

namespace cp::engine {

/** Watchlist tier of an asset as stored in cryptocurrencies.watchlist_tier. */
enum class Tier { None, Tier2, Tier1 };

/**
 * What the engine knows about one asset: its static facts and its price history, oldest bar
 * first. This is the engine's only input about assets; the models layer loads it from the
 * database (cryptocurrencies, crypto_sector_mapping, price_data).
 */
struct AssetHistory
{
    int cryptoId = 0;
    QString symbol;
    QString name;
    int sectorId = 0;
    QString sector;
    double circulatingSupply = 0.0;
    bool isStablecoin = false;
    Tier tier = Tier::None;
    std::vector<Candle> candles;
};

} // namespace cp::engine
