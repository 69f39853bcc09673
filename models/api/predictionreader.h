#pragma once

#include <engine/analysistypes.h>
#include <engine/assethistory.h>
#include <engine/result.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>

namespace cp::models {

/** Reads and writes predictions_enhanced for the API. */
class PredictionReader
{
public:
    explicit PredictionReader(QSqlDatabase db);

    //! Newest first; layer "all" for any, horizon/cryptoId 0 for any.
    Result<QJsonArray> predictions(const QString &layer, int cryptoId, int horizonHours,
                                   int limit) const;
    //! One prediction in the list shape.
    Result<std::optional<QJsonObject>> prediction(qint64 id) const;
    /**
     * Accuracy of realised predictions created in the last `days` days (ending at the newest
     * one): overall_accuracy, accuracy_by_layer, accuracy_by_horizon, best_performing_models,
     * mean_error_pct, and the naive "price does not change" baseline on the same predictions.
     */
    Result<QJsonObject> analytics(int days, const QString &layer) const;

    //! One asset's facts and full price history, oldest bar first; nothing for an unknown id.
    Result<std::optional<engine::AssetHistory>> assetHistory(int cryptoId) const;
    //! Inserts a prediction made on behalf of `userId`; returns its id.
    Result<qint64> insert(const engine::PredictionResult &prediction, int userId) const;

private:
    QSqlDatabase m_db;
};

} // namespace cp::models
