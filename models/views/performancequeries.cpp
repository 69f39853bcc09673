#include "performancequeries.h"

#include <models/metadatarepository.h>

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace cp::models::views {

Result<SignalPerformance> loadSignalPerformance(QSqlDatabase db)
{
    SignalPerformance performance;
    Result<std::optional<QJsonObject>> stored =
        MetadataRepository(db).get(QStringLiteral("last_backtest"));
    if (!stored)
        return Result<SignalPerformance>::failure(stored.error());
    performance.backtest = *stored;

    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT ai_analysis FROM trading_signals"
                                   " WHERE status = 'expired' AND ai_analysis IS NOT NULL")))
        return Result<SignalPerformance>::failure(
            QStringLiteral("Could not read the closed signals: %1").arg(query.lastError().text()));
    LiveSignalRecord &live = performance.live;
    double returnSum = 0.0;
    while (query.next()) {
        const QJsonObject outcome = QJsonDocument::fromJson(query.value(0).toString().toUtf8())
                                        .object()
                                        .value(QStringLiteral("outcome"))
                                        .toObject();
        const QString result = outcome.value(QStringLiteral("result")).toString();
        if (result == QLatin1String("target_hit"))
            ++live.targetHits;
        else if (result == QLatin1String("stop_hit"))
            ++live.stopHits;
        else if (result == QLatin1String("expired"))
            ++live.expired;
        else
            continue; // expired before the evaluator ran: no outcome yet
        if (outcome.value(QStringLiteral("return_pct")).isDouble()) {
            returnSum += outcome.value(QStringLiteral("return_pct")).toDouble();
            ++live.withReturn;
        }
    }
    if (live.withReturn > 0)
        live.averageReturnPct = returnSum / live.withReturn;
    return performance;
}

} // namespace cp::models::views
