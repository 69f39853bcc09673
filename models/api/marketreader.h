#pragma once

#include <engine/result.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>
#include <vector>

namespace cp::models {

/** One day's regime, for the regime forecast's transition counts. */
struct DailyRegime
{
    QDateTime day;
    QString regime;
    double confidence = 0.0;
};

/**
 * Layer 1 reads in the seed's JSON shapes: the newest regime, sentiment and dominance rows and
 * their history. History windows end at the newest analysis, so imported or simulated history
 * reads the same as live data.
 */
class MarketReader
{
public:
    explicit MarketReader(QSqlDatabase db);

    //! {regime, confidence, risk_level, trend_strength, recommended_exposure, regime_drivers,
    //! last_updated}; nothing before the first analysis.
    Result<std::optional<QJsonObject>> marketRegime() const;
    //! The newest row with macro_indicators and sentiment_breakdown as well (for the forecast).
    Result<std::optional<QJsonObject>> marketRegimeDetails() const;
    Result<std::optional<QJsonObject>> sentiment() const;
    Result<std::optional<QJsonObject>> dominance() const;
    /**
     * Points of the last `days` days, one per `intervalSeconds` bucket (the bucket's last row):
     * regime, confidence, risk level, trend strength, exposure, fear & greed, composite
     * sentiment, BTC and ETH dominance and total market cap.
     */
    Result<QJsonObject> history(int days, qint64 intervalSeconds,
                                const QString &intervalName) const;
    //! The last regime of each UTC day, oldest first, over the last `days` days of analyses.
    Result<std::vector<DailyRegime>> dailyRegimes(int days) const;

private:
    QSqlDatabase m_db;
};

} // namespace cp::models
