#include "assetsnapshot.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cp::engine {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
} // namespace

double AssetSnapshot::returnSince(double reference) const
{
    if (!current || !(reference > 0.0) || !std::isfinite(reference))
        return kNaN;
    return lastClose / reference - 1.0;
}

qint64 newestBarTime(const std::vector<AssetHistory> &assets)
{
    qint64 latest = std::numeric_limits<qint64>::min();
    bool any = false;
    for (const AssetHistory &asset : assets) {
        if (asset.candles.empty())
            continue;
        latest = std::max(latest, asset.candles.back().time);
        any = true;
    }
    return any ? latest : 0;
}

bool isUsableBar(const Candle &candle)
{
    return std::isfinite(candle.close) && candle.close > 0.0 && std::isfinite(candle.volume) &&
           candle.volume >= 0.0;
}

double priceAsOf(const std::vector<Candle> &candles, qint64 time)
{
    // Bars are oldest first: the first bar opened after `time` bounds the search.
    auto it = std::upper_bound(candles.begin(), candles.end(), time,
                               [](qint64 t, const Candle &c) { return t < c.time; });
    while (it != candles.begin()) {
        --it;
        if (std::isfinite(it->close) && it->close > 0.0)
            return it->close;
    }
    return kNaN;
}

AssetSnapshot takeSnapshot(const AssetHistory &asset, qint64 now, int staleDays)
{
    AssetSnapshot snap;
    snap.close24h = snap.close7d = snap.close30d = kNaN;
    const std::vector<Candle> &candles = asset.candles;
    auto last = candles.rbegin();
    while (last != candles.rend() && !(std::isfinite(last->close) && last->close > 0.0))
        ++last;
    if (last == candles.rend())
        return snap;
    snap.lastTime = last->time;
    snap.lastClose = last->close;
    snap.current = last->time >= now - qint64(staleDays) * kSecondsPerDay;
    if (!snap.current)
        return snap;
    snap.close24h = priceAsOf(candles, now - kSecondsPerDay);
    snap.close7d = priceAsOf(candles, now - 7 * kSecondsPerDay);
    snap.close30d = priceAsOf(candles, now - 30 * kSecondsPerDay);
    for (auto it = candles.rbegin(); it != candles.rend() && it->time > now - kSecondsPerDay;
         ++it) {
        if (isUsableBar(*it))
            snap.dollarVolume24h += it->volume * it->close;
    }
    return snap;
}

} // namespace cp::engine
