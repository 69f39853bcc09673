#include "marketfixtures.h"

#include <engine/dailymarket.h>
#include <engine/macroanalyzer.h>
#include <engine/random.h>
#include <engine/simulator.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

using namespace cp::engine;
using fixtures::dailyAsset;
using fixtures::kDay;
using fixtures::kStart;

Q_DECLARE_METATYPE(std::vector<AssetHistory>)
Q_DECLARE_METATYPE(std::vector<Regime>)

namespace {

//! Every number in a JSON tree is finite (a NaN must never reach the database).
bool allFinite(const QJsonValue &v)
{
    if (v.isDouble())
        return std::isfinite(v.toDouble());
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        return std::all_of(a.begin(), a.end(), [](const QJsonValue &e) { return allFinite(e); });
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        return std::all_of(o.begin(), o.end(), [](const QJsonValue &e) { return allFinite(e); });
    }
    return true;
}

/** The invariants every result must satisfy, whatever the input. */
void checkWellFormed(const MacroReport &report)
{
    const MarketRegimeResult &r = report.analysis.regime;
    QVERIFY(r.confidence >= 0.0 && r.confidence <= 1.0);
    QVERIFY(r.trendStrength >= 0.0 && r.trendStrength <= 1.0);
    QVERIFY(r.recommendedExposure >= 0.0 && r.recommendedExposure <= 1.0);
    QCOMPARE(r.regimeProbabilities.size(), std::size_t(4));
    const double sum =
        std::accumulate(r.regimeProbabilities.begin(), r.regimeProbabilities.end(), 0.0);
    QVERIFY(std::abs(sum - 1.0) < 1e-9);
    QVERIFY(std::abs(r.regimeProbabilities[std::size_t(r.regime)] - r.confidence) < 1e-12);
    QVERIFY(!r.regimeDrivers.isEmpty());
    for (const QJsonValue &d : r.regimeDrivers)
        QVERIFY(d.isString() && !d.toString().isEmpty());
    for (const QJsonObject &o :
         {r.macroIndicators, r.sentimentBreakdown, r.dominanceData,
          report.analysis.sentiment.sentimentSources, report.analysis.dominance.dominanceChanges,
          report.model.configuration, report.model.performanceMetrics})
        QVERIFY(allFinite(o));
    const SentimentResult &s = report.analysis.sentiment;
    QVERIFY(s.fearGreedIndex >= 0.0 && s.fearGreedIndex <= 100.0);
    QVERIFY(s.compositeSentiment >= -1.0 && s.compositeSentiment <= 1.0);
    const DominanceResult &d = report.analysis.dominance;
    for (double v : {d.btcDominance, d.ethDominance, d.altDominance, d.stablecoinDominance})
        QVERIFY(v >= 0.0 && v <= 100.0);
    QVERIFY(std::isfinite(d.totalMarketCap) && std::isfinite(d.totalVolume));
    for (double v : report.fearGreedHistory)
        QVERIFY(v >= 0.0 && v <= 100.0);
}

/** A 10-asset market drifting by `drift` a day with shared noise; BTC, ETH, USDT and 7 alts. */
std::vector<AssetHistory> trendingMarket(double drift, int days, quint64 seed)
{
    Random rng(seed);
    std::vector<double> common(static_cast<std::size_t>(days));
    for (double &r : common)
        r = 0.02 * rng.normal();
    std::vector<AssetHistory> assets;
    const char *names[] = {"BTC", "ETH", "ALT1", "ALT2", "ALT3", "ALT4", "ALT5", "ALT6", "ALT7"};
    int id = 1;
    for (const char *name : names) {
        std::vector<double> own(static_cast<std::size_t>(days));
        for (double &r : own)
            r = 0.01 * rng.normal();
        const auto path = fixtures::pricePath(100.0, days, [&](int d) {
            return drift + common[std::size_t(d)] + own[std::size_t(d)];
        });
        assets.push_back(dailyAsset(id, QString::fromLatin1(name), 2, QStringLiteral("Layer1"),
                                    id == 1 ? 1e6 : 2e5, path));
        ++id;
    }
    AssetHistory usdt = dailyAsset(id, QStringLiteral("USDT"), 10, QStringLiteral("Stablecoins"),
                                   5e6, std::vector<double>(std::size_t(days), 1.0));
    usdt.isStablecoin = true;
    assets.push_back(usdt);
    return assets;
}

MacroReport analyze(const std::vector<AssetHistory> &assets, const MacroOptions &options = {})
{
    const DailyMarket market(assets);
    return analyzeMacro(market, assets, options);
}

/** Bull-vs-bear agreement of a labelling with the truth over days where the truth is bull/bear. */
double balancedAccuracy(const std::vector<Regime> &truth, const std::vector<Regime> &labels,
                        int first, int shift)
{
    const int n = int(truth.size());
    const int span = n - first;
    double hits[2] = {0, 0}, totals[2] = {0, 0};
    for (int d = first; d < n; ++d) {
        const Regime t = truth[std::size_t(d)];
        if (t != Regime::Bull && t != Regime::Bear)
            continue;
        const Regime p = labels[std::size_t(first + (d - first + shift) % span)];
        totals[int(t)] += 1;
        hits[int(t)] += p == t;
    }
    return 0.5 * (hits[0] / std::max(1.0, totals[0]) + hits[1] / std::max(1.0, totals[1]));
}

} // namespace

class tst_Macro : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void labellingRule_data();
    void labellingRule();
    void dominanceKnownAnswer();
    void chainLinkedIndexIgnoresListings();
    void dominanceSumsTo100OnSimulatedMarket();
    void regimesAgreeWithSimulator();
    void sentimentFollowsMarketDirection();
    void sentimentTracksSimulatedMomentum();
    void riskAndTrendRespondToInput();
    void storedModelReproducesRegime();
    void walkForwardHistoryHasNoLookAhead();
    void deterministic();
    void degenerateInputs_data();
    void degenerateInputs();
};

void tst_Macro::labellingRule_data()
{
    // t = trend x sqrt(30) / volatility; threshold 0.25. Hand-computed t in the comments.
    QTest::addColumn<std::vector<double>>("trend");
    QTest::addColumn<std::vector<double>>("volatility");
    QTest::addColumn<std::vector<Regime>>("expected");
    const double lo = std::log(0.015), mid = std::log(0.025), hi = std::log(0.06);
    // t: 0.876, -0.897 (vol 0.0305), 0.110, -0.091 (most volatile, no direction).
    QTest::newRow("textbook") << std::vector<double>{0.004, -0.005, 0.0003, -0.001}
                              << std::vector<double>{mid, mid + 0.2, lo, hi}
                              << std::vector<Regime>{Regime::Bull, Regime::Bear, Regime::Neutral,
                                                     Regime::Volatile};
    // t: 0.876, 0, -0.110, -1.826: the most volatile state is a crash, so bear, not volatile.
    QTest::newRow("directional crash")
        << std::vector<double>{0.004, 0.0, -0.0003, -0.02} << std::vector<double>{mid, lo, lo, hi}
        << std::vector<Regime>{Regime::Bull, Regime::Neutral, Regime::Neutral, Regime::Bear};
    // t: 1.095, 0.876, 0.438, 0: a market that only rose has no bear state.
    QTest::newRow("only rising") << std::vector<double>{0.003, 0.004, 0.002, 0.0}
                                 << std::vector<double>{lo, mid, mid, hi}
                                 << std::vector<Regime>{Regime::Bull, Regime::Bull, Regime::Bull,
                                                        Regime::Volatile};
    // Volatilities within 10% (log spread 0.08): no volatile state. t: 0.438, -0.417, 0.226, 0.
    QTest::newRow("no volatility structure")
        << std::vector<double>{0.002, -0.002, 0.001, 0.0}
        << std::vector<double>{mid, mid + 0.05, mid - 0.03, mid}
        << std::vector<Regime>{Regime::Bull, Regime::Bear, Regime::Neutral, Regime::Neutral};
    QTest::newRow("constant prices") << std::vector<double>(4, 0.0) << std::vector<double>(4, lo)
                                     << std::vector<Regime>(4, Regime::Neutral);
    // Three states never have a volatile one. t: 0.183, 0.274, -0.438.
    QTest::newRow("three states") << std::vector<double>{0.0005, 0.003, -0.002}
                                  << std::vector<double>{lo, hi, mid}
                                  << std::vector<Regime>{Regime::Neutral, Regime::Bull,
                                                         Regime::Bear};
}

void tst_Macro::labellingRule()
{
    QFETCH(std::vector<double>, trend);
    QFETCH(std::vector<double>, volatility);
    QFETCH(std::vector<Regime>, expected);
    QCOMPARE(labelStates(trend, volatility, 30, 0.25), expected);
}

void tst_Macro::dominanceKnownAnswer()
{
    // Caps on day 0: BTC 100 x 10 = 1000, ETH 50 x 10 = 500, USDT 1 x 300 = 300, ALT 2 x 100 = 200.
    std::vector<AssetHistory> assets{
        dailyAsset(1, QStringLiteral("BTC"), 2, QStringLiteral("Layer1"), 10, {100, 110}),
        dailyAsset(2, QStringLiteral("eth"), 2, QStringLiteral("Layer1"), 10, {50, 50}),
        dailyAsset(3, QStringLiteral("USDT"), 10, QStringLiteral("Stablecoins"), 300, {1, 1}),
        dailyAsset(4, QStringLiteral("ALT"), 1, QStringLiteral("DeFi"), 100, {2, 2}, {10, 20}),
    };
    const DailyMarket market(assets);
    const MarketSeries s = buildMarketSeries(market, assets);
    QCOMPARE(s.dayCount(), 2);
    QVERIFY(std::abs(s.btcDominance[0] - 50.0) < 1e-12);
    QVERIFY(std::abs(s.ethDominance[0] - 25.0) < 1e-12);
    QVERIFY(std::abs(s.stablecoinDominance[0] - 15.0) < 1e-12);
    QVERIFY(std::abs(s.altDominance[0] - 10.0) < 1e-12);
    // Day 1: BTC 1100 of 2100.
    const DominanceResult d = dominanceAt(s, 1, kStart + kDay);
    QVERIFY(std::abs(d.btcDominance - 1100.0 / 21.0) < 1e-12);
    QVERIFY(std::abs(d.totalMarketCap - 2100.0) < 1e-9);
    // Quote volume: 1000 units x price for BTC/ETH/USDT, ALT 20 x 2.
    QVERIFY(std::abs(d.totalVolume - (1000 * 110 + 1000 * 50 + 1000 * 1 + 20 * 2)) < 1e-9);
    QVERIFY(std::abs(d.dominanceChanges.value(QStringLiteral("btc_24h")).toDouble() -
                     (1100.0 / 21.0 - 50.0)) < 1e-4);
    QVERIFY(!d.dominanceChanges.contains(QStringLiteral("btc_7d")));
}

void tst_Macro::chainLinkedIndexIgnoresListings()
{
    // A big asset listed on day 2 doubles the total cap but must not move the index.
    std::vector<AssetHistory> assets{
        dailyAsset(1, QStringLiteral("BTC"), 2, QStringLiteral("Layer1"), 10, {100, 101, 102, 103}),
        dailyAsset(2, QStringLiteral("NEW"), 1, QStringLiteral("DeFi"), 10, {100, 100}, {}, 2),
    };
    const DailyMarket market(assets);
    const MarketSeries s = buildMarketSeries(market, assets);
    QVERIFY(std::abs(s.totalCap[2] - 2020.0) < 1e-9);
    QVERIFY(std::abs(s.indexReturn[2] - std::log(102.0 / 101.0)) < 1e-12);
    // Day 3: both present on days 2 and 3: (1030 + 1000) / (1020 + 1000).
    QVERIFY(std::abs(s.indexReturn[3] - std::log(2030.0 / 2020.0)) < 1e-12);
    QVERIFY(std::abs(s.index[3] - (102.0 / 100.0) * (2030.0 / 2020.0)) < 1e-12);
}

void tst_Macro::dominanceSumsTo100OnSimulatedMarket()
{
    const auto assets = fixtures::simulatedMarket(5, 40, 120);
    const DailyMarket market(assets);
    const MarketSeries s = buildMarketSeries(market, assets);
    for (int d = 0; d < s.dayCount(); ++d) {
        const auto i = std::size_t(d);
        const double total =
            s.btcDominance[i] + s.ethDominance[i] + s.stablecoinDominance[i] + s.altDominance[i];
        QVERIFY(std::abs(total - 100.0) < 1e-9);
        QVERIFY(s.btcDominance[i] > 0.0 && s.stablecoinDominance[i] > 0.0);
    }
}

void tst_Macro::regimesAgreeWithSimulator()
{
    // Three measures of agreement between the filtered (causal) regimes and the simulator's
    // true regime periods, averaged over 8 seeds of 40 assets x 730 days:
    //  - bull-vs-bear AUC: the probability that P(bull) - P(bear) is higher on a random true
    //    bull day than on a random true bear day (ties half). 0.5 for any model that ignores
    //    the truth; needs no threshold, and works when a fit has no bear state at all.
    //  - Cohen's kappa of the four labels: 0 at chance (it discounts agreement that the label
    //    frequencies alone would produce).
    //  - bull/bear balanced accuracy of the labels against a null that keeps the labels'
    //    frequencies and run lengths but breaks their alignment with the truth (the labels
    //    circularly shifted by 60 days or more), like a permutation test.
    // Measured on seeds 1-8: AUC 0.673, kappa 0.138, excess 0.106 (the qInfo lines; AUC 0.675
    // on the raw posterior, where a few nearly equal margins are not yet rounded into ties). The
    // labelling rule was chosen on seeds 101-124 (feature variants were compared on 1-34 and
    // 101-124); there the model reaches AUC 0.71 and kappa 0.15, and the HMM with the
    // simulator's TRUE parameters, on daily index returns, AUC 0.77 and kappa 0.39. Bull and
    // bear differ by 0.9% of drift a day against about 3% daily volatility, so no causal model
    // gets near 1. The thresholds sit about two standard errors (over seeds) below the
    // measured means and well above chance: a model at chance fails every one.
    const int seeds = 8;
    double auc = 0.0, kappa = 0.0, excess = 0.0;
    for (int seed = 1; seed <= seeds; ++seed) {
        SimulationConfig config;
        config.seed = quint64(seed);
        config.assetCount = 40;
        config.days = 730;
        const MarketSimulator sim(config);
        const auto assets = fixtures::simulatedMarket(quint64(seed), 40, 730);
        const DailyMarket market(assets);
        const MacroReport report = analyzeMacro(market, assets);
        QVERIFY(report.status.isEmpty());
        QVERIFY(report.modelTrained);
        const int first = report.firstRegimeDay;
        QVERIFY(first > 0);
        std::vector<Regime> truth(static_cast<std::size_t>(market.dayCount()));
        for (int d = 0; d < market.dayCount(); ++d)
            truth[std::size_t(d)] = sim.regimeAt(market.day(d));

        std::vector<double> bullScores, bearScores;
        double confusion[4][4] = {};
        int days = 0;
        for (int d = first; d < market.dayCount(); ++d) {
            const Regime t = truth[std::size_t(d)];
            const Regime p = report.filteredRegimeHistory[std::size_t(d)];
            confusion[int(t)][int(p)] += 1;
            ++days;
            if (t != Regime::Bull && t != Regime::Bear)
                continue;
            const double *prob = report.regimeProbabilityHistory.data() + std::size_t(d) * 4;
            const double margin = prob[int(Regime::Bull)] - prob[int(Regime::Bear)];
            (t == Regime::Bull ? bullScores : bearScores).push_back(margin);
        }
        // AUC by counting pairs (a few hundred days each: the quadratic count is fine).
        double wins = 0.0;
        for (double b : bullScores) {
            for (double e : bearScores)
                wins += b > e ? 1.0 : (b == e ? 0.5 : 0.0);
        }
        const double seedAuc = wins / (double(bullScores.size()) * double(bearScores.size()));
        double observed = 0.0, expected = 0.0;
        for (int i = 0; i < 4; ++i) {
            double row = 0.0, column = 0.0;
            for (int j = 0; j < 4; ++j) {
                row += confusion[i][j];
                column += confusion[j][i];
            }
            observed += confusion[i][i] / days;
            expected += row * column / (double(days) * days);
        }
        const double seedKappa = (observed - expected) / (1.0 - expected);

        const double ba = balancedAccuracy(truth, report.filteredRegimeHistory, first, 0);
        double null = 0.0;
        int shifts = 0;
        const int span = market.dayCount() - first;
        for (int shift = 60; shift <= span - 60; shift += 10, ++shifts)
            null += balancedAccuracy(truth, report.filteredRegimeHistory, first, shift);
        null /= shifts;

        auc += seedAuc / seeds;
        kappa += seedKappa / seeds;
        excess += (ba - null) / seeds;
        qInfo("seed %d: bull-vs-bear AUC %.3f, kappa %.3f, bull/bear accuracy %.3f vs null %.3f",
              seed, seedAuc, seedKappa, ba, null);
    }
    qInfo("mean: bull-vs-bear AUC %.3f (chance 0.5), kappa %.3f (chance 0), accuracy above "
          "shifted-label null %+.3f",
          auc, kappa, excess);
    QVERIFY(auc >= 0.62);
    QVERIFY(kappa >= 0.08);
    QVERIFY(excess >= 0.05);
}

void tst_Macro::sentimentFollowsMarketDirection()
{
    for (quint64 seed : {1, 2, 3}) {
        const MacroReport up = analyze(trendingMarket(0.01, 200, seed));
        const MacroReport down = analyze(trendingMarket(-0.01, 200, seed));
        checkWellFormed(up);
        checkWellFormed(down);
        QVERIFY2(up.analysis.sentiment.fearGreedIndex > 60.0,
                 qPrintable(QString::number(up.analysis.sentiment.fearGreedIndex)));
        QVERIFY2(down.analysis.sentiment.fearGreedIndex < 40.0,
                 qPrintable(QString::number(down.analysis.sentiment.fearGreedIndex)));
        QVERIFY(up.analysis.sentiment.compositeSentiment > 0.0);
        QVERIFY(down.analysis.sentiment.compositeSentiment < 0.0);
        const QJsonObject upParts =
            up.analysis.sentiment.sentimentSources.value(QStringLiteral("components")).toObject();
        const QJsonObject downParts =
            down.analysis.sentiment.sentimentSources.value(QStringLiteral("components")).toObject();
        for (const char *name : {"momentum", "breadth", "volume"}) {
            const QString key = QString::fromLatin1(name);
            QVERIFY2(upParts.value(key)[QStringLiteral("score")].toDouble() >
                         downParts.value(key)[QStringLiteral("score")].toDouble(),
                     name);
        }
        // The weights of the available components add up to 1.
        double weights = 0.0;
        for (const QJsonValue &c : upParts)
            weights += c[QStringLiteral("effective_weight")].toDouble();
        QVERIFY(std::abs(weights - 1.0) < 1e-3);
    }
}

void tst_Macro::sentimentTracksSimulatedMomentum()
{
    // On a simulated market, the index should be high after rises and low after falls.
    const auto assets = fixtures::simulatedMarket(21, 40, 500);
    const MacroReport report = analyze(assets);
    std::vector<double> fg, ret;
    for (int d = 120; d < report.series.dayCount(); ++d) {
        fg.push_back(report.fearGreedHistory[std::size_t(d)]);
        ret.push_back(std::log(report.series.index[std::size_t(d)] /
                               report.series.index[std::size_t(d - 30)]));
    }
    const double mf = std::accumulate(fg.begin(), fg.end(), 0.0) / double(fg.size());
    const double mr = std::accumulate(ret.begin(), ret.end(), 0.0) / double(ret.size());
    double sfr = 0, sff = 0, srr = 0;
    for (std::size_t i = 0; i < fg.size(); ++i) {
        sfr += (fg[i] - mf) * (ret[i] - mr);
        sff += (fg[i] - mf) * (fg[i] - mf);
        srr += (ret[i] - mr) * (ret[i] - mr);
    }
    const double correlation = sfr / std::sqrt(sff * srr);
    qInfo("correlation of fear & greed with the 30-day index return: %.3f", correlation);
    QVERIFY(correlation > 0.5);
}

void tst_Macro::riskAndTrendRespondToInput()
{
    // 300 calm days, then 30 turbulent ones: the latest volatility is the highest ever seen.
    Random rng(4);
    auto calmThenWild = fixtures::pricePath(
        100.0, 330, [&](int d) { return (d < 300 ? 0.005 : 0.06) * rng.normal(); });
    const MacroReport wild = analyze(
        {dailyAsset(1, QStringLiteral("BTC"), 2, QStringLiteral("Layer1"), 1e6, calmThenWild)});
    checkWellFormed(wild);
    QCOMPARE(wild.analysis.regime.riskLevel, RiskLevel::Extreme);
    // The reverse: wild history, calm present.
    auto wildThenCalm = fixtures::pricePath(
        100.0, 330, [&](int d) { return (d < 300 ? 0.06 : 0.005) * rng.normal(); });
    const MacroReport calm = analyze(
        {dailyAsset(1, QStringLiteral("BTC"), 2, QStringLiteral("Layer1"), 1e6, wildThenCalm)});
    QCOMPARE(calm.analysis.regime.riskLevel, RiskLevel::Low);
    QCOMPARE(wild.analysis.regime.macroIndicators.value(QStringLiteral("exposure_risk_multiplier"))
                 .toDouble(),
             0.5);
    // A steady climb is a strong up-trend; exposure follows the documented formula.
    const MacroReport up = analyze(trendingMarket(0.01, 200, 9));
    QVERIFY(up.analysis.regime.trendStrength > 0.9);
    QCOMPARE(up.analysis.regime.macroIndicators.value(QStringLiteral("trend_direction")).toString(),
             QStringLiteral("up"));
    const MacroOptions defaults;
    for (const MacroReport *r : {&wild, &calm, &up}) {
        double base = 0.0;
        for (int k = 0; k < 4; ++k)
            base += r->analysis.regime.regimeProbabilities[std::size_t(k)] *
                    defaults.regimeExposure[std::size_t(k)];
        const double expected =
            base * defaults.riskMultiplier[std::size_t(r->analysis.regime.riskLevel)];
        QVERIFY(std::abs(r->analysis.regime.recommendedExposure - expected) < 1e-12);
    }
}

void tst_Macro::storedModelReproducesRegime()
{
    const auto assets = fixtures::simulatedMarket(3, 30, 400);
    const MacroReport trained = analyze(assets);
    QVERIFY(trained.modelTrained);
    QCOMPARE(trained.model.name, QStringLiteral("macro_regime_hmm"));
    QCOMPARE(trained.model.modelType, QStringLiteral("macro"));
    QCOMPARE(trained.model.lastTrained, latestBarTime(assets));
    QVERIFY(trained.model.performanceMetrics.value(QStringLiteral("log_likelihood")).isDouble());
    QVERIFY(trained.model.performanceMetrics.value(QStringLiteral("iterations")).toInt() > 0);

    MacroOptions options;
    options.model = RegimeModel::fromJson(trained.model.configuration);
    QVERIFY(options.model.has_value());
    const MacroReport reused = analyze(assets, options);
    QVERIFY(!reused.modelTrained);
    QCOMPARE(reused.analysis.regime.regime, trained.analysis.regime.regime);
    QVERIFY(std::abs(reused.analysis.regime.confidence - trained.analysis.regime.confidence) <
            1e-9);
    QCOMPARE(reused.analysis.regimeHistory, trained.analysis.regimeHistory);

    // The retrain entry point fits the same model as analyzeMacro does.
    const DailyMarket market(assets);
    const cp::Result<RegimeModel> retrained = trainRegimeModel(market, assets);
    QVERIFY(retrained.ok());
    QCOMPARE(retrained->toJson(), trained.regimeModel->toJson());
}

void tst_Macro::walkForwardHistoryHasNoLookAhead()
{
    const auto assets = fixtures::simulatedMarket(12, 25, 300);
    const DailyMarket market(assets);
    const std::vector<Regime> full = walkForwardRegimeHistory(market, assets);
    QCOMPARE(full.size(), std::size_t(market.dayCount()));
    // Cutting the future off changes nothing up to the cut.
    for (int cut : {120, 200, 251}) {
        std::vector<AssetHistory> past = assets;
        for (AssetHistory &a : past)
            a.candles.resize(std::size_t(cut));
        const DailyMarket pastMarket(past);
        const std::vector<Regime> partial = walkForwardRegimeHistory(pastMarket, past);
        QCOMPARE(partial.size(), std::size_t(cut));
        QVERIFY(std::equal(partial.begin(), partial.end(), full.begin()));
    }
    // The first fit needs 30 + 60 days; after it the model speaks.
    QVERIFY(std::all_of(full.begin(), full.begin() + 90,
                        [](Regime r) { return r == Regime::Neutral; }));
    QVERIFY(
        std::any_of(full.begin() + 90, full.end(), [](Regime r) { return r != Regime::Neutral; }));
}

void tst_Macro::deterministic()
{
    const auto assets = fixtures::simulatedMarket(8, 25, 300);
    const MacroReport a = analyze(assets);
    const MacroReport b = analyze(assets);
    QCOMPARE(a.analysis.regime.regimeDrivers, b.analysis.regime.regimeDrivers);
    QCOMPARE(a.analysis.regime.macroIndicators, b.analysis.regime.macroIndicators);
    QCOMPARE(a.model.configuration, b.model.configuration);
    QCOMPARE(a.analysis.sentiment.sentimentSources, b.analysis.sentiment.sentimentSources);
}

void tst_Macro::degenerateInputs_data()
{
    QTest::addColumn<std::vector<AssetHistory>>("assets");
    QTest::addColumn<bool>("expectModel");
    QTest::newRow("no assets") << std::vector<AssetHistory>{} << false;
    QTest::newRow("one day") << std::vector<AssetHistory>{dailyAsset(1, QStringLiteral("BTC"), 2,
                                                                     QStringLiteral("Layer1"), 10,
                                                                     {100})}
                             << false;
    QTest::newRow("45 days") << trendingMarket(0.0, 45, 1) << false;
    std::vector<AssetHistory> flat{dailyAsset(1, QStringLiteral("BTC"), 2, QStringLiteral("Layer1"),
                                              10, std::vector<double>(400, 100.0)),
                                   dailyAsset(2, QStringLiteral("ALT"), 1, QStringLiteral("DeFi"),
                                              10, std::vector<double>(400, 5.0),
                                              std::vector<double>(400, 0.0))};
    QTest::newRow("constant prices, zero volume") << flat << true;
    auto broken = trendingMarket(0.002, 200, 2);
    for (int i = 10; i < 200; i += 17) {
        broken[1].candles[std::size_t(i)].close = std::nan("");
        broken[2].candles[std::size_t(i)].close = -5.0;
        broken[3].candles[std::size_t(i)].volume = std::nan("");
    }
    broken[4].candles.clear();
    QTest::newRow("NaN, negative and missing data") << broken << true;
    auto noSupply = trendingMarket(0.002, 200, 3);
    for (AssetHistory &a : noSupply)
        a.circulatingSupply = 0.0;
    QTest::newRow("no circulating supply") << noSupply << true;
}

void tst_Macro::degenerateInputs()
{
    QFETCH(std::vector<AssetHistory>, assets);
    QFETCH(bool, expectModel);
    const MacroReport report = analyze(assets);
    checkWellFormed(report);
    QCOMPARE(report.regimeModel.has_value(), expectModel);
    if (!expectModel) {
        QCOMPARE(report.analysis.regime.regime, Regime::Neutral);
        QVERIFY(std::abs(report.analysis.regime.confidence - 0.25) < 1e-12);
        QVERIFY(!report.status.isEmpty());
        QCOMPARE(report.analysis.regime.regimeDrivers.first().toString(), report.status);
    }
    if (QByteArray(QTest::currentDataTag()) == "45 days")
        QVERIFY(report.status.contains(QStringLiteral("45 days")));
    if (QByteArray(QTest::currentDataTag()) == "constant prices, zero volume") {
        QCOMPARE(report.analysis.regime.riskLevel, RiskLevel::Low);
        QCOMPARE(report.analysis.regime.trendStrength, 0.0);
        QCOMPARE(report.analysis.regime.regime, Regime::Neutral);
        QVERIFY(std::abs(report.analysis.sentiment.fearGreedIndex - 50.0) < 1e-9);
    }
    if (QByteArray(QTest::currentDataTag()) == "no circulating supply")
        QVERIFY(report.series.equalWeightedDays > 0);
    // The mismatched-vector misuse is reported, not crashed on.
    if (!assets.empty()) {
        const DailyMarket market(assets);
        std::vector<AssetHistory> fewer(assets.begin(), assets.end() - 1);
        const MacroReport mismatch = analyzeMacro(market, fewer, {});
        QVERIFY(!mismatch.status.isEmpty());
        QCOMPARE(mismatch.analysis.regime.regime, Regime::Neutral);
    }
}

QTEST_MAIN(tst_Macro)
#include "tst_macro.moc"
