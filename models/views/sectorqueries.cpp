#include "sectorqueries.h"

#include <models/sqltimestamp.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace cp::models::views {

namespace {

QStringList names(const QVariant &json)
{
    QStringList list;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toString().toUtf8()).array())
        list.append(value.isObject() ? value.toObject().value(QStringLiteral("name")).toString()
                                     : value.toString());
    return list;
}

} // namespace

Result<SnapshotTable> loadLatestSectorPerformance(QSqlDatabase db)
{
    return readSnapshot(
        db, QStringLiteral(
                "SELECT sp.id, sp.sector_id, cs.name, cs.color_code, sp.analysis_time,"
                " sp.total_market_cap, sp.total_volume, sp.dominance_percentage,"
                " sp.momentum_score, sp.performance_24h, sp.performance_7d, sp.performance_30d,"
                " sp.top_performers"
                " FROM sector_performance sp JOIN crypto_sectors cs ON cs.id = sp.sector_id"
                " WHERE sp.id = (SELECT newest.id FROM sector_performance newest"
                "   WHERE newest.sector_id = sp.sector_id"
                "   ORDER BY newest.analysis_time DESC, newest.id DESC LIMIT 1)"
                " ORDER BY sp.momentum_score DESC, cs.name"));
}

Result<RotationSnapshot> loadRotation(QSqlDatabase db)
{
    RotationSnapshot rotation;
    QSqlQuery query(db);
    if (!query.exec(
            QStringLiteral("SELECT leading_sectors, declining_sectors, rotation_probability,"
                           " recommended_allocation FROM sector_rotation_analysis"
                           " ORDER BY analysis_time DESC, id DESC LIMIT 1")))
        return Result<RotationSnapshot>::failure(
            QStringLiteral("Could not read the sector rotation: %1").arg(query.lastError().text()));
    if (query.next()) {
        rotation.present = true;
        rotation.leadingSectors = names(query.value(0));
        rotation.decliningSectors = names(query.value(1));
        rotation.rotationProbability = query.value(2).toDouble();
        const QJsonObject allocation =
            QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object();
        for (auto it = allocation.begin(); it != allocation.end(); ++it)
            rotation.allocation.emplace_back(it.key(), it.value().toDouble());
        std::sort(rotation.allocation.begin(), rotation.allocation.end(),
                  [](const auto &a, const auto &b) { return a.second > b.second; });
    }
    query.finish();
    if (!query.exec(QStringLiteral("SELECT name, color_code FROM crypto_sectors ORDER BY name")))
        return Result<RotationSnapshot>::failure(
            QStringLiteral("Could not read the sectors: %1").arg(query.lastError().text()));
    while (query.next())
        rotation.colors.emplace_back(query.value(0).toString(), query.value(1).toString());
    return rotation;
}

Result<SnapshotTable> loadSectorHistory(QSqlDatabase db, int sectorId, int limit)
{
    return readSnapshot(db,
                        QStringLiteral("SELECT id, analysis_time, performance_24h, performance_7d,"
                                       " performance_30d, momentum_score, dominance_percentage,"
                                       " total_market_cap FROM sector_performance"
                                       " WHERE sector_id = ? ORDER BY analysis_time DESC, id DESC"
                                       " LIMIT ?"),
                        {sectorId, limit});
}

Result<SnapshotTable> loadSectorMembers(QSqlDatabase db, int sectorId)
{
    Result<SnapshotTable> table = readSnapshot(
        db,
        QStringLiteral("SELECT c.id, c.symbol, c.name, c.current_price, c.market_cap,"
                       " c.total_volume, c.watchlist_tier FROM cryptocurrencies c"
                       " WHERE c.is_active = TRUE AND (c.sector_id = ? OR c.id IN"
                       "  (SELECT m.crypto_id FROM crypto_sector_mapping m WHERE m.sector_id = ?))"
                       " ORDER BY c.market_cap DESC, c.symbol"),
        {sectorId, sectorId});
    if (!table)
        return table;
    if (const Status s = addPerformance24h(db, table.value()); !s)
        return Result<SnapshotTable>::failure(s.error());
    return table;
}

Status addPerformance24h(QSqlDatabase db, SnapshotTable &table, const QString &cryptoIdField)
{
    const int idColumn = table.indexOf(cryptoIdField);
    const int priceColumn = table.indexOf(QStringLiteral("current_price"));
    table.fields.append(QStringLiteral("performance_24h"));
    QSqlQuery newest(db);
    if (!newest.exec(QStringLiteral("SELECT MAX(timestamp) FROM price_data")) || !newest.next())
        return Status::failure(
            QStringLiteral("Could not read the price history: %1").arg(newest.lastError().text()));
    const QDateTime latest = SqlTimestamp::toDateTime(newest.value(0));
    QSqlQuery before(db);
    before.prepare(QStringLiteral("SELECT close_price FROM price_data WHERE crypto_id = ?"
                                  " AND timestamp <= ? ORDER BY timestamp DESC LIMIT 1"));
    const QString cutoff =
        latest.isValid() ? SqlTimestamp::fromDateTime(latest.addSecs(-24 * 3600)) : QString();
    for (QVariantList &row : table.rows) {
        QVariant change;
        if (!cutoff.isEmpty() && idColumn >= 0 && priceColumn >= 0) {
            before.addBindValue(row.value(idColumn));
            before.addBindValue(cutoff);
            if (!before.exec())
                return Status::failure(QStringLiteral("Could not read the price history: %1")
                                           .arg(before.lastError().text()));
            const double current = row.value(priceColumn).toDouble();
            if (before.next() && before.value(0).toDouble() > 0 && current > 0)
                change = (current / before.value(0).toDouble() - 1.0) * 100.0;
            before.finish();
        }
        row.append(change);
    }
    return {};
}

} // namespace cp::models::views
