#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <span>

namespace cp::engine {

/** The evaluation columns of a predictions_enhanced row once its target time has passed. */
struct PredictionEvaluation
{
    double actualPrice = 0.0;
    double absoluteError = 0.0; //!< |predicted - actual|
    double squaredError = 0.0;  //!< (predicted - actual)^2
    //! 100 - |error| / actual * 100, floored at 0 (a forecast off by 100% or more scores 0).
    double accuracyPercentage = 0.0;
    //! |error| / actual * 100 <= the accuracy threshold (percent).
    bool isAccurate = false;
};

/**
 * Evaluates one prediction against the actual price. nullopt when either price is not a
 * finite positive number (nothing sensible to score).
 */
std::optional<PredictionEvaluation> evaluatePrediction(double predictedPrice, double actualPrice,
                                                       double accuracyThreshold = 5.0);

/** A realised prediction, as the analytics need it. */
struct RealizedPrediction
{
    QString layerSource;
    QString modelName;
    int horizonHours = 0;
    double inputPrice = 0.0; //!< the price when predicted: the naive baseline's forecast
    double predictedPrice = 0.0;
    double actualPrice = 0.0;
    double accuracyThreshold = 5.0;
};

/** Accuracy of a group of predictions beside the naive baseline on the same rows. */
struct AccuracyStats
{
    int count = 0;
    double hitRate = 0.0;         //!< share with is_accurate
    double meanAccuracyPct = 0.0; //!< mean accuracy_percentage
    double meanAbsErrorPct = 0.0; //!< mean |error| / actual * 100
    double baselineHitRate = 0.0; //!< the same for "the price will not change"
    double baselineMeanAccuracyPct = 0.0;
    double baselineMeanAbsErrorPct = 0.0;

    //! Lower mean percentage error than the baseline on the same predictions.
    bool beatsBaseline() const { return count > 0 && meanAbsErrorPct < baselineMeanAbsErrorPct; }
    QJsonObject toJson() const;
};

/** Prediction accuracy by layer, horizon and model, each beside the naive baseline. */
struct PredictionAnalytics
{
    AccuracyStats overall;
    std::map<QString, AccuracyStats> byLayer;
    std::map<int, AccuracyStats> byHorizon;
    std::map<QString, AccuracyStats> byModel;
    //! Readable warnings, e.g. "asset_forecast_ridge does not beat the naive baseline ...".
    QStringList notes;

    /**
     * The seed API's shape: overall_accuracy, accuracy_by_layer ({layer: hit rate}),
     * accuracy_by_horizon, best_performing_models, plus "details_by_*" with the baseline
     * comparison and "notes".
     */
    QJsonObject toJson() const;
};

/** Rows whose prices cannot be evaluated are ignored. */
PredictionAnalytics analyzePredictions(std::span<const RealizedPrediction> predictions);

} // namespace cp::engine
