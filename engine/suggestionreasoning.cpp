#include "suggestionreasoning.h"

#include <QDateTime>
#include <QJsonArray>

#include <cmath>

namespace cp::engine {

namespace {

double round4(double x)
{
    return std::isfinite(x) ? std::round(x * 1e4) / 1e4 : 0.0;
}

double round6(double x)
{
    return std::isfinite(x) ? std::round(x * 1e6) / 1e6 : 0.0;
}

//! Prices span $0.00001 to $100,000: keep 8 significant digits, not a fixed number of decimals.
double significant8(double x)
{
    return std::isfinite(x) ? QString::number(x, 'g', 8).toDouble() : 0.0;
}

QString fixed(double x, int decimals)
{
    return QString::number(std::isfinite(x) ? x : 0.0, 'f', decimals);
}

//! "top 5% of assets" / "bottom 20% of assets" for a 1-based rank among n.
QString standing(int rank, int n)
{
    if (n <= 0)
        return QString();
    if (2 * rank <= n + 1) {
        const int top = std::max(1, int(std::ceil(100.0 * rank / n)));
        return QStringLiteral("top %1% of assets").arg(top);
    }
    const int bottom = std::max(1, int(std::ceil(100.0 * (n - rank + 1) / n)));
    return QStringLiteral("bottom %1% of assets").arg(bottom);
}

QString tierName(Tier tier)
{
    switch (tier) {
    case Tier::Tier1:
        return QStringLiteral("tier1");
    case Tier::Tier2:
        return QStringLiteral("tier2");
    case Tier::None:
        break;
    }
    return QStringLiteral("none");
}

QString decisionSentence(SuggestionType type, const SuggestionFacts &f)
{
    const ScoredAsset &s = *f.scored;
    const QString position = QStringLiteral("rank %1 of %2 by combined score %3")
                                 .arg(s.rank)
                                 .arg(f.bands.ranked)
                                 .arg(fixed(s.score.score, 2));
    switch (type) {
    case SuggestionType::AddTier1:
        return QStringLiteral("%1; tier 1 holds the top %2").arg(position).arg(f.bands.tier1);
    case SuggestionType::Promote:
        return QStringLiteral("%1; currently tier 2 and inside the tier 1 band (top %2)")
            .arg(position)
            .arg(f.bands.tier1);
    case SuggestionType::AddTier2:
        return QStringLiteral("%1; inside the tier 2 band (ranks %2 to %3)")
            .arg(position)
            .arg(f.bands.tier1 + 1)
            .arg(f.bands.watch);
    case SuggestionType::Demote:
        return QStringLiteral("%1; more than %2 ranks below the tier 1 band (top %3)")
            .arg(position)
            .arg(f.bands.margin)
            .arg(f.bands.tier1);
    case SuggestionType::Remove:
        break;
    }
    return QStringLiteral("%1; more than %2 ranks below the watch band (top %3)")
        .arg(position)
        .arg(f.bands.margin)
        .arg(f.bands.watch);
}

QString confidenceSentence(SuggestionType type, const SuggestionFacts &f, double confidence)
{
    const bool upward = type == SuggestionType::AddTier1 || type == SuggestionType::Promote ||
                        type == SuggestionType::AddTier2;
    return QStringLiteral("%1% probability that the asset's underlying score is %2 the band "
                          "boundary %3 (score %4, standard error %5 from how much its six "
                          "components disagree)")
        .arg(fixed(100.0 * confidence, 0),
             upward ? QStringLiteral("above") : QStringLiteral("below"), fixed(f.boundary, 2),
             fixed(f.scored->score.score, 2), fixed(f.scored->standardError, 2));
}

} // namespace

QString signedPercent(double fraction, int decimals)
{
    const double pct = std::isfinite(fraction) ? 100.0 * fraction : 0.0;
    const QString text = QString::number(pct, 'f', decimals);
    return (pct >= 0.0 && !text.startsWith(QLatin1Char('-')) ? QStringLiteral("+") : QString()) +
           text + QLatin1Char('%');
}

QString dollars(double amount)
{
    const double a = std::isfinite(amount) ? amount : 0.0;
    if (std::abs(a) >= 1e9)
        return QStringLiteral("$%1B").arg(fixed(a / 1e9, 2));
    if (std::abs(a) >= 1e6)
        return QStringLiteral("$%1M").arg(fixed(a / 1e6, 1));
    if (std::abs(a) >= 1e3)
        return QStringLiteral("$%1K").arg(fixed(a / 1e3, 1));
    return QStringLiteral("$%1").arg(fixed(a, 2));
}

QJsonObject suggestionReasoning(SuggestionType type, const SuggestionFacts &f, double confidence)
{
    QJsonObject out;
    if (!f.scored) {
        out.insert(QStringLiteral("decision"),
                   QStringLiteral("the engine cannot analyse this asset, so it should leave the "
                                  "watchlist until its data is repaired"));
        out.insert(QStringLiteral("data"), f.features->skipReason);
        return out;
    }
    const AssetFeatures &a = *f.features;
    const ScoredAsset &s = *f.scored;
    const int n = f.bands.ranked;
    auto rankOf = [&](Component c) { return s.componentRank[std::size_t(c)]; };
    out.insert(QStringLiteral("decision"), decisionSentence(type, f));
    out.insert(QStringLiteral("momentum"),
               QStringLiteral("%1 over 30 days (excluding the last day), %2")
                   .arg(signedPercent(a.momentumReturn), standing(rankOf(Component::Momentum), n)));
    out.insert(QStringLiteral("volume_surge"),
               QStringLiteral("volume %1 in 24h vs its 30-day median (%2 vs %3)")
                   .arg(signedPercent(a.volume24h / a.medianVolume30d - 1.0, 0),
                        dollars(a.volume24h), dollars(a.medianVolume30d)));
    out.insert(QStringLiteral("risk_adjusted"),
               QStringLiteral("30-day return %1 at %2%/day volatility: ratio %3, %4")
                   .arg(signedPercent(a.return30d), fixed(100.0 * a.volatility30d, 1),
                        fixed(a.riskAdjusted, 2), standing(rankOf(Component::RiskAdjusted), n)));
    out.insert(QStringLiteral("trend"),
               QStringLiteral("price %1% %2 its %3-day average, which %4 %5% in 10 days")
                   .arg(fixed(100.0 * std::abs(a.priceVsAverage), 1),
                        a.priceVsAverage >= 0.0 ? QStringLiteral("above") : QStringLiteral("below"))
                   .arg(a.averageDays)
                   .arg(a.averageSlope >= 0.0 ? QStringLiteral("rose") : QStringLiteral("fell"),
                        fixed(100.0 * std::abs(a.averageSlope), 1)));
    out.insert(QStringLiteral("sector"), f.sector.known
                                             ? QStringLiteral("%1 momentum %2, rank %3 of %4")
                                                   .arg(f.sector.name, fixed(f.sector.momentum, 2))
                                                   .arg(f.sector.rank)
                                                   .arg(f.sector.count)
                                             : QStringLiteral("no sector analysis for this asset"));
    out.insert(QStringLiteral("liquidity"),
               QStringLiteral("average daily volume %1 over 30 days, %2")
                   .arg(dollars(a.meanVolume30d), standing(rankOf(Component::Liquidity), n)));
    out.insert(QStringLiteral("risk"),
               QStringLiteral("30-day volatility %1%/day, %2 risk")
                   .arg(fixed(100.0 * a.volatility30d, 1), riskLevelName(s.score.riskLevel)));
    if (f.macro) {
        const MarketRegimeResult &r = f.macro->regime;
        out.insert(QStringLiteral("market"),
                   QStringLiteral("market regime %1 (probability %2), recommended exposure %3%")
                       .arg(regimeName(r.regime), fixed(r.confidence, 2),
                            fixed(100.0 * r.recommendedExposure, 0)));
    }
    out.insert(QStringLiteral("confidence"), confidenceSentence(type, f, confidence));
    return out;
}

QJsonObject suggestionSupportingData(const SuggestionFacts &f)
{
    const AssetFeatures &a = *f.features;
    QJsonObject out;
    out.insert(QStringLiteral("current_tier"), tierName(f.asset->tier));
    if (f.scored) {
        const ScoredAsset &s = *f.scored;
        QJsonObject components;
        for (int c = 0; c < kComponentCount; ++c) {
            components.insert(
                componentName(Component(c)),
                QJsonObject{{QStringLiteral("value"), round6(s.raw[std::size_t(c)])},
                            {QStringLiteral("z"), round4(s.z[std::size_t(c)])},
                            {QStringLiteral("weight"), kComponentWeights[std::size_t(c)]},
                            {QStringLiteral("rank"), s.componentRank[std::size_t(c)]}});
        }
        out.insert(QStringLiteral("components"), components);
        out.insert(QStringLiteral("score"), round4(s.score.score));
        out.insert(QStringLiteral("rank"), s.rank);
        out.insert(QStringLiteral("assets_ranked"), f.bands.ranked);
        out.insert(QStringLiteral("percentile"), round4(s.percentile));
        out.insert(QStringLiteral("standard_error"), round4(s.standardError));
        out.insert(QStringLiteral("band_boundary"), round4(f.boundary));
        out.insert(QStringLiteral("volatility_percentile"), round4(s.volatilityPercentile));
        out.insert(QStringLiteral("tier_bands"),
                   QJsonObject{{QStringLiteral("tier1_top_ranks"), f.bands.tier1},
                               {QStringLiteral("watch_top_ranks"), f.bands.watch},
                               {QStringLiteral("margin_ranks"), f.bands.margin}});
    } else {
        out.insert(QStringLiteral("skip_reason"), a.skipReason);
    }
    if (f.sector.known) {
        out.insert(QStringLiteral("sector"),
                   QJsonObject{{QStringLiteral("name"), f.sector.name},
                               {QStringLiteral("momentum"), round4(f.sector.momentum)},
                               {QStringLiteral("rank"), f.sector.rank},
                               {QStringLiteral("sectors"), f.sector.count}});
    }
    if (f.macro) {
        const MarketRegimeResult &r = f.macro->regime;
        out.insert(
            QStringLiteral("regime"),
            QJsonObject{{QStringLiteral("name"), regimeName(r.regime)},
                        {QStringLiteral("confidence"), round4(r.confidence)},
                        {QStringLiteral("recommended_exposure"), round4(r.recommendedExposure)}});
    }
    if (!a.closes.empty()) {
        QJsonArray closes;
        for (double c : a.closes)
            closes.append(significant8(c));
        out.insert(QStringLiteral("price_series"),
                   QJsonObject{{QStringLiteral("interval"), QStringLiteral("1d")},
                               {QStringLiteral("first_day"),
                                QDateTime::fromSecsSinceEpoch(a.firstCloseDay, Qt::UTC)
                                    .toString(QStringLiteral("yyyy-MM-dd"))},
                               {QStringLiteral("closes"), closes}});
    }
    return out;
}

QJsonObject assetPerformanceMetrics(const AssetFeatures &a)
{
    if (a.skip)
        return {};
    return {{QStringLiteral("return_24h"), round4(100.0 * a.return24h)},
            {QStringLiteral("return_7d"), round4(100.0 * a.return7d)},
            {QStringLiteral("return_30d"), round4(100.0 * a.return30d)},
            {QStringLiteral("momentum_30d_skip_1d"), round4(100.0 * a.momentumReturn)},
            {QStringLiteral("volatility_30d"), round4(100.0 * a.volatility30d)},
            {QStringLiteral("max_drawdown"), round4(100.0 * a.maxDrawdown)},
            {QStringLiteral("max_drawdown_days"), a.drawdownDays},
            {QStringLiteral("volume_24h"), std::round(a.volume24h)},
            {QStringLiteral("median_daily_volume_30d"), std::round(a.medianVolume30d)},
            {QStringLiteral("unit"), QStringLiteral("percent; volatility per day; volumes in "
                                                    "quote currency")}};
}

} // namespace cp::engine
