#pragma once

#include "snapshottable.h"

#include <engine/result.h>

#include <QSqlDatabase>

namespace cp::models::views {

/**
 * Prediction accuracy per layer, horizon and model beside the naive "no change" baseline:
 * layer_source, prediction_horizon, model_name, predictions, realized, hit_rate (share of
 * realized predictions within their threshold), mean_error_pct (mean absolute error in percent
 * of the actual price), naive_hit_rate and naive_error_pct (the same for predicting the input
 * price), mean_confidence. The id field is a running number.
 */
Result<SnapshotTable> loadPredictionAccuracy(QSqlDatabase db);

//! The newest predictions (at most `limit`) with their asset.
Result<SnapshotTable> loadRecentPredictions(QSqlDatabase db, int limit = 500);

//! ai_models with a metrics_summary field.
Result<SnapshotTable> loadModels(QSqlDatabase db);

//! The newest system_health checks (at most `limit`) with a pipeline_summary field.
Result<SnapshotTable> loadSystemHealth(QSqlDatabase db, int limit = 200);

//! The newest user activities (at most `limit`) with the user's email and a details field.
Result<SnapshotTable> loadUserActivities(QSqlDatabase db, int limit = 500);

} // namespace cp::models::views
