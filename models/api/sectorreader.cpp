#include "sectorreader.h"

#include "jsonrowmapper.h"

#include <models/sqltimestamp.h>

#include <QSqlQuery>
#include <QStringList>

namespace cp::models {

namespace {

// The newest sector_performance row of sector s (correlated, served by the (sector_id, time)
// index).
const QString kLatestPerformance = QStringLiteral(
    "LEFT JOIN sector_performance p ON p.id = (SELECT p2.id FROM sector_performance p2"
    " WHERE p2.sector_id = s.id ORDER BY p2.analysis_time DESC, p2.id DESC LIMIT 1)");

QStringList lowerNames(const QJsonArray &names)
{
    QStringList result;
    for (const QJsonValue &name : names)
        result.append(name.toString().toLower());
    return result;
}

} // namespace

SectorReader::SectorReader(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<QJsonArray> SectorReader::sectors() const
{
    static const JsonRowMapper mapper{
        {QStringLiteral("id"), JsonKind::Int, QStringLiteral("s.id")},
        {QStringLiteral("name"), JsonKind::Text, QStringLiteral("s.name")},
        {QStringLiteral("color_code"), JsonKind::Text, QStringLiteral("s.color_code")},
        {QStringLiteral("performance_24h"), JsonKind::Number, QStringLiteral("p.performance_24h")},
        {QStringLiteral("performance_7d"), JsonKind::Number, QStringLiteral("p.performance_7d")},
        {QStringLiteral("performance_30d"), JsonKind::Number, QStringLiteral("p.performance_30d")},
        {QStringLiteral("dominance"), JsonKind::Number, QStringLiteral("p.dominance_percentage")},
        {QStringLiteral("momentum_score"), JsonKind::Number, QStringLiteral("p.momentum_score")},
        {QStringLiteral("last_updated"), JsonKind::Timestamp, QStringLiteral("p.analysis_time")}};
    Result<QJsonArray> rows = selectRows(
        m_db, mapper,
        QStringLiteral("FROM crypto_sectors s ") + kLatestPerformance +
            QStringLiteral(" WHERE s.is_active ORDER BY p.momentum_score DESC NULLS LAST, s.id"),
        {}, QStringLiteral("sectors"));
    if (!rows)
        return rows;
    const Result<std::optional<QJsonObject>> rotation = this->rotation();
    if (!rotation)
        return Result<QJsonArray>::failure(rotation.error());
    QStringList leading;
    QStringList declining;
    if (rotation->has_value()) {
        leading = lowerNames((*rotation)->value(QStringLiteral("leading_sectors")).toArray());
        declining = lowerNames((*rotation)->value(QStringLiteral("declining_sectors")).toArray());
    }
    QJsonArray result;
    for (const QJsonValue &value : *rows) {
        QJsonObject sector = value.toObject();
        const QString name = sector.value(QStringLiteral("name")).toString().toLower();
        QString status = QStringLiteral("neutral");
        if (sector.value(QStringLiteral("last_updated")).isNull())
            status = QStringLiteral("no_data");
        else if (leading.contains(name))
            status = QStringLiteral("leading");
        else if (declining.contains(name))
            status = QStringLiteral("declining");
        sector.insert(QStringLiteral("status"), status);
        result.append(sector);
    }
    return result;
}

Result<std::optional<QJsonObject>> SectorReader::sector(int sectorId) const
{
    using R = Result<std::optional<QJsonObject>>;
    static const JsonRowMapper mapper{
        {QStringLiteral("id"), JsonKind::Int, QStringLiteral("s.id")},
        {QStringLiteral("name"), JsonKind::Text, QStringLiteral("s.name")},
        {QStringLiteral("description"), JsonKind::Text, QStringLiteral("s.description")},
        {QStringLiteral("color_code"), JsonKind::Text, QStringLiteral("s.color_code")},
        {QStringLiteral("characteristics"), JsonKind::Json, QStringLiteral("s.characteristics")},
        {QStringLiteral("is_active"), JsonKind::Bool, QStringLiteral("s.is_active")},
        {QStringLiteral("total_market_cap"), JsonKind::Number,
         QStringLiteral("p.total_market_cap")},
        {QStringLiteral("total_volume"), JsonKind::Number, QStringLiteral("p.total_volume")},
        {QStringLiteral("dominance"), JsonKind::Number, QStringLiteral("p.dominance_percentage")},
        {QStringLiteral("momentum_score"), JsonKind::Number, QStringLiteral("p.momentum_score")},
        {QStringLiteral("performance_24h"), JsonKind::Number, QStringLiteral("p.performance_24h")},
        {QStringLiteral("performance_7d"), JsonKind::Number, QStringLiteral("p.performance_7d")},
        {QStringLiteral("performance_30d"), JsonKind::Number, QStringLiteral("p.performance_30d")},
        {QStringLiteral("top_performers"), JsonKind::Json, QStringLiteral("p.top_performers")},
        {QStringLiteral("performance_metrics"), JsonKind::Json,
         QStringLiteral("p.performance_metrics")},
        {QStringLiteral("last_updated"), JsonKind::Timestamp, QStringLiteral("p.analysis_time")}};
    R row = selectRow(m_db, mapper,
                      QStringLiteral("FROM crypto_sectors s ") + kLatestPerformance +
                          QStringLiteral(" WHERE s.id = ?"),
                      {sectorId}, QStringLiteral("the sector"));
    if (!row || !row->has_value())
        return row;
    // Members: the primary mapping, or the sector_id column for assets without one.
    static const JsonRowMapper assets{
        {QStringLiteral("crypto_id"), JsonKind::Int, QStringLiteral("c.id")},
        {QStringLiteral("symbol"), JsonKind::Text, QStringLiteral("c.symbol")},
        {QStringLiteral("name"), JsonKind::Text, QStringLiteral("c.name")},
        {QStringLiteral("market_cap"), JsonKind::Number, QStringLiteral("c.market_cap")},
        {QStringLiteral("current_price"), JsonKind::Number, QStringLiteral("c.current_price")},
        {QStringLiteral("watchlist_tier"), JsonKind::Text, QStringLiteral("c.watchlist_tier")},
        {QStringLiteral("weight"), JsonKind::Number, QStringLiteral("COALESCE(m.weight, 1.0)")}};
    const Result<QJsonArray> members =
        selectRows(m_db, assets,
                   QStringLiteral("FROM cryptocurrencies c LEFT JOIN crypto_sector_mapping m ON"
                                  " m.crypto_id = c.id AND m.sector_id = ? WHERE c.is_active AND"
                                  " (m.id IS NOT NULL OR c.sector_id = ?)"
                                  " ORDER BY c.market_cap DESC NULLS LAST, c.id"),
                   {sectorId, sectorId}, QStringLiteral("sector members"));
    if (!members)
        return R::failure(members.error());
    QJsonObject sector = **row;
    sector.insert(QStringLiteral("assets"), *members);
    return std::optional<QJsonObject>(sector);
}

Result<std::optional<QJsonObject>> SectorReader::rotation() const
{
    static const JsonRowMapper mapper{
        {QStringLiteral("rotation_probability"), JsonKind::Number},
        {QStringLiteral("leading_sectors"), JsonKind::Json},
        {QStringLiteral("declining_sectors"), JsonKind::Json},
        {QStringLiteral("flow_directions"), JsonKind::Json},
        {QStringLiteral("rotation_signals"), JsonKind::Json},
        {QStringLiteral("recommended_allocation"), JsonKind::Json},
        {QStringLiteral("last_updated"), JsonKind::Timestamp, QStringLiteral("analysis_time")}};
    return selectRow(m_db, mapper,
                     QStringLiteral("FROM sector_rotation_analysis ORDER BY analysis_time DESC, "
                                    "id DESC LIMIT 1"),
                     {}, QStringLiteral("sector rotation"));
}

Result<std::optional<QJsonObject>> SectorReader::history(int sectorId, int days) const
{
    using R = Result<std::optional<QJsonObject>>;
    QSqlQuery latest(m_db);
    latest.setForwardOnly(true);
    latest.prepare(QStringLiteral("SELECT s.name, (SELECT MAX(analysis_time) FROM"
                                  " sector_performance WHERE sector_id = s.id)"
                                  " FROM crypto_sectors s WHERE s.id = ?"));
    latest.addBindValue(sectorId);
    if (const Status s = execQuery(latest, QStringLiteral("the sector")); !s)
        return R::failure(s.error());
    if (!latest.next())
        return std::optional<QJsonObject>();
    QJsonObject result{{QStringLiteral("sector_id"), sectorId},
                       {QStringLiteral("name"), latest.value(0).toString()},
                       {QStringLiteral("days"), days},
                       {QStringLiteral("points"), QJsonArray()}};
    const QDateTime newest = SqlTimestamp::toDateTime(latest.value(1));
    if (!newest.isValid())
        return std::optional<QJsonObject>(result);
    static const JsonRowMapper mapper{
        {QStringLiteral("timestamp"), JsonKind::Timestamp, QStringLiteral("analysis_time")},
        {QStringLiteral("performance_24h"), JsonKind::Number},
        {QStringLiteral("performance_7d"), JsonKind::Number},
        {QStringLiteral("performance_30d"), JsonKind::Number},
        {QStringLiteral("momentum_score"), JsonKind::Number},
        {QStringLiteral("dominance"), JsonKind::Number, QStringLiteral("dominance_percentage")},
        {QStringLiteral("total_market_cap"), JsonKind::Number},
        {QStringLiteral("total_volume"), JsonKind::Number}};
    const Result<QJsonArray> points = selectRows(
        m_db, mapper,
        QStringLiteral("FROM sector_performance WHERE sector_id = ? AND analysis_time >= ?"
                       " ORDER BY analysis_time, id"),
        {sectorId, SqlTimestamp::fromDateTime(newest.addSecs(-qint64(days) * 86400))},
        QStringLiteral("sector history"));
    if (!points)
        return R::failure(points.error());
    result.insert(QStringLiteral("points"), *points);
    return std::optional<QJsonObject>(result);
}

Result<std::optional<QJsonObject>>
SectorReader::compare(const QList<int> &sectorIds, const QString &timeframe, int *missingId) const
{
    using R = Result<std::optional<QJsonObject>>;
    const Result<QJsonArray> all = sectors();
    if (!all)
        return R::failure(all.error());
    const QString performanceKey = QStringLiteral("performance_") + timeframe;
    QJsonArray chosen;
    QJsonObject best;
    QJsonObject worst;
    for (int id : sectorIds) {
        QJsonObject found;
        for (const QJsonValue &value : *all) {
            if (value.toObject().value(QStringLiteral("id")).toInt() == id)
                found = value.toObject();
        }
        if (found.isEmpty()) {
            if (missingId)
                *missingId = id;
            return std::optional<QJsonObject>();
        }
        QJsonObject entry{
            {QStringLiteral("id"), id},
            {QStringLiteral("name"), found.value(QStringLiteral("name"))},
            {QStringLiteral("performance"), found.value(performanceKey)},
            {QStringLiteral("momentum_score"), found.value(QStringLiteral("momentum_score"))},
            {QStringLiteral("dominance"), found.value(QStringLiteral("dominance"))},
            {QStringLiteral("status"), found.value(QStringLiteral("status"))},
            {QStringLiteral("last_updated"), found.value(QStringLiteral("last_updated"))}};
        chosen.append(entry);
        const QJsonValue p = entry.value(QStringLiteral("performance"));
        if (!p.isDouble())
            continue;
        if (best.isEmpty() || p.toDouble() > best.value(QStringLiteral("performance")).toDouble())
            best = entry;
        if (worst.isEmpty() || p.toDouble() < worst.value(QStringLiteral("performance")).toDouble())
            worst = entry;
    }
    QJsonObject result{{QStringLiteral("timeframe"), timeframe},
                       {QStringLiteral("sectors"), chosen}};
    result.insert(QStringLiteral("best"),
                  best.isEmpty() ? QJsonValue() : best.value(QStringLiteral("id")));
    result.insert(QStringLiteral("worst"),
                  worst.isEmpty() ? QJsonValue() : worst.value(QStringLiteral("id")));
    result.insert(QStringLiteral("spread"),
                  best.isEmpty()
                      ? QJsonValue()
                      : QJsonValue(best.value(QStringLiteral("performance")).toDouble() -
                                   worst.value(QStringLiteral("performance")).toDouble()));
    return std::optional<QJsonObject>(result);
}

} // namespace cp::models
