#include "suggestionengine.h"

#include "assetscorer.h"
#include "assetsnapshot.h"
#include "suggestionreasoning.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace cp::engine {

namespace {

/** A suggestion decided on but not yet written out. */
struct Candidate
{
    const AssetFeatures *features = nullptr;
    const ScoredAsset *scored = nullptr;
    SuggestionType type = SuggestionType::AddTier2;
    double confidence = 0.0;
    double boundary = 0.0;
};

TierBands makeBands(int n, const AssetConfig &config)
{
    auto share = [n](double fraction) { return int(std::ceil(std::max(0.0, fraction) * n)); };
    TierBands b;
    b.ranked = n;
    b.tier1 = std::min(std::max(0, config.tier1Limit), share(config.tier1MaxFraction));
    b.watch = b.tier1 + std::min(std::max(0, config.tier2Limit), share(config.tier2MaxFraction));
    b.margin = std::max(1, share(config.marginFraction));
    return b;
}

/** The score between rank k and k + 1; beyond the ends, 3 z-units past the extreme score. */
double boundaryAfter(const std::vector<ScoredAsset> &ranked, int k)
{
    const int n = int(ranked.size());
    if (k <= 0)
        return ranked.front().score.score + 3.0;
    if (k >= n)
        return ranked.back().score.score - 3.0;
    return 0.5 * (ranked[std::size_t(k - 1)].score.score + ranked[std::size_t(k)].score.score);
}

SectorStanding standingOf(const AssetHistory &asset, const SectorAnalysis &sectors)
{
    SectorStanding s;
    for (const SectorPerformanceResult &row : sectors.sectors) {
        if (asset.sectorId > 0 && row.sectorId == asset.sectorId) {
            s.known = true;
            s.name = row.sectorName;
            s.momentum = std::isfinite(row.momentumScore) ? row.momentumScore : 0.0;
            s.rank = row.rank;
            s.count = int(sectors.sectors.size());
            break;
        }
    }
    return s;
}

} // namespace

std::optional<SuggestionType> suggestionTypeFromName(const QString &name)
{
    for (SuggestionType t :
         {SuggestionType::AddTier1, SuggestionType::AddTier2, SuggestionType::Promote,
          SuggestionType::Demote, SuggestionType::Remove}) {
        if (suggestionTypeName(t) == name)
            return t;
    }
    return std::nullopt;
}

AssetAnalysis analyzeAssets(const std::vector<AssetHistory> &assets, const DailyMarket &market,
                            const SectorAnalysis &sectors, const MacroAnalysis &macro,
                            const std::vector<PendingSuggestion> &pending,
                            const AssetConfig &config)
{
    const qint64 now = newestBarTime(assets);
    std::vector<AssetFeatures> features;
    features.reserve(assets.size());
    for (int i = 0; i < int(assets.size()); ++i)
        features.push_back(
            computeAssetFeatures(assets[std::size_t(i)], market, i, now, config.features));
    return analyzeAssetFeatures(assets, std::move(features), sectors, macro, pending, config);
}

AssetAnalysis analyzeAssetFeatures(const std::vector<AssetHistory> &assets,
                                   std::vector<AssetFeatures> features,
                                   const SectorAnalysis &sectors, const MacroAnalysis &macro,
                                   const std::vector<PendingSuggestion> &pending,
                                   const AssetConfig &config)
{
    AssetAnalysis out;
    const qint64 now = newestBarTime(assets);
    std::vector<SectorStanding> standing(features.size());
    for (std::size_t i = 0; i < features.size(); ++i) {
        AssetFeatures &f = features[i];
        if (f.assetIndex < 0 || f.assetIndex >= int(assets.size())) {
            f.assetIndex = -1;
            continue;
        }
        standing[i] = standingOf(assets[std::size_t(f.assetIndex)], sectors);
        f.sectorStrength = standing[i].momentum;
        if (f.skip) {
            const AssetHistory &a = assets[std::size_t(f.assetIndex)];
            out.skipped.push_back({a.cryptoId, a.symbol, f.skipReason});
        }
    }
    const std::vector<ScoredAsset> ranked = scoreCrossSection(assets, features);
    for (const ScoredAsset &s : ranked)
        out.scores.push_back(s.score);
    const TierBands bands = makeBands(int(ranked.size()), config);

    std::set<std::pair<int, int>> pendingSet;
    for (const PendingSuggestion &p : pending)
        pendingSet.insert({p.cryptoId, int(p.type)});
    int tier1 = 0;
    int tier2 = 0;
    for (const AssetHistory &a : assets) {
        tier1 += a.tier == Tier::Tier1 ? 1 : 0;
        tier2 += a.tier == Tier::Tier2 ? 1 : 0;
    }
    auto assetOf = [&](const Candidate &c) -> const AssetHistory & {
        return assets[std::size_t(c.features->assetIndex)];
    };

    std::vector<Candidate> accepted;
    // A pending duplicate still takes its seat in the tier counts, it is just not repeated.
    auto take = [&](const Candidate &c) {
        if (!pendingSet.count({assetOf(c).cryptoId, int(c.type)}))
            accepted.push_back(c);
    };
    auto leave = [&](Tier t) {
        tier1 -= t == Tier::Tier1 ? 1 : 0;
        tier2 -= t == Tier::Tier2 ? 1 : 0;
    };

    // 1. Watched assets whose data is broken.
    for (const AssetFeatures &f : features) {
        if (f.assetIndex < 0 || !f.skip || !isDataFault(*f.skip))
            continue;
        const AssetHistory &a = assets[std::size_t(f.assetIndex)];
        if (a.tier == Tier::None || a.isStablecoin)
            continue;
        take({&f, nullptr, SuggestionType::Remove, 1.0, 0.0});
        leave(a.tier);
    }
    if (!ranked.empty()) {
        // Upward decisions are measured against the band's lower edge, downward ones against
        // the edge moved down by the margin (the hysteresis).
        const double tier1Edge = boundaryAfter(ranked, bands.tier1);
        const double watchEdge = boundaryAfter(ranked, bands.watch);
        const double demoteEdge = boundaryAfter(ranked, bands.tier1 + bands.margin);
        const double removeEdge = boundaryAfter(ranked, bands.watch + bands.margin);
        auto upward = [](const ScoredAsset &s, double edge) {
            return normalCdf((s.score.score - edge) / s.standardError);
        };
        auto downward = [](const ScoredAsset &s, double edge) {
            return normalCdf((edge - s.score.score) / s.standardError);
        };
        std::vector<Candidate> demotes;
        std::vector<Candidate> tier1Candidates;
        std::vector<Candidate> tier2Candidates;
        // 2. Watched assets far below the watch band; collect the other candidates.
        for (const ScoredAsset &s : ranked) {
            const AssetFeatures *f = &features[std::size_t(s.featureIndex)];
            const Tier tier = assets[std::size_t(f->assetIndex)].tier;
            if (tier != Tier::None && s.rank > bands.watch + bands.margin) {
                const double c = downward(s, removeEdge);
                if (c >= config.minConfidence) {
                    take({f, &s, SuggestionType::Remove, c, removeEdge});
                    leave(tier);
                }
            } else if (tier == Tier::Tier1 && s.rank > bands.tier1 + bands.margin) {
                demotes.push_back(
                    {f, &s, SuggestionType::Demote, downward(s, demoteEdge), demoteEdge});
            } else if (tier != Tier::Tier1 && s.rank <= bands.tier1) {
                tier1Candidates.push_back(
                    {f, &s,
                     tier == Tier::Tier2 ? SuggestionType::Promote : SuggestionType::AddTier1,
                     upward(s, tier1Edge), tier1Edge});
            } else if (tier == Tier::None && s.rank > bands.tier1 && s.rank <= bands.watch) {
                tier2Candidates.push_back(
                    {f, &s, SuggestionType::AddTier2, upward(s, watchEdge), watchEdge});
            }
        }
        auto confident = [&](const Candidate &c) { return c.confidence >= config.minConfidence; };
        std::erase_if(demotes, [&](const Candidate &c) { return !confident(c); });
        std::erase_if(tier1Candidates, [&](const Candidate &c) { return !confident(c); });
        std::erase_if(tier2Candidates, [&](const Candidate &c) { return !confident(c); });
        std::vector<bool> used(tier1Candidates.size(), false);

        // 3. Demotions, weakest first: each needs a tier 2 seat, or a promotion out of tier 2
        // that takes the tier 1 seat it frees (a swap leaves both counts unchanged).
        for (auto d = demotes.rbegin(); d != demotes.rend(); ++d) {
            if (tier2 < config.tier2Limit) {
                take(*d);
                --tier1;
                ++tier2;
                continue;
            }
            if (tier1 > config.tier1Limit)
                continue;
            for (std::size_t p = 0; p < tier1Candidates.size(); ++p) {
                if (!used[p] && tier1Candidates[p].type == SuggestionType::Promote) {
                    used[p] = true;
                    take(*d);
                    take(tier1Candidates[p]);
                    break;
                }
            }
        }
        // 4. The strongest tier 1 candidates while tier 1 has room.
        for (std::size_t p = 0; p < tier1Candidates.size() && tier1 < config.tier1Limit; ++p) {
            if (used[p])
                continue;
            used[p] = true;
            take(tier1Candidates[p]);
            ++tier1;
            if (tier1Candidates[p].type == SuggestionType::Promote)
                --tier2;
        }
        // 5. Tier 2 candidates while tier 2 has room.
        for (const Candidate &c : tier2Candidates) {
            if (tier2 >= config.tier2Limit)
                break;
            take(c);
            ++tier2;
        }
    }

    for (const Candidate &c : accepted) {
        const AssetHistory &a = assetOf(c);
        SuggestionFacts facts;
        facts.asset = &a;
        facts.features = c.features;
        facts.scored = c.scored;
        facts.sector = standing[std::size_t(c.features - features.data())];
        facts.macro = &macro;
        facts.bands = bands;
        facts.boundary = c.boundary;
        SuggestionResult s;
        s.cryptoId = a.cryptoId;
        s.symbol = a.symbol;
        s.type = c.type;
        s.confidence = std::clamp(c.confidence, 0.0, 1.0);
        s.aiReasoning = suggestionReasoning(c.type, facts, s.confidence);
        s.supportingData = suggestionSupportingData(facts);
        s.performanceMetrics = assetPerformanceMetrics(*c.features);
        s.suggestedAt = now;
        s.expiresAt = now + qint64(std::max(0, config.expiryDays)) * kSecondsPerDay;
        out.suggestions.push_back(std::move(s));
    }
    return out;
}

} // namespace cp::engine
