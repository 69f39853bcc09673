#include "walkforward.h"

#include <QJsonArray>

#include <algorithm>
#include <functional>
#include <limits>
#include <numeric>

namespace cp::engine {

void WalkForwardData::reserve(int rows)
{
    features.reserve(std::size_t(rows) * std::size_t(featureCount));
    decisionTime.reserve(std::size_t(rows));
    knownAt.reserve(std::size_t(rows));
    label.reserve(std::size_t(rows));
}

void WalkForwardData::add(std::span<const double> rowFeatures, qint64 decision, qint64 known,
                          double y)
{
    for (int j = 0; j < featureCount; ++j)
        features.push_back(j < int(rowFeatures.size()) ? rowFeatures[std::size_t(j)] : 0.0);
    decisionTime.push_back(decision);
    knownAt.push_back(known);
    label.push_back(y);
}

namespace {

// Labelled rows in (knownAt, row) order: the order in which labels became available.
std::vector<int> labelledByKnownTime(const WalkForwardData &data)
{
    std::vector<int> order;
    order.reserve(std::size_t(data.size()));
    for (int i = 0; i < data.size(); ++i)
        if (data.isLabelled(i))
            order.push_back(i);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const qint64 ka = data.knownAt[std::size_t(a)], kb = data.knownAt[std::size_t(b)];
        return ka != kb ? ka < kb : a < b;
    });
    return order;
}

// Every stride-th of `rows` counting back from the newest, so the latest labels always count.
std::vector<int> thin(const std::vector<int> &rows, int cap, int *strideOut = nullptr)
{
    const int n = int(rows.size());
    const int stride = n > cap ? (n + cap - 1) / cap : 1;
    if (strideOut)
        *strideOut = stride;
    if (stride == 1)
        return rows;
    std::vector<int> out;
    out.reserve(std::size_t(n / stride + 1));
    for (int k = n - 1; k >= 0; k -= stride)
        out.push_back(rows[std::size_t(k)]);
    std::reverse(out.begin(), out.end());
    return out;
}

// Standard error of a mean over validation rows. Rows decided in the same cluster (e.g. the
// same day, across assets) share market moves, so they count as one observation: the error is
// taken over cluster means. With too few clusters, rows count singly.
double clusteredStandardError(const WalkForwardData &data, const std::vector<int> &rows,
                              const std::vector<double> &errors, double mean,
                              const WalkForwardOptions &options)
{
    std::vector<std::pair<double, int>> clusters; // sum, count; rows are in knownAt order
    std::vector<qint64> keys;
    if (options.clusterSeconds > 0) {
        std::vector<std::size_t> order(rows.size());
        for (std::size_t k = 0; k < rows.size(); ++k)
            order[k] = k;
        auto key = [&](std::size_t k) {
            const qint64 t = data.decisionTime[std::size_t(rows[k])];
            return t >= 0 ? t / options.clusterSeconds : (t + 1) / options.clusterSeconds - 1;
        };
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
        for (std::size_t k : order) {
            if (keys.empty() || keys.back() != key(k)) {
                keys.push_back(key(k));
                clusters.push_back({0.0, 0});
            }
            clusters.back().first += errors[k];
            ++clusters.back().second;
        }
    }
    double squares = 0.0;
    if (clusters.size() >= 20) {
        for (const auto &[sum, count] : clusters) {
            const double d = sum / count - mean;
            squares += d * d;
        }
        const double g = double(clusters.size());
        return std::sqrt(squares / (g - 1.0)) / std::sqrt(g);
    }
    for (double e : errors)
        squares += (e - mean) * (e - mean);
    const double n = double(errors.size());
    return std::sqrt(squares / (n - 1.0)) / std::sqrt(n);
}

// Chooses the L2 penalty by a purged time split of the known rows (see WalkForwardOptions).
double selectPenalty(const WalkForwardData &data, const WalkForwardOptions &options,
                     const std::vector<int> &known, std::vector<double> &scores)
{
    if (options.l2Grid.empty())
        return options.fit.l2;
    std::vector<qint64> decisions;
    decisions.reserve(known.size());
    for (int r : known)
        decisions.push_back(data.decisionTime[std::size_t(r)]);
    auto q = decisions.begin() + std::ptrdiff_t(decisions.size() * 3 / 4);
    std::nth_element(decisions.begin(), q, decisions.end());
    const qint64 split = *q;
    std::vector<int> inner, validation;
    for (int r : known) { // `known` is in knownAt order, so both keep that order
        if (data.knownAt[std::size_t(r)] <= split)
            inner.push_back(r);
        else if (data.decisionTime[std::size_t(r)] >= split)
            validation.push_back(r);
    }
    // Too little data to choose: shrink hard, towards the base rate.
    if (int(inner.size()) < std::max(2, options.minTrainRows) || validation.size() < 50)
        return *std::max_element(options.l2Grid.begin(), options.l2Grid.end());
    inner = thin(inner, options.selectionRows);
    validation = thin(validation, options.selectionRows);
    // Strongest penalty first: each fit warm-starts the next, weaker one.
    std::vector<double> grid = options.l2Grid;
    std::sort(grid.begin(), grid.end(), std::greater<>());
    LogisticModel previous;
    struct Scored
    {
        double l2, mean, se;
    };
    std::vector<Scored> scored;
    std::vector<double> errors(validation.size());
    for (double l2 : grid) {
        LogisticModel model;
        LogisticModel::FitOptions fit = options.fit;
        fit.l2 = l2;
        if (!model.fit(data.features, data.label, data.featureCount, fit, inner,
                       previous.isFitted() ? &previous : nullptr))
            continue;
        double sum = 0.0;
        for (std::size_t k = 0; k < validation.size(); ++k) {
            const int r = validation[k];
            const double d = model.predict(data.row(r)) - data.label[std::size_t(r)];
            errors[k] = d * d;
            sum += errors[k];
        }
        const double mean = sum / double(validation.size());
        scored.push_back(
            {l2, mean, clusteredStandardError(data, validation, errors, mean, options)});
        previous = std::move(model);
    }
    if (scored.empty())
        return options.fit.l2;
    // The one-standard-error rule: the strongest penalty whose held-out Brier is within one
    // standard error of the best. A noisy split then does not talk us into a flexible model.
    const Scored *best = &scored.front();
    for (const Scored &c : scored)
        if (c.mean < best->mean)
            best = &c;
    double chosen = best->l2;
    for (const Scored &c : scored) // strongest first
        if (c.mean <= best->mean + best->se) {
            chosen = c.l2;
            break;
        }
    scores.clear();
    for (double l2 : options.l2Grid)
        for (const Scored &c : scored)
            if (c.l2 == l2)
                scores.push_back(c.mean);
    return chosen;
}

// Platt on earlier out-of-sample predictions, kept only if it helps on the newest third.
void fitCalibration(const WalkForwardData &data, const WalkForwardOptions &options,
                    const std::vector<int> &known, std::span<const double> outOfSample,
                    FittedClassifier &fitted)
{
    std::vector<int> rows;
    for (int r : known)
        if (!std::isnan(outOfSample[std::size_t(r)]))
            rows.push_back(r);
    if (int(rows.size()) < options.minCalibrationRows) {
        fitted.calibrationNote =
            QStringLiteral("none: %1 earlier out-of-sample predictions, %2 needed")
                .arg(rows.size())
                .arg(options.minCalibrationRows);
        return;
    }
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
        return data.decisionTime[std::size_t(a)] < data.decisionTime[std::size_t(b)];
    });
    const std::size_t cut = rows.size() * 2 / 3;
    auto collect = [&](std::size_t from, std::size_t to, std::vector<double> &p,
                       std::vector<double> &y) {
        for (std::size_t k = from; k < to; ++k) {
            p.push_back(outOfSample[std::size_t(rows[k])]);
            y.push_back(data.label[std::size_t(rows[k])]);
        }
    };
    std::vector<double> olderP, olderY, newerP, newerY;
    collect(0, cut, olderP, olderY);
    collect(cut, rows.size(), newerP, newerY);
    PlattScaling trial;
    if (!trial.fit(olderP, olderY)) {
        fitted.calibrationNote = QStringLiteral("none: Platt scaling could not be fitted");
        return;
    }
    if (!(trial.slope() > 0.0)) {
        fitted.calibrationNote =
            QStringLiteral(
                "none: Platt slope %1 is not positive (the model's ranking did not hold up)")
                .arg(trial.slope(), 0, 'f', 3);
        return;
    }
    // Adopt it only if it beats the identity on the newest third by more than one (clustered)
    // standard error of the paired difference: a lucky split must not bend every probability.
    const std::vector<int> newerRows(rows.begin() + std::ptrdiff_t(cut), rows.end());
    std::vector<double> gain(newerP.size());
    double identity = 0.0, platt = 0.0;
    for (std::size_t k = 0; k < newerP.size(); ++k) {
        const double a = newerP[k] - newerY[k], b = trial.apply(newerP[k]) - newerY[k];
        identity += a * a;
        platt += b * b;
        gain[k] = b * b - a * a;
    }
    identity /= double(newerP.size());
    platt /= double(newerP.size());
    const double meanGain = platt - identity;
    const double se = clusteredStandardError(data, newerRows, gain, meanGain, options);
    if (!(meanGain < -se)) {
        fitted.calibrationNote =
            QStringLiteral("none: Platt scaling did not clearly improve held-out Brier (%1 vs "
                           "%2, standard error %3)")
                .arg(platt, 0, 'f', 5)
                .arg(identity, 0, 'f', 5)
                .arg(se, 0, 'f', 5);
        return;
    }
    std::vector<double> allP, allY;
    collect(0, rows.size(), allP, allY);
    PlattScaling all;
    if (!all.fit(allP, allY) || !(all.slope() > 0.0)) {
        fitted.calibrationNote =
            QStringLiteral("none: Platt slope on all predictions not positive");
        return;
    }
    fitted.calibration = all;
    fitted.calibrationNote = QStringLiteral("platt: improved held-out Brier from %1 to %2")
                                 .arg(identity, 0, 'f', 5)
                                 .arg(platt, 0, 'f', 5);
}

FittedClassifier fitWithOrder(const WalkForwardData &data, const WalkForwardOptions &options,
                              const std::vector<int> &byKnown, qint64 asOf,
                              std::span<const double> outOfSample, const LogisticModel *warmStart)
{
    FittedClassifier fitted;
    fitted.asOf = asOf;
    // byKnown is sorted by knownAt: the rows known at asOf are a prefix.
    const auto end = std::upper_bound(byKnown.begin(), byKnown.end(), asOf, [&](qint64 t, int row) {
        return t < data.knownAt[std::size_t(row)];
    });
    const std::vector<int> known(byKnown.begin(), end);
    fitted.knownRows = int(known.size());
    const std::vector<int> rows = thin(known, std::max(1, options.maxTrainRows), &fitted.stride);
    fitted.trainRows = int(rows.size());
    double positives = 0.0;
    for (int r : rows) {
        positives += data.label[std::size_t(r)];
        fitted.latestKnownAt = std::max(fitted.latestKnownAt, data.knownAt[std::size_t(r)]);
    }
    fitted.trainingBaseRate = rows.empty() ? 0.0 : positives / double(rows.size());
    if (fitted.knownRows < std::max(2, options.minTrainRows))
        return fitted;
    LogisticModel::FitOptions fit = options.fit;
    fit.l2 = selectPenalty(data, options, known, fitted.l2ValidationBrier);
    fitted.l2 = fit.l2;
    if (!fitted.model.fit(data.features, data.label, data.featureCount, fit, rows, warmStart))
        return fitted;
    if (options.calibrate && !outOfSample.empty())
        fitCalibration(data, options, known, outOfSample, fitted);
    else
        fitted.calibrationNote = QStringLiteral("none");
    return fitted;
}

} // namespace

FittedClassifier fitAsOf(const WalkForwardData &data, const WalkForwardOptions &options,
                         qint64 asOf, std::span<const double> outOfSample,
                         const LogisticModel *warmStart)
{
    if (!outOfSample.empty() && int(outOfSample.size()) != data.size())
        outOfSample = {};
    return fitWithOrder(data, options, labelledByKnownTime(data), asOf, outOfSample, warmStart);
}

WalkForwardResult walkForward(const WalkForwardData &data, const WalkForwardOptions &options)
{
    WalkForwardResult result;
    const int n = data.size();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    result.raw.assign(std::size_t(n), nan);
    result.calibrated.assign(std::size_t(n), nan);
    result.fold.assign(std::size_t(n), -1);
    if (n == 0 || data.featureCount < 0)
        return result;

    std::vector<int> byDecision(static_cast<std::size_t>(n));
    std::iota(byDecision.begin(), byDecision.end(), 0);
    std::sort(byDecision.begin(), byDecision.end(), [&](int a, int b) {
        const qint64 ta = data.decisionTime[std::size_t(a)], tb = data.decisionTime[std::size_t(b)];
        return ta != tb ? ta < tb : a < b;
    });
    const std::vector<int> byKnown = labelledByKnownTime(data);

    // Fold boundaries at equal row counts, moved forward so one decision time never straddles two
    // folds (a fold's start is then a clean "everything before this moment" cut).
    const int folds = std::clamp(options.folds, 1, n);
    std::vector<int> bounds{0};
    for (int f = 1; f < folds; ++f) {
        int b = int(qint64(n) * f / folds);
        while (b < n && b > 0 &&
               data.decisionTime[std::size_t(byDecision[std::size_t(b)])] ==
                   data.decisionTime[std::size_t(byDecision[std::size_t(b - 1)])])
            ++b;
        if (b > bounds.back() && b < n)
            bounds.push_back(b);
    }
    bounds.push_back(n);

    double baselineSum = 0.0;
    int baselineCount = 0;
    const LogisticModel *previous = nullptr;
    std::vector<LogisticModel> models; // keeps the warm start alive
    models.reserve(bounds.size());
    for (std::size_t f = 0; f + 1 < bounds.size(); ++f) {
        WalkForwardFold fold;
        const int first = bounds[f], last = bounds[f + 1];
        fold.start = data.decisionTime[std::size_t(byDecision[std::size_t(first)])];
        fold.end = last < n ? data.decisionTime[std::size_t(byDecision[std::size_t(last)])]
                            : data.decisionTime[std::size_t(byDecision[std::size_t(n - 1)])] + 1;
        fold.testRows = last - first;
        FittedClassifier fitted =
            fitWithOrder(data, options, byKnown, fold.start, result.raw, previous);
        fold.knownRows = fitted.knownRows;
        fold.trainRows = fitted.trainRows;
        fold.stride = fitted.stride;
        fold.latestKnownAt = fitted.latestKnownAt;
        fold.trainingBaseRate = fitted.trainingBaseRate;
        fold.l2 = fitted.l2;
        fold.calibration = fitted.calibration;
        fold.predicted = fitted.isFitted();
        if (fold.predicted) {
            for (int k = first; k < last; ++k) {
                const int r = byDecision[std::size_t(k)];
                const double p = fitted.predictRaw(data.row(r));
                result.raw[std::size_t(r)] = p;
                result.calibrated[std::size_t(r)] = fitted.calibration.apply(p);
                if (data.isLabelled(r)) {
                    const double d = fitted.trainingBaseRate - data.label[std::size_t(r)];
                    baselineSum += d * d;
                    ++baselineCount;
                }
            }
            models.push_back(std::move(fitted.model));
            previous = &models.back();
        }
        for (int k = first; k < last; ++k)
            result.fold[std::size_t(byDecision[std::size_t(k)])] = int(f);
        result.folds.push_back(fold);
    }

    std::vector<double> raw, calibrated, outcome;
    for (int i = 0; i < n; ++i) {
        if (std::isnan(result.raw[std::size_t(i)]) || !data.isLabelled(i))
            continue;
        raw.push_back(result.raw[std::size_t(i)]);
        calibrated.push_back(result.calibrated[std::size_t(i)]);
        outcome.push_back(data.label[std::size_t(i)]);
    }
    result.rawReport = calibrationReport(raw, outcome);
    result.calibratedReport = calibrationReport(calibrated, outcome);
    result.trainingBaseRateBrier = baselineCount ? baselineSum / baselineCount : 0.0;
    return result;
}

QJsonObject WalkForwardResult::toJson() const
{
    QJsonArray foldArray;
    for (const WalkForwardFold &f : folds) {
        foldArray.append(QJsonObject{{QStringLiteral("start"), f.start},
                                     {QStringLiteral("end"), f.end},
                                     {QStringLiteral("test_rows"), f.testRows},
                                     {QStringLiteral("known_rows"), f.knownRows},
                                     {QStringLiteral("train_rows"), f.trainRows},
                                     {QStringLiteral("stride"), f.stride},
                                     {QStringLiteral("latest_known_at"), f.latestKnownAt},
                                     {QStringLiteral("predicted"), f.predicted},
                                     {QStringLiteral("training_base_rate"), f.trainingBaseRate},
                                     {QStringLiteral("l2"), f.l2},
                                     {QStringLiteral("calibration"), f.calibration.toJson()}});
    }
    return QJsonObject{{QStringLiteral("folds"), foldArray},
                       {QStringLiteral("raw"), rawReport.toJson()},
                       {QStringLiteral("calibrated"), calibratedReport.toJson()},
                       {QStringLiteral("training_base_rate_brier"), trainingBaseRateBrier}};
}

} // namespace cp::engine
