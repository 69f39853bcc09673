#include "timingtestdata.h"

#include <engine/calibration.h>
#include <engine/logisticmodel.h>
#include <engine/random.h>
#include <engine/tradeoutcome.h>
#include <engine/walkforward.h>

#include <QTest>

#include <cmath>
#include <limits>

using namespace cp::engine;
using namespace timingtest;

Q_DECLARE_METATYPE(cp::engine::SignalType)
Q_DECLARE_METATYPE(cp::engine::TradeOutcome)

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Walk-forward rows with P(y = 1) = sigmoid(b0 + b . x), x standard normal; row i decided at i.
WalkForwardData logisticRows(int n, int delay, quint64 seed, std::vector<double> *truth = nullptr)
{
    Random rng(seed);
    WalkForwardData d;
    d.featureCount = 3;
    for (int i = 0; i < n; ++i) {
        const double x[3] = {rng.normal(), rng.normal(), rng.normal()};
        const double p = 1.0 / (1.0 + std::exp(-(-0.4 + 1.2 * x[0] - 0.8 * x[1])));
        if (truth)
            truth->push_back(p);
        d.add(x, i, i + delay, rng.uniform() < p ? 1.0 : 0.0);
    }
    return d;
}

} // namespace

class tst_Timing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void logisticRecoversKnownCoefficients();
    void logisticNeedsBothClasses();
    void tradeGeometry_data();
    void tradeGeometry();
    void outcomeLabelling_data();
    void outcomeLabelling();
    void calibrationArithmetic();
    void plattUndoesKnownOverconfidence();
    void plattOnConstantPredictionsGivesBaseRate();
    void plattNeverSharpens();
    void walkForwardNeverTrainsOnUnknownLabels();
    void walkForwardKnownCountsMatchNaive();
    void walkForwardCalibratedOnSimulatedProbabilities();
};

void tst_Timing::logisticRecoversKnownCoefficients()
{
    // Different feature scales: the raw-scale coefficients must come back after standardising.
    Random rng(11);
    const int n = 50000;
    const double b0 = -0.5, b[3] = {0.8, -0.1, 1.5};
    std::vector<double> x, y;
    for (int i = 0; i < n; ++i) {
        const double r[3] = {rng.normal(), 5.0 + 10.0 * rng.normal(), rng.uniform()};
        const double p = 1.0 / (1.0 + std::exp(-(b0 + b[0] * r[0] + b[1] * r[1] + b[2] * r[2])));
        x.insert(x.end(), r, r + 3);
        y.push_back(rng.uniform() < p ? 1.0 : 0.0);
    }
    LogisticModel m;
    LogisticModel::FitOptions options;
    options.l2 = 1e-6;
    QVERIFY(m.fit(x, y, 3, options));
    QVERIFY(m.converged());
    const std::vector<double> raw = m.rawCoefficients();
    // Tolerances are about four standard errors at n = 50000.
    QVERIFY2(std::abs(raw[0] - 0.8) < 0.05, qPrintable(QString::number(raw[0])));
    QVERIFY2(std::abs(raw[1] + 0.1) < 0.006, qPrintable(QString::number(raw[1])));
    QVERIFY2(std::abs(raw[2] - 1.5) < 0.15, qPrintable(QString::number(raw[2])));
    QVERIFY2(std::abs(m.rawIntercept() + 0.5) < 0.12,
             qPrintable(QString::number(m.rawIntercept())));
    // At the optimum the score equations hold: sum (y - p) x = 0 (penalty negligible).
    double g[4] = {0, 0, 0, 0};
    for (int i = 0; i < n; ++i) {
        const std::span<const double> row(x.data() + 3 * i, 3);
        const double lin = m.rawIntercept() + raw[0] * row[0] + raw[1] * row[1] + raw[2] * row[2];
        const double p = 1.0 / (1.0 + std::exp(-lin));
        QCOMPARE_LE(std::abs(p - m.predict(row)), 1e-12);
        const double e = y[std::size_t(i)] - p;
        g[0] += e;
        for (int j = 0; j < 3; ++j)
            g[j + 1] += e * row[std::size_t(j)];
    }
    for (double v : g)
        QVERIFY2(std::abs(v) / n < 1e-6, qPrintable(QString::number(v)));
}

void tst_Timing::logisticNeedsBothClasses()
{
    const std::vector<double> x{1, 2, 3, 4}, y{0, 0, 0, 0};
    LogisticModel m;
    QVERIFY(!m.fit(x, y, 1, {}));
    QVERIFY(!m.isFitted());
}

void tst_Timing::tradeGeometry_data()
{
    QTest::addColumn<SignalType>("side");
    QTest::addColumn<double>("stop");
    QTest::addColumn<double>("target");
    QTest::newRow("long") << SignalType::Long << 97.0 << 105.0;
    QTest::newRow("short") << SignalType::Short << 103.0 << 95.0;
}

void tst_Timing::tradeGeometry()
{
    QFETCH(SignalType, side);
    QFETCH(double, stop);
    QFETCH(double, target);
    // entry 100, ATR 2, stop 1.5 ATR, target 2.5 ATR.
    const TradeSetup s = makeTradeSetup(side, 100.0, 2.0, 1.5, 2.5);
    QCOMPARE(s.entry, 100.0);
    QCOMPARE(s.stop, stop);
    QCOMPARE(s.target, target);
    QCOMPARE(s.riskPct(), 3.0);
    QCOMPARE(s.rewardPct(), 5.0);
    QCOMPARE(s.riskRewardRatio(), 2.5 / 1.5);
}

void tst_Timing::outcomeLabelling_data()
{
    // Entry at the close of bar 0 (100); long stop 97, target 105; short stop 103, target 95.
    // Horizon 4 hours = the 4 bars after the entry.
    QTest::addColumn<SignalType>("side");
    QTest::addColumn<std::vector<Hlc>>("bars");
    QTest::addColumn<TradeOutcome>("outcome");
    QTest::addColumn<int>("exitBar");
    QTest::addColumn<double>("returnPct");
    const SignalType L = SignalType::Long, S = SignalType::Short;
    QTest::newRow("target first") << L
                                  << std::vector<Hlc>{{101, 99, 100},
                                                      {105.5, 100, 104},
                                                      {104, 96, 97}}
                                  << TradeOutcome::TargetHit << 2 << 5.0;
    QTest::newRow("stop first") << L << std::vector<Hlc>{{100.5, 96.9, 98}, {106, 98, 105}}
                                << TradeOutcome::StopHit << 1 << -3.0;
    QTest::newRow("both in one bar: stop") << L << std::vector<Hlc>{{99, 98, 98}, {106, 96, 100}}
                                           << TradeOutcome::StopHit << 2 << -3.0;
    QTest::newRow("neither: marked to market") << L
                                               << std::vector<Hlc>{{101, 99, 100},
                                                                   {104, 98, 103},
                                                                   {104.9, 97.1, 101},
                                                                   {103, 101, 102},
                                                                   {110, 90, 100}}
                                               << TradeOutcome::Expired << 4 << 2.0;
    QTest::newRow("data ends: open")
        << L << std::vector<Hlc>{{101, 99, 100}, {102, 98, 101}} << TradeOutcome::Open << -1 << 0.0;
    QTest::newRow("target on the last horizon bar")
        << L << std::vector<Hlc>{{101, 99, 100}, {101, 99, 100}, {101, 99, 100}, {105, 99, 104}}
        << TradeOutcome::TargetHit << 4 << 5.0;
    QTest::newRow("invalid bar skipped")
        << L << std::vector<Hlc>{{kNaN, kNaN, kNaN}, {105, 99, 104}} << TradeOutcome::TargetHit << 2
        << 5.0;
    QTest::newRow("short target first") << S << std::vector<Hlc>{{101, 99, 100}, {100, 94.9, 95.5}}
                                        << TradeOutcome::TargetHit << 2 << 5.0;
    QTest::newRow("short stop first")
        << S << std::vector<Hlc>{{103.2, 99, 103}} << TradeOutcome::StopHit << 1 << -3.0;
    QTest::newRow("short expired")
        << S << std::vector<Hlc>{{101, 99, 99}, {101, 99, 99}, {101, 99, 99}, {101, 97, 98}}
        << TradeOutcome::Expired << 4 << 2.0;
}

void tst_Timing::outcomeLabelling()
{
    QFETCH(SignalType, side);
    QFETCH(std::vector<Hlc>, bars);
    QFETCH(TradeOutcome, outcome);
    QFETCH(int, exitBar);
    QFETCH(double, returnPct);
    const qint64 t0 = 1'700'000'000;
    const std::vector<Candle> candles = hourlyBars(t0, 100.0, bars);
    const TradeSetup setup = makeTradeSetup(side, 100.0, 2.0, 1.5, 2.5);
    const TradeResult r = resolveTrade(candles, 0, setup, 4 * 3600);
    QCOMPARE(r.outcome, outcome);
    QCOMPARE(r.exitBar, exitBar);
    QVERIFY2(std::abs(r.returnPct - returnPct) < 1e-12, qPrintable(QString::number(r.returnPct)));
    if (outcome != TradeOutcome::Open) {
        QCOMPARE(r.resolvedAt, t0 + 3600 * exitBar);
        QCOMPARE(r.barsHeld, exitBar);
    }
}

void tst_Timing::calibrationArithmetic()
{
    const std::vector<double> p{0.1, 0.1, 0.9, 0.9}, y{0, 1, 1, 1};
    const CalibrationReport r = calibrationReport(p, y, 10);
    QCOMPARE(r.count, 4);
    QVERIFY(std::abs(r.brier - (0.01 + 0.81 + 0.01 + 0.01) / 4) < 1e-15);
    QCOMPARE(r.baseRate, 0.75);
    QCOMPARE(r.baseRateBrier, 0.1875);
    QVERIFY(!r.beatsBaseRate()); // 0.21 > 0.1875
    QCOMPARE(r.bins[1].count, 2);
    QCOMPARE(r.bins[1].observedRate, 0.5);
    QCOMPARE(r.bins[9].count, 2);
    QCOMPARE(r.bins[9].observedRate, 1.0);
    QVERIFY(std::abs(r.expectedCalibrationError - (2 * 0.4 + 2 * 0.1) / 4) < 1e-15);
}

void tst_Timing::plattUndoesKnownOverconfidence()
{
    // Stated logits are twice the true ones: Platt must find slope 1/2 and offset 0.
    Random rng(5);
    std::vector<double> stated, y;
    for (int i = 0; i < 40000; ++i) {
        const double z = rng.normal(0.0, 1.5);
        stated.push_back(1.0 / (1.0 + std::exp(-2.0 * z)));
        y.push_back(rng.uniform() < 1.0 / (1.0 + std::exp(-z)) ? 1.0 : 0.0);
    }
    PlattScaling platt;
    QVERIFY(platt.fit(stated, y));
    QVERIFY2(std::abs(platt.slope() - 0.5) < 0.03, qPrintable(QString::number(platt.slope())));
    QVERIFY2(std::abs(platt.offset()) < 0.05, qPrintable(QString::number(platt.offset())));
}

void tst_Timing::plattOnConstantPredictionsGivesBaseRate()
{
    // Every prediction 0.37, 30% hits: nothing tells a slope apart from an offset. The prior on
    // the slope settles it at 0 (exactly: at the best offset the data's slope gradient is
    // x * sum(mu - y) = 0), so every probability maps to the observed 30%.
    std::vector<double> stated(1000, 0.37), y(1000, 0.0);
    for (int i = 0; i < 300; ++i)
        y[std::size_t(i)] = 1.0;
    PlattScaling platt;
    QVERIFY(platt.fit(stated, y));
    QVERIFY2(std::abs(platt.slope()) < 1e-6, qPrintable(QString::number(platt.slope())));
    for (double p : {0.37, 0.1, 0.9})
        QVERIFY2(std::abs(platt.apply(p) - 0.3) < 1e-6, qPrintable(QString::number(p)));
}

void tst_Timing::plattNeverSharpens()
{
    // Predictions 0.36 and 0.38 whose outcomes are 20% and 60%: unconstrained, the slope would
    // be about 40. Capped at 1, the fit is the best offset for slope 1, which a plain grid
    // search over the offset finds as well.
    std::vector<double> stated, y;
    for (int i = 0; i < 1000; ++i) {
        const bool high = i % 2 == 1;
        stated.push_back(high ? 0.38 : 0.36);
        y.push_back((i / 2) % 5 < (high ? 3 : 1) ? 1.0 : 0.0);
    }
    PlattScaling platt;
    QVERIFY(platt.fit(stated, y));
    QVERIFY(platt.slope() <= 1.0);
    const auto logLikelihood = [&](double b) {
        double sum = 0.0;
        for (std::size_t i = 0; i < stated.size(); ++i) {
            const double p = 1.0 / (1.0 + std::exp(-(std::log(stated[i] / (1.0 - stated[i])) + b)));
            sum += y[i] > 0.5 ? std::log(p) : std::log(1.0 - p);
        }
        return sum;
    };
    double best = 0.0;
    for (int i = -3000; i <= 3000; ++i) {
        if (logLikelihood(i / 1000.0) > logLikelihood(best))
            best = i / 1000.0;
    }
    QCOMPARE(platt.slope(), 1.0);
    QVERIFY2(std::abs(platt.offset() - best) <= 1e-3, qPrintable(QString::number(platt.offset())));
    // Both groups end up near the overall 40%, not pushed apart to 20% and 60%.
    QVERIFY(std::abs(platt.apply(0.38) - platt.apply(0.36)) < 0.03);
}

void tst_Timing::walkForwardNeverTrainsOnUnknownLabels()
{
    // Labels take 1500 rows to become known. Early rows are pure noise; from row 600 on, the
    // label is exactly x > 0. When fold 1 starts (row 2000) only rows 0..500 are known: an honest
    // walk-forward has learned nothing, a leaky one (training on rows decided but not yet
    // resolved) would predict fold 1 almost perfectly.
    Random rng(3);
    WalkForwardData d;
    d.featureCount = 1;
    const int n = 4000, delay = 1500 * 10;
    for (int i = 0; i < n; ++i) {
        const double x = rng.normal();
        const double y = i <= 600 ? (rng.uniform() < 0.5 ? 1.0 : 0.0) : (x > 0 ? 1.0 : 0.0);
        d.add(std::span<const double>(&x, 1), qint64(i) * 10, qint64(i) * 10 + delay, y);
    }
    WalkForwardOptions options;
    options.folds = 2;
    options.minTrainRows = 200;
    const WalkForwardResult r = walkForward(d, options);
    QCOMPARE(int(r.folds.size()), 2);
    const WalkForwardFold &fold = r.folds[1];
    QCOMPARE(fold.start, qint64(20000));
    QCOMPARE(fold.knownRows, 501); // rows decided at <= 5000
    QVERIFY(fold.latestKnownAt <= fold.start);
    QVERIFY(fold.predicted);
    double brier = 0.0;
    for (int i = 2000; i < n; ++i)
        brier += std::pow(r.raw[std::size_t(i)] - d.label[std::size_t(i)], 2);
    brier /= 2000;
    QVERIFY2(brier > 0.2, qPrintable(QString::number(brier)));

    // The case does detect leaks: a model trained on rows 0..1999 regardless of knownAt
    // predicts fold 1 far better than any honest model could.
    std::vector<int> leaky(2000);
    for (int i = 0; i < 2000; ++i)
        leaky[std::size_t(i)] = i;
    LogisticModel cheat;
    QVERIFY(cheat.fit(d.features, d.label, 1, {}, leaky));
    double cheatBrier = 0.0;
    for (int i = 2000; i < n; ++i)
        cheatBrier += std::pow(cheat.predict(d.row(i)) - d.label[std::size_t(i)], 2);
    cheatBrier /= 2000;
    QVERIFY2(cheatBrier < 0.1, qPrintable(QString::number(cheatBrier)));
}

void tst_Timing::walkForwardKnownCountsMatchNaive()
{
    // Random resolution delays and some open rows: each fold's training set must be exactly the
    // labels with knownAt <= fold start.
    Random rng(9);
    WalkForwardData d;
    d.featureCount = 2;
    for (int i = 0; i < 6000; ++i) {
        const double x[2] = {rng.normal(), rng.normal()};
        const qint64 t = qint64(i / 3) * 60; // three rows share each decision time
        const qint64 known = t + 60 * (1 + rng.below(400));
        d.add(x, t, known, i % 97 == 0 ? kNaN : (rng.uniform() < 0.4 ? 1.0 : 0.0));
    }
    WalkForwardOptions options;
    options.folds = 7;
    options.maxTrainRows = 1000; // thinning must not admit unknown labels either
    const WalkForwardResult r = walkForward(d, options);
    for (const WalkForwardFold &f : r.folds) {
        int naive = 0;
        for (int i = 0; i < d.size(); ++i)
            naive += d.isLabelled(i) && d.knownAt[std::size_t(i)] <= f.start ? 1 : 0;
        QCOMPARE(f.knownRows, naive);
        QVERIFY(f.latestKnownAt <= f.start);
        QVERIFY(f.trainRows <= options.maxTrainRows);
    }
    // A fold's rows all share its time range, and no decision time straddles two folds.
    for (int i = 0; i < d.size(); ++i) {
        const WalkForwardFold &f = r.folds[std::size_t(r.fold[std::size_t(i)])];
        QVERIFY(d.decisionTime[std::size_t(i)] >= f.start &&
                d.decisionTime[std::size_t(i)] < f.end);
    }
}

void tst_Timing::walkForwardCalibratedOnSimulatedProbabilities()
{
    std::vector<double> truth;
    const WalkForwardData d = logisticRows(30000, 5, 21, &truth);
    const WalkForwardResult r = walkForward(d, WalkForwardOptions{});
    const CalibrationReport &cal = r.calibratedReport;
    QVERIFY(cal.count > 25000);
    // Stated vs observed per bin, within four binomial standard errors (+1 point).
    int checked = 0;
    for (const CalibrationBin &bin : cal.bins) {
        if (bin.count < 300)
            continue;
        ++checked;
        const double se = std::sqrt(bin.meanPredicted * (1 - bin.meanPredicted) / bin.count);
        QVERIFY2(std::abs(bin.observedRate - bin.meanPredicted) < 4 * se + 0.01,
                 qPrintable(QStringLiteral("bin %1: stated %2 observed %3 n %4")
                                .arg(bin.lower)
                                .arg(bin.meanPredicted)
                                .arg(bin.observedRate)
                                .arg(bin.count)));
    }
    QVERIFY(checked >= 6);
    QVERIFY(cal.beatsBaseRate());
    // Close to the Brier score of the true probabilities on the same rows.
    double oracle = 0.0;
    int n = 0;
    for (int i = 0; i < d.size(); ++i)
        if (!std::isnan(r.calibrated[std::size_t(i)])) {
            oracle += std::pow(truth[std::size_t(i)] - d.label[std::size_t(i)], 2);
            ++n;
        }
    oracle /= n;
    QVERIFY2(cal.brier < oracle + 0.005,
             qPrintable(QStringLiteral("%1 vs %2").arg(cal.brier).arg(oracle)));
}

QTEST_MAIN(tst_Timing)
#include "tst_timing.moc"
