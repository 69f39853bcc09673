#include "marketfixtures.h"

#include <engine/dailymarket.h>
#include <engine/macroanalyzer.h>
#include <engine/random.h>
#include <engine/regimecalibration.h>
#include <engine/regimemodel.h>
#include <engine/simulator.h>

#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace cp::engine;

namespace {

//! Log-likelihood of the outcomes under weight x p + (1 - weight) / 4, written out directly.
double naiveLogLikelihood(const std::vector<double> &p, const std::vector<Regime> &outcomes,
                          double weight)
{
    double sum = 0.0;
    for (std::size_t t = 0; t < outcomes.size(); ++t)
        sum += std::log(weight * p[t * 4 + std::size_t(outcomes[t])] + (1.0 - weight) / 4.0);
    return sum;
}

/** Accuracy, mean stated confidence and Brier score of four-label forecasts against a truth. */
struct Scores
{
    double days = 0, hits = 0, confidence = 0, brier = 0;
    void add(const double *p, Regime label, Regime truth)
    {
        days += 1;
        hits += label == truth;
        confidence += p[int(label)];
        for (int r = 0; r < 4; ++r)
            brier += (p[r] - (r == int(truth))) * (p[r] - (r == int(truth)));
    }
};

RegimeFeatures featuresOf(const std::vector<AssetHistory> &assets)
{
    const DailyMarket market(assets);
    const MarketSeries series = buildMarketSeries(market, assets);
    const RegimeModelOptions options;
    return regimeFeatures(series.indexReturn, options.trendWindow, options.volatilityWindow);
}

} // namespace

class tst_RegimeCalibration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneHotKnownAnswer_data();
    void oneHotKnownAnswer();
    void matchesGridSearch();
    void tooFewOutcomesIsUniform();
    void calibrationKeepsOrder();
    void storedModelReproducesCalibration();
    void modelStoredWithoutCalibrationStillLoads();
    void honestOnHeldOutSeeds();
};

void tst_RegimeCalibration::oneHotKnownAnswer_data()
{
    // The model is always sure of bull and is right a fraction f of the time. The log-likelihood
    // f log(3w/4 + 1/4) + (1 - f) log((1 - w)/4) peaks where 3f(1 - w) = (1 - f)(3w + 1), that
    // is w = (4f - 1) / 3, clamped to [0, 1].
    QTest::addColumn<int>("hits");
    QTest::addColumn<double>("expected");
    QTest::newRow("always right") << 100 << 1.0;
    QTest::newRow("70% right") << 70 << 0.6;
    QTest::newRow("40% right") << 40 << 0.2;
    QTest::newRow("chance") << 25 << 0.0;
    QTest::newRow("worse than chance") << 10 << 0.0;
}

void tst_RegimeCalibration::oneHotKnownAnswer()
{
    QFETCH(int, hits);
    QFETCH(double, expected);
    std::vector<double> p;
    std::vector<Regime> outcomes;
    for (int t = 0; t < 100; ++t) {
        p.insert(p.end(), {1.0, 0.0, 0.0, 0.0});
        outcomes.push_back(t < hits ? Regime::Bull : Regime(1 + t % 3));
    }
    const RegimeCalibration c = fitRegimeCalibration(p, outcomes, 30);
    QVERIFY2(std::abs(c.weight - expected) < 1e-9, qPrintable(QString::number(c.weight)));
    QCOMPARE(c.pairs, 100);
    QCOMPARE(c.horizonDays, 30);
    QVERIFY(std::abs(c.agreement - hits / 100.0) < 1e-12);
    QVERIFY(std::abs(c.meanRawConfidence - 1.0) < 1e-12);
    QVERIFY(std::abs(c.meanConfidence - (expected + (1.0 - expected) / 4.0)) < 1e-9);
    // Raw Brier of a sure forecast: 0 when right, 2 when wrong.
    QVERIFY(std::abs(c.rawBrier - 2.0 * (100 - hits) / 100.0) < 1e-12);
    QVERIFY(c.brier <= c.rawBrier + 1e-12);
}

void tst_RegimeCalibration::matchesGridSearch()
{
    // Random soft forecasts whose outcomes follow them only partly: the fitted weight must be
    // where a plain grid search finds the highest likelihood.
    Random rng(7);
    std::vector<double> p;
    std::vector<Regime> outcomes;
    for (int t = 0; t < 400; ++t) {
        double row[4], sum = 0.0;
        for (double &v : row) {
            v = std::pow(rng.uniform(), 4.0);
            sum += v;
        }
        for (double &v : row)
            p.push_back(v / sum);
        const int top = int(std::max_element(row, row + 4) - row);
        outcomes.push_back(rng.uniform() < 0.5 ? Regime(top) : Regime(rng.below(4)));
    }
    const RegimeCalibration c = fitRegimeCalibration(p, outcomes, 30);
    double best = 0.0, bestLikelihood = -1e300;
    for (int i = 0; i <= 10000; ++i) {
        const double w = i / 10000.0;
        const double l = naiveLogLikelihood(p, outcomes, w);
        if (l > bestLikelihood) {
            bestLikelihood = l;
            best = w;
        }
    }
    qInfo("fitted weight %.6f, grid %.4f", c.weight, best);
    QVERIFY(best > 0.0 && best < 1.0);
    QVERIFY(std::abs(c.weight - best) <= 1e-4);
    QVERIFY(naiveLogLikelihood(p, outcomes, c.weight) >= bestLikelihood - 1e-9);
}

void tst_RegimeCalibration::tooFewOutcomesIsUniform()
{
    std::vector<double> p(4 * 29, 0.0);
    for (std::size_t t = 0; t < 29; ++t)
        p[t * 4] = 1.0;
    const std::vector<Regime> outcomes(29, Regime::Bull);
    const RegimeCalibration c = fitRegimeCalibration(p, outcomes, 30);
    QVERIFY(!c.isFitted());
    QCOMPARE(c.weight, 0.0);
    for (double v : calibratedRegimeProbabilities(p, c.weight))
        QCOMPARE(v, 0.25);
}

void tst_RegimeCalibration::calibrationKeepsOrder()
{
    const std::vector<double> p{0.7, 0.2, 0.06, 0.04, 0.1, 0.1, 0.5, 0.3};
    const std::vector<double> q = calibratedRegimeProbabilities(p, 0.4);
    QCOMPARE(q.size(), p.size());
    for (std::size_t row = 0; row < 2; ++row) {
        double sum = 0.0;
        for (std::size_t r = 0; r < 4; ++r) {
            sum += q[row * 4 + r];
            QVERIFY(std::abs(q[row * 4 + r] - (0.4 * p[row * 4 + r] + 0.15)) < 1e-15);
            for (std::size_t s = 0; s < 4; ++s)
                QCOMPARE(q[row * 4 + r] < q[row * 4 + s], p[row * 4 + r] < p[row * 4 + s]);
        }
        QVERIFY(std::abs(sum - 1.0) < 1e-12);
    }
}

void tst_RegimeCalibration::storedModelReproducesCalibration()
{
    const auto assets = fixtures::simulatedMarket(5, 30, 500);
    const RegimeFeatures features = featuresOf(assets);
    const cp::Result<RegimeModel> model = RegimeModel::train(features, {});
    QVERIFY(model.ok());
    QVERIFY(model->calibration().has_value());
    const RegimeCalibration &c = *model->calibration();
    QVERIFY(c.isFitted());
    QCOMPARE(c.horizonDays, 30);
    QCOMPARE(c.pairs, features.rows() - 30);
    QVERIFY(c.weight >= 0.0 && c.weight <= 1.0);
    const QJsonObject metrics = model->metrics().value(QStringLiteral("calibration")).toObject();
    QCOMPARE(metrics.value(QStringLiteral("pairs")).toInt(), c.pairs);
    QVERIFY(fixtures::allFinite(metrics));

    const auto stored = RegimeModel::fromJson(model->toJson());
    QVERIFY(stored.has_value());
    QVERIFY(stored->calibration().has_value());
    QCOMPARE(stored->calibration()->weight, c.weight);
    const RegimeDecoding a = model->decode(features);
    const RegimeDecoding b = stored->decode(features);
    QCOMPARE(b.filteredRegime, a.filteredRegime);
    for (std::size_t i = 0; i < a.calibrated.size(); ++i) {
        QVERIFY(std::abs(a.calibrated[i] - b.calibrated[i]) < 1e-9);
        // The calibrated values are the documented map of the raw ones.
        QVERIFY(std::abs(a.calibrated[i] - (c.weight * a.filtered[i] + (1.0 - c.weight) / 4.0)) <
                1e-12);
    }
}

void tst_RegimeCalibration::modelStoredWithoutCalibrationStillLoads()
{
    const auto assets = fixtures::simulatedMarket(6, 30, 400);
    const DailyMarket market(assets);
    const MacroReport trained = analyzeMacro(market, assets);
    QVERIFY(trained.modelTrained);
    // The sentence users read states the calibrated probability, not the raw posterior.
    const QString first = trained.analysis.regime.regimeDrivers.first().toString();
    QVERIFY2(first.contains(QStringLiteral("regime with %1% probability (calibrated")
                                .arg(100.0 * trained.analysis.regime.confidence, 0, 'f', 0)),
             qPrintable(first));
    QJsonObject old = trained.model.configuration;
    QVERIFY(old.contains(QStringLiteral("calibration")));
    old.remove(QStringLiteral("calibration"));
    MacroOptions options;
    options.model = RegimeModel::fromJson(old);
    QVERIFY(options.model.has_value());
    QVERIFY(!options.model->calibration().has_value());
    // Uncalibrated, decode() passes the raw posterior through.
    const RegimeDecoding raw = options.model->decode(featuresOf(assets));
    QCOMPARE(raw.calibrated, raw.filtered);
    // The analysis calibrates it on the market at hand: the same history it was trained on
    // gives the same confidence as the freshly trained model.
    const MacroReport reused = analyzeMacro(market, assets, options);
    QVERIFY(!reused.modelTrained);
    QVERIFY(reused.regimeModel->calibration().has_value());
    QCOMPARE(reused.analysis.regime.regime, trained.analysis.regime.regime);
    QVERIFY(std::abs(reused.analysis.regime.confidence - trained.analysis.regime.confidence) <
            1e-9);
    // A malformed calibration is rejected rather than read as some weight.
    QJsonObject bad = trained.model.configuration;
    bad.insert(QStringLiteral("calibration"), QJsonObject{{QStringLiteral("weight"), 1.5}});
    QVERIFY(!RegimeModel::fromJson(bad).has_value());
}

void tst_RegimeCalibration::honestOnHeldOutSeeds()
{
    // The regime the analysis states, and its confidence, against the simulator's true regime,
    // every filtered day of 24 seeds that took no part in choosing the model or the calibration
    // (the labelling rule was chosen on seeds 101-124). The raw posterior is computed here from
    // the same model. Measured with tests/bench/regime_calibration (docs/models.md): on seeds
    // 201-224 accuracy 0.408, raw confidence 0.979 (Brier 1.152), calibrated 0.493
    // (Brier 0.752); the confidence-minus-accuracy gap of 24-seed groups ranged from +0.051 to
    // +0.115 over seeds 1-36 and 201-236. The bound leaves about 0.045 beyond the worst group;
    // the raw posterior misses it by 0.4.
    Scores raw, calibrated;
    for (quint64 seed = 201; seed <= 224; ++seed) {
        SimulationConfig config;
        config.seed = seed;
        config.assetCount = 40;
        config.days = 730;
        const MarketSimulator sim(config);
        const auto assets = fixtures::simulatedMarket(seed, 40, 730);
        const DailyMarket market(assets);
        const MacroReport report = analyzeMacro(market, assets);
        QVERIFY(report.modelTrained && report.firstRegimeDay > 0);
        const RegimeFeatures features = featuresOf(assets);
        const RegimeDecoding decoding = report.regimeModel->decode(features);
        for (int t = 0; t < features.rows(); ++t) {
            const auto day = std::size_t(features.firstDay + t);
            const Regime truth = sim.regimeAt(market.day(int(day)));
            const Regime label = report.filteredRegimeHistory[day];
            // Calibration must not move the label off the raw posterior's most probable one.
            const double *p = decoding.filtered.data() + std::size_t(t) * 4;
            QCOMPARE(int(label), int(std::max_element(p, p + 4) - p));
            raw.add(p, label, truth);
            calibrated.add(report.regimeProbabilityHistory.data() + day * 4, label, truth);
        }
    }
    const double accuracy = calibrated.hits / calibrated.days;
    const double rawGap = raw.confidence / raw.days - accuracy;
    const double gap = calibrated.confidence / calibrated.days - accuracy;
    qInfo("accuracy %.3f; raw: confidence %.3f, Brier %.3f; calibrated: confidence %.3f, "
          "Brier %.3f",
          accuracy, raw.confidence / raw.days, raw.brier / raw.days,
          calibrated.confidence / calibrated.days, calibrated.brier / calibrated.days);
    QVERIFY(rawGap > 0.4); // the problem being fixed is real
    QVERIFY2(std::abs(gap) < 0.16, qPrintable(QString::number(gap)));
    QVERIFY(calibrated.brier / calibrated.days < raw.brier / raw.days - 0.25);
    // Against "always 0.25 each" (Brier 0.75) the calibrated forecast must not be worse by much:
    // it is the same information as the raw one, told honestly.
    QVERIFY(calibrated.brier / calibrated.days < 0.80);
}

QTEST_MAIN(tst_RegimeCalibration)
#include "tst_regimecalibration.moc"
