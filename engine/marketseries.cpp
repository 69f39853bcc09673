#include "marketseries.h"

#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cp::engine {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double finiteOrZero(double v)
{
    return std::isfinite(v) ? v : 0.0;
}

} // namespace

bool isBitcoin(const AssetHistory &asset)
{
    return asset.symbol.compare(QLatin1String("BTC"), Qt::CaseInsensitive) == 0;
}

bool isEther(const AssetHistory &asset)
{
    return asset.symbol.compare(QLatin1String("ETH"), Qt::CaseInsensitive) == 0;
}

bool isStablecoinAsset(const AssetHistory &asset)
{
    return asset.isStablecoin ||
           asset.sector.compare(QLatin1String("Stablecoins"), Qt::CaseInsensitive) == 0;
}

MarketSeries buildMarketSeries(const DailyMarket &market, const std::vector<AssetHistory> &assets)
{
    MarketSeries s;
    if (int(assets.size()) != market.assetCount())
        return s;
    const int days = market.dayCount();
    const int count = market.assetCount();
    const auto n = std::size_t(days);
    s.totalCap.assign(n, 0.0);
    s.quoteVolume.assign(n, 0.0);
    s.indexReturn.assign(n, 0.0);
    s.index.assign(n, 1.0);
    s.btcDominance.assign(n, 0.0);
    s.ethDominance.assign(n, 0.0);
    s.stablecoinDominance.assign(n, 0.0);
    s.altDominance.assign(n, 0.0);
    s.stablecoin.resize(assets.size());

    std::vector<double> btc(n, 0.0), eth(n, 0.0), stable(n, 0.0);
    // Chain-linking sums: caps today and yesterday of assets present on both days, and the
    // equal-weighted fallback's log-return sum and count.
    std::vector<double> linkedNow(n, 0.0), linkedPrev(n, 0.0), equalSum(n, 0.0);
    std::vector<int> equalCount(n, 0);
    for (int a = 0; a < count; ++a) {
        const AssetHistory &asset = assets[std::size_t(a)];
        const bool isStable = isStablecoinAsset(asset);
        s.stablecoin[std::size_t(a)] = isStable;
        const bool isBtc = !isStable && isBitcoin(asset);
        const bool isEth = !isStable && isEther(asset);
        for (int d = 0; d < days; ++d) {
            if (!market.hasData(a, d))
                continue;
            const double cap = std::max(0.0, finiteOrZero(market.marketCap(a, d)));
            const double close = market.close(a, d);
            s.totalCap[std::size_t(d)] += cap;
            s.quoteVolume[std::size_t(d)] +=
                std::max(0.0, finiteOrZero(market.volume(a, d) * close));
            if (isStable)
                stable[std::size_t(d)] += cap;
            else if (isBtc)
                btc[std::size_t(d)] += cap;
            else if (isEth)
                eth[std::size_t(d)] += cap;
            if (d == 0 || !market.hasData(a, d - 1))
                continue;
            const double prevCap = std::max(0.0, finiteOrZero(market.marketCap(a, d - 1)));
            linkedNow[std::size_t(d)] += cap;
            linkedPrev[std::size_t(d)] += prevCap;
            const double prevClose = market.close(a, d - 1);
            if (!isStable && close > 0.0 && prevClose > 0.0) {
                equalSum[std::size_t(d)] += std::log(close / prevClose);
                ++equalCount[std::size_t(d)];
            }
        }
    }

    for (std::size_t d = 0; d < n; ++d) {
        const double total = s.totalCap[d];
        if (total > 0.0 && std::isfinite(total)) {
            s.btcDominance[d] = 100.0 * btc[d] / total;
            s.ethDominance[d] = 100.0 * eth[d] / total;
            s.stablecoinDominance[d] = 100.0 * stable[d] / total;
            s.altDominance[d] =
                std::clamp(100.0 - s.btcDominance[d] - s.ethDominance[d] - s.stablecoinDominance[d],
                           0.0, 100.0);
        }
        if (d == 0)
            continue;
        double r = 0.0;
        if (linkedPrev[d] > 0.0 && linkedNow[d] > 0.0 && std::isfinite(linkedNow[d]) &&
            std::isfinite(linkedPrev[d])) {
            r = std::log(linkedNow[d] / linkedPrev[d]);
        } else if (equalCount[d] > 0) {
            r = equalSum[d] / equalCount[d];
            ++s.equalWeightedDays;
        }
        s.indexReturn[d] = std::isfinite(r) ? r : 0.0;
        s.index[d] = s.index[d - 1] * std::exp(s.indexReturn[d]);
    }
    return s;
}

DominanceResult dominanceAt(const MarketSeries &series, int day, qint64 timestamp)
{
    DominanceResult r;
    r.timestamp = timestamp;
    if (day < 0 || day >= series.dayCount())
        return r;
    const auto d = std::size_t(day);
    r.btcDominance = series.btcDominance[d];
    r.ethDominance = series.ethDominance[d];
    r.stablecoinDominance = series.stablecoinDominance[d];
    r.altDominance = series.altDominance[d];
    r.totalMarketCap = series.totalCap[d];
    r.totalVolume = series.quoteVolume[d];
    const struct
    {
        const char *name;
        const std::vector<double> &values;
    } shares[] = {{"btc", series.btcDominance},
                  {"eth", series.ethDominance},
                  {"stablecoin", series.stablecoinDominance},
                  {"alt", series.altDominance}};
    const struct
    {
        const char *name;
        int days;
    } horizons[] = {{"24h", 1}, {"7d", 7}, {"30d", 30}};
    for (const auto &share : shares) {
        for (const auto &horizon : horizons) {
            if (day - horizon.days < 0)
                continue;
            const double change = share.values[d] - share.values[d - std::size_t(horizon.days)];
            r.dominanceChanges.insert(QLatin1String(share.name) + QLatin1Char('_') +
                                          QLatin1String(horizon.name),
                                      std::round(change * 1e4) / 1e4);
        }
    }
    return r;
}

std::vector<double> rollingStd(std::span<const double> values, int window)
{
    std::vector<double> out(values.size(), kNaN);
    if (window < 2 || values.size() < std::size_t(window))
        return out;
    // Two passes per window: windows are short (<= 90 days) and series a few thousand days,
    // and a flat window gives exactly 0, which running sums of squares do not promise.
    const auto w = std::size_t(window);
    for (std::size_t i = w - 1; i < values.size(); ++i) {
        double sum = 0.0;
        bool finite = true;
        for (std::size_t j = i + 1 - w; j <= i; ++j) {
            finite = finite && std::isfinite(values[j]);
            sum += values[j];
        }
        if (!finite)
            continue;
        const double mean = sum / double(w);
        double squares = 0.0;
        for (std::size_t j = i + 1 - w; j <= i; ++j)
            squares += (values[j] - mean) * (values[j] - mean);
        out[i] = std::sqrt(squares / double(w - 1));
    }
    return out;
}

std::vector<double> rollingMean(std::span<const double> values, int window)
{
    std::vector<double> out(values.size(), kNaN);
    if (window < 1 || values.size() < std::size_t(window))
        return out;
    for (std::size_t i = std::size_t(window) - 1; i < values.size(); ++i) {
        // Direct sums: windows are short (<= 90) and series a few thousand days, and this is
        // exact for constant inputs, which running sums are not.
        double sum = 0.0;
        for (std::size_t j = i + 1 - std::size_t(window); j <= i; ++j)
            sum += values[j];
        out[i] = sum / window;
    }
    return out;
}

} // namespace cp::engine
