#pragma once

#include <engine/result.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace cp::models {

/** Layer 2 reads in the seed's JSON shapes: sectors, their performance and rotation. */
class SectorReader
{
public:
    explicit SectorReader(QSqlDatabase db);

    /**
     * Active sectors with their newest performance: id, name, color_code, performance_24h/7d/30d,
     * dominance, momentum_score, status (leading / declining per the newest rotation analysis,
     * else neutral; no_data without performance), last_updated. Strongest momentum first.
     */
    Result<QJsonArray> sectors() const;
    //! One sector with market cap, volume, top performers, metrics and member assets.
    Result<std::optional<QJsonObject>> sector(int sectorId) const;
    Result<std::optional<QJsonObject>> rotation() const;
    //! Performance rows of the last `days` days (ending at the sector's newest), oldest first.
    Result<std::optional<QJsonObject>> history(int sectorId, int days) const;
    //! The named sectors side by side for "24h", "7d" or "30d"; nothing when an id is unknown
    //! (`missingId` says which).
    Result<std::optional<QJsonObject>> compare(const QList<int> &sectorIds,
                                               const QString &timeframe, int *missingId) const;

private:
    QSqlDatabase m_db;
};

} // namespace cp::models
