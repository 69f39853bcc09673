#include "timingtestdata.h"

#include <engine/backtester.h>
#include <engine/dailymarket.h>
#include <engine/macroanalyzer.h>
#include <engine/timinganalyzer.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <cmath>
#include <map>

using namespace cp::engine;
using namespace timingtest;

namespace {

// One analysis shared by the tests: 16 simulated assets, 300 days of hourly bars.
struct Fixture
{
    MarketSimulator sim{simulation(16, 300, Interval::Hour, 17)};
    std::vector<AssetHistory> assets = simulatedAssets(sim);
    RegimeByDay regimes = [this](qint64 day) -> std::optional<Regime> { return sim.regimeAt(day); };
    TimingAnalysis analysis;

    Fixture()
    {
        TimingHistory history;
        history.regimeByDay = regimes;
        analysis = TimingAnalyzer(TimingConfig{}, history).analyze(assets, {});
    }
};

Fixture &fixture()
{
    static Fixture f;
    return f;
}

// Naive tally of resolved out-of-sample candidates with confidence >= threshold.
struct Naive
{
    int n = 0, hits = 0;
    double returns = 0.0;
};

bool allFinite(const QJsonValue &v)
{
    if (v.isDouble())
        return std::isfinite(v.toDouble());
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!allFinite(it.value()))
                return false;
    }
    if (v.isArray())
        for (const QJsonValue &x : v.toArray())
            if (!allFinite(x))
                return false;
    return !v.isNull(); // a NaN would have been written as null
}

} // namespace

class tst_Backtest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesNaiveReplay_data();
    void matchesNaiveReplay();
    void returnsFollowTheGeometry();
    void slicesAddUp();
    void dateRange();
    void jsonIsCompleteAndFinite();
    void emptyAndMismatchedInput();
    void noWorseThanTheBaseRateOnASimulatedMarket();
    void noFoldTurnsOverconfident_data();
    void noFoldTurnsOverconfident();
};

void tst_Backtest::matchesNaiveReplay_data()
{
    QTest::addColumn<double>("threshold");
    QTest::newRow("all") << 0.0;
    QTest::newRow("0.38") << 0.38;
    QTest::newRow("0.55") << 0.55;
}

void tst_Backtest::matchesNaiveReplay()
{
    QFETCH(double, threshold);
    const Fixture &f = fixture();
    BacktestOptions options;
    options.confidenceMin = threshold;
    const BacktestReport r = runBacktest(f.analysis.candidates, f.analysis.model, options);

    Naive model, all;
    double brier = 0.0;
    for (std::size_t a = 0; a < f.analysis.candidates.size(); ++a) {
        const auto &cs = f.analysis.candidates[a].candidates;
        for (std::size_t c = 0; c < cs.size(); ++c) {
            const double p = f.analysis.model.walkForward
                                 .calibrated[std::size_t(f.analysis.model.firstRow[a] + int(c))];
            if (std::isnan(p) || cs[c].result.outcome == TradeOutcome::Open)
                continue;
            const bool hit = cs[c].result.outcome == TradeOutcome::TargetHit;
            brier += (p - (hit ? 1 : 0)) * (p - (hit ? 1 : 0));
            for (Naive *t : {&all, p >= threshold ? &model : nullptr}) {
                if (!t)
                    continue;
                ++t->n;
                t->hits += hit ? 1 : 0;
                t->returns += cs[c].result.returnPct;
            }
        }
    }
    QVERIFY(all.n > 500);
    QCOMPARE(r.overall.allCandidates.signals, all.n);
    QCOMPARE(r.overall.allCandidates.targetHits, all.hits);
    QCOMPARE(r.overall.modelSignals.signals, model.n);
    QCOMPARE(r.overall.modelSignals.targetHits, model.hits);
    if (model.n > 0) {
        QVERIFY(std::abs(r.overall.modelSignals.successRate - double(model.hits) / model.n) <
                1e-12);
        QVERIFY(std::abs(r.overall.modelSignals.averageReturnPct - model.returns / model.n) < 1e-9);
    }
    QVERIFY(std::abs(r.overall.calibration.brier - brier / all.n) < 1e-12);
    QCOMPARE(r.byModel.at(QStringLiteral("rules_only")).signals, all.n);
    QCOMPARE(r.byModel.at(QStringLiteral("timing_signal_logit")).signals, model.n);
    // The first fold has no earlier labels: its candidates are warm-up, never scored.
    QVERIFY(r.warmupCandidates > 0);
    QCOMPARE(r.candidatesInRange, r.warmupCandidates + r.openCandidates + all.n);
}

void tst_Backtest::returnsFollowTheGeometry()
{
    // +reward% at the target, -risk% at the stop, reward = risk * 2.5 / 1.5.
    for (const AssetCandidates &a : fixture().analysis.candidates)
        for (const TimingCandidate &k : a.candidates) {
            const double risk = std::abs(k.setup.entry - k.setup.stop) / k.setup.entry * 100;
            if (k.result.outcome == TradeOutcome::TargetHit)
                QVERIFY(std::abs(k.result.returnPct - risk * 2.5 / 1.5) < 1e-9);
            else if (k.result.outcome == TradeOutcome::StopHit)
                QVERIFY(std::abs(k.result.returnPct + risk) < 1e-9);
            else if (k.result.outcome == TradeOutcome::Expired)
                QVERIFY(k.result.returnPct > -risk - 1e-9 &&
                        k.result.returnPct < risk * 2.5 / 1.5 + 1e-9);
        }
}

void tst_Backtest::slicesAddUp()
{
    const Fixture &f = fixture();
    BacktestOptions options;
    options.confidenceMin = 0.37;
    options.regimeByDay = f.regimes;
    const BacktestReport r = runBacktest(f.analysis.candidates, f.analysis.model, options);
    for (const auto *slices : {&r.byRiskLevel, &r.byRegime, &r.bySide}) {
        int all = 0, model = 0, hits = 0, calibrated = 0;
        for (const auto &[name, s] : *slices) {
            all += s.allCandidates.signals;
            model += s.modelSignals.signals;
            hits += s.modelSignals.targetHits;
            calibrated += s.calibration.count;
        }
        QCOMPARE(all, r.overall.allCandidates.signals);
        QCOMPARE(model, r.overall.modelSignals.signals);
        QCOMPARE(hits, r.overall.modelSignals.targetHits);
        QCOMPARE(calibrated, r.overall.calibration.count);
    }
    // The simulator's regimes are known for every simulated day.
    QVERIFY(!r.byRegime.contains(QStringLiteral("unknown")));
    QVERIFY(r.byRegime.size() >= 2);
    for (const auto &[name, s] : r.byRegime)
        QVERIFY(QStringList({"bull", "bear", "neutral", "volatile"}).contains(name));
}

void tst_Backtest::dateRange()
{
    const Fixture &f = fixture();
    const qint64 start = f.assets[0].candles.front().time;
    BacktestOptions options;
    options.from = start + 150 * 86400;
    options.to = start + 200 * 86400;
    const BacktestReport r = runBacktest(f.analysis.candidates, f.analysis.model, options);
    QVERIFY(r.overall.allCandidates.signals > 0);
    QVERIFY(r.from >= options.from && r.to <= options.to);
    const BacktestReport whole = runBacktest(f.analysis.candidates, f.analysis.model, {});
    QVERIFY(r.overall.allCandidates.signals < whole.overall.allCandidates.signals);
}

void tst_Backtest::jsonIsCompleteAndFinite()
{
    const Fixture &f = fixture();
    BacktestOptions options;
    options.regimeByDay = f.regimes;
    const QJsonObject json = runBacktest(f.analysis.candidates, f.analysis.model, options).toJson();
    for (const char *key : {"total_signals", "successful_signals", "success_rate", "average_return",
                            "brier_score", "base_rate_brier", "performance_by_risk_level",
                            "performance_by_regime", "performance_by_model", "notes", "overall"})
        QVERIFY2(json.contains(QLatin1String(key)), key);
    const QJsonArray bins = json.value(QStringLiteral("overall"))
                                .toObject()
                                .value(QStringLiteral("calibration"))
                                .toObject()
                                .value(QStringLiteral("bins"))
                                .toArray();
    QCOMPARE(bins.size(), 10);
    QVERIFY(allFinite(json));
    const QByteArray text = QJsonDocument(json).toJson();
    QCOMPARE(QJsonDocument::fromJson(text).object(), json);
}

void tst_Backtest::emptyAndMismatchedInput()
{
    const std::vector<AssetCandidates> none;
    const SignalModel untrained = trainSignalModel(none, TimingConfig{});
    const BacktestReport empty = runBacktest(none, untrained, {});
    QCOMPARE(empty.overall.allCandidates.signals, 0);
    QVERIFY(!empty.notes.isEmpty());
    QVERIFY(allFinite(empty.toJson()));

    const Fixture &f = fixture();
    const std::span<const AssetCandidates> fewer(f.analysis.candidates.data(), 3);
    const BacktestReport mismatched = runBacktest(fewer, f.analysis.model, {});
    QCOMPARE(mismatched.overall.allCandidates.signals, 0);
    QVERIFY(
        mismatched.notes.join(QLatin1Char(' ')).contains(QStringLiteral("different asset list")));
}

void tst_Backtest::noWorseThanTheBaseRateOnASimulatedMarket()
{
    // The simulated market gives these features almost nothing to find. The penalty selection
    // and the calibration check must then keep the model at the base rate known at the time,
    // instead of selling noise as confidence.
    const WalkForwardResult &wf = fixture().analysis.model.walkForward;
    QVERIFY(wf.calibratedReport.count > 1000);
    QVERIFY2(wf.calibratedReport.brier <= 1.005 * wf.trainingBaseRateBrier,
             qPrintable(QStringLiteral("%1 vs %2")
                            .arg(wf.calibratedReport.brier)
                            .arg(wf.trainingBaseRateBrier)));
    QVERIFY(wf.calibratedReport.brier <= 1.02 * wf.calibratedReport.baseRateBrier);
    const ModelRecord record = fixture().analysis.record;
    QCOMPARE(record.performanceMetrics.value(QStringLiteral("beats_base_rate")).toBool(),
             wf.calibratedReport.brier < wf.calibratedReport.baseRateBrier);
    QVERIFY(record.performanceMetrics.value(QStringLiteral("verdict"))
                .toString()
                .contains(QStringLiteral("base rate")));
}

void tst_Backtest::noFoldTurnsOverconfident_data()
{
    // The demo's shape (50 assets, 365 days, hourly bars) on the two seeds where the walk-forward
    // Platt step, fitted on one fold's nearly constant predictions (slope above 3), once turned
    // a whole fold into 0.6-0.9 while it hit 37%: out-of-sample Brier 0.2606 and 0.2547 against
    // 0.233 for the training base rates (tests/bench/signal_yield 2 2 50 365 1h; docs/models.md).
    QTest::addColumn<quint64>("seed");
    QTest::newRow("seed 2") << quint64(2);
    QTest::newRow("seed 7") << quint64(7);
}

void tst_Backtest::noFoldTurnsOverconfident()
{
    QFETCH(quint64, seed);
    const MarketSimulator sim(simulation(50, 365, Interval::Hour, seed));
    const std::vector<AssetHistory> assets = simulatedAssets(sim);
    // As the pipeline runs it: regimes from the walk-forward regime history.
    const DailyMarket market(assets);
    TimingHistory history;
    history.regimeByDay = regimeByDayFrom(market.days(), walkForwardRegimeHistory(market, assets));
    const TimingAnalysis analysis = TimingAnalyzer(TimingConfig{}, history).analyze(assets, {});
    const WalkForwardResult &wf = analysis.model.walkForward;
    QVERIFY(wf.calibratedReport.count > 5000);
    // Measured after the fix: 0.2336 and 0.2303 against 0.2334 and 0.2309 (the base rates of
    // the evaluated rows).
    QVERIFY2(wf.calibratedReport.brier <= 1.01 * wf.calibratedReport.baseRateBrier,
             qPrintable(QStringLiteral("%1 vs %2")
                            .arg(wf.calibratedReport.brier)
                            .arg(wf.calibratedReport.baseRateBrier)));
    // No candidate rated 0.55 or more unless such ratings held up: none did here.
    QVERIFY(analysis.model.thresholdSignals < 30 ||
            analysis.model.thresholdHitRate >= TimingConfig{}.confidenceMin - 0.05);
}

QTEST_MAIN(tst_Backtest)
#include "tst_backtest.moc"
