#include "marketfixtures.h"

#include <engine/assetscorer.h>
#include <engine/dailymarket.h>
#include <engine/sectoranalyzer.h>
#include <engine/suggestionengine.h>

#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>

using namespace cp::engine;
using namespace fixtures;

namespace {

/** A fixed market wobble every asset shares (so it never changes an asset's rank). */
double wobble(int d)
{
    return 0.02 * std::sin(0.9 * d) + 0.01 * std::cos(2.3 * d);
}

/**
 * n assets of one sector whose log-returns differ only by a drift: asset i (id i + 1) drifts
 * step * (n / 2 - i) per day on top of the shared wobble, and every asset trades the same
 * $1M a day. Volatility, volume and sector are then identical, so the ranks must be 1..n in
 * id order.
 */
std::vector<AssetHistory> rankedUniverse(int n, int days, double step = 0.001)
{
    std::vector<AssetHistory> out;
    for (int i = 0; i < n; ++i) {
        const double drift = step * (n / 2.0 - i);
        const auto closes = pricePath(50.0, days, [&](int d) { return drift + wobble(d); });
        std::vector<double> volumes;
        for (double c : closes)
            volumes.push_back(1e6 / c);
        out.push_back(dailyAsset(i + 1, QStringLiteral("R%1").arg(i + 1), 1, "DeFi", 1e6, closes,
                                 volumes));
    }
    return out;
}

/** n assets with independent noise; deterministic (fixed-seed mt19937, own transform). */
std::vector<AssetHistory> noisyUniverse(int n, int days, quint32 seed = 17)
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

MacroAnalysis macroWithExposure(double exposure)
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

Run analyze(const std::vector<AssetHistory> &assets, const AssetConfig &config = {},
            const std::vector<PendingSuggestion> &pending = {})
{
    const DailyMarket market(assets);
    const MacroAnalysis macro = macroWithExposure(0.6);
    Run r;
    r.sectors = analyzeSectors(market, assets, macro.regime);
    r.assets = analyzeAssets(assets, market, r.sectors, macro, pending, config);
    return r;
}

const AssetScore *scoreOf(const AssetAnalysis &a, int id)
{
    for (const AssetScore &s : a.scores)
        if (s.cryptoId == id)
            return &s;
    return nullptr;
}

const SuggestionResult *suggestionFor(const AssetAnalysis &a, int id)
{
    for (const SuggestionResult &s : a.suggestions)
        if (s.cryptoId == id)
            return &s;
    return nullptr;
}

/** The tiers after every suggestion is approved. */
std::map<int, Tier> applied(const std::vector<AssetHistory> &assets,
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

int countTier(const std::map<int, Tier> &tiers, Tier tier)
{
    return int(std::count_if(tiers.begin(), tiers.end(),
                             [&](const auto &p) { return p.second == tier; }));
}

QString signedText(double fraction, int decimals)
{
    const double pct = 100.0 * fraction;
    return (pct >= 0 ? QStringLiteral("+") : QString()) + QString::number(pct, 'f', decimals)
           + "%";
}

QByteArray serialise(const AssetAnalysis &a)
{
    QJsonArray out;
    for (const AssetScore &s : a.scores)
        out.append(QJsonArray{s.cryptoId, s.score, s.confidence, int(s.riskLevel), s.momentum,
                              s.volumeSurge, s.trend, s.liquidity, s.performance24h});
    for (const SuggestionResult &s : a.suggestions)
        out.append(QJsonObject{{"id", s.cryptoId},
                               {"type", suggestionTypeName(s.type)},
                               {"c", s.confidence},
                               {"r", s.aiReasoning},
                               {"d", s.supportingData},
                               {"m", s.performanceMetrics},
                               {"e", s.expiresAt}});
    for (const SkippedAsset &s : a.skipped)
        out.append(QJsonArray{s.cryptoId, s.reason});
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

} // namespace

class tst_Assets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void robustZKnownAnswer();
    void ranksFollowConstructedDrift();
    void strongScoresAboveWeak();
    void promoteDemoteAndHysteresis();
    void tierLimitsRespected_data();
    void tierLimitsRespected();
    void pendingNeverDuplicated();
    void reasoningQuotesRealNumbers();
    void badAssetsSkippedWithReasons_data();
    void badAssetsSkippedWithReasons();
    void stablecoinsNeverSuggested();
    void expiryAndTimes();
    void simulatedMarketProperties();
    void deterministic();
};

void tst_Assets::robustZKnownAnswer()
{
    // Median 3, absolute deviations {2, 1, 0, 1, 97}: MAD 1, scale 1.4826.
    const std::vector<double> z = robustZ(std::vector<double>{1, 2, 3, 4, 100});
    QVERIFY(qAbs(z[0] + 2.0 / 1.4826) < 1e-12);
    QVERIFY(qAbs(z[1] + 1.0 / 1.4826) < 1e-12);
    QCOMPARE(z[2], 0.0);
    QVERIFY(qAbs(z[3] - 1.0 / 1.4826) < 1e-12);
    QCOMPARE(z[4], 3.0); // 97 / 1.4826 clipped
    // MAD 0: scale 1.2533 x mean absolute deviation (0.8) instead.
    const std::vector<double> m = robustZ(std::vector<double>{5, 5, 5, 5, 6}, 10.0);
    QVERIFY(qAbs(m[4] - 1.0 / (1.2533 * 0.2)) < 1e-12);
    QCOMPARE(m[0], 0.0);
    QCOMPARE(robustZ(std::vector<double>{5, 5, 5, 5, 6})[4], 3.0);
    for (double x : robustZ(std::vector<double>{2, 2, 2}))
        QCOMPARE(x, 0.0);
    QVERIFY(robustZ(std::vector<double>{}).empty());
    QVERIFY(qAbs(normalCdf(1.959963985) - 0.975) < 1e-9);
}

void tst_Assets::ranksFollowConstructedDrift()
{
    const auto assets = rankedUniverse(30, 90);
    const Run run = analyze(assets);
    QCOMPARE(run.assets.scores.size(), std::size_t(30));
    for (int i = 0; i < 30; ++i)
        QCOMPARE(run.assets.scores[std::size_t(i)].cryptoId, i + 1);
    // Identical volume and sector: those components carry no information.
    for (const AssetScore &s : run.assets.scores) {
        QCOMPARE(s.volumeSurge, 0.0);
        QCOMPARE(s.liquidity, 0.0);
        QCOMPARE(s.sectorStrength, 0.0);
    }
    // Confidence that an asset beats the median falls with the rank.
    const auto &scores = run.assets.scores;
    QVERIFY(scores.front().confidence > 0.9);
    QVERIFY(scores.back().confidence < 0.1);
    for (std::size_t i = 1; i < scores.size(); ++i)
        QVERIFY(scores[i].score < scores[i - 1].score);
}

void tst_Assets::strongScoresAboveWeak()
{
    auto assets = noisyUniverse(40, 120);
    auto strong = pricePath(20.0, 120, [](int d) { return 0.015 + 0.5 * wobble(d); });
    auto weak = pricePath(20.0, 120, [](int d) { return -0.015 + 0.5 * wobble(d); });
    std::vector<double> rising, flat;
    for (int d = 0; d < 120; ++d) {
        rising.push_back(2e6 * (1.0 + d / 30.0) / strong[std::size_t(d)]);
        flat.push_back(2e6 / weak[std::size_t(d)]);
    }
    assets.push_back(dailyAsset(100, "STRONG", 1, "Sector1", 1e6, strong, rising));
    assets.push_back(dailyAsset(101, "WEAK", 2, "Sector2", 1e6, weak, flat));
    const Run run = analyze(assets);
    const AssetScore *s = scoreOf(run.assets, 100);
    const AssetScore *w = scoreOf(run.assets, 101);
    QVERIFY(s && w);
    QVERIFY(s->score > w->score);
    QCOMPARE(run.assets.scores.front().cryptoId, 100);
    QCOMPARE(run.assets.scores.back().cryptoId, 101);
    QVERIFY(s->momentum > 2.0 && s->trend > 2.0);
    QVERIFY(s->confidence > 0.9 && w->confidence < 0.1);
    QCOMPARE(s->performance24h, 100.0 * (strong[119] / strong[118] - 1.0));
}

void tst_Assets::promoteDemoteAndHysteresis()
{
    // 40 assets: tier 1 band = top 4 (10%), tier 2 band = ranks 5..24, margin 2 ranks.
    auto assets = rankedUniverse(40, 90);
    auto setTier = [&](int id, Tier t) { assets[std::size_t(id - 1)].tier = t; };
    setTier(2, Tier::Tier2);  // inside the tier 1 band -> promote
    setTier(5, Tier::Tier1);  // just below the band, within the margin -> stays
    setTier(12, Tier::Tier1); // well below -> demote
    setTier(30, Tier::Tier1); // below the watch band by more than the margin -> remove
    setTier(36, Tier::Tier2); // -> remove
    setTier(20, Tier::Tier2); // inside the tier 2 band -> stays
    setTier(25, Tier::Tier2); // within the margin below the watch band -> stays
    AssetConfig config;
    config.minConfidence = 0.5;
    const Run run = analyze(assets, config);
    auto typeOf = [&](int id) -> QString {
        const SuggestionResult *s = suggestionFor(run.assets, id);
        return s ? suggestionTypeName(s->type) : QStringLiteral("none");
    };
    QCOMPARE(typeOf(1), QStringLiteral("add_tier1"));
    QCOMPARE(typeOf(2), QStringLiteral("promote"));
    QCOMPARE(typeOf(3), QStringLiteral("add_tier1"));
    QCOMPARE(typeOf(5), QStringLiteral("none"));
    QCOMPARE(typeOf(12), QStringLiteral("demote"));
    QCOMPARE(typeOf(30), QStringLiteral("remove"));
    QCOMPARE(typeOf(36), QStringLiteral("remove"));
    QCOMPARE(typeOf(20), QStringLiteral("none"));
    QCOMPARE(typeOf(25), QStringLiteral("none"));
    QCOMPARE(typeOf(15), QStringLiteral("add_tier2"));
    QCOMPARE(typeOf(33), QStringLiteral("none")); // untracked and weak: nothing to do
    for (const SuggestionResult &s : run.assets.suggestions) {
        QVERIFY(s.confidence >= 0.5 && s.confidence <= 1.0);
        QVERIFY(s.aiReasoning.value("decision").toString().contains(
            QStringLiteral("rank %1 of 40").arg(s.cryptoId)));
    }
}

void tst_Assets::tierLimitsRespected_data()
{
    // 60 assets; the ranks come from a first run. With limits 5/10 the tier 1 band is ranks
    // 1-5, the tier 2 band 6-15, and the margin 3 ranks.
    QTest::addColumn<int>("tier1Limit");
    QTest::addColumn<int>("tier2Limit");
    QTest::addColumn<QString>("tier1Ranks"); // rank ranges placed in tier 1, e.g. "6-8,11"
    QTest::addColumn<QString>("tier2Ranks");
    QTest::newRow("empty watchlists") << 5 << 10 << "" << "";
    QTest::newRow("tier1 full of weak assets") << 5 << 10 << "56-60" << "";
    QTest::newRow("both full of weak assets") << 5 << 10 << "56-60" << "46-55";
    QTest::newRow("tier2 full, tier1 empty") << 5 << 10 << "" << "51-60";
    // Seats held by assets inside the margin (they stay): the limits, not the bands, bind.
    QTest::newRow("tier1 seats held near its band") << 5 << 10 << "7-8" << "";
    QTest::newRow("tier2 seats held near its band") << 5 << 10 << "" << "14-18";
    QTest::newRow("tier1 full near band, tier2 full") << 5 << 10 << "6-10" << "11-20";
    // Ranks 16-17 are due for demotion (beyond rank 5 + 3, not beyond 15 + 3) but tier 2 is
    // full of assets that stay, and none is strong enough to swap places: demotions wait.
    QTest::newRow("demotions blocked by a full tier2") << 5 << 10 << "16-17" << "6-15";
    // The same with a promotable tier 2 asset (rank 2): one demotion swaps with it.
    QTest::newRow("demotion swapped with a promotion") << 5 << 10 << "16-17" << "2,6-14";
    // Room in tier 2: both demotions go ahead.
    QTest::newRow("demotions with room") << 5 << 10 << "16-17" << "6-10";
    QTest::newRow("over the limits") << 3 << 4 << "55-60" << "47-54";
    QTest::newRow("zero limits") << 0 << 0 << "" << "";
    QTest::newRow("default limits") << 20 << 100 << "59-60" << "57-58";
}

void tst_Assets::tierLimitsRespected()
{
    QFETCH(int, tier1Limit);
    QFETCH(int, tier2Limit);
    QFETCH(QString, tier1Ranks);
    QFETCH(QString, tier2Ranks);
    auto assets = noisyUniverse(60, 120, 5);
    const Run before = analyze(assets);
    auto place = [&](const QString &ranges, Tier tier) {
        int placed = 0;
        for (const QString &range : ranges.split(',', Qt::SkipEmptyParts)) {
            const QStringList ends = range.split('-');
            for (int r = ends.first().toInt(); r <= ends.last().toInt(); ++r, ++placed)
                assets[std::size_t(before.assets.scores[std::size_t(r - 1)].cryptoId - 1)].tier =
                    tier;
        }
        return placed;
    };
    const int initialTier1 = place(tier1Ranks, Tier::Tier1);
    const int initialTier2 = place(tier2Ranks, Tier::Tier2);
    AssetConfig config;
    config.tier1Limit = tier1Limit;
    config.tier2Limit = tier2Limit;
    const Run run = analyze(assets, config);
    const auto tiers = applied(assets, run.assets.suggestions);
    QVERIFY(countTier(tiers, Tier::Tier1) <= std::max(tier1Limit, initialTier1));
    QVERIFY(countTier(tiers, Tier::Tier2) <= std::max(tier2Limit, initialTier2));
    std::set<std::pair<int, int>> seen;
    for (const SuggestionResult &s : run.assets.suggestions) {
        QVERIFY(seen.insert({s.cryptoId, int(s.type)}).second);
        QVERIFY(s.confidence >= config.minConfidence && s.confidence <= 1.0);
        // Each suggestion fits the asset's current tier.
        const Tier t = assets[std::size_t(s.cryptoId - 1)].tier;
        switch (s.type) {
        case SuggestionType::AddTier1:
        case SuggestionType::AddTier2:
            QCOMPARE(t, Tier::None);
            break;
        case SuggestionType::Promote:
            QCOMPARE(t, Tier::Tier2);
            break;
        case SuggestionType::Demote:
            QCOMPARE(t, Tier::Tier1);
            break;
        case SuggestionType::Remove:
            QVERIFY(t != Tier::None);
            break;
        }
    }
    if (QByteArray(QTest::currentDataTag()).startsWith("demotion")) {
        const auto demotes = std::count_if(
            run.assets.suggestions.begin(), run.assets.suggestions.end(),
            [](const SuggestionResult &s) { return s.type == SuggestionType::Demote; });
        const QByteArray tag = QTest::currentDataTag();
        QCOMPARE(int(demotes), tag.contains("swapped") ? 1 : tag.contains("room") ? 2 : 0);
    }
    if (tier1Limit > 0 && initialTier1 == 0)
        QVERIFY(countTier(tiers, Tier::Tier1) > 0); // room and strong assets: something is added
}

void tst_Assets::pendingNeverDuplicated()
{
    auto assets = noisyUniverse(60, 120, 9);
    assets[0].tier = Tier::Tier1;
    assets[1].tier = Tier::Tier2;
    AssetConfig config;
    config.tier1Limit = 4;
    config.tier2Limit = 6;
    const Run first = analyze(assets, config);
    QVERIFY(!first.assets.suggestions.empty());
    std::vector<PendingSuggestion> pending;
    std::set<std::pair<int, int>> pendingSet;
    for (const SuggestionResult &s : first.assets.suggestions) {
        pending.push_back({s.cryptoId, s.type});
        pendingSet.insert({s.cryptoId, int(s.type)});
    }
    // Same market, same tiers: everything worth suggesting is already pending.
    const Run again = analyze(assets, config, pending);
    QVERIFY(again.assets.suggestions.empty());

    // More room: new suggestions, none repeating a pending one, limits hold for both sets.
    config.tier2Limit = 12;
    const Run wider = analyze(assets, config, pending);
    QVERIFY(!wider.assets.suggestions.empty());
    std::vector<SuggestionResult> all = first.assets.suggestions;
    for (const SuggestionResult &s : wider.assets.suggestions) {
        QVERIFY(!pendingSet.count({s.cryptoId, int(s.type)}));
        all.push_back(s);
    }
    const auto tiers = applied(assets, all);
    QVERIFY(countTier(tiers, Tier::Tier1) <= 4);
    QVERIFY(countTier(tiers, Tier::Tier2) <= 12);
    QCOMPARE(suggestionTypeFromName("promote"), std::optional(SuggestionType::Promote));
    QCOMPARE(suggestionTypeFromName("bogus"), std::optional<SuggestionType>());
}

void tst_Assets::reasoningQuotesRealNumbers()
{
    auto assets = noisyUniverse(40, 120, 3);
    const auto closes = pricePath(8.0, 120, [](int d) { return 0.012 + 0.5 * wobble(d); });
    std::vector<double> volumes;
    for (int d = 0; d < 120; ++d)
        volumes.push_back((d == 119 ? 4.4 : 1.0 + 0.2 * std::sin(d)) * 5e6 / closes[std::size_t(d)]);
    assets.push_back(dailyAsset(77, "SPIKE", 2, "Sector2", 1e6, closes, volumes));
    const Run run = analyze(assets);
    const SuggestionResult *s = suggestionFor(run.assets, 77);
    QVERIFY(s);
    QCOMPARE(s->type, SuggestionType::AddTier1);
    const QJsonObject why = s->aiReasoning;

    // 30-day momentum excluding the last day, from the closes directly.
    const std::size_t last = closes.size() - 1;
    const double momentum = closes[last - 1] / closes[last - 31] - 1.0;
    QVERIFY2(why.value("momentum").toString().contains(signedText(momentum, 1)),
             qPrintable(why.value("momentum").toString()));
    // Volume of the last day vs the median of the 30 days before.
    std::vector<double> dollar;
    for (std::size_t d = last - 30; d < last; ++d)
        dollar.push_back(volumes[d] * closes[d]);
    std::sort(dollar.begin(), dollar.end());
    const double median = 0.5 * (dollar[14] + dollar[15]);
    const double surge = volumes[last] * closes[last] / median - 1.0;
    QVERIFY2(why.value("volume_surge").toString().startsWith("volume " + signedText(surge, 0)),
             qPrintable(why.value("volume_surge").toString()));
    // Sample standard deviation of the last 30 daily log-returns.
    double sum = 0.0, sumSq = 0.0;
    for (std::size_t d = last - 29; d <= last; ++d) {
        const double r = std::log(closes[d] / closes[d - 1]);
        sum += r;
        sumSq += r * r;
    }
    const double vol = std::sqrt((sumSq - sum * sum / 30.0) / 29.0);
    const QString volText = QString::number(100.0 * vol, 'f', 1) + "%/day";
    QVERIFY2(why.value("risk").toString().contains(volText),
             qPrintable(why.value("risk").toString()));
    const SectorPerformanceResult *sector = nullptr;
    for (const SectorPerformanceResult &p : run.sectors.sectors)
        if (p.sectorId == 2)
            sector = &p;
    QVERIFY(sector);
    const QString sectorText = QStringLiteral("Sector2 momentum %1, rank %2 of 3")
                                   .arg(QString::number(sector->momentumScore, 'f', 2))
                                   .arg(sector->rank);
    QCOMPARE(why.value("sector").toString(), sectorText);
    QVERIFY(why.value("market").toString().contains("bull"));

    // The chart series is the last 30 closes; metrics quote the same returns.
    const QJsonArray series =
        s->supportingData.value("price_series").toObject().value("closes").toArray();
    QCOMPARE(series.size(), 30);
    for (int i = 0; i < 30; ++i)
        QVERIFY(qAbs(series.at(i).toDouble() - closes[last - 29 + std::size_t(i)]) < 1e-6);
    QVERIFY(qAbs(s->performanceMetrics.value("return_7d").toDouble()
                 - 100.0 * (closes[last] / closes[last - 7] - 1.0))
            < 1e-4);
    QVERIFY(allFinite(s->supportingData) && allFinite(s->performanceMetrics));
}

void tst_Assets::badAssetsSkippedWithReasons_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("keyword");
    QTest::addColumn<bool>("removedFromTier2");
    QTest::newRow("empty") << "empty" << "no price data" << true;
    QTest::newRow("short history") << "short" << "days of price history" << false;
    QTest::newRow("single candle") << "single" << "days of price history" << false;
    QTest::newRow("constant price") << "constant" << "did not change" << true;
    QTest::newRow("nan close") << "nan" << "NaN" << true;
    QTest::newRow("negative close") << "negative" << "non-positive" << true;
    QTest::newRow("zero volume") << "zerovolume" << "no trading volume" << true;
    QTest::newRow("gappy volume") << "gappy" << "no trading volume" << true;
    QTest::newRow("stale") << "stale" << "no price since" << true;
    QTest::newRow("stablecoin") << "stablecoin" << "stablecoin" << false;
}

void tst_Assets::badAssetsSkippedWithReasons()
{
    QFETCH(QString, kind);
    QFETCH(QString, keyword);
    QFETCH(bool, removedFromTier2);
    auto assets = noisyUniverse(30, 90, 21);
    auto healthy = pricePath(3.0, 90, [](int d) { return 0.01 * std::sin(0.7 * d); });
    AssetHistory bad = dailyAsset(500, "BAD", 1, "Sector1", 1e6, healthy);
    if (kind == "empty")
        bad.candles.clear();
    else if (kind == "short")
        bad = dailyAsset(500, "BAD", 1, "Sector1", 1e6, std::vector<double>(10, 2.0), {}, 80);
    else if (kind == "single")
        bad = dailyAsset(500, "BAD", 1, "Sector1", 1e6, {2.0}, {}, 89);
    else if (kind == "constant")
        bad = dailyAsset(500, "BAD", 1, "Sector1", 1e6, std::vector<double>(90, 2.0));
    else if (kind == "nan")
        bad.candles[50].close = std::nan("");
    else if (kind == "negative")
        bad.candles[70].close = -1.0;
    else if (kind == "zerovolume")
        for (Candle &c : bad.candles)
            c.volume = 0.0;
    else if (kind == "gappy")
        for (std::size_t i = 0; i < bad.candles.size(); ++i)
            bad.candles[i].volume = i % 3 == 0 ? 1000.0 : 0.0;
    else if (kind == "stale")
        bad.candles.resize(80);
    else if (kind == "stablecoin")
        bad.isStablecoin = true;
    bad.tier = Tier::Tier2;
    assets.push_back(bad);
    const Run run = analyze(assets);
    QVERIFY(!scoreOf(run.assets, 500));
    const auto skipped = std::find_if(run.assets.skipped.begin(), run.assets.skipped.end(),
                                      [](const SkippedAsset &s) { return s.cryptoId == 500; });
    QVERIFY(skipped != run.assets.skipped.end());
    QVERIFY2(skipped->reason.contains(keyword), qPrintable(skipped->reason));
    QCOMPARE(skipped->symbol, QStringLiteral("BAD"));
    const SuggestionResult *s = suggestionFor(run.assets, 500);
    QCOMPARE(bool(s), removedFromTier2);
    if (s) {
        QCOMPARE(s->type, SuggestionType::Remove);
        QCOMPARE(s->confidence, 1.0);
        QCOMPARE(s->aiReasoning.value("data").toString(), skipped->reason);
    }
    QCOMPARE(run.assets.scores.size(), std::size_t(30));
    for (const AssetScore &a : run.assets.scores)
        QVERIFY(std::isfinite(a.score) && a.confidence >= 0.0 && a.confidence <= 1.0);
}

void tst_Assets::stablecoinsNeverSuggested()
{
    auto assets = noisyUniverse(30, 90, 2);
    // A "stablecoin" whose data looks like the best asset, in no tier; one broken one in tier 1.
    auto pumping = pricePath(1.0, 90, [](int d) { return 0.02 + 0.5 * wobble(d); });
    AssetHistory stable = dailyAsset(600, "USDX", 9, "Stablecoins", 1e9, pumping);
    stable.isStablecoin = true;
    AssetHistory broken = dailyAsset(601, "USDY", 9, "Stablecoins", 1e9, {});
    broken.isStablecoin = true;
    broken.tier = Tier::Tier1;
    assets.push_back(stable);
    assets.push_back(broken);
    AssetConfig config;
    config.minConfidence = 0.0;
    const Run run = analyze(assets, config);
    QVERIFY(!suggestionFor(run.assets, 600));
    QVERIFY(!suggestionFor(run.assets, 601));
    QVERIFY(!scoreOf(run.assets, 600));
}

void tst_Assets::expiryAndTimes()
{
    const auto assets = rankedUniverse(30, 60);
    const Run run = analyze(assets);
    QVERIFY(!run.assets.suggestions.empty());
    const qint64 now = kStart + 59 * kDay;
    for (const SuggestionResult &s : run.assets.suggestions) {
        QCOMPARE(s.suggestedAt, now);
        QCOMPARE(s.expiresAt, now + 7 * kDay);
        QVERIFY(!s.symbol.isEmpty());
    }
}

void tst_Assets::simulatedMarketProperties()
{
    const auto assets = simulatedMarket(13, 120, 365);
    AssetConfig config;
    config.tier1Limit = 8;
    config.tier2Limit = 30;
    const Run run = analyze(assets, config);
    QVERIFY(run.assets.scores.size() > 90);
    int stablecoins = 0;
    for (const AssetHistory &a : assets)
        stablecoins += a.isStablecoin ? 1 : 0;
    QCOMPARE(int(run.assets.scores.size() + run.assets.skipped.size()), int(assets.size()));
    QVERIFY(int(run.assets.skipped.size()) >= stablecoins);
    for (const AssetScore &s : run.assets.scores)
        QVERIFY(std::isfinite(s.score) && s.confidence >= 0.0 && s.confidence <= 1.0);
    const auto tiers = applied(assets, run.assets.suggestions);
    QVERIFY(countTier(tiers, Tier::Tier1) <= 8);
    QVERIFY(countTier(tiers, Tier::Tier2) <= 30);
    QVERIFY(!run.assets.suggestions.empty());
    for (const SuggestionResult &s : run.assets.suggestions) {
        QVERIFY(allFinite(s.aiReasoning) && allFinite(s.supportingData)
                && allFinite(s.performanceMetrics));
        QVERIFY(!assets[std::size_t(s.cryptoId - 1)].isStablecoin);
    }
}

void tst_Assets::deterministic()
{
    const auto assets = simulatedMarket(4, 80, 200);
    const QByteArray first = serialise(analyze(assets).assets);
    QCOMPARE(serialise(analyze(assets).assets), first);
}

QTEST_MAIN(tst_Assets)
#include "tst_assets.moc"
