#include "dailymarket.h"

#include <algorithm>
#include <limits>

namespace cp::engine {

namespace {
constexpr qint64 kDay = 86400;

qint64 dayOf(qint64 time)
{
    qint64 day = time / kDay;
    if (time % kDay < 0)
        --day;
    return day * kDay;
}
} // namespace

DailyMarket::DailyMarket(const std::vector<AssetHistory> &assets)
    : m_assetCount(static_cast<int>(assets.size()))
{
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    for (const AssetHistory &asset : assets) {
        if (asset.candles.empty())
            continue;
        first = std::min(first, dayOf(asset.candles.front().time));
        last = std::max(last, dayOf(asset.candles.back().time));
    }
    if (first > last)
        return;
    for (qint64 d = first; d <= last; d += kDay)
        m_days.push_back(d);

    const std::size_t days = m_days.size();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    m_close.assign(days * assets.size(), nan);
    m_volume.assign(days * assets.size(), nan);
    m_cap.assign(days * assets.size(), nan);
    m_totalCap.assign(days, 0.0);
    m_totalVolume.assign(days, 0.0);

    for (std::size_t a = 0; a < assets.size(); ++a) {
        const AssetHistory &asset = assets[a];
        if (asset.candles.empty())
            continue;
        double *close = m_close.data() + a * days;
        double *volume = m_volume.data() + a * days;
        std::size_t firstDay = days;
        for (const Candle &candle : asset.candles) {
            if (!std::isfinite(candle.close) || candle.close <= 0)
                continue; // unusable bars leave the day to the forward fill
            const auto d = static_cast<std::size_t>((dayOf(candle.time) - first) / kDay);
            close[d] = candle.close;
            volume[d] = (std::isnan(volume[d]) ? 0.0 : volume[d]) +
                        (std::isfinite(candle.volume) ? candle.volume : 0.0);
            firstDay = std::min(firstDay, d);
        }
        double *cap = m_cap.data() + a * days;
        for (std::size_t d = firstDay; d < days; ++d) {
            if (std::isnan(close[d]) && d > firstDay) {
                close[d] = close[d - 1];
                volume[d] = 0.0;
            }
            cap[d] = asset.circulatingSupply > 0 ? close[d] * asset.circulatingSupply : 0.0;
            m_totalCap[d] += cap[d];
            m_totalVolume[d] += volume[d] * close[d]; // quote currency: units differ per asset
        }
    }
}

} // namespace cp::engine
