#include "evaluator.h"

#include <engine/predictionevaluation.h>
#include <engine/tradeoutcome.h>
#include <models/changebus.h>
#include <models/evaluationrepository.h>
#include <models/sqltimestamp.h>

#include <QDateTime>

namespace cp::app {

namespace {

QString outcomeName(engine::TradeOutcome outcome)
{
    switch (outcome) {
    case engine::TradeOutcome::TargetHit:
        return QStringLiteral("target_hit");
    case engine::TradeOutcome::StopHit:
        return QStringLiteral("stop_hit");
    case engine::TradeOutcome::Expired:
        return QStringLiteral("expired");
    default:
        break;
    }
    return QStringLiteral("open");
}

} // namespace

QJsonObject EvaluationReport::toJson() const
{
    return {{QStringLiteral("predictions_realised"), predictionsRealised},
            {QStringLiteral("predictions_accurate"), predictionsAccurate},
            {QStringLiteral("signals_closed"), signalsClosed},
            {QStringLiteral("targets_hit"), targetsHit},
            {QStringLiteral("stops_hit"), stopsHit},
            {QStringLiteral("expired"), expired},
            {QStringLiteral("signals_still_open"), stillOpen}};
}

Result<EvaluationReport> evaluateDue(QSqlDatabase db)
{
    using R = Result<EvaluationReport>;
    models::EvaluationRepository repository(db);
    EvaluationReport report;

    const auto due = repository.duePredictions();
    if (!due)
        return R::failure(due.error());
    std::vector<models::PredictionRealisation> realised;
    for (const models::DuePrediction &p : *due) {
        const auto evaluation =
            engine::evaluatePrediction(p.predictedPrice, p.actualPrice, p.accuracyThreshold);
        if (!evaluation)
            continue;
        realised.push_back({p.id, evaluation->actualPrice, evaluation->accuracyPercentage,
                            evaluation->absoluteError, evaluation->squaredError,
                            evaluation->isAccurate});
        report.predictionsAccurate += evaluation->isAccurate ? 1 : 0;
    }
    report.predictionsRealised = static_cast<int>(realised.size());

    const auto open = repository.openSignals();
    if (!open)
        return R::failure(open.error());
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    std::vector<models::SignalClosure> closures;
    for (const models::OpenSignal &s : *open) {
        engine::TradeSetup setup;
        setup.side = s.isLong ? engine::SignalType::Long : engine::SignalType::Short;
        setup.entry = s.entry;
        setup.stop = s.stop;
        setup.target = s.target;
        // The signal was generated at the close of its first bar; outcomes come after it.
        engine::TradeResult result;
        if (!s.bars.empty())
            result = engine::resolveTrade(s.bars, 0, setup, s.expiresAt - s.generatedAt);
        if (result.outcome == engine::TradeOutcome::Open && s.expiresAt <= now) {
            // Expired by the clock without bars to judge it: close it unjudged.
            result.outcome = engine::TradeOutcome::Expired;
            result.exitPrice = s.bars.empty() ? s.entry : s.bars.back().close;
            result.returnPct =
                (s.isLong ? 1.0 : -1.0) * (result.exitPrice - s.entry) / s.entry * 100.0;
        }
        if (result.outcome == engine::TradeOutcome::Open) {
            ++report.stillOpen;
            continue;
        }
        QJsonObject analysis = s.aiAnalysis;
        analysis.insert(QStringLiteral("outcome"),
                        QJsonObject{{QStringLiteral("result"), outcomeName(result.outcome)},
                                    {QStringLiteral("exit_price"), result.exitPrice},
                                    {QStringLiteral("return_pct"), result.returnPct},
                                    {QStringLiteral("bars_held"), result.barsHeld},
                                    {QStringLiteral("resolved_at"),
                                     models::SqlTimestamp::fromUnixSeconds(
                                         result.resolvedAt ? result.resolvedAt : now)}});
        closures.push_back({s.id, analysis});
        report.targetsHit += result.outcome == engine::TradeOutcome::TargetHit;
        report.stopsHit += result.outcome == engine::TradeOutcome::StopHit;
        report.expired += result.outcome == engine::TradeOutcome::Expired;
    }
    report.signalsClosed = static_cast<int>(closures.size());

    const auto changes = repository.write(realised, closures, now);
    if (!changes)
        return R::failure(changes.error());
    models::ChangeBus::instance().publish(db, *changes);
    return report;
}

} // namespace cp::app
