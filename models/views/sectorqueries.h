#pragma once

#include "snapshottable.h"

#include <engine/result.h>

#include <QSqlDatabase>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

namespace cp::models::views {

/** The newest sector_rotation_analysis row. */
struct RotationSnapshot
{
    bool present = false;
    QStringList leadingSectors;
    QStringList decliningSectors;
    double rotationProbability = 0.0;
    //! Sector name -> weight, largest first.
    std::vector<std::pair<QString, double>> allocation;
    //! Sector name -> "#RRGGBB" from crypto_sectors, for the pie.
    std::vector<std::pair<QString, QString>> colors;
};

/**
 * The newest sector_performance row of every sector with its name and colour: fields id,
 * sector_id, name, color_code, analysis_time, total_market_cap, total_volume,
 * dominance_percentage, momentum_score, performance_24h, performance_7d, performance_30d,
 * top_performers; strongest momentum first.
 */
Result<SnapshotTable> loadLatestSectorPerformance(QSqlDatabase db);

Result<RotationSnapshot> loadRotation(QSqlDatabase db);

//! One sector's sector_performance rows, newest first (at most `limit`).
Result<SnapshotTable> loadSectorHistory(QSqlDatabase db, int sectorId, int limit = 365);

/**
 * The sector's member assets (primary sector or mapping): id, symbol, name, current_price,
 * market_cap, total_volume, watchlist_tier, performance_24h (from price history); largest first.
 */
Result<SnapshotTable> loadSectorMembers(QSqlDatabase db, int sectorId);

/**
 * Adds a performance_24h column (percent) to `table`, which must have `cryptoIdField` and
 * current_price fields: the current price against each asset's last close at least 24 hours
 * before the newest candle of the database. One indexed lookup per asset.
 */
Status addPerformance24h(QSqlDatabase db, SnapshotTable &table,
                         const QString &cryptoIdField = QStringLiteral("id"));

} // namespace cp::models::views
