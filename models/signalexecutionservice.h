#pragma once

#include "changeevent.h"

#include <engine/result.h>

#include <QSqlDatabase>

#include <vector>

namespace cp::models {

/** A user's risk limits (risk_management); the seed's defaults when the user has no row. */
struct RiskLimits
{
    double maxPositionSize = 1000.0;
    //! Largest share of the portfolio one position may lose at its stop, in [0, 1].
    double maxPortfolioRisk = 0.02;

    //! Share of the portfolio lost if the stop is hit: percentage/100 x stop distance.
    static double portfolioRisk(double portfolioPercentage, double entry, double stop);
    //! The largest portfolio percentage whose risk stays within maxPortfolioRisk (capped at 100).
    double maxPortfolioPercentage(double entry, double stop) const;
};

/** An execution request as the desktop's dialog and POST .../execute send it. */
struct ExecutionRequest
{
    int signalId = 0;
    int userId = 0;
    double positionSize = 0.0;
    double portfolioPercentage = 0.0;
    QString executionType = QStringLiteral("manual");
    bool riskConfirmed = false;
};

/**
 * Executes trading signals for the desktop and the REST API with the same rules: the signal must
 * be active and unexpired, the user must confirm the risk, and the position must stay within the
 * user's maximum position size and maximum portfolio risk. One transaction writes the execution
 * and the user's activity.
 */
class SignalExecutionService
{
public:
    explicit SignalExecutionService(QSqlDatabase db);

    Result<RiskLimits> limitsFor(int userId) const;
    //! The id of the new signal_executions row.
    Result<int> execute(const ExecutionRequest &request);

    const std::vector<ChangeEvent> &changes() const { return m_changes; }

private:
    QSqlDatabase m_db;
    std::vector<ChangeEvent> m_changes;
};

} // namespace cp::models
