#include "regimemodel.h"

#include "analysistypes.h"
#include "hmmstartingpoints.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cp::engine {

namespace {

constexpr int kFeatures = 2;
constexpr int kRegimes = 4;
constexpr double kVolatilityFloor = 1e-8;
// A fit whose states' typical volatilities all lie within this factor has no volatile state.
constexpr double kVolatileSpread = 1.1;

std::optional<Regime> regimeFromName(const QString &name)
{
    for (Regime r : {Regime::Bull, Regime::Bear, Regime::Neutral, Regime::Volatile}) {
        if (regimeName(r) == name)
            return r;
    }
    return std::nullopt;
}

double rounded(double v, double scale = 1e8)
{
    return std::round(v * scale) / scale;
}

} // namespace

RegimeFeatures regimeFeatures(std::span<const double> dailyReturns, int trendWindow,
                              int volatilityWindow)
{
    RegimeFeatures f;
    const int days = int(dailyReturns.size());
    if (trendWindow < 1 || volatilityWindow < 2)
        return f;
    // Day d's windows end at d and must not reach day 0, which has no return.
    f.firstDay = std::max(trendWindow, volatilityWindow);
    if (days <= f.firstDay)
        return f;
    f.values.reserve(std::size_t(days - f.firstDay) * kFeatures);
    for (int d = f.firstDay; d < days; ++d) {
        double trend = 0.0;
        for (int j = d - trendWindow + 1; j <= d; ++j)
            trend += dailyReturns[std::size_t(j)];
        trend /= trendWindow;
        double mean = 0.0;
        for (int j = d - volatilityWindow + 1; j <= d; ++j)
            mean += dailyReturns[std::size_t(j)];
        mean /= volatilityWindow;
        double squares = 0.0;
        for (int j = d - volatilityWindow + 1; j <= d; ++j)
            squares +=
                (dailyReturns[std::size_t(j)] - mean) * (dailyReturns[std::size_t(j)] - mean);
        const double sd = std::sqrt(squares / (volatilityWindow - 1));
        f.values.push_back(trend);
        f.values.push_back(std::log(std::max(sd, kVolatilityFloor)));
    }
    return f;
}

std::vector<Regime> labelStates(std::span<const double> trendMeans,
                                std::span<const double> volatilityMeans, int trendWindow,
                                double threshold)
{
    const int states = int(std::min(trendMeans.size(), volatilityMeans.size()));
    std::vector<Regime> labels(static_cast<std::size_t>(states), Regime::Neutral);
    if (states == 0)
        return labels;
    const double root = std::sqrt(double(std::max(trendWindow, 1)));
    const auto tStat = [&](int k) {
        return trendMeans[std::size_t(k)] / (std::exp(volatilityMeans[std::size_t(k)]) / root);
    };
    int volatileState = -1;
    if (states >= 4) {
        const auto [lo, hi] =
            std::minmax_element(volatilityMeans.begin(), volatilityMeans.begin() + states);
        const int top = int(hi - volatilityMeans.begin());
        if (*hi - *lo > std::log(kVolatileSpread) && std::abs(tStat(top)) < threshold)
            volatileState = top;
    }
    for (int k = 0; k < states; ++k) {
        const double t = tStat(k);
        if (k == volatileState)
            labels[std::size_t(k)] = Regime::Volatile;
        else if (t > threshold)
            labels[std::size_t(k)] = Regime::Bull;
        else if (t < -threshold)
            labels[std::size_t(k)] = Regime::Bear;
    }
    return labels;
}

std::vector<double> RegimeModel::standardise(const RegimeFeatures &features) const
{
    std::vector<double> x(features.values.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        x[i] = (features.values[i] - m_mean[i % kFeatures]) / m_scale[i % kFeatures];
    return x;
}

Result<RegimeModel> RegimeModel::train(const RegimeFeatures &features,
                                       const RegimeModelOptions &options)
{
    const int rows = features.rows();
    if (options.states < 2 || options.states > 8)
        return Result<RegimeModel>::failure(
            QStringLiteral("The regime model needs between 2 and 8 states."));
    if (rows < std::max(options.minObservations, 2 * options.states))
        return Result<RegimeModel>::failure(
            QStringLiteral("The regime model needs %1 days of features, only %2 are available.")
                .arg(std::max(options.minObservations, 2 * options.states))
                .arg(rows));
    const bool finite = std::all_of(features.values.begin(), features.values.end(),
                                    [](double v) { return std::isfinite(v); });
    if (!finite)
        return Result<RegimeModel>::failure(
            QStringLiteral("The regime model's features contain invalid values."));

    RegimeModel model;
    model.m_trendWindow = options.trendWindow;
    model.m_volatilityWindow = options.volatilityWindow;
    model.m_observations = rows;
    model.m_diagonal = options.fit.diagonal;
    // Standardising makes the variance floor and the k-means distances unit-free.
    for (int f = 0; f < kFeatures; ++f) {
        double mean = 0.0, squares = 0.0;
        for (int t = 0; t < rows; ++t)
            mean += features.values[std::size_t(t * kFeatures + f)];
        mean /= rows;
        for (int t = 0; t < rows; ++t) {
            const double v = features.values[std::size_t(t * kFeatures + f)] - mean;
            squares += v * v;
        }
        const double sd = std::sqrt(squares / rows);
        model.m_mean[f] = mean;
        model.m_scale[f] = sd > 1e-12 ? sd : 1.0;
    }
    const std::vector<double> x = model.standardise(features);

    std::vector<GaussianHmm> starts =
        hmmStartingPoints(x, options.states, kFeatures, options.seededStarts, options.seed,
                          options.fit.varianceFloor);
    model.m_starts = int(starts.size());
    double bestObjective = -std::numeric_limits<double>::infinity();
    for (std::size_t s = 0; s < starts.size(); ++s) {
        GaussianHmm candidate = starts[s];
        const HmmFitTrace trace = candidate.fit(x, options.fit);
        if (trace.objectives.empty() || !candidate.isValid())
            continue;
        // Strictly greater: on ties the earlier start wins, keeping training deterministic.
        if (trace.objectives.back() > bestObjective) {
            bestObjective = trace.objectives.back();
            model.m_hmm = std::move(candidate);
            model.m_bestStart = int(s);
            model.m_logLikelihood = trace.logLikelihoods.back();
            model.m_iterations = int(trace.logLikelihoods.size()) - 1;
            model.m_converged = trace.converged;
        }
    }
    if (model.m_bestStart < 0)
        return Result<RegimeModel>::failure(
            QStringLiteral("The regime model could not be fitted to the market history."));

    std::vector<double> trends, vols;
    for (int k = 0; k < options.states; ++k) {
        trends.push_back(model.m_hmm.mean(k, 0) * model.m_scale[0] + model.m_mean[0]);
        vols.push_back(model.m_hmm.mean(k, 1) * model.m_scale[1] + model.m_mean[1]);
    }
    model.m_labelThreshold = options.labelThreshold;
    model.m_labels = labelStates(trends, vols, options.trendWindow, options.labelThreshold);
    const std::vector<double> smoothed = model.m_hmm.smooth(x);
    model.m_occupancy.assign(std::size_t(options.states), 0.0);
    for (std::size_t i = 0; i < smoothed.size(); ++i)
        model.m_occupancy[i % std::size_t(options.states)] += smoothed[i] / rows;
    model.calibrate(features);
    return model;
}

void RegimeModel::calibrate(const RegimeFeatures &features)
{
    const RegimeDecoding decoding = decode(features);
    const int rows = int(decoding.filteredRegime.size());
    const int horizon = m_trendWindow;
    std::vector<Regime> outcomes;
    if (rows > horizon) {
        const std::vector<double> x = standardise(features);
        outcomes.reserve(std::size_t(rows - horizon));
        for (int t = 0; t + horizon < rows; ++t) {
            // The state that best explains the later window on its own: no transition prior, so
            // the outcome does not lean on the same dynamics that made the filter sure.
            const double *row = x.data() + std::size_t(t + horizon) * kFeatures;
            int best = 0;
            for (int k = 1; k < m_hmm.stateCount(); ++k) {
                if (m_hmm.logDensity(k, row) > m_hmm.logDensity(best, row))
                    best = k;
            }
            outcomes.push_back(m_labels[std::size_t(best)]);
        }
    }
    m_calibration = fitRegimeCalibration(decoding.filtered, outcomes, horizon);
}

double RegimeModel::stateTrend(int state) const
{
    return m_hmm.mean(state, 0) * m_scale[0] + m_mean[0];
}

double RegimeModel::stateVolatility(int state) const
{
    return std::exp(m_hmm.mean(state, 1) * m_scale[1] + m_mean[1]);
}

double RegimeModel::expectedDuration(int state) const
{
    const double stay = m_hmm.transition(state, state);
    return stay < 1.0 ? 1.0 / (1.0 - stay) : std::numeric_limits<double>::infinity();
}

RegimeDecoding RegimeModel::decode(const RegimeFeatures &features) const
{
    RegimeDecoding out;
    if (!m_hmm.isValid() || features.rows() == 0)
        return out;
    const std::vector<double> x = standardise(features);
    const HmmFilterResult filter = m_hmm.filter(x);
    const std::vector<int> path = m_hmm.viterbi(x);
    if (filter.filtered.empty() || path.empty())
        return out;
    const int rows = features.rows();
    const auto states = std::size_t(m_hmm.stateCount());
    out.logLikelihood = filter.logLikelihood;
    out.filtered.assign(std::size_t(rows) * kRegimes, 0.0);
    out.filteredRegime.resize(std::size_t(rows));
    out.viterbiRegime.resize(std::size_t(rows));
    for (std::size_t t = 0; t < std::size_t(rows); ++t) {
        double *p = out.filtered.data() + t * kRegimes;
        for (std::size_t k = 0; k < states; ++k)
            p[int(m_labels[k])] += filter.filtered[t * states + k];
        // Ties resolve in Regime order, deterministically.
        out.filteredRegime[t] = Regime(std::max_element(p, p + kRegimes) - p);
        out.viterbiRegime[t] = m_labels[std::size_t(path[t])];
    }
    out.calibrated = m_calibration
                         ? calibratedRegimeProbabilities(out.filtered, m_calibration->weight)
                         : out.filtered;
    return out;
}

QJsonObject RegimeModel::toJson() const
{
    QJsonArray labels, mean, scale;
    for (Regime r : m_labels)
        labels.append(regimeName(r));
    for (int f = 0; f < kFeatures; ++f) {
        mean.append(m_mean[f]);
        scale.append(m_scale[f]);
    }
    QJsonObject json{
        {QStringLiteral("model"), QStringLiteral("gaussian_hmm")},
        {QStringLiteral("features"),
         QJsonArray{QStringLiteral("trend: mean daily log return of the market index"),
                    QStringLiteral("log of the daily volatility of the market index")}},
        {QStringLiteral("trend_window_days"), m_trendWindow},
        {QStringLiteral("volatility_window_days"), m_volatilityWindow},
        {QStringLiteral("standardisation"),
         QJsonObject{{QStringLiteral("mean"), mean}, {QStringLiteral("scale"), scale}}},
        {QStringLiteral("hmm"), m_hmm.toJson()},
        {QStringLiteral("state_labels"), labels},
        {QStringLiteral("labelling_rule"),
         QStringLiteral("t = trend / (volatility / sqrt(trend window)); the most volatile state "
                        "is volatile if |t| < threshold (and volatilities differ by more than "
                        "10%); otherwise bull if t > threshold, bear if t < -threshold, else "
                        "neutral")},
        {QStringLiteral("label_threshold"), m_labelThreshold},
    };
    if (m_calibration) {
        json.insert(QStringLiteral("confidence"),
                    QStringLiteral("filtered (forward) posterior probability at the latest day, "
                                   "calibrated: weight x posterior + (1 - weight) / 4"));
        json.insert(
            QStringLiteral("calibration"),
            QJsonObject{
                {QStringLiteral("method"),
                 QStringLiteral("label noise; weight by maximum likelihood of the label of the "
                                "state that best explains the feature row horizon_days later")},
                {QStringLiteral("weight"), m_calibration->weight},
                {QStringLiteral("horizon_days"), m_calibration->horizonDays},
                {QStringLiteral("pairs"), m_calibration->pairs},
                {QStringLiteral("label_agreement"), m_calibration->agreement},
            });
    } else {
        json.insert(QStringLiteral("confidence"),
                    QStringLiteral("filtered (forward) posterior probability at the latest day"));
    }
    return json;
}

std::optional<RegimeModel> RegimeModel::fromJson(const QJsonObject &configuration)
{
    if (configuration.value(QStringLiteral("model")).toString() != QLatin1String("gaussian_hmm"))
        return std::nullopt;
    auto hmm = GaussianHmm::fromJson(configuration.value(QStringLiteral("hmm")).toObject());
    if (!hmm || hmm->dimension() != kFeatures)
        return std::nullopt;
    RegimeModel model;
    model.m_hmm = std::move(*hmm);
    model.m_trendWindow = configuration.value(QStringLiteral("trend_window_days")).toInt();
    model.m_volatilityWindow =
        configuration.value(QStringLiteral("volatility_window_days")).toInt();
    model.m_labelThreshold = configuration.value(QStringLiteral("label_threshold")).toDouble(0.25);
    if (model.m_trendWindow < 1 || model.m_volatilityWindow < 2)
        return std::nullopt;
    const QJsonObject standardisation =
        configuration.value(QStringLiteral("standardisation")).toObject();
    const QJsonArray mean = standardisation.value(QStringLiteral("mean")).toArray();
    const QJsonArray scale = standardisation.value(QStringLiteral("scale")).toArray();
    if (mean.size() != kFeatures || scale.size() != kFeatures)
        return std::nullopt;
    for (int f = 0; f < kFeatures; ++f) {
        model.m_mean[f] = mean.at(f).toDouble(std::nan(""));
        model.m_scale[f] = scale.at(f).toDouble(std::nan(""));
        if (!std::isfinite(model.m_mean[f]) || !(model.m_scale[f] > 0.0))
            return std::nullopt;
    }
    const QJsonArray labels = configuration.value(QStringLiteral("state_labels")).toArray();
    if (labels.size() != model.m_hmm.stateCount())
        return std::nullopt;
    for (const QJsonValue &label : labels) {
        const auto regime = regimeFromName(label.toString());
        if (!regime)
            return std::nullopt;
        model.m_labels.push_back(*regime);
    }
    // Models stored before calibrations existed have none: the caller calibrates them.
    const QJsonValue calibration = configuration.value(QStringLiteral("calibration"));
    if (calibration.isObject()) {
        const QJsonObject c = calibration.toObject();
        RegimeCalibration stored;
        stored.weight = c.value(QStringLiteral("weight")).toDouble(std::nan(""));
        stored.horizonDays = c.value(QStringLiteral("horizon_days")).toInt();
        stored.pairs = c.value(QStringLiteral("pairs")).toInt();
        stored.agreement = c.value(QStringLiteral("label_agreement")).toDouble();
        if (!(stored.weight >= 0.0 && stored.weight <= 1.0) || stored.pairs < 0)
            return std::nullopt;
        model.m_calibration = stored;
    }
    return model;
}

QJsonObject RegimeModel::metrics() const
{
    const int k = m_hmm.stateCount();
    // Free parameters: start (k-1), transitions k(k-1), means 2k, covariances 3k (2k diagonal).
    const int parameters = (k - 1) + k * (k - 1) + k * kFeatures + k * (m_diagonal ? 2 : 3);
    QJsonArray states;
    for (int s = 0; s < k; ++s) {
        states.append(QJsonObject{
            {QStringLiteral("label"), regimeName(m_labels[std::size_t(s)])},
            {QStringLiteral("trend_daily_log_return"), rounded(stateTrend(s))},
            {QStringLiteral("volatility_daily"), rounded(stateVolatility(s))},
            {QStringLiteral("expected_duration_days"), rounded(expectedDuration(s), 1e3)},
            {QStringLiteral("occupancy"),
             rounded(s < int(m_occupancy.size()) ? m_occupancy[std::size_t(s)] : 0.0, 1e4)},
        });
    }
    const double n = std::max(1, m_observations);
    QJsonObject metrics{
        // On the standardised features the model is fitted to (unit-free, comparable across
        // markets); subtract observations x sum(log scale) for the raw features' density.
        {QStringLiteral("log_likelihood"), rounded(m_logLikelihood, 1e4)},
        {QStringLiteral("log_likelihood_per_day"), rounded(m_logLikelihood / n, 1e6)},
        {QStringLiteral("aic"), rounded(2.0 * parameters - 2.0 * m_logLikelihood, 1e4)},
        {QStringLiteral("bic"), rounded(parameters * std::log(n) - 2.0 * m_logLikelihood, 1e4)},
        {QStringLiteral("parameters"), parameters},
        {QStringLiteral("observations"), m_observations},
        {QStringLiteral("iterations"), m_iterations},
        {QStringLiteral("converged"), m_converged},
        {QStringLiteral("starts"), m_starts},
        {QStringLiteral("best_start"), m_bestStart},
        {QStringLiteral("states"), states},
    };
    if (m_calibration) {
        const RegimeCalibration &c = *m_calibration;
        // Measured on the outcomes the weight was fitted on (in-sample): how often the filtered
        // label matched the next window's label, and the stated confidence before and after.
        metrics.insert(
            QStringLiteral("calibration"),
            QJsonObject{
                {QStringLiteral("weight"), rounded(c.weight, 1e6)},
                {QStringLiteral("horizon_days"), c.horizonDays},
                {QStringLiteral("pairs"), c.pairs},
                {QStringLiteral("label_agreement"), rounded(c.agreement, 1e4)},
                {QStringLiteral("mean_raw_confidence"), rounded(c.meanRawConfidence, 1e4)},
                {QStringLiteral("mean_confidence"), rounded(c.meanConfidence, 1e4)},
                {QStringLiteral("brier_raw"), rounded(c.rawBrier, 1e4)},
                {QStringLiteral("brier"), rounded(c.brier, 1e4)},
            });
    }
    return metrics;
}

} // namespace cp::engine
