#pragma once

#include "analysistypes.h"
#include "assethistory.h"
#include "dailymarket.h"

#include <span>
#include <vector>

namespace cp::engine {

/**
 * The daily total-market series layer 1 works on, one value per day of a DailyMarket:
 * total market cap (prices x circulating supply), quote volume, a chain-linked market index and
 * the dominance shares of BTC, ETH, stablecoins and the rest ("alts").
 *
 * The index is chain-linked: day d's log return compares the caps of the assets present on both
 * d-1 and d, so an asset entering the grid (a listing, a later import) adds cap without looking
 * like a rally. On days where those assets have no cap at all (circulating supply unknown) the
 * return falls back to the equal-weighted mean log price return of the non-stablecoins present
 * on both days; a day where nothing can be measured has return 0.
 */
struct MarketSeries
{
    std::vector<double> totalCap;
    //! Sum over assets of the day's volume x close: candle volume is in units of the asset.
    std::vector<double> quoteVolume;
    //! Log return of the index from day d-1 to d; 0 on day 0.
    std::vector<double> indexReturn;
    //! Index level, 1 on day 0.
    std::vector<double> index;
    //! Percent of totalCap, 0 on a day without any cap; the four sum to 100 otherwise.
    std::vector<double> btcDominance;
    std::vector<double> ethDominance;
    std::vector<double> stablecoinDominance;
    std::vector<double> altDominance;
    //! Days whose index return came from the equal-weighted fallback.
    int equalWeightedDays = 0;
    //! Per asset: true for stablecoins (flag or sector "Stablecoins").
    std::vector<bool> stablecoin;

    int dayCount() const { return static_cast<int>(totalCap.size()); }
};

//! True for symbol "BTC"/"ETH" regardless of case; stablecoins by flag or by sector name.
bool isBitcoin(const AssetHistory &asset);
bool isEther(const AssetHistory &asset);
bool isStablecoinAsset(const AssetHistory &asset);

/**
 * Builds the series. `assets` must be the vector `market` was built from (same order); with a
 * different count the result is empty.
 */
MarketSeries buildMarketSeries(const DailyMarket &market, const std::vector<AssetHistory> &assets);

/**
 * The dominance_data row of day `day`, with changes in percentage points over 1, 7 and 30 days
 * ("btc_24h", "btc_7d", "btc_30d", "eth_...", "stablecoin_...", "alt_..."); a change whose
 * earlier day is outside the series is left out.
 */
DominanceResult dominanceAt(const MarketSeries &series, int day, qint64 timestamp);

/**
 * Rolling sample standard deviation (n-1) of `values` over `window` entries ending at each
 * index; NaN where fewer than `window` values exist or one of them is not finite.
 */
std::vector<double> rollingStd(std::span<const double> values, int window);

//! Rolling mean over `window` entries ending at each index; NaN before that.
std::vector<double> rollingMean(std::span<const double> values, int window);

} // namespace cp::engine
