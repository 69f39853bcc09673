#include "forecaster.h"

#include "indicators.h"
#include "predictionevaluation.h"
#include "ridgeregression.h"
#include "signalgenerator.h"

#include <QJsonArray>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>

namespace cp::engine {

namespace {

constexpr int featureCount = 5;
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
using Features = std::array<double, featureCount>;

// Per-asset columns shared by all horizons.
struct Series
{
    std::vector<double> close, logClose, squaredPrefix, ema20, ema50, rsi14;
    std::vector<int> validPrefix; //!< count of defined 1-bar returns up to each bar
};

Series buildSeries(const AssetHistory &asset)
{
    Series s;
    const std::size_t n = asset.candles.size();
    s.close.resize(n);
    s.logClose.resize(n);
    s.squaredPrefix.assign(n + 1, 0.0);
    s.validPrefix.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const double c = asset.candles[i].close;
        s.close[i] = std::isfinite(c) && c > 0.0 ? c : nan;
        s.logClose[i] = std::log(s.close[i]);
    }
    for (std::size_t i = 0; i < n; ++i) {
        const double r = i > 0 ? s.logClose[i] - s.logClose[i - 1] : nan;
        const bool ok = std::isfinite(r);
        s.squaredPrefix[i + 1] = s.squaredPrefix[i] + (ok ? r * r : 0.0);
        s.validPrefix[i + 1] = s.validPrefix[i] + (ok ? 1 : 0);
    }
    s.ema20.resize(n);
    s.ema50.resize(n);
    s.rsi14.resize(n);
    ema(s.close, s.ema20, 20);
    ema(s.close, s.ema50, 50);
    rsi(s.close, s.rsi14, 14);
    return s;
}

// Features at bar t for a horizon of h bars; false when any is undefined.
bool featuresAt(const Series &s, int t, int h, Features &f)
{
    const int window = std::max(h, 24);
    if (t - 4 * h < 0 || t - window < 0)
        return false;
    const std::size_t i = std::size_t(t);
    const int valid = s.validPrefix[i + 1] - s.validPrefix[std::size_t(t - window + 1)];
    if (valid < window / 2)
        return false;
    const double meanSquare =
        (s.squaredPrefix[i + 1] - s.squaredPrefix[std::size_t(t - window + 1)]) / valid;
    f[0] = s.logClose[i] - s.logClose[std::size_t(t - h)];
    f[1] = s.logClose[i] - s.logClose[std::size_t(t - 4 * h)];
    f[2] = std::sqrt(std::max(0.0, meanSquare) * h);
    f[3] = (s.rsi14[i] - 50.0) / 50.0;
    f[4] = std::log(s.ema20[i] / s.ema50[i]);
    for (double v : f)
        if (!std::isfinite(v))
            return false;
    return true;
}

QString volatilityLevel(double percentile)
{
    if (percentile < 0.40)
        return QStringLiteral("low");
    if (percentile < 0.75)
        return QStringLiteral("medium");
    if (percentile < 0.95)
        return QStringLiteral("high");
    return QStringLiteral("extreme");
}

HorizonForecast forecastHorizon(const ForecastConfig &config, const AssetHistory &asset,
                                const Series &s, const TimingContext &context, qint64 barSeconds,
                                int horizonHours)
{
    HorizonForecast out;
    out.horizonHours = horizonHours;
    const qint64 horizonSeconds = qint64(horizonHours) * 3600;
    const int h = int(std::max<qint64>(1, (horizonSeconds + barSeconds / 2) / barSeconds));
    out.horizonBars = h;
    const int n = int(s.close.size());
    const int first = std::max({4 * h, std::max(h, 24), 50});
    const int step = std::max(1, h / 4);
    const int needed = first + config.minTrainSamples * step + h + config.minEvaluations * step;
    if (n < needed) {
        out.skipReason = QStringLiteral("%1 bars of history; a %2 h forecast needs at least %3")
                             .arg(n)
                             .arg(horizonHours)
                             .arg(needed);
        return out;
    }

    // Sample moments, aligned so the latest bar is one of them.
    std::vector<int> times;
    std::vector<Features> features;
    for (int t = n - 1 - ((n - 1 - first) / step) * step; t < n; t += step) {
        Features f;
        if (featuresAt(s, t, h, f)) {
            times.push_back(t);
            features.push_back(f);
        }
    }

    const int retrainBars =
        int(std::max<qint64>(1, qint64(config.retrainEveryDays) * 86400 / barSeconds));
    const double halfLifeBars = config.halfLifeDays * 86400.0 / double(barSeconds);
    auto weightAfter = [&](double bars) {
        return halfLifeBars > 0.0 ? std::exp2(-bars / halfLifeBars) : 1.0;
    };
    RidgeRegression ridge(featureCount);
    std::size_t nextToAdd = 0; // samples are added once their target bar t + h has been reached
    int fittedAt = -1;
    int lastDecay = 0;
    auto catchUp = [&](int now) {
        ridge.decay(weightAfter(now - lastDecay));
        lastDecay = now;
        bool added = false;
        while (nextToAdd < times.size() && times[nextToAdd] + h <= now) {
            const std::size_t k = nextToAdd++;
            const double y =
                s.logClose[std::size_t(times[k] + h)] - s.logClose[std::size_t(times[k])];
            if (std::isfinite(y)) {
                ridge.add(features[k], y, weightAfter(now - (times[k] + h)));
                added = true;
            }
        }
        return added;
    };

    int count = 0, hits = 0, baseHits = 0, directionRight = 0, directionCount = 0;
    double errorPct = 0.0, baseErrorPct = 0.0;
    for (std::size_t k = 0; k < times.size(); ++k) {
        const int t = times[k];
        if (fittedAt < 0 || t >= fittedAt + retrainBars) {
            catchUp(t);
            if (ridge.observations() >= config.minTrainSamples && ridge.solve(config.ridgeLambda))
                fittedAt = t;
        }
        if (fittedAt < 0 || t + h >= n)
            continue;
        const double actual = s.close[std::size_t(t + h)];
        const double predictedReturn = ridge.predict(features[k]);
        const double predicted = s.close[std::size_t(t)] * std::exp(predictedReturn);
        const auto model = evaluatePrediction(predicted, actual, config.accuracyThreshold);
        const auto base =
            evaluatePrediction(s.close[std::size_t(t)], actual, config.accuracyThreshold);
        if (!model || !base)
            continue;
        ++count;
        hits += model->isAccurate ? 1 : 0;
        baseHits += base->isAccurate ? 1 : 0;
        errorPct += model->absoluteError / actual * 100.0;
        baseErrorPct += base->absoluteError / actual * 100.0;
        const double move = actual - s.close[std::size_t(t)];
        if (move != 0.0 && predictedReturn != 0.0) {
            ++directionCount;
            directionRight += (move > 0.0) == (predictedReturn > 0.0) ? 1 : 0;
        }
    }
    ForecastEvaluation &e = out.evaluation;
    e.count = count;
    if (count > 0) {
        e.hitRate = double(hits) / count;
        e.baselineHitRate = double(baseHits) / count;
        e.meanAbsErrorPct = errorPct / count;
        e.baselineMeanAbsErrorPct = baseErrorPct / count;
    }
    e.directionAccuracy = directionCount ? double(directionRight) / directionCount : 0.0;
    if (count < config.minEvaluations) {
        out.skipReason = QStringLiteral("only %1 out-of-sample evaluations for %2 h; %3 needed")
                             .arg(count)
                             .arg(horizonHours)
                             .arg(config.minEvaluations);
        return out;
    }

    // The current forecast: every realised target, features at the latest bar.
    const int now = n - 1;
    Features latest;
    if (times.empty() || times.back() != now || !featuresAt(s, now, h, latest)) {
        out.skipReason = QStringLiteral("features are undefined at the latest bar (a price gap)");
        return out;
    }
    catchUp(now);
    if (!ridge.solve(config.ridgeLambda)) {
        out.skipReason = QStringLiteral("the regression could not be solved");
        return out;
    }
    out.trainingSamples = ridge.observations();
    const double predictedReturn = ridge.predict(latest);
    const double lastClose = s.close[std::size_t(now)];
    const double predictedPrice = lastClose * std::exp(predictedReturn);
    if (!std::isfinite(predictedPrice) || predictedPrice <= 0.0) {
        out.skipReason = QStringLiteral("the forecast is not a finite price");
        return out;
    }
    int below = 0;
    for (const Features &f : features)
        below += f[2] < latest[2] ? 1 : 0;
    const double volPercentile = double(below) / double(features.size());

    const QStringList names = Forecaster::featureNames();
    QJsonObject inputs, coefficients;
    for (int j = 0; j < featureCount; ++j) {
        inputs.insert(names[j], latest[std::size_t(j)]);
        coefficients.insert(names[j], ridge.coefficients()[std::size_t(j)]);
    }
    PredictionResult &p = out.prediction;
    p.cryptoId = asset.cryptoId;
    p.symbol = asset.symbol;
    p.layerSource = QStringLiteral("layer4");
    p.modelName = QString::fromLatin1(Forecaster::name);
    p.modelVersion = QString::fromLatin1(Forecaster::version);
    p.predictedPrice = predictedPrice;
    p.confidence = (hits + 1.0) / (count + 2.0);
    p.predictionHorizonHours = horizonHours;
    p.targetTime = asset.candles.back().time + horizonSeconds;
    p.inputPrice = lastClose;
    p.featuresUsed =
        QJsonObject{{QStringLiteral("features"), QJsonArray::fromStringList(names)},
                    {QStringLiteral("target"), QStringLiteral("ln(close[t + h] / close[t])")},
                    {QStringLiteral("horizon_bars"), h},
                    {QStringLiteral("bar_seconds"), barSeconds}};
    p.modelParameters = QJsonObject{
        {QStringLiteral("intercept"), ridge.intercept()},
        {QStringLiteral("coefficients"), coefficients},
        {QStringLiteral("lambda"), config.ridgeLambda},
        {QStringLiteral("half_life_days"), config.halfLifeDays},
        {QStringLiteral("retrain_every_days"), config.retrainEveryDays},
        {QStringLiteral("training_samples"), out.trainingSamples},
        {QStringLiteral("predicted_log_return"), predictedReturn},
        {QStringLiteral("accuracy_threshold"), config.accuracyThreshold},
        {QStringLiteral("confidence_meaning"),
         QStringLiteral("walk-forward share of forecasts within the accuracy threshold, "
                        "(hits + 1) / (n + 2)")},
        {QStringLiteral("out_of_sample"), e.toJson()}};
    p.inputFeatures = inputs;
    QJsonObject macro;
    macro.insert(QStringLiteral("market_regime"),
                 context.regime ? regimeName(*context.regime) : QStringLiteral("unknown"));
    if (context.regime)
        macro.insert(QStringLiteral("regime_probability"), context.regimeProbability);
    if (context.recommendedExposure >= 0.0)
        macro.insert(QStringLiteral("recommended_exposure"), context.recommendedExposure);
    if (!context.sector.isEmpty() || !asset.sector.isEmpty())
        macro.insert(QStringLiteral("sector"),
                     context.sector.isEmpty() ? asset.sector : context.sector);
    if (context.sectorMomentum)
        macro.insert(QStringLiteral("sector_momentum"), *context.sectorMomentum);
    p.macroContext = macro;
    p.marketConditions = context.regime ? regimeName(*context.regime) : QStringLiteral("unknown");
    p.volatilityLevel = volatilityLevel(volPercentile);
    return out;
}

} // namespace

QJsonObject ForecastEvaluation::toJson() const
{
    return QJsonObject{{QStringLiteral("evaluations"), count},
                       {QStringLiteral("hit_rate"), hitRate},
                       {QStringLiteral("baseline_hit_rate"), baselineHitRate},
                       {QStringLiteral("mean_abs_error_pct"), meanAbsErrorPct},
                       {QStringLiteral("baseline_mean_abs_error_pct"), baselineMeanAbsErrorPct},
                       {QStringLiteral("direction_accuracy"), directionAccuracy},
                       {QStringLiteral("beats_baseline"), beatsBaseline()}};
}

Forecaster::Forecaster(ForecastConfig config)
    : m_config(std::move(config))
{
}

QStringList Forecaster::featureNames()
{
    return {QStringLiteral("return_h"), QStringLiteral("return_4h"), QStringLiteral("volatility_h"),
            QStringLiteral("rsi_centered"), QStringLiteral("ema20_ema50_log_gap")};
}

AssetForecast Forecaster::forecast(const AssetHistory &asset, const TimingContext &context) const
{
    AssetForecast out;
    out.cryptoId = asset.cryptoId;
    out.symbol = asset.symbol;
    const std::vector<Candle> &bars = asset.candles;
    const int n = int(bars.size());
    if (n < 2) {
        out.skipReason =
            QStringLiteral("only %1 bar(s) of history: nothing to forecast from").arg(n);
        return out;
    }
    for (int i = 1; i < n; ++i)
        if (bars[std::size_t(i)].time <= bars[std::size_t(i - 1)].time) {
            out.skipReason =
                QStringLiteral("bars are not in strictly increasing time order (bar %1)").arg(i);
            return out;
        }
    const double last = bars.back().close;
    if (!std::isfinite(last) || last <= 0.0) {
        out.skipReason = QStringLiteral("the latest bar has an invalid price (close %1)").arg(last);
        return out;
    }
    const qint64 barSeconds = SignalGenerator::barSeconds(bars);
    const Series series = buildSeries(asset);
    const std::vector<int> &horizons =
        barSeconds < 86400 ? m_config.horizonsHoursIntraday : m_config.horizonsHoursDaily;
    for (int hours : horizons) {
        out.horizons.push_back(
            forecastHorizon(m_config, asset, series, context, barSeconds, hours));
    }
    return out;
}

ModelRecord Forecaster::record(std::span<const AssetForecast> forecasts, qint64 trainedAt) const
{
    // Pool the per-asset walk-forward records per horizon, weighted by evaluations.
    struct Pool
    {
        int assets = 0, count = 0;
        double hits = 0, baseHits = 0, error = 0, baseError = 0, direction = 0;
    };
    std::map<int, Pool> pools;
    for (const AssetForecast &a : forecasts)
        for (const HorizonForecast &h : a.horizons) {
            const ForecastEvaluation &e = h.evaluation;
            if (e.count == 0)
                continue;
            Pool &p = pools[h.horizonHours];
            ++p.assets;
            p.count += e.count;
            p.hits += e.hitRate * e.count;
            p.baseHits += e.baselineHitRate * e.count;
            p.error += e.meanAbsErrorPct * e.count;
            p.baseError += e.baselineMeanAbsErrorPct * e.count;
            p.direction += e.directionAccuracy * e.count;
        }
    QJsonObject byHorizon;
    QJsonArray verdicts;
    for (const auto &[hours, p] : pools) {
        const double error = p.error / p.count, baseError = p.baseError / p.count;
        const bool beats = error < baseError;
        byHorizon.insert(QStringLiteral("%1h").arg(hours),
                         QJsonObject{{QStringLiteral("assets"), p.assets},
                                     {QStringLiteral("evaluations"), p.count},
                                     {QStringLiteral("hit_rate"), p.hits / p.count},
                                     {QStringLiteral("baseline_hit_rate"), p.baseHits / p.count},
                                     {QStringLiteral("mean_abs_error_pct"), error},
                                     {QStringLiteral("baseline_mean_abs_error_pct"), baseError},
                                     {QStringLiteral("direction_accuracy"), p.direction / p.count},
                                     {QStringLiteral("beats_baseline"), beats}});
        verdicts.append(
            QStringLiteral("%1h: %2 the naive last-price baseline (mean error %3% vs %4%)")
                .arg(hours)
                .arg(beats ? QStringLiteral("beats") : QStringLiteral("does NOT beat"),
                     QString::number(error, 'f', 2), QString::number(baseError, 'f', 2)));
    }
    ModelRecord r;
    r.name = QString::fromLatin1(name);
    r.version = QString::fromLatin1(version);
    r.modelType = QStringLiteral("asset");
    r.lastTrained = trainedAt;
    QJsonArray intraday, daily;
    for (int h : m_config.horizonsHoursIntraday)
        intraday.append(h);
    for (int h : m_config.horizonsHoursDaily)
        daily.append(h);
    r.configuration = QJsonObject{
        {QStringLiteral("method"), QStringLiteral("ridge regression per asset and horizon")},
        {QStringLiteral("features"), QJsonArray::fromStringList(featureNames())},
        {QStringLiteral("target"), QStringLiteral("ln(close[t + h] / close[t])")},
        {QStringLiteral("lambda"), m_config.ridgeLambda},
        {QStringLiteral("half_life_days"), m_config.halfLifeDays},
        {QStringLiteral("retrain_every_days"), m_config.retrainEveryDays},
        {QStringLiteral("horizons_hours_intraday"), intraday},
        {QStringLiteral("horizons_hours_daily"), daily},
        {QStringLiteral("accuracy_threshold"), m_config.accuracyThreshold}};
    r.performanceMetrics = QJsonObject{{QStringLiteral("walk_forward"), byHorizon},
                                       {QStringLiteral("verdicts"), verdicts}};
    return r;
}

} // namespace cp::engine
