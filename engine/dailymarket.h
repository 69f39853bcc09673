#pragma once

#include "assethistory.h"

#include <cmath>
#include <vector>

namespace cp::engine {

/**
 * All assets on one daily grid (UTC days), the common ground of the macro and sector layers:
 * hourly and daily histories, and assets that start on different days, become comparable.
 * Per asset and day: the last close of the day (forward-filled over days without bars), the
 * day's volume (0 on such days) and market cap = close x circulating supply. Before an asset's
 * first bar all three are NaN.
 */
class DailyMarket
{
public:
    explicit DailyMarket(const std::vector<AssetHistory> &assets);

    int dayCount() const { return static_cast<int>(m_days.size()); }
    int assetCount() const { return m_assetCount; }
    //! Unix seconds of 00:00 UTC of day d.
    qint64 day(int d) const { return m_days[static_cast<std::size_t>(d)]; }
    const std::vector<qint64> &days() const { return m_days; }

    double close(int asset, int d) const { return m_close[index(asset, d)]; }
    double volume(int asset, int d) const { return m_volume[index(asset, d)]; }
    double marketCap(int asset, int d) const { return m_cap[index(asset, d)]; }
    bool hasData(int asset, int d) const { return !std::isnan(m_close[index(asset, d)]); }

    //! Sum of market caps (NaN treated as 0) per day, and of volumes in the quote currency
    //! (volume x close: bar volumes are in units of each asset).
    const std::vector<double> &totalMarketCap() const { return m_totalCap; }
    const std::vector<double> &totalVolume() const { return m_totalVolume; }

private:
    std::size_t index(int asset, int d) const
    {
        return static_cast<std::size_t>(asset) * m_days.size() + static_cast<std::size_t>(d);
    }

    int m_assetCount = 0;
    std::vector<qint64> m_days;
    std::vector<double> m_close;
    std::vector<double> m_volume;
    std::vector<double> m_cap;
    std::vector<double> m_totalCap;
    std::vector<double> m_totalVolume;
};

} // namespace cp::engine
