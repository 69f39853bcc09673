#include "predictionrow.h"

namespace cp::models {

Result<qint64> insertPrediction(RowInserter &inserter, const engine::PredictionResult &p,
                                const QVariant &userId)
{
    return inserter.insert({{"crypto_id", p.cryptoId},
                            {"user_id", userId},
                            {"layer_source", p.layerSource},
                            {"model_name", p.modelName},
                            {"model_version", p.modelVersion},
                            {"predicted_price", p.predictedPrice},
                            {"confidence_score", p.confidence},
                            {"prediction_horizon", p.predictionHorizonHours},
                            {"target_datetime", timestampValue(p.targetTime)},
                            {"features_used", jsonValue(p.featuresUsed)},
                            {"model_parameters", jsonValue(p.modelParameters)},
                            {"input_price", p.inputPrice},
                            {"input_features", jsonValue(p.inputFeatures)},
                            {"macro_context", jsonValue(p.macroContext)},
                            {"market_conditions", p.marketConditions},
                            {"volatility_level", p.volatilityLevel}});
}

} // namespace cp::models
