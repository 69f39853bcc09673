#include "timingtestdata.h"

#include <engine/indicators.h>
#include <engine/signalgenerator.h>
#include <engine/timinganalyzer.h>

#include <QJsonArray>
#include <QTest>

#include <cmath>
#include <limits>
#include <set>

using namespace cp::engine;
using namespace timingtest;

Q_DECLARE_METATYPE(cp::engine::SignalType)

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

// Layer 4's signals: the rules, bad input, and the why chain written into each signal.
class tst_TimingSignals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generatorFollowsItsRules();
    void badInputGivesReasonsNotSignals();
    void signalCarriesTheWhyChain();
    void positionCap_data();
    void positionCap();
};

void tst_TimingSignals::generatorFollowsItsRules()
{
    // Candidates are exactly the bars where the rules start to hold, recomputed here from the
    // indicators; outcomes agree with a naive scan of the following bars.
    const MarketSimulator sim(simulation(6, 120, Interval::Hour));
    const std::vector<AssetHistory> assets = simulatedAssets(sim);
    const TimingConfig cfg;
    const SignalGenerator generator(cfg, {});
    int total = 0;
    for (const AssetHistory &a : assets) {
        if (a.isStablecoin)
            continue;
        const AssetCandidates found = generator.scan(a);
        QVERIFY(found.skipReason.isEmpty());
        QCOMPARE(found.horizonBars, 48);
        const std::size_t n = a.candles.size();
        std::vector<double> c(n), h(n), l(n), e20(n), e50(n), r(n), m(n), s(n), hist(n), atrv(n);
        for (std::size_t i = 0; i < n; ++i) {
            c[i] = a.candles[i].close;
            h[i] = a.candles[i].high;
            l[i] = a.candles[i].low;
        }
        ema(c, e20, 20);
        ema(c, e50, 50);
        rsi(c, r, 14);
        macd(c, {m, s, hist});
        atr(h, l, c, atrv, 14);
        auto holds = [&](std::size_t t, double dir) {
            if (t < 7 || std::isnan(e50[t]) || std::isnan(hist[t - 1]) || std::isnan(r[t - 6]))
                return false;
            double ext = r[t - 1];
            for (std::size_t k = t - 6; k < t; ++k)
                ext = dir > 0 ? std::min(ext, r[k]) : std::max(ext, r[k]);
            const bool pulled =
                dir > 0 ? ext <= 40 && r[t] - ext >= 5 : ext >= 60 && ext - r[t] >= 5;
            return dir * (e20[t] - e50[t]) > 0 && dir * (r[t] - r[t - 1]) > 0 &&
                   dir * (hist[t] - hist[t - 1]) > 0 && pulled && atrv[t] > 0;
        };
        std::set<int> expected;
        for (std::size_t t = 30; t < n; ++t)
            if ((holds(t, 1) && !holds(t - 1, 1)) || (holds(t, -1) && !holds(t - 1, -1)))
                expected.insert(int(t));
        std::set<int> got;
        for (const TimingCandidate &k : found.candidates) {
            got.insert(k.bar);
            const std::size_t t = std::size_t(k.bar);
            const double dir = k.setup.side == SignalType::Long ? 1 : -1;
            QVERIFY(holds(t, dir));
            QCOMPARE(k.setup.entry, c[t]);
            QVERIFY(std::abs(k.atr - atrv[t]) < 1e-9 * atrv[t]);
            QVERIFY(std::abs(dir * (k.setup.entry - k.setup.stop) - 1.5 * k.atr) <
                    1e-9 * k.setup.entry);
            QVERIFY(std::abs(dir * (k.setup.target - k.setup.entry) - 2.5 * k.atr) <
                    1e-9 * k.setup.entry);
            for (double f : k.features)
                QVERIFY(std::isfinite(f));
            // Naive outcome: the 48 bars after the entry, stop checked before target.
            TradeOutcome naive = t + 48 < n ? TradeOutcome::Expired : TradeOutcome::Open;
            for (std::size_t j = t + 1; j <= std::min(t + 48, n - 1); ++j) {
                const bool stop = dir > 0 ? l[j] <= k.setup.stop : h[j] >= k.setup.stop;
                const bool target = dir > 0 ? h[j] >= k.setup.target : l[j] <= k.setup.target;
                if (stop || target) {
                    naive = stop ? TradeOutcome::StopHit : TradeOutcome::TargetHit;
                    break;
                }
            }
            QCOMPARE(k.result.outcome, naive);
        }
        QCOMPARE(got, expected);
        total += int(got.size());
    }
    QVERIFY(total > 50);
}

void tst_TimingSignals::badInputGivesReasonsNotSignals()
{
    const MarketSimulator sim(simulation(12, 200, Interval::Hour));
    std::vector<AssetHistory> assets = simulatedAssets(sim);
    const int good = int(assets.size());
    auto add = [&](const QString &symbol, std::vector<Candle> candles) {
        AssetHistory a;
        a.cryptoId = 1000 + int(assets.size());
        a.symbol = symbol;
        a.candles = std::move(candles);
        assets.push_back(std::move(a));
    };
    const std::vector<Candle> base = assets[1].candles;
    add(QStringLiteral("SHORT"), std::vector<Candle>(base.begin(), base.begin() + 50));
    add(QStringLiteral("ONE"), std::vector<Candle>(base.begin(), base.begin() + 1));
    std::vector<Candle> flat = base;
    for (Candle &c : flat)
        c.open = c.high = c.low = c.close = 100.0;
    add(QStringLiteral("FLAT"), flat);
    std::vector<Candle> nanLast = base;
    nanLast.back().close = kNaN;
    add(QStringLiteral("NANLAST"), nanLast);
    std::vector<Candle> gaps = base;
    for (int i = 1000; i < 1010; ++i)
        gaps[std::size_t(i)].close = kNaN;
    gaps[2000].low = -5.0;
    add(QStringLiteral("GAPS"), gaps);
    std::vector<Candle> unordered = base;
    std::swap(unordered[10].time, unordered[11].time);
    add(QStringLiteral("UNORDERED"), unordered);

    TimingConfig cfg;
    cfg.confidenceMin = 0.0; // whatever the model says, bad input must not become a signal
    const TimingAnalyzer analyzer(cfg);
    const TimingAnalysis r = analyzer.analyze(assets, {});
    auto reasonFor = [&](const QString &symbol) {
        for (const SkippedAsset &s : r.skipped)
            if (s.symbol == symbol)
                return s.reason;
        return QString();
    };
    QVERIFY(reasonFor(QStringLiteral("SHORT")).contains(QStringLiteral("50 bars")));
    QVERIFY(reasonFor(QStringLiteral("ONE")).contains(QStringLiteral("1 bars")));
    QVERIFY(reasonFor(QStringLiteral("FLAT")).contains(QStringLiteral("ATR 0")));
    QVERIFY(reasonFor(QStringLiteral("NANLAST")).contains(QStringLiteral("invalid price")));
    QVERIFY(reasonFor(QStringLiteral("UNORDERED")).contains(QStringLiteral("time order")));
    QVERIFY(reasonFor(QStringLiteral("USDT")).contains(QStringLiteral("stablecoin")));
    QVERIFY(r.candidates[std::size_t(good + 2)].candidates.empty());                // FLAT
    for (const TimingCandidate &k : r.candidates[std::size_t(good + 4)].candidates) // GAPS
        for (double f : k.features)
            QVERIFY(std::isfinite(f));
    for (const SignalResult &s : r.signals) {
        QVERIFY(s.cryptoId <= good);
        for (double v : {s.entryPrice, s.targetPrice, s.stopLoss, s.confidence, s.riskRewardRatio})
            QVERIFY(std::isfinite(v));
    }
}

void tst_TimingSignals::signalCarriesTheWhyChain()
{
    // Cut the histories right after one of asset 0's candidates so its latest bar has a setup.
    const MarketSimulator sim(simulation(10, 240, Interval::Hour));
    std::vector<AssetHistory> assets = simulatedAssets(sim);
    TimingConfig cfg;
    cfg.confidenceMin = 0.0;
    const TimingAnalyzer analyzer(cfg);
    const AssetCandidates full = analyzer.scan(assets[0]);
    QVERIFY(full.candidates.size() > 10);
    const TimingCandidate pick = full.candidates[full.candidates.size() - 3];
    for (AssetHistory &a : assets) // all end together: a lagging asset would be stale
        a.candles.resize(std::size_t(pick.bar) + 1);
    std::vector<TimingContext> contexts(assets.size());
    contexts[0].regime = Regime::Volatile;
    contexts[0].regimeProbability = 0.87;
    contexts[0].sector = QStringLiteral("DeFi");
    contexts[0].sectorRank = 1;
    contexts[0].sectorMomentum = 0.62;
    contexts[0].tier = Tier::Tier1;
    contexts[0].suggestion = SuggestionRef{42, SuggestionType::AddTier1};

    const TimingAnalysis r = analyzer.analyze(assets, contexts);
    const SignalResult *s = nullptr;
    for (const SignalResult &x : r.signals)
        if (x.cryptoId == assets[0].cryptoId)
            s = &x;
    QVERIFY(s);
    QCOMPARE(s->type, pick.setup.side);
    QCOMPARE(s->entryPrice, pick.setup.entry);
    QCOMPARE(s->stopLoss, pick.setup.stop);
    QCOMPARE(s->targetPrice, pick.setup.target);
    QCOMPARE(s->riskRewardRatio, 2.5 / 1.5);
    QCOMPARE(s->generatedAt, assets[0].candles.back().time);
    QCOMPARE(s->expiresAt, s->generatedAt + 48 * 3600);
    QCOMPARE(s->timeHorizonHours, 48);
    QVERIFY(s->confidence >= 0.0 && s->confidence <= 1.0);
    const QJsonObject mc = s->marketContext;
    QCOMPARE(mc.value(QStringLiteral("regime")).toString(), QStringLiteral("volatile"));
    QCOMPARE(mc.value(QStringLiteral("regime_probability")).toDouble(), 0.87);
    QCOMPARE(mc.value(QStringLiteral("sector")).toString(), QStringLiteral("DeFi"));
    QCOMPARE(mc.value(QStringLiteral("sector_rank")).toInt(), 1);
    QCOMPARE(mc.value(QStringLiteral("tier")).toString(), QStringLiteral("tier1"));
    QCOMPARE(mc.value(QStringLiteral("suggestion")).toObject().value(QStringLiteral("id")).toInt(),
             42);
    QCOMPARE(
        mc.value(QStringLiteral("suggestion")).toObject().value(QStringLiteral("type")).toString(),
        QStringLiteral("add_tier1"));
    QCOMPARE(mc.value(QStringLiteral("position_cap")).toString(),
             QStringLiteral("regime volatile caps the position at 50% of the normal size"));
    const QJsonObject ai = s->aiAnalysis;
    QVERIFY(ai.value(QStringLiteral("key_factors")).toArray().size() >= 5);
    QVERIFY(ai.value(QStringLiteral("key_factors"))
                .toArray()
                .at(1)
                .toString()
                .startsWith(QStringLiteral("RSI")));
    const QJsonObject prob = ai.value(QStringLiteral("probability_analysis")).toObject();
    QCOMPARE(prob.value(QStringLiteral("target_before_stop")).toDouble(), s->confidence);
    QCOMPARE(ai.value(QStringLiteral("model")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("timing_signal_logit"));

    // The model record describes the fitted model and its out-of-sample test.
    QCOMPARE(r.record.name, QStringLiteral("timing_signal_logit"));
    QCOMPARE(r.record.modelType, QStringLiteral("timing"));
    const QJsonObject coefficients = r.record.configuration.value(QStringLiteral("model"))
                                         .toObject()
                                         .value(QStringLiteral("coefficients"))
                                         .toObject();
    QCOMPARE(coefficients.size(), kTimingFeatureCount);
    for (const QString &key :
         {QStringLiteral("walk_forward_brier"), QStringLiteral("base_rate_brier"),
          QStringLiteral("hit_rate"), QStringLiteral("calibration")})
        QVERIFY2(r.record.performanceMetrics.contains(key), qPrintable(key));

    // Above any achievable confidence: no signal, and a reason.
    cfg.confidenceMin = 1.01;
    const TimingAnalysis none = TimingAnalyzer(cfg).analyze(assets, contexts);
    QVERIFY(none.signals.empty());
    bool explained = false;
    for (const SkippedAsset &w : none.withoutSignal)
        explained = explained || (w.cryptoId == assets[0].cryptoId &&
                                  w.reason.contains(QStringLiteral("below the minimum")));
    QVERIFY(explained);
}

void tst_TimingSignals::positionCap_data()
{
    QTest::addColumn<int>("regime"); // -1: unknown
    QTest::addColumn<SignalType>("side");
    QTest::addColumn<double>("exposure");
    QTest::addColumn<double>("cap");
    QTest::newRow("unknown") << -1 << SignalType::Long << -1.0 << 1.0;
    QTest::newRow("bull long") << int(Regime::Bull) << SignalType::Long << -1.0 << 1.0;
    QTest::newRow("bull short") << int(Regime::Bull) << SignalType::Short << -1.0 << 0.5;
    QTest::newRow("bear long") << int(Regime::Bear) << SignalType::Long << -1.0 << 0.5;
    QTest::newRow("bear short") << int(Regime::Bear) << SignalType::Short << -1.0 << 1.0;
    QTest::newRow("neutral") << int(Regime::Neutral) << SignalType::Long << -1.0 << 0.75;
    QTest::newRow("volatile") << int(Regime::Volatile) << SignalType::Short << -1.0 << 0.5;
    QTest::newRow("exposure binds") << int(Regime::Bull) << SignalType::Long << 0.3 << 0.3;
    QTest::newRow("exposure loose") << int(Regime::Volatile) << SignalType::Long << 0.9 << 0.5;
}

void tst_TimingSignals::positionCap()
{
    QFETCH(int, regime);
    QFETCH(SignalType, side);
    QFETCH(double, exposure);
    QFETCH(double, cap);
    TimingContext ctx;
    if (regime >= 0)
        ctx.regime = Regime(regime);
    ctx.recommendedExposure = exposure;
    const auto [fraction, why] = TimingAnalyzer::positionCap(ctx, side);
    QCOMPARE(fraction, cap);
    QVERIFY(!why.isEmpty());
}

QTEST_MAIN(tst_TimingSignals)
#include "tst_timingsignals.moc"
