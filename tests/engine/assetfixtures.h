#pragma once

// Constructed asset universes and small helpers shared by the layer-3 tests.

#include "marketfixtures.h"

#include <engine/dailymarket.h>
#include <engine/sectoranalyzer.h>
#include <engine/suggestionengine.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

namespace fixtures {

using cp::engine::analyzeAssets;
using cp::engine::analyzeSectors;
using cp::engine::AssetAnalysis;
using cp::engine::AssetConfig;
using cp::engine::AssetScore;
using cp::engine::DailyMarket;
using cp::engine::MacroAnalysis;
using cp::engine::PendingSuggestion;
using cp::engine::Regime;
using cp::engine::SectorAnalysis;
using cp::engine::SuggestionResult;
using cp::engine::SuggestionType;
using cp::engine::Tier;

/** A fixed market wobble every asset shares (so it never changes an asset's rank). */
inline double wobble(int d)
{
    return 0.02 * std::sin(0.9 * d) + 0.01 * std::cos(2.3 * d);
}

/**
 * n assets of one sector whose log-returns differ only by a drift: asset i (id i + 1) drifts
 * step * (n / 2 - i) per day on top of the shared wobble, and every asset trades the same
 * $1M a day. Volatility, volume and sector are then identical, so the ranks must be 1..n in
 * id order.
 */
inline std::vector<AssetHistory> rankedUniverse(int n, int days, double step = 0.001)
{
    std::vector<AssetHistory> out;
    for (int i = 0; i < n; ++i) {
        const double drift = step * (n / 2.0 - i);
        const auto closes = pricePath(50.0, days, [&](int d) { return drift + wobble(d); });
        std::vector<double> volumes;
        for (double c : closes)
            volumes.push_back(1e6 / c);
        out.push_back(
            dailyAsset(i + 1, QStringLiteral("R%1").arg(i + 1), 1, "DeFi", 1e6, closes, volumes));
    }
    return out;
}

/** n assets with independent noise; deterministic (fixed-seed mt19937, own transform). */
inline std::vector<AssetHistory> noisyUniverse(int n, int days, quint32 seed = 17)
{
    std::mt19937 gen(seed);
    auto uniform = [&] { return (double(gen()) + 0.5) / 4294967296.0; };
    std::vector<AssetHistory> out;
    for (int i = 0; i < n; ++i) {
        const double drift = 0.004 * (uniform() - 0.5);
        const double vol = 0.02 + 0.04 * uniform();
        const auto closes = pricePath(1.0 + 100.0 * uniform(), days, [&](int d) {
            return drift + 0.5 * wobble(d) + vol * (uniform() - 0.5) * 3.46;
        });
        std::vector<double> volumes;
        const double base = 1e5 + 1e7 * uniform();
        for (double c : closes)
            volumes.push_back(base * (0.6 + 0.8 * uniform()) / c);
        const int sector = 1 + i % 3;
        out.push_back(dailyAsset(i + 1, QStringLiteral("N%1").arg(i + 1), sector,
                                 QStringLiteral("Sector%1").arg(sector), 1e6 * (1 + i % 5), closes,
                                 volumes));
    }
    return out;
}

inline MacroAnalysis macroWithExposure(double exposure)
{
    MacroAnalysis m;
    m.regime.regime = Regime::Bull;
    m.regime.confidence = 0.8;
    m.regime.recommendedExposure = exposure;
    return m;
}

struct Run
{
    SectorAnalysis sectors;
    AssetAnalysis assets;
};

inline Run analyze(const std::vector<AssetHistory> &assets, const AssetConfig &config = {},
                   const std::vector<PendingSuggestion> &pending = {})
{
    const DailyMarket market(assets);
    const MacroAnalysis macro = macroWithExposure(0.6);
    Run r;
    r.sectors = analyzeSectors(market, assets, macro.regime);
    r.assets = analyzeAssets(assets, market, r.sectors, macro, pending, config);
    return r;
}

inline const AssetScore *scoreOf(const AssetAnalysis &a, int id)
{
    for (const AssetScore &s : a.scores)
        if (s.cryptoId == id)
            return &s;
    return nullptr;
}

inline const SuggestionResult *suggestionFor(const AssetAnalysis &a, int id)
{
    for (const SuggestionResult &s : a.suggestions)
        if (s.cryptoId == id)
            return &s;
    return nullptr;
}

/** The tiers after every suggestion is approved. */
inline std::map<int, Tier> applied(const std::vector<AssetHistory> &assets,
                                   const std::vector<SuggestionResult> &suggestions)
{
    std::map<int, Tier> tiers;
    for (const AssetHistory &a : assets)
        tiers[a.cryptoId] = a.tier;
    for (const SuggestionResult &s : suggestions) {
        switch (s.type) {
        case SuggestionType::AddTier1:
        case SuggestionType::Promote:
            tiers[s.cryptoId] = Tier::Tier1;
            break;
        case SuggestionType::AddTier2:
        case SuggestionType::Demote:
            tiers[s.cryptoId] = Tier::Tier2;
            break;
        case SuggestionType::Remove:
            tiers[s.cryptoId] = Tier::None;
            break;
        }
    }
    return tiers;
}

inline int countTier(const std::map<int, Tier> &tiers, Tier tier)
{
    return int(
        std::count_if(tiers.begin(), tiers.end(), [&](const auto &p) { return p.second == tier; }));
}

} // namespace fixtures
