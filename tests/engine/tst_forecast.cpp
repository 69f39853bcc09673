#include <engine/forecaster.h>
#include <engine/predictionevaluation.h>
#include <engine/random.h>
#include <engine/ridgeregression.h>

#include <QJsonArray>
#include <QTest>

#include <cmath>
#include <limits>

using namespace cp::engine;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Hourly bars from log prices; high/low a little around open and close.
AssetHistory fromLogPrices(const std::vector<double> &logPrice, qint64 step = 3600)
{
    AssetHistory a;
    a.cryptoId = 7;
    a.symbol = QStringLiteral("TEST");
    a.sector = QStringLiteral("Layer1");
    qint64 t = 1'672'531'200;
    double open = std::exp(logPrice.front());
    for (double lp : logPrice) {
        const double close = std::exp(lp);
        a.candles.push_back(
            {t, open, std::max(open, close) * 1.001, std::min(open, close) * 0.999, close, 1000.0});
        open = close;
        t += step;
    }
    return a;
}

std::vector<double> trend(int bars, double perBar, double noise, quint64 seed)
{
    Random rng(seed);
    std::vector<double> lp;
    for (int i = 0; i < bars; ++i)
        lp.push_back(std::log(100.0) + perBar * i + noise * rng.normal());
    return lp;
}

std::vector<double> randomWalk(int bars, double sd, quint64 seed)
{
    Random rng(seed);
    std::vector<double> lp{std::log(100.0)};
    for (int i = 1; i < bars; ++i)
        lp.push_back(lp.back() + sd * rng.normal());
    return lp;
}

} // namespace

class tst_Forecast : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evaluation_data();
    void evaluation();
    void evaluationRejectsBadPrices();
    void analyticsBesideBaseline();
    void ridgeRecoversCoefficients();
    void ridgeWeightsAndConstantFeatures();
    void forecasterBeatsBaselineOnPredictableSeries();
    void forecasterIsHonestOnRandomWalk();
    void dailyHorizonsAreBars();
    void badInput();
    void modelRecord();
};

void tst_Forecast::evaluation_data()
{
    QTest::addColumn<double>("predicted");
    QTest::addColumn<double>("actual");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<double>("absError");
    QTest::addColumn<double>("squared");
    QTest::addColumn<double>("accuracy");
    QTest::addColumn<bool>("accurate");
    QTest::newRow("exact") << 100.0 << 100.0 << 5.0 << 0.0 << 0.0 << 100.0 << true;
    QTest::newRow("5% high, at threshold") << 105.0 << 100.0 << 5.0 << 5.0 << 25.0 << 95.0 << true;
    QTest::newRow("6% low") << 94.0 << 100.0 << 5.0 << 6.0 << 36.0 << 94.0 << false;
    QTest::newRow("tighter threshold") << 102.0 << 100.0 << 1.0 << 2.0 << 4.0 << 98.0 << false;
    QTest::newRow("error of actual/2") << 30.0 << 20.0 << 5.0 << 10.0 << 100.0 << 50.0 << false;
    QTest::newRow("floored at 0") << 300.0 << 100.0 << 5.0 << 200.0 << 40000.0 << 0.0 << false;
}

void tst_Forecast::evaluation()
{
    QFETCH(double, predicted);
    QFETCH(double, actual);
    QFETCH(double, threshold);
    QFETCH(double, absError);
    QFETCH(double, squared);
    QFETCH(double, accuracy);
    QFETCH(bool, accurate);
    const auto e = evaluatePrediction(predicted, actual, threshold);
    QVERIFY(e.has_value());
    QCOMPARE(e->actualPrice, actual);
    QCOMPARE(e->absoluteError, absError);
    QCOMPARE(e->squaredError, squared);
    QVERIFY(std::abs(e->accuracyPercentage - accuracy) < 1e-12);
    QCOMPARE(e->isAccurate, accurate);
}

void tst_Forecast::evaluationRejectsBadPrices()
{
    QVERIFY(!evaluatePrediction(100.0, 0.0));
    QVERIFY(!evaluatePrediction(100.0, -5.0));
    QVERIFY(!evaluatePrediction(kNaN, 100.0));
    QVERIFY(!evaluatePrediction(100.0, std::numeric_limits<double>::infinity()));
}

void tst_Forecast::analyticsBesideBaseline()
{
    // Hand-computed: M1 (layer4, 24 h) is worse than the last price; M2 (layer3, 168 h) better.
    const std::vector<RealizedPrediction> rows{
        {QStringLiteral("layer4"), QStringLiteral("M1"), 24, 100.0, 104.0, 102.0,
         5.0}, // 1.96% both
        {QStringLiteral("layer4"), QStringLiteral("M1"), 24, 100.0, 110.0, 100.0, 5.0}, // 10% vs 0%
        {QStringLiteral("layer3"), QStringLiteral("M2"), 168, 50.0, 60.0, 60.0, 5.0}, // 0% vs 16.7%
        {QStringLiteral("layer3"), QStringLiteral("M2"), 168, 50.0, 55.0, 40.0,
         5.0},                                                                       // 37.5% vs 25%
        {QStringLiteral("layer3"), QStringLiteral("M2"), 168, 50.0, 55.0, 0.0, 5.0}, // ignored
    };
    const PredictionAnalytics a = analyzePredictions(rows);
    QCOMPARE(a.overall.count, 4);
    QCOMPARE(a.overall.hitRate, 0.5);
    QCOMPARE(a.overall.baselineHitRate, 0.5);
    const AccuracyStats &l4 = a.byLayer.at(QStringLiteral("layer4"));
    QCOMPARE(l4.hitRate, 0.5);
    QCOMPARE(l4.baselineHitRate, 1.0);
    QVERIFY(std::abs(l4.meanAbsErrorPct - (200.0 / 102.0 + 10.0) / 2) < 1e-12);
    QVERIFY(std::abs(l4.baselineMeanAbsErrorPct - (200.0 / 102.0) / 2) < 1e-12);
    QVERIFY(!l4.beatsBaseline());
    const AccuracyStats &l3 = a.byLayer.at(QStringLiteral("layer3"));
    QVERIFY(std::abs(l3.meanAbsErrorPct - 37.5 / 2) < 1e-12);
    QVERIFY(std::abs(l3.baselineMeanAbsErrorPct - (1000.0 / 60.0 + 25.0) / 2) < 1e-12);
    QVERIFY(std::abs(l3.meanAccuracyPct - (100.0 + 62.5) / 2) < 1e-12);
    QVERIFY(l3.beatsBaseline());
    QCOMPARE(a.byHorizon.at(24).count, 2);
    QCOMPARE(a.byModel.at(QStringLiteral("M2")).hitRate, 0.5);
    QCOMPARE(a.notes.size(), 1);
    QVERIFY(a.notes[0].startsWith(QStringLiteral("M1 at 24h does not beat")));
    const QJsonObject json = a.toJson();
    QCOMPARE(json.value(QStringLiteral("overall_accuracy")).toDouble(), 0.5);
    QCOMPARE(json.value(QStringLiteral("accuracy_by_layer"))
                 .toObject()
                 .value(QStringLiteral("layer3"))
                 .toDouble(),
             0.5);
    QCOMPARE(json.value(QStringLiteral("best_performing_models")).toArray().size(), 2);
}

void tst_Forecast::ridgeRecoversCoefficients()
{
    Random rng(4);
    RidgeRegression r(2);
    double sumY = 0.0;
    for (int i = 0; i < 5000; ++i) {
        const double x[2] = {rng.normal(), 3.0 + 0.5 * rng.normal()};
        const double y = 1.0 + 2.0 * x[0] - 3.0 * x[1] + 0.1 * rng.normal();
        r.add(x, y);
        sumY += y;
    }
    QVERIFY(r.solve(1e-9));
    QVERIFY(std::abs(r.coefficients()[0] - 2.0) < 0.01);
    QVERIFY(std::abs(r.coefficients()[1] + 3.0) < 0.02);
    QVERIFY(std::abs(r.intercept() - 1.0) < 0.06);
    // An overwhelming penalty leaves only the mean.
    QVERIFY(r.solve(1e12));
    QVERIFY(std::abs(r.coefficients()[0]) < 1e-6);
    QVERIFY(std::abs(r.intercept() - sumY / 5000) < 1e-6);
}

void tst_Forecast::ridgeWeightsAndConstantFeatures()
{
    RidgeRegression twice(2), weighted(2);
    const double xs[4][2] = {{1, 5}, {2, 5}, {3, 5}, {4, 5}};
    const double ys[4] = {1.0, 3.0, 2.0, 5.0};
    for (int i = 0; i < 4; ++i) {
        twice.add(xs[i], ys[i]);
        twice.add(xs[i], ys[i]);
        weighted.add(xs[i], ys[i], 2.0);
    }
    QVERIFY(twice.solve(0.5));
    QVERIFY(weighted.solve(0.5));
    QVERIFY(std::abs(twice.coefficients()[0] - weighted.coefficients()[0]) < 1e-12);
    // The second feature never varies: slope 0, no failure. OLS slope of the first: 1.1.
    QCOMPARE(weighted.coefficients()[1], 0.0);
    QVERIFY(weighted.solve(0.0));
    QVERIFY(std::abs(weighted.coefficients()[0] - 1.1) < 1e-12);
}

void tst_Forecast::forecasterBeatsBaselineOnPredictableSeries()
{
    // A steady trend of 0.1% an hour: the last price is always about 2.4% (24 h) or 16.8%
    // (168 h) too low, while the regression learns the drift.
    const AssetHistory a = fromLogPrices(trend(4800, 0.001, 0.001, 1));
    TimingContext ctx;
    ctx.regime = Regime::Bull;
    ctx.regimeProbability = 0.9;
    const AssetForecast f = Forecaster().forecast(a, ctx);
    QVERIFY(f.skipReason.isEmpty());
    QCOMPARE(int(f.horizons.size()), 2);
    for (const HorizonForecast &h : f.horizons) {
        QVERIFY2(h.isValid(), qPrintable(h.skipReason));
        QVERIFY(h.evaluation.beatsBaseline());
        QVERIFY(h.evaluation.hitRate > 0.95);
        QVERIFY(h.evaluation.directionAccuracy > 0.95);
        const PredictionResult &p = h.prediction;
        QCOMPARE(p.predictionHorizonHours, h.horizonHours);
        QCOMPARE(p.targetTime, a.candles.back().time + h.horizonHours * 3600);
        QCOMPARE(p.inputPrice, a.candles.back().close);
        const double r = p.modelParameters.value(QStringLiteral("predicted_log_return")).toDouble();
        QVERIFY(std::abs(p.predictedPrice - p.inputPrice * std::exp(r)) < 1e-9 * p.inputPrice);
        QVERIFY(std::abs(r - 0.001 * h.horizonHours) < 0.2 * 0.001 * h.horizonHours);
        const int n = h.evaluation.count;
        const double hits = std::round(h.evaluation.hitRate * n);
        QVERIFY(std::abs(p.confidence - (hits + 1) / (n + 2)) < 1e-12);
        QCOMPARE(p.layerSource, QStringLiteral("layer4"));
        QCOMPARE(p.modelName, QStringLiteral("asset_forecast_ridge"));
        QCOMPARE(p.macroContext.value(QStringLiteral("market_regime")).toString(),
                 QStringLiteral("bull"));
        QCOMPARE(p.marketConditions, QStringLiteral("bull"));
        QCOMPARE(p.inputFeatures.size(), 5);
    }
    QCOMPARE(f.horizons[1].evaluation.baselineHitRate, 0.0); // 16.8% > 5% every time
}

void tst_Forecast::forecasterIsHonestOnRandomWalk()
{
    // Nothing to predict: the model may not look much better than the last price, and its
    // direction calls are coin flips.
    const AssetHistory a = fromLogPrices(randomWalk(24 * 400, 0.01, 2));
    const AssetForecast f = Forecaster().forecast(a);
    for (const HorizonForecast &h : f.horizons) {
        QVERIFY2(h.isValid(), qPrintable(h.skipReason));
        const ForecastEvaluation &e = h.evaluation;
        QVERIFY(e.count > 100);
        QVERIFY2(
            e.meanAbsErrorPct > 0.9 * e.baselineMeanAbsErrorPct,
            qPrintable(
                QStringLiteral("%1 vs %2").arg(e.meanAbsErrorPct).arg(e.baselineMeanAbsErrorPct)));
        QVERIFY(e.directionAccuracy > 0.3 && e.directionAccuracy < 0.7);
        QVERIFY(h.prediction.confidence > 0.0 && h.prediction.confidence < 1.0);
        QVERIFY(std::isfinite(h.prediction.predictedPrice));
    }
}

void tst_Forecast::dailyHorizonsAreBars()
{
    const AssetHistory a = fromLogPrices(randomWalk(500, 0.03, 3), 86400);
    const AssetForecast f = Forecaster().forecast(a);
    QCOMPARE(int(f.horizons.size()), 2);
    QCOMPARE(f.horizons[0].horizonBars, 1);
    QCOMPARE(f.horizons[1].horizonBars, 7);
    QCOMPARE(f.horizons[1].prediction.targetTime, a.candles.back().time + 7 * 86400);
}

void tst_Forecast::badInput()
{
    const Forecaster forecaster;
    // Too short for any horizon: reasons, no predictions.
    const AssetForecast shortOne = forecaster.forecast(fromLogPrices(randomWalk(100, 0.01, 5)));
    QVERIFY(shortOne.skipReason.isEmpty());
    for (const HorizonForecast &h : shortOne.horizons)
        QVERIFY(h.skipReason.contains(QStringLiteral("needs at least")));
    // A single candle.
    AssetHistory one = fromLogPrices({std::log(5.0)});
    QVERIFY(!forecaster.forecast(one).skipReason.isEmpty());
    // Invalid latest price.
    AssetHistory nanLast = fromLogPrices(randomWalk(3000, 0.01, 6));
    nanLast.candles.back().close = kNaN;
    QVERIFY(forecaster.forecast(nanLast).skipReason.contains(QStringLiteral("invalid price")));
    // Out of order.
    AssetHistory unordered = fromLogPrices(randomWalk(3000, 0.01, 6));
    std::swap(unordered.candles[5].time, unordered.candles[6].time);
    QVERIFY(forecaster.forecast(unordered).skipReason.contains(QStringLiteral("time order")));
    // Constant prices: the forecast is the price itself, every evaluation exact.
    const AssetForecast flat =
        forecaster.forecast(fromLogPrices(std::vector<double>(5000, std::log(42.0))));
    for (const HorizonForecast &h : flat.horizons) {
        QVERIFY2(h.isValid(), qPrintable(h.skipReason));
        QVERIFY(std::abs(h.prediction.predictedPrice - 42.0) < 1e-9);
        QCOMPARE(h.evaluation.hitRate, 1.0);
    }
    // Gaps and a negative price inside the history: still finite.
    AssetHistory gaps = fromLogPrices(randomWalk(5000, 0.01, 8));
    for (int i = 2000; i < 2010; ++i)
        gaps.candles[std::size_t(i)].close = kNaN;
    gaps.candles[3000].close = -1.0;
    for (const HorizonForecast &h : forecaster.forecast(gaps).horizons) {
        QVERIFY2(h.isValid(), qPrintable(h.skipReason));
        QVERIFY(std::isfinite(h.prediction.predictedPrice) && h.prediction.predictedPrice > 0);
        QVERIFY(std::isfinite(h.prediction.confidence));
    }
}

void tst_Forecast::modelRecord()
{
    const Forecaster forecaster;
    std::vector<AssetForecast> all{forecaster.forecast(fromLogPrices(trend(4800, 0.001, 0.001, 1))),
                                   forecaster.forecast(fromLogPrices(randomWalk(4800, 0.01, 2)))};
    const ModelRecord r = forecaster.record(all, 123);
    QCOMPARE(r.name, QStringLiteral("asset_forecast_ridge"));
    QCOMPARE(r.modelType, QStringLiteral("asset"));
    QCOMPARE(r.lastTrained, qint64(123));
    const QJsonObject h24 = r.performanceMetrics.value(QStringLiteral("walk_forward"))
                                .toObject()
                                .value(QStringLiteral("24h"))
                                .toObject();
    QCOMPARE(h24.value(QStringLiteral("assets")).toInt(), 2);
    QCOMPARE(h24.value(QStringLiteral("evaluations")).toInt(),
             all[0].horizons[0].evaluation.count + all[1].horizons[0].evaluation.count);
    QCOMPARE(r.performanceMetrics.value(QStringLiteral("verdicts")).toArray().size(), 2);
}

QTEST_MAIN(tst_Forecast)
#include "tst_forecast.moc"
