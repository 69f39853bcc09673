#include "assetfixtures.h"

#include <QTest>

#include <algorithm>
#include <set>

using namespace cp::engine;
using namespace fixtures;

/** Layer 3 suggestions: bands, hysteresis, tier limits, pending duplicates, expiry. */
class tst_Suggestions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void promoteDemoteAndHysteresis();
    void tierLimitsRespected_data();
    void tierLimitsRespected();
    void pendingNeverDuplicated();
    void stablecoinsNeverSuggested();
    void expiryAndTimes();
};

void tst_Suggestions::promoteDemoteAndHysteresis()
{
    // 40 assets: tier 1 band = top 6 (15%), tier 2 band = ranks 7..30 (60%), margin 2 ranks.
    auto assets = rankedUniverse(40, 90);
    auto setTier = [&](int id, Tier t) { assets[std::size_t(id - 1)].tier = t; };
    setTier(2, Tier::Tier2);  // inside the tier 1 band -> promote
    setTier(8, Tier::Tier1);  // just below the band, within the margin -> stays
    setTier(12, Tier::Tier1); // well below -> demote
    setTier(30, Tier::Tier1); // far below the tier 1 band but inside the watch band -> demote
    setTier(35, Tier::Tier1); // below the watch band by more than the margin -> remove
    setTier(36, Tier::Tier2); // -> remove
    setTier(20, Tier::Tier2); // inside the tier 2 band -> stays
    setTier(32, Tier::Tier2); // within the margin below the watch band -> stays
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
    QCOMPARE(typeOf(6), QStringLiteral("add_tier1"));
    QCOMPARE(typeOf(7), QStringLiteral("add_tier2"));
    QCOMPARE(typeOf(8), QStringLiteral("none"));
    QCOMPARE(typeOf(12), QStringLiteral("demote"));
    QCOMPARE(typeOf(30), QStringLiteral("demote"));
    QCOMPARE(typeOf(35), QStringLiteral("remove"));
    QCOMPARE(typeOf(36), QStringLiteral("remove"));
    QCOMPARE(typeOf(20), QStringLiteral("none"));
    QCOMPARE(typeOf(32), QStringLiteral("none"));
    QCOMPARE(typeOf(15), QStringLiteral("add_tier2"));
    QCOMPARE(typeOf(34), QStringLiteral("none")); // untracked and weak: nothing to do
    for (const SuggestionResult &s : run.assets.suggestions) {
        QVERIFY(s.confidence >= 0.5 && s.confidence <= 1.0);
        QVERIFY(s.aiReasoning.value("decision")
                    .toString()
                    .contains(QStringLiteral("rank %1 of 40").arg(s.cryptoId)));
    }
}

void tst_Suggestions::tierLimitsRespected_data()
{
    // 60 assets; the ranks come from a first run. With limits 5/10 the tier 1 band is ranks
    // 1-5, the tier 2 band 6-15, and the margin 3 ranks.
    QTest::addColumn<int>("tier1Limit");
    QTest::addColumn<int>("tier2Limit");
    QTest::addColumn<QString>("tier1Ranks"); // rank ranges placed in tier 1, e.g. "6-8,11"
    QTest::addColumn<QString>("tier2Ranks");
    QTest::newRow("empty watchlists") << 5 << 10 << ""
                                      << "";
    QTest::newRow("tier1 full of weak assets") << 5 << 10 << "56-60"
                                               << "";
    QTest::newRow("both full of weak assets") << 5 << 10 << "56-60"
                                              << "46-55";
    QTest::newRow("tier2 full, tier1 empty") << 5 << 10 << ""
                                             << "51-60";
    // Seats held by assets inside the margin (they stay): the limits, not the bands, bind.
    QTest::newRow("tier1 seats held near its band") << 5 << 10 << "7-8"
                                                    << "";
    QTest::newRow("tier2 seats held near its band") << 5 << 10 << ""
                                                    << "14-18";
    QTest::newRow("tier1 full near band, tier2 full") << 5 << 10 << "6-10"
                                                      << "11-20";
    // Ranks 16-17 are due for demotion (beyond rank 5 + 3, not beyond 15 + 3) but tier 2 is
    // full of assets that stay, and none is strong enough to swap places: demotions wait.
    QTest::newRow("demotions blocked by a full tier2") << 5 << 10 << "16-17"
                                                       << "6-15";
    // The same with a promotable tier 2 asset (rank 2): one demotion swaps with it.
    QTest::newRow("demotion swapped with a promotion") << 5 << 10 << "16-17"
                                                       << "2,6-14";
    // Room in tier 2: both demotions go ahead.
    QTest::newRow("demotions with room") << 5 << 10 << "16-17"
                                         << "6-10";
    QTest::newRow("over the limits") << 3 << 4 << "55-60"
                                     << "47-54";
    QTest::newRow("zero limits") << 0 << 0 << ""
                                 << "";
    QTest::newRow("default limits") << 20 << 100 << "59-60"
                                    << "57-58";
}

void tst_Suggestions::tierLimitsRespected()
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

void tst_Suggestions::pendingNeverDuplicated()
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

void tst_Suggestions::stablecoinsNeverSuggested()
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

void tst_Suggestions::expiryAndTimes()
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

QTEST_MAIN(tst_Suggestions)
#include "tst_suggestions.moc"
