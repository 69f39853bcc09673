#include "predictionevaluation.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <vector>

namespace cp::engine {

std::optional<PredictionEvaluation> evaluatePrediction(double predictedPrice, double actualPrice,
                                                       double accuracyThreshold)
{
    if (!std::isfinite(predictedPrice) || !std::isfinite(actualPrice) || predictedPrice <= 0.0 ||
        actualPrice <= 0.0)
        return std::nullopt;
    PredictionEvaluation e;
    e.actualPrice = actualPrice;
    const double error = predictedPrice - actualPrice;
    e.absoluteError = std::abs(error);
    e.squaredError = error * error;
    const double errorPct = e.absoluteError / actualPrice * 100.0;
    e.accuracyPercentage = std::max(0.0, 100.0 - errorPct);
    e.isAccurate = errorPct <= accuracyThreshold;
    return e;
}

QJsonObject AccuracyStats::toJson() const
{
    return QJsonObject{
        {QStringLiteral("count"), count},
        {QStringLiteral("accuracy"), hitRate},
        {QStringLiteral("mean_accuracy_percentage"), meanAccuracyPct},
        {QStringLiteral("mean_abs_error_pct"), meanAbsErrorPct},
        {QStringLiteral("baseline_accuracy"), baselineHitRate},
        {QStringLiteral("baseline_mean_accuracy_percentage"), baselineMeanAccuracyPct},
        {QStringLiteral("baseline_mean_abs_error_pct"), baselineMeanAbsErrorPct},
        {QStringLiteral("beats_baseline"), beatsBaseline()}};
}

namespace {

// Running sums for one group; finished into AccuracyStats.
struct Tally
{
    int n = 0;
    double hits = 0, accuracy = 0, errorPct = 0;
    double baseHits = 0, baseAccuracy = 0, baseErrorPct = 0;

    void add(const PredictionEvaluation &model, const PredictionEvaluation &base)
    {
        ++n;
        hits += model.isAccurate ? 1 : 0;
        accuracy += model.accuracyPercentage;
        errorPct += model.absoluteError / model.actualPrice * 100.0;
        baseHits += base.isAccurate ? 1 : 0;
        baseAccuracy += base.accuracyPercentage;
        baseErrorPct += base.absoluteError / base.actualPrice * 100.0;
    }
    AccuracyStats stats() const
    {
        AccuracyStats s;
        s.count = n;
        if (n == 0)
            return s;
        s.hitRate = hits / n;
        s.meanAccuracyPct = accuracy / n;
        s.meanAbsErrorPct = errorPct / n;
        s.baselineHitRate = baseHits / n;
        s.baselineMeanAccuracyPct = baseAccuracy / n;
        s.baselineMeanAbsErrorPct = baseErrorPct / n;
        return s;
    }
};

QString baselineNote(const QString &what, const AccuracyStats &s)
{
    return QStringLiteral("%1 does not beat the naive last-price baseline (mean error %2% vs "
                          "%3%, accurate %4% vs %5% of %6 predictions)")
        .arg(what, QString::number(s.meanAbsErrorPct, 'f', 2),
             QString::number(s.baselineMeanAbsErrorPct, 'f', 2),
             QString::number(s.hitRate * 100.0, 'f', 1),
             QString::number(s.baselineHitRate * 100.0, 'f', 1))
        .arg(s.count);
}

} // namespace

PredictionAnalytics analyzePredictions(std::span<const RealizedPrediction> predictions)
{
    Tally overall;
    std::map<QString, Tally> byLayer, byModel;
    std::map<int, Tally> byHorizon;
    std::map<std::pair<QString, int>, Tally> byModelHorizon;
    for (const RealizedPrediction &p : predictions) {
        const auto model = evaluatePrediction(p.predictedPrice, p.actualPrice, p.accuracyThreshold);
        const auto base = evaluatePrediction(p.inputPrice, p.actualPrice, p.accuracyThreshold);
        if (!model || !base)
            continue;
        overall.add(*model, *base);
        byLayer[p.layerSource].add(*model, *base);
        byModel[p.modelName].add(*model, *base);
        byHorizon[p.horizonHours].add(*model, *base);
        byModelHorizon[{p.modelName, p.horizonHours}].add(*model, *base);
    }
    PredictionAnalytics a;
    a.overall = overall.stats();
    for (const auto &[k, t] : byLayer)
        a.byLayer[k] = t.stats();
    for (const auto &[k, t] : byModel)
        a.byModel[k] = t.stats();
    for (const auto &[k, t] : byHorizon)
        a.byHorizon[k] = t.stats();
    for (const auto &[k, t] : byModelHorizon) {
        const AccuracyStats s = t.stats();
        if (s.count > 0 && !s.beatsBaseline())
            a.notes.append(baselineNote(QStringLiteral("%1 at %2h").arg(k.first).arg(k.second), s));
    }
    return a;
}

QJsonObject PredictionAnalytics::toJson() const
{
    QJsonObject layers, layerDetails, horizons, horizonDetails, modelDetails;
    for (const auto &[k, s] : byLayer) {
        layers.insert(k, s.hitRate);
        layerDetails.insert(k, s.toJson());
    }
    for (const auto &[k, s] : byHorizon) {
        horizons.insert(QString::number(k), s.hitRate);
        horizonDetails.insert(QString::number(k), s.toJson());
    }
    std::vector<std::pair<QString, AccuracyStats>> models(byModel.begin(), byModel.end());
    std::stable_sort(models.begin(), models.end(), [](const auto &x, const auto &y) {
        return x.second.hitRate > y.second.hitRate;
    });
    QJsonArray best;
    for (const auto &[name, s] : models) {
        QJsonObject o = s.toJson();
        o.insert(QStringLiteral("model_name"), name);
        best.append(o);
        modelDetails.insert(name, s.toJson());
    }
    return QJsonObject{{QStringLiteral("overall_accuracy"), overall.hitRate},
                       {QStringLiteral("overall"), overall.toJson()},
                       {QStringLiteral("accuracy_by_layer"), layers},
                       {QStringLiteral("accuracy_by_horizon"), horizons},
                       {QStringLiteral("best_performing_models"), best},
                       {QStringLiteral("details_by_layer"), layerDetails},
                       {QStringLiteral("details_by_horizon"), horizonDetails},
                       {QStringLiteral("details_by_model"), modelDetails},
                       {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}};
}

} // namespace cp::engine
