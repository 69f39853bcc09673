#include "clicontext.h"

#include <app/evaluator.h>

#include <QJsonDocument>

namespace cp::app::cli {

int runEvaluate(CliContext &context)
{
    if (!context.arguments().isEmpty())
        return context.fail(QStringLiteral("evaluate takes no arguments."), BadUsage);
    const QSqlDatabase db = context.openDatabase();
    if (!db.isValid())
        return context.openFailureCode();
    const Result<EvaluationReport> report = evaluateDue(db);
    if (!report)
        return context.fail(report.error());
    if (context.json()) {
        context.out() << QJsonDocument(report->toJson()).toJson(QJsonDocument::Compact) << Qt::endl;
        return Success;
    }
    context.out() << "Predictions realised: " << report->predictionsRealised << " ("
                  << report->predictionsAccurate << " within their accuracy threshold)\n"
                  << "Signals closed:       " << report->signalsClosed << " (" << report->targetsHit
                  << " target, " << report->stopsHit << " stop, " << report->expired
                  << " expired); " << report->stillOpen << " still open" << Qt::endl;
    return Success;
}

} // namespace cp::app::cli
