#include "sectoranalyzer.h"

#include "assetsnapshot.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace cp::engine {

namespace {

double round4(double x)
{
    return std::isfinite(x) ? std::round(x * 1e4) / 1e4 : 0.0;
}

double finiteOr(double x, double fallback = 0.0)
{
    return std::isfinite(x) ? x : fallback;
}

struct Group
{
    int id = 0;
    QString name;
    std::vector<int> members;
    bool stablecoin = true; //!< every member is a stablecoin
};

/** Return of a group between a past reference price and the last close. */
struct WindowReturn
{
    bool valid = false;
    bool equalWeighted = false;
    int members = 0;
    double value = 0.0; //!< fraction, not percent
};

WindowReturn windowReturn(const std::vector<int> &members, const std::vector<AssetSnapshot> &snaps,
                          const std::vector<AssetHistory> &assets, double AssetSnapshot::*reference)
{
    WindowReturn r;
    double capNow = 0.0;
    double capThen = 0.0;
    double simpleSum = 0.0;
    for (const int a : members) {
        const AssetSnapshot &s = snaps[std::size_t(a)];
        const double ref = s.*reference;
        if (!s.current || !std::isfinite(ref) || !(ref > 0.0))
            continue; // not listed yet at the reference time: no part in this window
        ++r.members;
        simpleSum += s.lastClose / ref - 1.0;
        const double supply = assets[std::size_t(a)].circulatingSupply;
        if (std::isfinite(supply) && supply > 0.0) {
            capNow += s.lastClose * supply;
            capThen += ref * supply;
        }
    }
    if (r.members == 0)
        return r;
    r.valid = true;
    if (capThen > 0.0) {
        r.value = capNow / capThen - 1.0;
    } else {
        r.equalWeighted = true;
        r.value = simpleSum / r.members;
    }
    r.value = finiteOr(r.value);
    return r;
}

QJsonArray topPerformers(const std::vector<int> &members, const std::vector<AssetSnapshot> &snaps,
                         const std::vector<AssetHistory> &assets)
{
    std::vector<std::pair<double, int>> ranked;
    for (const int a : members) {
        const double r = snaps[std::size_t(a)].returnSince(snaps[std::size_t(a)].close24h);
        if (std::isfinite(r))
            ranked.emplace_back(r, a);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [&](const auto &x, const auto &y) {
        if (x.first != y.first)
            return x.first > y.first;
        return assets[std::size_t(x.second)].cryptoId < assets[std::size_t(y.second)].cryptoId;
    });
    QJsonArray out;
    for (std::size_t i = 0; i < ranked.size() && i < 3; ++i) {
        const AssetHistory &asset = assets[std::size_t(ranked[i].second)];
        out.append(
            QJsonObject{{QStringLiteral("crypto_id"), asset.cryptoId},
                        {QStringLiteral("symbol"), asset.symbol},
                        {QStringLiteral("performance_24h"), round4(100.0 * ranked[i].first)}});
    }
    return out;
}

double relativePercent(const WindowReturn &sector, const WindowReturn &market)
{
    if (!sector.valid || !market.valid)
        return 0.0;
    return finiteOr(100.0 * ((1.0 + sector.value) / (1.0 + market.value) - 1.0));
}

} // namespace

SectorAnalysis analyzeSectors(const DailyMarket &market, const std::vector<AssetHistory> &assets,
                              const MarketRegimeResult &regime, const SectorConfig &config)
{
    SectorAnalysis result;
    const qint64 now = newestBarTime(assets);
    result.rotation.analysisTime = now;
    if (market.assetCount() != int(assets.size()))
        return result; // not built from these assets: nothing can be matched safely

    std::vector<AssetSnapshot> snaps;
    snaps.reserve(assets.size());
    for (const AssetHistory &asset : assets)
        snaps.push_back(takeSnapshot(asset, now, config.staleDays));

    std::map<int, Group> groups;
    std::vector<int> riskMarket;
    std::vector<int> wholeMarket;
    double totalCap = 0.0;
    for (int a = 0; a < int(assets.size()); ++a) {
        const AssetHistory &asset = assets[std::size_t(a)];
        wholeMarket.push_back(a);
        if (!asset.isStablecoin)
            riskMarket.push_back(a);
        const AssetSnapshot &s = snaps[std::size_t(a)];
        if (s.current && std::isfinite(asset.circulatingSupply) && asset.circulatingSupply > 0.0)
            totalCap += s.lastClose * asset.circulatingSupply;
        if (asset.sectorId <= 0)
            continue;
        Group &g = groups[asset.sectorId];
        g.id = asset.sectorId;
        if (g.name.isEmpty())
            g.name = asset.sector;
        g.members.push_back(a);
        g.stablecoin = g.stablecoin && asset.isStablecoin;
    }
    // The benchmark is the market that carries risk: stablecoins would dilute it towards 0.
    const std::vector<int> &benchmark = riskMarket.empty() ? wholeMarket : riskMarket;
    const std::vector<double> marketReturns = indexLogReturns(market, benchmark);
    const WindowReturn market7 = windowReturn(benchmark, snaps, assets, &AssetSnapshot::close7d);
    const WindowReturn market30 = windowReturn(benchmark, snaps, assets, &AssetSnapshot::close30d);

    const int last = market.dayCount() - 1;
    const int horizon = std::max(1, config.rotation.horizonDays);
    std::vector<SectorSeries> series;
    for (auto &[id, g] : groups) {
        if (g.name.isEmpty())
            g.name = QStringLiteral("Sector %1").arg(id);
        SectorPerformanceResult row;
        row.sectorId = id;
        row.sectorName = g.name;
        row.analysisTime = now;

        int current = 0;
        for (const int a : g.members) {
            const AssetSnapshot &s = snaps[std::size_t(a)];
            if (!s.current)
                continue;
            ++current;
            const double supply = assets[std::size_t(a)].circulatingSupply;
            if (std::isfinite(supply) && supply > 0.0)
                row.totalMarketCap += s.lastClose * supply;
            row.totalVolume += s.dollarVolume24h;
        }
        row.totalMarketCap = finiteOr(row.totalMarketCap);
        row.totalVolume = finiteOr(row.totalVolume);
        row.dominancePercentage =
            totalCap > 0.0 ? std::clamp(100.0 * row.totalMarketCap / totalCap, 0.0, 100.0) : 0.0;

        const WindowReturn r24 = windowReturn(g.members, snaps, assets, &AssetSnapshot::close24h);
        const WindowReturn r7 = windowReturn(g.members, snaps, assets, &AssetSnapshot::close7d);
        const WindowReturn r30 = windowReturn(g.members, snaps, assets, &AssetSnapshot::close30d);
        row.performance24h = 100.0 * r24.value;
        row.performance7d = 100.0 * r7.value;
        row.performance30d = 100.0 * r30.value;

        SectorSeries s;
        s.name = g.name;
        s.stablecoin = g.stablecoin;
        s.members = g.members;
        const std::vector<double> index = indexLogReturns(market, g.members);
        s.excess = excessReturns(index, marketReturns);
        s.now = momentumAt(s.excess, last);
        s.weekAgo = momentumAt(s.excess, last - horizon);
        row.momentumScore = std::clamp(finiteOr(s.now.score), -1.0, 1.0);
        row.topPerformers = topPerformers(g.members, snaps, assets);
        row.performanceMetrics = {
            {QStringLiteral("volatility_30d"), round4(100.0 * trailingStdDev(index, last, 30))},
            {QStringLiteral("volatility_unit"), QStringLiteral("percent per day")},
            {QStringLiteral("member_count"), int(g.members.size())},
            {QStringLiteral("current_members"), current},
            {QStringLiteral("members_24h"), r24.members},
            {QStringLiteral("members_7d"), r7.members},
            {QStringLiteral("members_30d"), r30.members},
            {QStringLiteral("weighting"),
             r30.equalWeighted ? QStringLiteral("equal") : QStringLiteral("market_cap")},
            {QStringLiteral("relative_strength_7d"), round4(relativePercent(r7, market7))},
            {QStringLiteral("relative_strength_30d"), round4(relativePercent(r30, market30))},
            {QStringLiteral("market_performance_7d"), round4(100.0 * market7.value)},
            {QStringLiteral("market_performance_30d"), round4(100.0 * market30.value)},
            {QStringLiteral("momentum_z7"), round4(s.now.z7)},
            {QStringLiteral("momentum_z30"), round4(s.now.z30)},
            {QStringLiteral("momentum_blend"), round4(s.now.blend)},
            {QStringLiteral("tracking_error_30d"), round4(100.0 * s.now.trackingError)},
            {QStringLiteral("momentum_window_days"), s.now.window},
            {QStringLiteral("momentum_%1d_ago").arg(horizon), round4(s.weekAgo.score)},
            {QStringLiteral("stablecoin_sector"), g.stablecoin},
            {QStringLiteral("momentum_definition"),
             QStringLiteral("tanh((0.4 z7 + 0.6 z30) / 2); zN = excess log-return of the "
                            "daily cap-weighted index over the non-stablecoin market over N "
                            "days / (30-day tracking error x sqrt(N))")}};
        result.sectors.push_back(std::move(row));
        series.push_back(std::move(s));
    }

    std::vector<std::size_t> order(result.sectors.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    // By the unsquashed blend: it orders sectors whose scores tanh has saturated to +-1 alike.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return series[a].now.blend > series[b].now.blend;
    });
    for (std::size_t r = 0; r < order.size(); ++r)
        result.sectors[order[r]].rank = int(r) + 1;

    result.rotation =
        analyzeRotation(market, series, regime.recommendedExposure, now, config.rotation);
    return result;
}

} // namespace cp::engine
