#include "assetscorer.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cp::engine {

namespace {

constexpr double kMadToSigma = 1.4826;     // 1 / Phi^-1(3/4)
constexpr double kMeanAbsToSigma = 1.2533; // sqrt(pi / 2)
constexpr double kMinComponentSpread = 0.5;

double medianOf(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t mid = v.size() / 2;
    return v.size() % 2 == 1 ? v[mid] : 0.5 * (v[mid - 1] + v[mid]);
}

double rawComponent(const AssetFeatures &f, int c)
{
    switch (Component(c)) {
    case Component::Momentum:
        return f.momentum;
    case Component::VolumeSurge:
        return f.volumeSurge;
    case Component::RiskAdjusted:
        return f.riskAdjusted;
    case Component::Trend:
        return f.trend;
    case Component::SectorStrength:
        return f.sectorStrength;
    case Component::Liquidity:
        break;
    }
    return f.liquidity;
}

/** 1-based ranks, highest value first; ties broken by the given id order. */
std::vector<int> ranksDescending(std::span<const double> values, std::span<const int> ids)
{
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (values[a] != values[b])
            return values[a] > values[b];
        return ids[a] < ids[b];
    });
    std::vector<int> rank(values.size());
    for (std::size_t r = 0; r < order.size(); ++r)
        rank[order[r]] = int(r) + 1;
    return rank;
}

RiskLevel riskFromPercentile(double p)
{
    if (p < 0.25)
        return RiskLevel::Low;
    if (p < 0.75)
        return RiskLevel::Medium;
    if (p < 0.95)
        return RiskLevel::High;
    return RiskLevel::Extreme;
}

} // namespace

QString componentName(Component component)
{
    switch (component) {
    case Component::Momentum:
        return QStringLiteral("momentum");
    case Component::VolumeSurge:
        return QStringLiteral("volume_surge");
    case Component::RiskAdjusted:
        return QStringLiteral("risk_adjusted_return");
    case Component::Trend:
        return QStringLiteral("trend");
    case Component::SectorStrength:
        return QStringLiteral("sector_strength");
    case Component::Liquidity:
        break;
    }
    return QStringLiteral("liquidity");
}

std::vector<double> robustZ(std::span<const double> values, double clip)
{
    std::vector<double> z(values.size(), 0.0);
    if (values.empty())
        return z;
    const double med = medianOf({values.begin(), values.end()});
    std::vector<double> dev;
    dev.reserve(values.size());
    double meanAbs = 0.0;
    for (double v : values) {
        dev.push_back(std::abs(v - med));
        meanAbs += std::abs(v - med) / double(values.size());
    }
    double scale = kMadToSigma * medianOf(std::move(dev));
    if (!(scale > 1e-12))
        scale = kMeanAbsToSigma * meanAbs;
    if (!(scale > 1e-12) || !std::isfinite(scale))
        return z;
    for (std::size_t i = 0; i < values.size(); ++i)
        z[i] = std::clamp((values[i] - med) / scale, -clip, clip);
    return z;
}

double normalCdf(double x)
{
    return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

std::vector<ScoredAsset> scoreCrossSection(const std::vector<AssetHistory> &assets,
                                           const std::vector<AssetFeatures> &features)
{
    std::vector<ScoredAsset> scored;
    for (int i = 0; i < int(features.size()); ++i) {
        const AssetFeatures &f = features[std::size_t(i)];
        if (f.skip || f.assetIndex < 0 || f.assetIndex >= int(assets.size()))
            continue;
        ScoredAsset s;
        s.featureIndex = i;
        const AssetHistory &asset = assets[std::size_t(f.assetIndex)];
        s.score.cryptoId = asset.cryptoId;
        s.score.symbol = asset.symbol;
        s.score.performance24h = std::isfinite(f.return24h) ? 100.0 * f.return24h : 0.0;
        for (int c = 0; c < kComponentCount; ++c) {
            const double v = rawComponent(f, c);
            s.raw[std::size_t(c)] = std::isfinite(v) ? v : 0.0;
        }
        scored.push_back(std::move(s));
    }
    const std::size_t n = scored.size();
    if (n == 0)
        return scored;

    std::vector<int> ids(n);
    for (std::size_t i = 0; i < n; ++i)
        ids[i] = scored[i].score.cryptoId;
    std::vector<double> column(n);
    for (int c = 0; c < kComponentCount; ++c) {
        for (std::size_t i = 0; i < n; ++i)
            column[i] = scored[i].raw[std::size_t(c)];
        const std::vector<double> z = robustZ(column);
        const std::vector<int> rank = ranksDescending(column, ids);
        for (std::size_t i = 0; i < n; ++i) {
            scored[i].z[std::size_t(c)] = z[i];
            scored[i].componentRank[std::size_t(c)] = rank[i];
        }
    }

    double sumSqWeights = 0.0;
    for (double w : kComponentWeights)
        sumSqWeights += w * w;
    std::vector<double> scores(n);
    for (std::size_t i = 0; i < n; ++i) {
        ScoredAsset &s = scored[i];
        double score = 0.0;
        for (int c = 0; c < kComponentCount; ++c)
            score += kComponentWeights[std::size_t(c)] * s.z[std::size_t(c)];
        double spread = 0.0;
        for (int c = 0; c < kComponentCount; ++c) {
            const double d = s.z[std::size_t(c)] - score;
            spread += kComponentWeights[std::size_t(c)] * d * d;
        }
        spread = std::sqrt(spread / (1.0 - sumSqWeights));
        s.standardError = std::sqrt(sumSqWeights) * std::max(spread, kMinComponentSpread);
        s.score.score = score;
        s.score.momentum = s.z[std::size_t(Component::Momentum)];
        s.score.volumeSurge = s.z[std::size_t(Component::VolumeSurge)];
        s.score.riskAdjustedReturn = s.z[std::size_t(Component::RiskAdjusted)];
        s.score.trend = s.z[std::size_t(Component::Trend)];
        s.score.sectorStrength = s.z[std::size_t(Component::SectorStrength)];
        s.score.liquidity = s.z[std::size_t(Component::Liquidity)];
        scores[i] = score;
    }

    const double medianScore = medianOf(scores);
    const std::vector<int> rank = ranksDescending(scores, ids);
    std::vector<double> vol(n);
    for (std::size_t i = 0; i < n; ++i)
        vol[i] = features[std::size_t(scored[i].featureIndex)].volatility30d;
    // Ascending volatility rank: the calmest asset has the lowest percentile.
    const std::vector<int> volRank = ranksDescending(vol, ids);
    for (std::size_t i = 0; i < n; ++i) {
        ScoredAsset &s = scored[i];
        s.rank = rank[i];
        s.percentile = (double(n) - s.rank + 0.5) / double(n);
        s.volatilityPercentile = (double(n) - volRank[i] + 0.5) / double(n);
        s.score.riskLevel = riskFromPercentile(s.volatilityPercentile);
        s.score.confidence =
            std::clamp(normalCdf((s.score.score - medianScore) / s.standardError), 0.0, 1.0);
    }
    std::sort(scored.begin(), scored.end(),
              [](const ScoredAsset &a, const ScoredAsset &b) { return a.rank < b.rank; });
    return scored;
}

} // namespace cp::engine
