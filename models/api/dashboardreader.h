#pragma once

#include <engine/result.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>

namespace cp::models {

/** Reads behind the seed's "ui" endpoints: dashboard, mobile cards and notifications. */
class DashboardReader
{
public:
    explicit DashboardReader(QSqlDatabase db);

    /**
     * One user's dashboard: user_profile, portfolio_summary (the user's open executions marked
     * to the newest prices: total_value, daily_pnl, daily_pnl_percentage, open_positions),
     * ai_status, market_overview, active_signals and unread notifications. Nothing for an
     * unknown user.
     */
    Result<std::optional<QJsonObject>> dashboard(int userId) const;
    //! Regime, sentiment, dominance, counts and the top sector in one small object.
    Result<QJsonObject> quickStats() const;
    //! Active signals as compact cards with a headline and their first key factor.
    Result<QJsonArray> signalCards(int limit) const;
    //! A user's notifications by status ("all" for any), newest first.
    Result<QJsonArray> notifications(int userId, const QString &status, int limit) const;
    //! The user a notifications or signal_executions row belongs to; 0 when it is gone.
    Result<int> ownerOf(const QString &table, qint64 id) const;

private:
    QSqlDatabase m_db;
};

} // namespace cp::models
