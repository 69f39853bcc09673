#pragma once

#include <models/changeevent.h>

#include <engine/result.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>
#include <vector>

namespace cp::models {

/** Admin reads (system health, AI models, activities, suggestion queue) and retrain requests. */
class AdminReader
{
public:
    explicit AdminReader(QSqlDatabase db);

    /**
     * overall_health_score, api_status per layer, ml_models_status counts, database_performance,
     * data_pipeline_status (newest system_health row), last_updated. A layer is healthy when its
     * newest analysis is at most two days older than the newest price, warning when older,
     * no_data without any; the score is the mean of the layers (100 / 60 / 0) less 10 per model
     * in error, unless the newest system_health row states one.
     */
    Result<QJsonObject> systemHealth() const;
    //! id, name, version, type, status, last_trained, last_prediction, performance_metrics, ...
    Result<QJsonArray> aiModels() const;
    Result<std::optional<QJsonObject>> aiModel(int modelId) const;
    //! Activities of the last `days` days (ending now), newest first, with the user's email.
    Result<QJsonArray> userActivities(int days, const QString &activityType, int limit) const;
    /**
     * Pending suggestions of the last `days` days, most confident first, with priority high
     * (confidence >= 0.85), medium (>= 0.7) or low, filtered by `priority` ("all" for any).
     */
    Result<QJsonObject> suggestionQueue(const QString &priority, int days) const;
    //! Records a retrain request in ai_models.health_status and user_activities, one transaction.
    Result<std::vector<ChangeEvent>> recordRetrainRequest(int modelId, int userId,
                                                          const QJsonObject &request) const;

private:
    QSqlDatabase m_db;
};

} // namespace cp::models
