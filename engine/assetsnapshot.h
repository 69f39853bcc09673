#pragma once

#include "assethistory.h"

#include <vector>

namespace cp::engine {

constexpr qint64 kSecondsPerDay = 86400;

/**
 * Point-in-time figures of one asset, read from its own bars rather than the daily grid so
 * that "24h" means the last 24 hours even when the current UTC day is only half over.
 * Prices "as of t" are the close of the last bar with a finite positive close whose open time
 * is <= t; NaN when the asset has no such bar (it did not exist yet).
 */
struct AssetSnapshot
{
    //! False when the asset has no usable bar or its last one is older than the stale limit.
    bool current = false;
    qint64 lastTime = 0;
    double lastClose = 0.0;
    double close24h = 0.0; //!< as of now - 24h (NaN if the asset is younger)
    double close7d = 0.0;
    double close30d = 0.0;
    //! Quote volume of the bars opened within the last 24 hours: sum of volume x close.
    double dollarVolume24h = 0.0;

    //! Simple return since the given reference close, or NaN.
    double returnSince(double reference) const;
};

/** Time of the newest bar over all assets: the engine's "now" (never the wall clock). */
qint64 newestBarTime(const std::vector<AssetHistory> &assets);

/** True for a bar whose close and volume can be used (finite, close > 0, volume >= 0). */
bool isUsableBar(const Candle &candle);

/** Close of the last usable bar opened at or before `time`; NaN if there is none. */
double priceAsOf(const std::vector<Candle> &candles, qint64 time);

/**
 * The asset's snapshot at `now`. An asset whose last usable bar opened more than `staleDays`
 * days before `now` is not current: its last price says nothing about today.
 */
AssetSnapshot takeSnapshot(const AssetHistory &asset, qint64 now, int staleDays = 2);

} // namespace cp::engine
