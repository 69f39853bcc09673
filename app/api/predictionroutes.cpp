#include "apirouter.h"
#include "handlerutil.h"
#include "requestcontext.h"
#include "routes.h"

#include <engine/forecaster.h>
#include <models/api/predictionreader.h>

namespace cp::app::api {

namespace {

using models::PredictionReader;

const QStringList kLayers{QStringLiteral("layer1"), QStringLiteral("layer2"),
                          QStringLiteral("layer3"), QStringLiteral("layer4")};

ApiResponse predictions(RequestContext &context)
{
    return HandlerUtil::array(PredictionReader(context.db())
                                  .predictions(context.queryText(QStringLiteral("layer")),
                                               int(context.queryInt(QStringLiteral("crypto_id"))),
                                               int(context.queryInt(QStringLiteral("horizon"))),
                                               int(context.queryInt(QStringLiteral("limit")))));
}

ApiResponse createPrediction(RequestContext &context)
{
    const QJsonObject &body = context.body();
    const QString model = body.value(QStringLiteral("model_name"))
                              .toString(QString::fromLatin1(engine::Forecaster::name));
    if (model != QLatin1String(engine::Forecaster::name))
        return ApiResponse::unprocessable(
            QStringLiteral("Unknown model %1; predictions are made by %2.")
                .arg(model, QString::fromLatin1(engine::Forecaster::name)),
            {{QStringLiteral("model_name"),
              QStringLiteral("must be %1.").arg(QString::fromLatin1(engine::Forecaster::name))}});
    if (!body.value(QStringLiteral("features_override")).toObject().isEmpty())
        return ApiResponse::unprocessable(
            QStringLiteral("%1 computes its features from the price history; they cannot be "
                           "overridden.")
                .arg(model),
            {{QStringLiteral("features_override"), QStringLiteral("must be empty.")}});
    const int cryptoId = body.value(QStringLiteral("crypto_id")).toInt();
    const int horizon = body.value(QStringLiteral("prediction_horizon")).toInt();
    PredictionReader reader(context.db());
    const auto history = reader.assetHistory(cryptoId);
    if (!history)
        return ApiResponse::internalError(history.error());
    if (!history->has_value())
        return ApiResponse::notFound(QStringLiteral("There is no asset %1.").arg(cryptoId));
    engine::ForecastConfig config;
    config.horizonsHoursIntraday = {horizon};
    config.horizonsHoursDaily = {horizon};
    const engine::AssetForecast forecast = engine::Forecaster(config).forecast(**history);
    if (!forecast.skipReason.isEmpty() || forecast.horizons.empty() ||
        !forecast.horizons.front().isValid()) {
        const QString why = !forecast.skipReason.isEmpty() ? forecast.skipReason
                            : forecast.horizons.empty()    ? QStringLiteral("no horizon")
                                                           : forecast.horizons.front().skipReason;
        return ApiResponse::error(422, QStringLiteral("cannot_predict"),
                                  QStringLiteral("%1 cannot be forecast %2 hours ahead: %3.")
                                      .arg((*history)->symbol)
                                      .arg(horizon)
                                      .arg(why));
    }
    engine::PredictionResult prediction = forecast.horizons.front().prediction;
    prediction.layerSource =
        body.value(QStringLiteral("layer_source")).toString(QStringLiteral("layer4"));
    const Result<qint64> id = reader.insert(prediction, context.principal().userId);
    if (!id)
        return ApiResponse::internalError(id.error());
    context.publish({{QStringLiteral("predictions_enhanced"), *id, QStringLiteral("insert")}});
    const auto row = reader.prediction(*id);
    if (!row || !row->has_value())
        return ApiResponse::internalError(row ? QStringLiteral("prediction vanished")
                                              : row.error());
    QJsonObject result = **row;
    result.insert(QStringLiteral("evaluation"), forecast.horizons.front().evaluation.toJson());
    return ApiResponse::json(result, 201);
}

ApiResponse analytics(RequestContext &context)
{
    return HandlerUtil::object(PredictionReader(context.db())
                                   .analytics(int(context.queryInt(QStringLiteral("days"))),
                                              context.queryText(QStringLiteral("layer"))));
}

} // namespace

void addPredictionRoutes(ApiRouter &router)
{
    const QString tag = QStringLiteral("predictions");
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/predictions"),
                .tag = tag,
                .summary = QStringLiteral("Price predictions with their layer context, newest "
                                          "first."),
                .query = {{.name = QStringLiteral("layer"),
                           .type = ParamType::String,
                           .choices = kLayers + QStringList{QStringLiteral("all")},
                           .defaultValue = QStringLiteral("all")},
                          {.name = QStringLiteral("crypto_id"),
                           .type = ParamType::Integer,
                           .minimum = 1,
                           .maximum = 2147483647},
                          {.name = QStringLiteral("horizon"),
                           .type = ParamType::Integer,
                           .description = QStringLiteral("Hours ahead."),
                           .minimum = 1,
                           .maximum = 8760},
                          {.name = QStringLiteral("limit"),
                           .type = ParamType::Integer,
                           .minimum = 1,
                           .maximum = 500,
                           .defaultValue = 50,
                           .capAtMaximum = true}},
                .cacheTables = {QStringLiteral("predictions_enhanced"),
                                QStringLiteral("cryptocurrencies")},
                .handler = predictions});
    router.add({.method = QStringLiteral("POST"),
                .pattern = QStringLiteral("/api/v1/predictions"),
                .tag = tag,
                .summary = QStringLiteral("Forecast one asset now with the walk-forward ridge "
                                          "model and store the prediction."),
                .body = {{.name = QStringLiteral("crypto_id"),
                          .type = ParamType::Integer,
                          .required = true,
                          .minimum = 1,
                          .maximum = 2147483647},
                         {.name = QStringLiteral("layer_source"),
                          .type = ParamType::String,
                          .choices = kLayers},
                         {.name = QStringLiteral("prediction_horizon"),
                          .type = ParamType::Integer,
                          .description = QStringLiteral("Hours ahead."),
                          .required = true,
                          .minimum = 1,
                          .maximum = 720},
                         {.name = QStringLiteral("model_name"),
                          .type = ParamType::String,
                          .maxLength = 50},
                         {.name = QStringLiteral("features_override"), .type = ParamType::Object}},
                .successStatus = 201,
                .handler = createPrediction});
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/predictions/analytics"),
                .tag = tag,
                .summary = QStringLiteral("Accuracy of realised predictions by layer, horizon and "
                                          "model, beside the no-change baseline."),
                .query = {{.name = QStringLiteral("days"),
                           .type = ParamType::Integer,
                           .minimum = 1,
                           .maximum = 3650,
                           .defaultValue = 30},
                          {.name = QStringLiteral("layer"),
                           .type = ParamType::String,
                           .choices = kLayers + QStringList{QStringLiteral("all")},
                           .defaultValue = QStringLiteral("all")}},
                .cacheTables = {QStringLiteral("predictions_enhanced")},
                .handler = analytics});
}

} // namespace cp::app::api
