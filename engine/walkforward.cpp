#include "walkforward.h"

#include <QJsonArray>

#include <algorithm>
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

FittedClassifier fitWithOrder(const WalkForwardData &data, const WalkForwardOptions &options,
                              const std::vector<int> &byKnown, qint64 asOf,
                              std::span<const double> outOfSample, const LogisticModel *warmStart)
{
    FittedClassifier fitted;
    fitted.asOf = asOf;
    // byKnown is sorted by knownAt: the known rows are a prefix.
    const auto known =
        std::upper_bound(byKnown.begin(), byKnown.end(), asOf,
                         [&](qint64 t, int row) { return t < data.knownAt[std::size_t(row)]; });
    const int knownRows = int(known - byKnown.begin());
    fitted.knownRows = knownRows;
    const int cap = std::max(1, options.maxTrainRows);
    fitted.stride = knownRows > cap ? (knownRows + cap - 1) / cap : 1;
    std::vector<int> rows;
    rows.reserve(std::size_t(knownRows / fitted.stride + 1));
    // Thinning keeps the newest row and every stride-th before it, so the latest labels count.
    for (int k = knownRows - 1; k >= 0; k -= fitted.stride)
        rows.push_back(byKnown[std::size_t(k)]);
    std::reverse(rows.begin(), rows.end());
    fitted.trainRows = int(rows.size());
    double positives = 0.0;
    for (int r : rows) {
        positives += data.label[std::size_t(r)];
        fitted.latestKnownAt = std::max(fitted.latestKnownAt, data.knownAt[std::size_t(r)]);
    }
    fitted.trainingBaseRate = rows.empty() ? 0.0 : positives / double(rows.size());
    if (knownRows < std::max(2, options.minTrainRows))
        return fitted;
    if (!fitted.model.fit(data.features, data.label, data.featureCount, options.fit, rows,
                          warmStart))
        return fitted;

    if (options.calibrate && !outOfSample.empty()) {
        std::vector<double> predicted, outcome;
        for (int k = 0; k < knownRows; ++k) {
            const int r = byKnown[std::size_t(k)];
            const double p = outOfSample[std::size_t(r)];
            if (std::isnan(p))
                continue;
            predicted.push_back(p);
            outcome.push_back(data.label[std::size_t(r)]);
        }
        if (int(predicted.size()) >= options.minCalibrationRows)
            fitted.calibration.fit(predicted, outcome);
    }
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
                                     {QStringLiteral("calibration"), f.calibration.toJson()}});
    }
    return QJsonObject{{QStringLiteral("folds"), foldArray},
                       {QStringLiteral("raw"), rawReport.toJson()},
                       {QStringLiteral("calibrated"), calibratedReport.toJson()},
                       {QStringLiteral("training_base_rate_brier"), trainingBaseRateBrier}};
}

} // namespace cp::engine
