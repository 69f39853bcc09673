#include "assetfeatures.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace cp::engine {

namespace {

constexpr int kWindow = 30;

QString dayText(qint64 time)
{
    return QDateTime::fromSecsSinceEpoch(time, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
}

AssetFeatures skipped(AssetFeatures f, SkipKind kind, QString reason)
{
    f.skip = kind;
    f.skipReason = std::move(reason);
    return f;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    const std::size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(mid), v.end());
    const double upper = v[mid];
    if (v.size() % 2 == 1)
        return upper;
    const double lower = *std::max_element(v.begin(), v.begin() + std::ptrdiff_t(mid));
    return 0.5 * (lower + upper);
}

double averageCloses(const DailyMarket &market, int asset, int lastDay, int days)
{
    double sum = 0.0;
    for (int d = lastDay - days + 1; d <= lastDay; ++d)
        sum += market.close(asset, d);
    return sum / days;
}

} // namespace

bool isDataFault(SkipKind kind)
{
    switch (kind) {
    case SkipKind::Stablecoin:
    case SkipKind::ShortHistory:
        return false;
    case SkipKind::NoData:
    case SkipKind::InvalidValues:
    case SkipKind::Stale:
    case SkipKind::ConstantPrice:
    case SkipKind::NoVolume:
        break;
    }
    return true;
}

AssetFeatures computeAssetFeatures(const AssetHistory &asset, const DailyMarket &market,
                                   int assetIndex, qint64 now, const FeatureConfig &config)
{
    AssetFeatures f;
    f.assetIndex = assetIndex;
    // Stablecoins are never ranked: their price is held at the peg, so momentum, trend and
    // risk-adjusted return measure peg noise, not an asset worth watching more closely.
    if (asset.isStablecoin)
        return skipped(f, SkipKind::Stablecoin,
                       QStringLiteral("stablecoin: its price is pegged, so it is not ranked"));
    if (asset.candles.empty() || assetIndex < 0 || assetIndex >= market.assetCount() ||
        market.dayCount() == 0)
        return skipped(f, SkipKind::NoData, QStringLiteral("no price data"));

    int invalid = 0;
    qint64 firstInvalid = 0;
    for (const Candle &c : asset.candles) {
        if (!isUsableBar(c)) {
            if (invalid++ == 0)
                firstInvalid = c.time;
        }
    }
    if (invalid > 0) {
        return skipped(f, SkipKind::InvalidValues,
                       QStringLiteral("%1 of %2 bars have a missing, NaN or non-positive price or "
                                      "a negative volume (first on %3)")
                           .arg(invalid)
                           .arg(asset.candles.size())
                           .arg(dayText(firstInvalid)));
    }

    f.snapshot = takeSnapshot(asset, now, config.staleDays);
    if (!f.snapshot.current) {
        return skipped(f, SkipKind::Stale,
                       QStringLiteral("no price since %1 (%2 days before the analysis time)")
                           .arg(dayText(f.snapshot.lastTime))
                           .arg((now - f.snapshot.lastTime) / kSecondsPerDay));
    }
    const qint64 historyDays = (now - asset.candles.front().time) / kSecondsPerDay;
    const int last = market.dayCount() - 1;
    if (historyDays < config.minHistoryDays || last < kWindow + 1) {
        return skipped(f, SkipKind::ShortHistory,
                       QStringLiteral("only %1 days of price history; %2 are needed for "
                                      "30-day momentum")
                           .arg(historyDays)
                           .arg(config.minHistoryDays));
    }

    // Daily closes exist (forward-filled) from the first bar's day: at least 32 of them here.
    int available = 0;
    while (available < last + 1 && market.hasData(assetIndex, last - available))
        ++available;
    double sum = 0.0;
    double sumSq = 0.0;
    for (int d = last - kWindow + 1; d <= last; ++d) {
        const double r = std::log(market.close(assetIndex, d) / market.close(assetIndex, d - 1));
        sum += r;
        sumSq += r * r;
    }
    const double mean = sum / kWindow;
    f.volatility30d = std::sqrt(std::max(0.0, (sumSq - kWindow * mean * mean) / (kWindow - 1)));
    if (!(f.volatility30d > 1e-12)) {
        return skipped(f, SkipKind::ConstantPrice,
                       QStringLiteral("the price did not change over the last 30 days"));
    }

    // Quote volumes of the 30 complete days before the (possibly partial) current day.
    std::vector<double> volumes;
    volumes.reserve(kWindow);
    for (int d = last - kWindow; d < last; ++d)
        volumes.push_back(market.volume(assetIndex, d) * market.close(assetIndex, d));
    f.medianVolume30d = median(volumes);
    for (double v : volumes)
        f.meanVolume30d += v / kWindow;
    if (!(f.meanVolume30d > 0.0)) {
        return skipped(f, SkipKind::NoVolume,
                       QStringLiteral("no trading volume in the 30 days before the analysis"));
    }
    if (!(f.medianVolume30d > 0.0)) {
        return skipped(f, SkipKind::NoVolume,
                       QStringLiteral("no trading volume on most of the last 30 days"));
    }

    const AssetSnapshot &s = f.snapshot;
    const double dayAgo = priceAsOf(asset.candles, now - kSecondsPerDay);
    const double monthAgo = priceAsOf(asset.candles, now - 31 * kSecondsPerDay);
    f.momentum = std::log(dayAgo / monthAgo);
    f.momentumReturn = dayAgo / monthAgo - 1.0;
    f.return24h = s.returnSince(s.close24h);
    f.return7d = s.returnSince(s.close7d);
    f.return30d = s.returnSince(s.close30d);
    f.riskAdjusted = std::log1p(f.return30d) / (f.volatility30d * std::sqrt(double(kWindow)));

    f.volume24h = s.dollarVolume24h;
    f.volumeSurge = std::log(std::max(f.volume24h, 0.01 * f.medianVolume30d) / f.medianVolume30d);
    f.liquidity = std::log(f.meanVolume30d);

    // The longest average the history allows, up to trendAverageDays, and its slope.
    const int slope = std::max(1, config.trendSlopeDays);
    f.averageDays = std::clamp(available - slope, 1, std::max(1, config.trendAverageDays));
    const double average = averageCloses(market, assetIndex, last, f.averageDays);
    const double averageBefore = averageCloses(market, assetIndex, last - slope, f.averageDays);
    f.priceVsAverage = s.lastClose / average - 1.0;
    f.averageSlope = average / averageBefore - 1.0;
    f.trend = std::log(s.lastClose / average) + std::log(average / averageBefore);

    f.drawdownDays = std::min(available, std::max(2, config.drawdownDays));
    double peak = 0.0;
    for (int d = last - f.drawdownDays + 1; d <= last; ++d) {
        const double c = market.close(assetIndex, d);
        peak = std::max(peak, c);
        f.maxDrawdown = std::max(f.maxDrawdown, 1.0 - c / peak);
    }

    f.firstCloseDay = market.day(last - kWindow + 1);
    f.closes.reserve(kWindow);
    for (int d = last - kWindow + 1; d <= last; ++d)
        f.closes.push_back(market.close(assetIndex, d));
    return f;
}

} // namespace cp::engine
