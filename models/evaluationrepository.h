#pragma once

#include "changeevent.h"

#include <engine/candle.h>
#include <engine/result.h>

#include <QJsonObject>
#include <QSqlDatabase>

#include <vector>

namespace cp::models {

/** A prediction whose target time has data. */
struct DuePrediction
{
    qint64 id = 0;
    int cryptoId = 0;
    double predictedPrice = 0.0;
    double accuracyThreshold = 5.0;
    //! Close of the first bar at or after the target time.
    double actualPrice = 0.0;
};

/** An active signal, with the bars from its generation on. */
struct OpenSignal
{
    qint64 id = 0;
    int cryptoId = 0;
    bool isLong = true;
    double entry = 0.0;
    double target = 0.0;
    double stop = 0.0;
    qint64 generatedAt = 0;
    qint64 expiresAt = 0;
    QJsonObject aiAnalysis;
    std::vector<engine::Candle> bars;
};

/** The realised values of one prediction. */
struct PredictionRealisation
{
    qint64 id = 0;
    double actualPrice = 0.0;
    double accuracyPercentage = 0.0;
    double absoluteError = 0.0;
    double squaredError = 0.0;
    bool isAccurate = false;
};

/** How a signal ended: status 'expired' with the outcome recorded in ai_analysis.outcome. */
struct SignalClosure
{
    qint64 id = 0;
    QJsonObject aiAnalysis;
};

/** Reads what `evaluate` must look at and writes its verdicts in one transaction. */
class EvaluationRepository
{
public:
    explicit EvaluationRepository(QSqlDatabase db);

    Result<std::vector<DuePrediction>> duePredictions() const;
    Result<std::vector<OpenSignal>> openSignals() const;
    //! One transaction for all of it; returns the change events to publish.
    Result<std::vector<ChangeEvent>> write(const std::vector<PredictionRealisation> &predictions,
                                           const std::vector<SignalClosure> &signals,
                                           qint64 nowUnixSeconds);

private:
    QSqlDatabase m_db;
};

} // namespace cp::models
