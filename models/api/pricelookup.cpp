#include "pricelookup.h"

#include "jsonrowmapper.h"

#include <models/sqltimestamp.h>

#include <QJsonObject>
#include <QSqlQuery>
#include <QStringList>

#include <map>

namespace cp::models {

namespace {
Result<std::optional<PricePoint>> one(QSqlQuery &query)
{
    if (const Status s = execQuery(query, QStringLiteral("prices")); !s)
        return Result<std::optional<PricePoint>>::failure(s.error());
    if (!query.next())
        return std::optional<PricePoint>();
    return std::optional<PricePoint>(
        PricePoint{SqlTimestamp::toDateTime(query.value(0)), query.value(1).toDouble()});
}
} // namespace

PriceLookup::PriceLookup(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<std::optional<PricePoint>> PriceLookup::latest(int cryptoId) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT timestamp, close_price FROM price_data WHERE crypto_id = ?"
                                 " ORDER BY timestamp DESC LIMIT 1"));
    query.addBindValue(cryptoId);
    return one(query);
}

Result<std::optional<PricePoint>> PriceLookup::atOrBefore(int cryptoId, const QDateTime &time) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT timestamp, close_price FROM price_data WHERE crypto_id = ?"
                                 " AND timestamp <= ? ORDER BY timestamp DESC LIMIT 1"));
    query.addBindValue(cryptoId);
    query.addBindValue(SqlTimestamp::fromDateTime(time));
    return one(query);
}

Result<std::optional<double>> PriceLookup::changePercent(int cryptoId, int hours) const
{
    using R = Result<std::optional<double>>;
    const auto newest = latest(cryptoId);
    if (!newest)
        return R::failure(newest.error());
    if (!newest->has_value())
        return std::optional<double>();
    return changeSince(cryptoId, **newest, hours);
}

Result<std::optional<double>> PriceLookup::changeSince(int cryptoId, const PricePoint &newest,
                                                       int hours) const
{
    using R = Result<std::optional<double>>;
    const auto before = atOrBefore(cryptoId, newest.time.addSecs(-qint64(hours) * 3600));
    if (!before)
        return R::failure(before.error());
    // A close far older than asked for (a gap in the data) would overstate the move.
    if (!before->has_value() || (*before)->close <= 0.0 ||
        (*before)->time.secsTo(newest.time) > qint64(hours) * 3600 * 3 / 2)
        return std::optional<double>();
    return std::optional<double>((newest.close / (*before)->close - 1.0) * 100.0);
}

Result<std::vector<PricePoint>> PriceLookup::dailyCloses(int cryptoId, int days) const
{
    using R = Result<std::vector<PricePoint>>;
    const auto newest = latest(cryptoId);
    if (!newest)
        return R::failure(newest.error());
    std::vector<PricePoint> result;
    if (!newest->has_value())
        return result;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT timestamp, close_price FROM price_data WHERE crypto_id = ?"
                                 " AND timestamp >= ? ORDER BY timestamp"));
    query.addBindValue(cryptoId);
    query.addBindValue(SqlTimestamp::fromDateTime((*newest)->time.addSecs(-qint64(days) * 86400)));
    if (const Status s = execQuery(query, QStringLiteral("prices")); !s)
        return R::failure(s.error());
    std::map<qint64, PricePoint> byDay;
    while (query.next()) {
        const QDateTime time = SqlTimestamp::toDateTime(query.value(0));
        byDay[time.toSecsSinceEpoch() / 86400] = PricePoint{time, query.value(1).toDouble()};
    }
    for (const auto &[day, point] : byDay)
        result.push_back(point);
    return result;
}

Result<QJsonArray> PriceLookup::latestPrices(const QList<int> &cryptoIds) const
{
    QSqlQuery symbol(m_db);
    symbol.setForwardOnly(true);
    symbol.prepare(QStringLiteral("SELECT symbol FROM cryptocurrencies WHERE id = ?"));
    QJsonArray prices;
    for (int id : cryptoIds) {
        symbol.addBindValue(id);
        if (const Status s = execQuery(symbol, QStringLiteral("assets")); !s)
            return Result<QJsonArray>::failure(s.error());
        if (!symbol.next())
            continue;
        const QString name = symbol.value(0).toString();
        symbol.finish();
        const auto newest = latest(id);
        if (!newest)
            return Result<QJsonArray>::failure(newest.error());
        if (!newest->has_value())
            continue;
        const auto change = changeSince(id, **newest, 24);
        if (!change)
            return Result<QJsonArray>::failure(change.error());
        prices.append(QJsonObject{
            {QStringLiteral("crypto_id"), id},
            {QStringLiteral("symbol"), name},
            {QStringLiteral("price"), (*newest)->close},
            {QStringLiteral("timestamp"), JsonRowMapper::isoTime((*newest)->time)},
            {QStringLiteral("change_24h"),
             change->has_value() ? QJsonValue(**change) : QJsonValue(QJsonValue::Null)}});
    }
    return prices;
}

Result<QList<int>> PriceLookup::assetsOfRows(const QList<qint64> &rowIds) const
{
    QList<int> assets;
    if (rowIds.isEmpty())
        return assets;
    // Integers only, so the list is written into the statement (one round trip for any count).
    QStringList ids;
    ids.reserve(rowIds.size());
    for (qint64 id : rowIds)
        ids.append(QString::number(id));
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT DISTINCT crypto_id FROM price_data WHERE id IN (%1)")
                      .arg(ids.join(QLatin1Char(','))));
    if (const Status s = execQuery(query, QStringLiteral("prices")); !s)
        return Result<QList<int>>::failure(s.error());
    while (query.next())
        assets.append(query.value(0).toInt());
    return assets;
}

} // namespace cp::models
