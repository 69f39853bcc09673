#pragma once

#include "rowinserter.h"

#include <engine/analysistypes.h>

namespace cp::models {

/**
 * Inserts one predictions_enhanced row from the engine's prediction: the single mapping used by
 * analysis runs (no user) and by POST /api/v1/predictions (the requesting user).
 */
Result<qint64> insertPrediction(RowInserter &inserter, const engine::PredictionResult &p,
                                const QVariant &userId = QVariant());

} // namespace cp::models
