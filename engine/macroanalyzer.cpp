#include "macroanalyzer.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace cp::engine {

namespace {

constexpr int kRegimes = 4;
const Regime kAllRegimes[] = {Regime::Bull, Regime::Bear, Regime::Neutral, Regime::Volatile};

double roundTo(double v, double scale)
{
    return std::isfinite(v) ? std::round(v * scale) / scale : 0.0;
}

QString ordinal(int n)
{
    const int lastTwo = n % 100;
    const char *suffix = "th";
    if (lastTwo < 11 || lastTwo > 13) {
        switch (n % 10) {
        case 1:
            suffix = "st";
            break;
        case 2:
            suffix = "nd";
            break;
        case 3:
            suffix = "rd";
            break;
        default:
            break;
        }
    }
    return QString::number(n) + QLatin1String(suffix);
}

QString signedPercent(double fraction)
{
    return (fraction >= 0 ? QStringLiteral("+") : QString()) +
           QString::number(100.0 * fraction, 'f', 1) + QLatin1Char('%');
}

QString capitalised(QString s)
{
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}

/** Realised volatility of the index and where today's value sits in its history. */
struct RiskReading
{
    bool available = false;
    double volatility = 0.0; //!< daily standard deviation of log returns
    double percentile = 50.0;
    RiskLevel level = RiskLevel::Medium;
};

RiskReading readRisk(const MarketSeries &series, const MacroOptions &options)
{
    RiskReading r;
    const int days = series.dayCount();
    const int w = options.riskVolatilityWindow;
    if (w < 2 || days <= w)
        return r;
    const std::vector<double> vol = rollingStd(series.indexReturn, w);
    // Windows start at day w so they never include day 0's placeholder return.
    const double current = vol[std::size_t(days - 1)];
    if (!std::isfinite(current))
        return r;
    int below = 0, equal = 0, count = 0;
    for (int d = w; d < days; ++d) {
        const double v = vol[std::size_t(d)];
        if (!std::isfinite(v))
            continue;
        ++count;
        below += v < current;
        equal += v == current;
    }
    r.available = true;
    r.volatility = current;
    r.percentile = count > 0 ? 100.0 * (below + 0.5 * equal) / count : 50.0;
    if (current == 0.0)
        r.level = RiskLevel::Low;
    else if (r.percentile < options.riskPercentiles[0])
        r.level = RiskLevel::Low;
    else if (r.percentile < options.riskPercentiles[1])
        r.level = RiskLevel::Medium;
    else if (r.percentile < options.riskPercentiles[2])
        r.level = RiskLevel::High;
    else
        r.level = RiskLevel::Extreme;
    return r;
}

/** Drift test over the trend window. */
struct TrendReading
{
    bool available = false;
    double meanReturn = 0.0;
    double tStat = 0.0;
    double strength = 0.0;
};

TrendReading readTrend(const MarketSeries &series, int window)
{
    TrendReading t;
    const int days = series.dayCount();
    if (window < 2 || days <= window)
        return t;
    double sum = 0.0;
    for (int d = days - window; d < days; ++d)
        sum += series.indexReturn[std::size_t(d)];
    const double mean = sum / window;
    double squares = 0.0;
    for (int d = days - window; d < days; ++d) {
        const double e = series.indexReturn[std::size_t(d)] - mean;
        squares += e * e;
    }
    const double sd = std::sqrt(squares / (window - 1));
    t.available = true;
    t.meanReturn = mean;
    if (sd > 0.0) {
        t.tStat = mean / (sd / std::sqrt(double(window)));
        t.strength = std::erf(std::abs(t.tStat) / std::numbers::sqrt2);
    } else {
        // A perfectly smooth path: any drift is certain, none is no trend.
        t.tStat = 0.0;
        t.strength = mean != 0.0 ? 1.0 : 0.0;
    }
    return t;
}

double indexChange(const MarketSeries &series, int days)
{
    const int last = series.dayCount() - 1;
    if (last - days < 0)
        return std::nan("");
    return series.index[std::size_t(last)] / series.index[std::size_t(last - days)] - 1.0;
}

QJsonObject probabilitiesJson(const std::vector<double> &p)
{
    QJsonObject o;
    for (Regime r : kAllRegimes)
        o.insert(regimeName(r), roundTo(p[std::size_t(r)], 1e4));
    return o;
}

} // namespace

qint64 latestBarTime(const std::vector<AssetHistory> &assets)
{
    qint64 latest = 0;
    bool any = false;
    for (const AssetHistory &asset : assets) {
        if (asset.candles.empty())
            continue;
        latest = any ? std::max(latest, asset.candles.back().time) : asset.candles.back().time;
        any = true;
    }
    return latest;
}

Result<RegimeModel> trainRegimeModel(const DailyMarket &market,
                                     const std::vector<AssetHistory> &assets,
                                     const RegimeModelOptions &options)
{
    const MarketSeries series = buildMarketSeries(market, assets);
    if (series.dayCount() == 0)
        return Result<RegimeModel>::failure(
            QStringLiteral("There is no market history to train on."));
    return RegimeModel::train(
        regimeFeatures(series.indexReturn, options.trendWindow, options.volatilityWindow), options);
}

std::vector<Regime> walkForwardRegimeHistory(const DailyMarket &market,
                                             const std::vector<AssetHistory> &assets,
                                             const RegimeModelOptions &options, int refitDays)
{
    const MarketSeries series = buildMarketSeries(market, assets);
    std::vector<Regime> out(std::size_t(series.dayCount()), Regime::Neutral);
    const RegimeFeatures all =
        regimeFeatures(series.indexReturn, options.trendWindow, options.volatilityWindow);
    const int rows = all.rows();
    const int step = std::max(1, refitDays);
    for (int fitRows = std::max(options.minObservations, 2 * options.states); fitRows < rows;
         fitRows += step) {
        // Train on rows [0, fitRows), then filter the prefix up to the next refit: the filter
        // at a row only reads rows before it, so re-running it from the start is exact.
        RegimeFeatures past = all;
        past.values.resize(std::size_t(fitRows) * 2);
        const Result<RegimeModel> model = RegimeModel::train(past, options);
        if (!model.ok())
            continue;
        const int end = std::min(rows, fitRows + step);
        RegimeFeatures prefix = all;
        prefix.values.resize(std::size_t(end) * 2);
        const RegimeDecoding decoding = model->decode(prefix);
        if (decoding.isEmpty())
            continue;
        for (int t = fitRows; t < end; ++t)
            out[std::size_t(all.firstDay + t)] = decoding.filteredRegime[std::size_t(t)];
    }
    return out;
}

ModelRecord regimeModelRecord(const RegimeModel &model, qint64 trainedAt, const QString &version)
{
    ModelRecord record;
    record.name = QStringLiteral("macro_regime_hmm");
    record.version = version;
    record.modelType = QStringLiteral("macro");
    record.configuration = model.toJson();
    record.performanceMetrics = model.metrics();
    record.lastTrained = trainedAt;
    return record;
}

MacroReport analyzeMacro(const DailyMarket &market, const std::vector<AssetHistory> &assets,
                         const MacroOptions &options)
{
    MacroReport report;
    MacroAnalysis &out = report.analysis;
    const qint64 now = latestBarTime(assets);
    out.regime.analysisTime = now;
    out.sentiment.timestamp = now;
    out.dominance.timestamp = now;
    out.regime.regimeProbabilities.assign(kRegimes, 1.0 / kRegimes);
    out.regime.confidence = 1.0 / kRegimes;
    out.regime.recommendedExposure = options.regimeExposure[std::size_t(Regime::Neutral)] *
                                     options.riskMultiplier[std::size_t(RiskLevel::Medium)];
    QJsonArray drivers;

    if (int(assets.size()) != market.assetCount()) {
        report.status = QStringLiteral("The asset list does not match the daily market grid.");
        drivers.append(report.status);
        out.regime.regimeDrivers = drivers;
        return report;
    }
    report.series = buildMarketSeries(market, assets);
    const MarketSeries &series = report.series;
    const int days = series.dayCount();
    if (days == 0) {
        report.status = QStringLiteral("There is no market history, so the regime defaults to "
                                       "neutral.");
        drivers.append(report.status);
        out.regime.regimeDrivers = drivers;
        return report;
    }
    const int last = days - 1;
    const auto lastIndex = std::size_t(last);

    // Dominance and sentiment need no model.
    out.dominance = dominanceAt(series, last, now);
    const SentimentIndex sentiment(market, series, options.sentiment);
    out.sentiment = sentiment.result(last, now);
    report.fearGreedHistory = sentiment.history();

    // Regime: stored model if it fits the feature definition, else train one now.
    const RegimeModelOptions &regimeOptions = options.regime;
    const RegimeFeatures features = regimeFeatures(series.indexReturn, regimeOptions.trendWindow,
                                                   regimeOptions.volatilityWindow);
    if (options.model && options.model->trendWindow() == regimeOptions.trendWindow &&
        options.model->volatilityWindow() == regimeOptions.volatilityWindow) {
        report.regimeModel = options.model;
        // Stored before calibrations existed: measure it on this history rather than show the
        // raw posterior's near-certainty.
        if (!report.regimeModel->calibration())
            report.regimeModel->calibrate(features);
    } else {
        Result<RegimeModel> trained = RegimeModel::train(features, regimeOptions);
        if (trained.ok()) {
            report.regimeModel = std::move(trained).value();
            report.modelTrained = true;
            report.model = regimeModelRecord(*report.regimeModel, now, options.modelVersion);
        } else {
            const int needed = std::max(regimeOptions.trendWindow, regimeOptions.volatilityWindow) +
                               regimeOptions.minObservations;
            report.status =
                days < needed
                    ? QStringLiteral("Only %1 days of market history; the regime model "
                                     "needs %2, so the regime defaults to neutral.")
                          .arg(days)
                          .arg(needed)
                    : trained.error() + QStringLiteral(" The regime defaults to neutral.");
        }
    }
    report.filteredRegimeHistory.assign(std::size_t(days), Regime::Neutral);
    report.regimeProbabilityHistory.assign(std::size_t(days) * kRegimes, 1.0 / kRegimes);
    out.regimeHistory.assign(std::size_t(days), Regime::Neutral);
    int daysInRegime = 0;
    double rawConfidence = 1.0 / kRegimes;
    if (report.regimeModel) {
        const RegimeDecoding decoding = report.regimeModel->decode(features);
        if (decoding.isEmpty()) {
            report.status =
                features.rows() == 0
                    ? QStringLiteral("Only %1 days of market history; the regime model reads "
                                     "from day %2 on, so the regime defaults to neutral.")
                          .arg(days)
                          .arg(features.firstDay + 1)
                    : QStringLiteral("The regime model could not read the market history; the "
                                     "regime defaults to neutral.");
        } else {
            report.firstRegimeDay = features.firstDay;
            for (int t = 0; t < features.rows(); ++t) {
                report.filteredRegimeHistory[std::size_t(features.firstDay + t)] =
                    decoding.filteredRegime[std::size_t(t)];
                out.regimeHistory[std::size_t(features.firstDay + t)] =
                    decoding.viterbiRegime[std::size_t(t)];
                std::copy_n(decoding.calibrated.begin() + std::ptrdiff_t(t) * kRegimes, kRegimes,
                            report.regimeProbabilityHistory.begin() +
                                std::ptrdiff_t(features.firstDay + t) * kRegimes);
            }
            const std::size_t row = std::size_t(features.rows() - 1);
            out.regime.regimeProbabilities.assign(
                decoding.calibrated.begin() + std::ptrdiff_t(row * kRegimes),
                decoding.calibrated.begin() + std::ptrdiff_t((row + 1) * kRegimes));
            out.regime.regime = decoding.filteredRegime[row];
            out.regime.confidence = out.regime.regimeProbabilities[std::size_t(out.regime.regime)];
            rawConfidence = decoding.filtered[row * kRegimes + std::size_t(out.regime.regime)];
            for (int t = int(row);
                 t >= 0 && decoding.filteredRegime[std::size_t(t)] == out.regime.regime; --t)
                ++daysInRegime;
        }
    }

    const RiskReading risk = readRisk(series, options);
    const TrendReading trend = readTrend(series, options.trendWindow);
    out.regime.riskLevel = risk.level;
    out.regime.trendStrength = std::clamp(trend.strength, 0.0, 1.0);
    double base = 0.0;
    for (Regime r : kAllRegimes)
        base +=
            out.regime.regimeProbabilities[std::size_t(r)] * options.regimeExposure[std::size_t(r)];
    const double multiplier = options.riskMultiplier[std::size_t(risk.level)];
    out.regime.recommendedExposure = std::clamp(base * multiplier, 0.0, 1.0);

    // Readable reasons, most important first.
    const QString regime = regimeName(out.regime.regime);
    if (!report.status.isEmpty()) {
        drivers.append(report.status);
    } else {
        const RegimeCalibration &calibration = *report.regimeModel->calibration();
        const QString measured =
            calibration.isFitted()
                ? QStringLiteral("but its past labels matched the next %1 days on %2% of days")
                      .arg(calibration.horizonDays)
                      .arg(100.0 * calibration.agreement, 0, 'f', 0)
                : QStringLiteral("but the history is too short to check its labels");
        drivers.append(QStringLiteral("%1 regime with %2% probability (calibrated: the %3-state "
                                      "HMM's filtered posterior says %4%, %5)")
                           .arg(capitalised(regime))
                           .arg(100.0 * out.regime.confidence, 0, 'f', 0)
                           .arg(report.regimeModel->hmm().stateCount())
                           .arg(100.0 * rawConfidence, 0, 'f', 0)
                           .arg(measured));
        drivers.append(QStringLiteral("%1 for the last %2 day%3")
                           .arg(capitalised(regime))
                           .arg(daysInRegime)
                           .arg(daysInRegime == 1 ? QString() : QStringLiteral("s")));
    }
    for (int horizon : {30, 7}) {
        const double change = indexChange(series, horizon);
        if (std::isfinite(change))
            drivers.append(QStringLiteral("Total market cap %1 over %2 days")
                               .arg(signedPercent(change))
                               .arg(horizon));
    }
    if (risk.available)
        drivers.append(QStringLiteral("%1-day volatility at its %2 percentile (%3% a day)")
                           .arg(options.riskVolatilityWindow)
                           .arg(ordinal(int(std::lround(risk.percentile))))
                           .arg(100.0 * risk.volatility, 0, 'f', 2));
    else
        drivers.append(QStringLiteral("Not enough history for a volatility percentile; risk "
                                      "defaults to medium"));
    if (trend.available)
        drivers.append(QStringLiteral("%1-day trend t-statistic %2%3 (trend strength %4)")
                           .arg(options.trendWindow)
                           .arg(trend.tStat >= 0 ? QStringLiteral("+") : QString())
                           .arg(trend.tStat, 0, 'f', 2)
                           .arg(out.regime.trendStrength, 0, 'f', 2));
    if (out.dominance.totalMarketCap > 0.0) {
        const QJsonValue btc7 = out.dominance.dominanceChanges.value(QStringLiteral("btc_7d"));
        drivers.append(
            QStringLiteral("BTC dominance %1%%2")
                .arg(out.dominance.btcDominance, 0, 'f', 1)
                .arg(btc7.isDouble()
                         ? QStringLiteral(" (%1%2 pp over 7 days)")
                               .arg(btc7.toDouble() >= 0 ? QStringLiteral("+") : QString())
                               .arg(btc7.toDouble(), 0, 'f', 2)
                         : QString()));
    }
    drivers.append(QStringLiteral("Fear & greed index %1 (%2)")
                       .arg(out.sentiment.fearGreedIndex, 0, 'f', 0)
                       .arg(fearGreedLabel(out.sentiment.fearGreedIndex)));
    out.regime.regimeDrivers = drivers;

    // The numbers behind the sentences.
    QJsonObject indicators{
        {QStringLiteral("history_days"), days},
        {QStringLiteral("total_market_cap"), roundTo(series.totalCap[lastIndex], 100.0)},
        {QStringLiteral("total_volume"), roundTo(series.quoteVolume[lastIndex], 100.0)},
        {QStringLiteral("index_method"),
         series.equalWeightedDays == 0
             ? QStringLiteral("cap-weighted, chain-linked")
             : QStringLiteral("cap-weighted, chain-linked; %1 days equal-weighted (no supply)")
                   .arg(series.equalWeightedDays)},
        {QStringLiteral("regime_probabilities"), probabilitiesJson(out.regime.regimeProbabilities)},
        {QStringLiteral("posterior"), QStringLiteral("filtered, calibrated")},
        {QStringLiteral("raw_confidence"), roundTo(rawConfidence, 1e4)},
        {QStringLiteral("days_in_regime"), daysInRegime},
        {QStringLiteral("volatility_window_days"), options.riskVolatilityWindow},
        {QStringLiteral("volatility_daily"), roundTo(risk.volatility, 1e6)},
        {QStringLiteral("volatility_annualised"), roundTo(risk.volatility * std::sqrt(365.0), 1e4)},
        {QStringLiteral("volatility_percentile"), roundTo(risk.percentile, 100.0)},
        {QStringLiteral("trend_window_days"), options.trendWindow},
        {QStringLiteral("trend_mean_daily_log_return"), roundTo(trend.meanReturn, 1e6)},
        {QStringLiteral("trend_t_stat"), roundTo(trend.tStat, 1e4)},
        {QStringLiteral("trend_direction"),
         trend.meanReturn > 0
             ? QStringLiteral("up")
             : (trend.meanReturn < 0 ? QStringLiteral("down") : QStringLiteral("flat"))},
        {QStringLiteral("exposure_base"), roundTo(base, 1e4)},
        {QStringLiteral("exposure_risk_multiplier"), multiplier},
        {QStringLiteral("fear_greed_index"), out.sentiment.fearGreedIndex},
    };
    for (int horizon : {1, 7, 30}) {
        const double change = indexChange(series, horizon);
        if (std::isfinite(change))
            indicators.insert(QStringLiteral("index_change_%1d_pct").arg(horizon),
                              roundTo(100.0 * change, 1e4));
    }
    if (report.regimeModel) {
        indicators.insert(QStringLiteral("model"), QStringLiteral("macro_regime_hmm"));
        indicators.insert(QStringLiteral("calibration_weight"),
                          roundTo(report.regimeModel->calibration()->weight, 1e4));
    }
    out.regime.macroIndicators = indicators;

    QJsonObject scores;
    const QJsonObject components =
        out.sentiment.sentimentSources.value(QStringLiteral("components")).toObject();
    for (auto it = components.begin(); it != components.end(); ++it) {
        const QJsonObject c = it.value().toObject();
        if (c.value(QStringLiteral("available")).toBool())
            scores.insert(it.key(), c.value(QStringLiteral("score")));
    }
    out.regime.sentimentBreakdown = QJsonObject{
        {QStringLiteral("fear_greed_index"), out.sentiment.fearGreedIndex},
        {QStringLiteral("label"), fearGreedLabel(out.sentiment.fearGreedIndex)},
        {QStringLiteral("composite_sentiment"), out.sentiment.compositeSentiment},
        {QStringLiteral("component_scores"), scores},
    };
    out.regime.dominanceData = QJsonObject{
        {QStringLiteral("btc_dominance"), roundTo(out.dominance.btcDominance, 1e4)},
        {QStringLiteral("eth_dominance"), roundTo(out.dominance.ethDominance, 1e4)},
        {QStringLiteral("stablecoin_dominance"), roundTo(out.dominance.stablecoinDominance, 1e4)},
        {QStringLiteral("alt_dominance"), roundTo(out.dominance.altDominance, 1e4)},
        {QStringLiteral("changes"), out.dominance.dominanceChanges},
    };
    return report;
}

} // namespace cp::engine
