#pragma once

#include <engine/result.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>

namespace cp::models {

/** Layer 4 reads in the seed's JSON shapes: trading signals, executions, performance. */
class SignalReader
{
public:
    explicit SignalReader(QSqlDatabase db);

    /**
     * Signals by status ("all" for any), strongest first among equally new; "active" means
     * status active and not yet expired. The seed's list fields plus status.
     */
    Result<QJsonArray> signalList(const QString &status, int limit, double confidenceMin,
                                  int cryptoId = 0) const;
    //! Every column of one signal (ai_analysis and market_context as JSON).
    Result<std::optional<QJsonObject>> signal(int signalId) const;
    //! A user's executions, newest first, with the signal's symbol and side.
    Result<QJsonArray> executions(int userId, int limit) const;
    /**
     * Outcomes of the signals generated in the last `days` days (ending at the newest signal),
     * for one model name or "all": total_signals, resolved_signals, successful_signals (positive
     * return), success_rate, average_return (fraction), target/stop/expired counts, mean stated
     * confidence vs observed rate, best_performing_model, performance_by_risk_level and
     * performance_by_model.
     */
    Result<QJsonObject> performance(int days, const QString &model) const;

private:
    QSqlDatabase m_db;
};

} // namespace cp::models
