#pragma once

#include <engine/result.h>

#include <QJsonObject>
#include <QSqlDatabase>

namespace cp::app {

/** What `evaluate` realised. */
struct EvaluationReport
{
    int predictionsRealised = 0;
    int predictionsAccurate = 0;
    int signalsClosed = 0;
    int targetsHit = 0;
    int stopsHit = 0;
    int expired = 0;
    int stillOpen = 0;

    QJsonObject toJson() const;
};

/**
 * Realises every prediction whose target time has data (actual price, errors, accuracy against
 * its threshold) and closes every signal whose target, stop or expiry was reached, recording the
 * outcome and its return in the signal's ai_analysis. One transaction; changes announced after.
 */
Result<EvaluationReport> evaluateDue(QSqlDatabase db);

} // namespace cp::app
