#pragma once

#include "analysistypes.h"
#include "assethistory.h"
#include "timingtypes.h"

#include <QJsonObject>
#include <QStringList>

#include <span>
#include <vector>

namespace cp::engine {

struct ForecastConfig
{
    //! Horizons on bars shorter than a day (hourly: 24 h and 7 d) and on daily bars.
    std::vector<int> horizonsHoursIntraday{24, 168};
    std::vector<int> horizonsHoursDaily{24, 168};
    double ridgeLambda = 10.0;
    //! Older observations fade with this half-life (0: all weigh the same).
    double halfLifeDays = 180.0;
    //! The walk-forward refits at this spacing; each refit sees only targets already realised.
    int retrainEveryDays = 30;
    int minTrainSamples = 60;
    //! A horizon needs at least this many out-of-sample evaluations to be forecast at all.
    int minEvaluations = 20;
    double accuracyThreshold = 5.0; //!< percent, as predictions_enhanced.accuracy_threshold
};

/** Out-of-sample record of the forecaster and of the naive baseline on the same moments. */
struct ForecastEvaluation
{
    int count = 0;
    double hitRate = 0.0;         //!< |error| / actual <= threshold
    double baselineHitRate = 0.0; //!< the same for "the price will not change"
    double meanAbsErrorPct = 0.0;
    double baselineMeanAbsErrorPct = 0.0;
    double directionAccuracy = 0.0; //!< sign of the predicted return was right (nonzero moves)

    bool beatsBaseline() const { return count > 0 && meanAbsErrorPct < baselineMeanAbsErrorPct; }
    QJsonObject toJson() const;
};

/** One horizon of one asset: the walk-forward record and the current prediction. */
struct HorizonForecast
{
    int horizonHours = 0;
    int horizonBars = 0;
    QString skipReason; //!< non-empty: no prediction for this horizon
    ForecastEvaluation evaluation;
    PredictionResult prediction;
    int trainingSamples = 0;
    bool isValid() const { return skipReason.isEmpty(); }
};

/** Forecasts of one asset. */
struct AssetForecast
{
    int cryptoId = 0;
    QString symbol;
    QString skipReason; //!< non-empty: the asset could not be forecast at all
    std::vector<HorizonForecast> horizons;
};

/**
 * Per-asset price forecasts: ridge regression of the forward log return over the horizon on the
 * asset's own recent returns, volatility, RSI and trend, fitted walk-forward (refits every
 * retrainEveryDays on realised targets only, older ones fading with halfLifeDays). The
 * prediction is last close * exp(predicted log return); its confidence is the walk-forward hit
 * rate within the accuracy threshold, (hits + 1) / (n + 2). Every horizon also reports the naive
 * baseline (the last price) on the same moments, so "does it beat doing nothing" is measured.
 * forecast() is const and thread-safe.
 */
class Forecaster
{
public:
    static constexpr const char *name = "asset_forecast_ridge";
    static constexpr const char *version = "1.0";

    explicit Forecaster(ForecastConfig config = {});

    const ForecastConfig &config() const { return m_config; }
    AssetForecast forecast(const AssetHistory &asset, const TimingContext &context = {}) const;
    static QStringList featureNames();

    /** The ai_models row, with walk-forward metrics pooled over the assets per horizon. */
    ModelRecord record(std::span<const AssetForecast> forecasts, qint64 trainedAt) const;

private:
    ForecastConfig m_config;
};

} // namespace cp::engine
