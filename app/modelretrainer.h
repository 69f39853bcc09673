#pragma once

#include <engine/analysistypes.h>
#include <engine/result.h>

#include <QSqlDatabase>
#include <QStringList>

namespace cp::app {

//! Names of the models the engine registers in ai_models.
QStringList retrainableModels();

/**
 * Refits one registered model on the stored history and updates its ai_models row (status
 * 'training' while it runs, then 'active' with the new configuration and walk-forward metrics,
 * or 'error'). Blocking: call it on a worker thread with that thread's connection.
 */
Result<engine::ModelRecord> retrainModel(QSqlDatabase db, const QString &modelName);

} // namespace cp::app
