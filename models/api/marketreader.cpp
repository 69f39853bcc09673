#include "marketreader.h"

#include "jsonrowmapper.h"

#include <models/sqltimestamp.h>

#include <QSqlQuery>

#include <map>

namespace cp::models {

namespace {

const JsonRowMapper &regimeColumns()
{
    static const JsonRowMapper mapper{
        {QStringLiteral("id"), JsonKind::Int},
        {QStringLiteral("regime"), JsonKind::Text, QStringLiteral("market_regime")},
        {QStringLiteral("confidence"), JsonKind::Number, QStringLiteral("confidence_score")},
        {QStringLiteral("risk_level"), JsonKind::Text},
        {QStringLiteral("trend_strength"), JsonKind::Number},
        {QStringLiteral("recommended_exposure"), JsonKind::Number},
        {QStringLiteral("regime_drivers"), JsonKind::Json},
        {QStringLiteral("last_updated"), JsonKind::Timestamp, QStringLiteral("analysis_time")}};
    return mapper;
}

/** Latest time of a table's time column, invalid when the table is empty. */
Result<QDateTime> latestTime(QSqlDatabase db, const QString &table, const QString &column)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT MAX(%1) FROM %2").arg(column, table));
    if (const Status s = execQuery(query, table); !s)
        return Result<QDateTime>::failure(s.error());
    return query.next() ? SqlTimestamp::toDateTime(query.value(0)) : QDateTime();
}

/** Rows of one table inside [from, to], oldest first, as (time, json). */
Result<QJsonArray> window(QSqlDatabase db, const JsonRowMapper &mapper, const QString &table,
                          const QString &timeColumn, const QDateTime &from, const QDateTime &to)
{
    return selectRows(
        db, mapper,
        QStringLiteral("FROM %1 WHERE %2 >= ? AND %2 <= ? ORDER BY %2, id").arg(table, timeColumn),
        {SqlTimestamp::fromDateTime(from), SqlTimestamp::fromDateTime(to)}, table);
}

qint64 bucketOf(const QJsonObject &row, qint64 interval)
{
    const qint64 t = QDateTime::fromString(row.value(QStringLiteral("t")).toString(), Qt::ISODate)
                         .toSecsSinceEpoch();
    return t - ((t % interval) + interval) % interval;
}

} // namespace

MarketReader::MarketReader(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<std::optional<QJsonObject>> MarketReader::marketRegime() const
{
    return selectRow(m_db, regimeColumns(),
                     QStringLiteral("FROM market_regime_analysis ORDER BY analysis_time DESC, id "
                                    "DESC LIMIT 1"),
                     {}, QStringLiteral("the market regime"));
}

Result<std::optional<QJsonObject>> MarketReader::marketRegimeDetails() const
{
    static const JsonRowMapper mapper{
        {QStringLiteral("regime"), JsonKind::Text, QStringLiteral("market_regime")},
        {QStringLiteral("confidence"), JsonKind::Number, QStringLiteral("confidence_score")},
        {QStringLiteral("macro_indicators"), JsonKind::Json},
        {QStringLiteral("sentiment_breakdown"), JsonKind::Json},
        {QStringLiteral("last_updated"), JsonKind::Timestamp, QStringLiteral("analysis_time")}};
    return selectRow(m_db, mapper,
                     QStringLiteral("FROM market_regime_analysis ORDER BY analysis_time DESC, id "
                                    "DESC LIMIT 1"),
                     {}, QStringLiteral("the market regime"));
}

Result<std::optional<QJsonObject>> MarketReader::sentiment() const
{
    static const JsonRowMapper mapper{
        {QStringLiteral("fear_greed_index"), JsonKind::Number},
        {QStringLiteral("composite_sentiment"), JsonKind::Number},
        {QStringLiteral("funding_rates"), JsonKind::Json},
        {QStringLiteral("social_sentiment"), JsonKind::Json},
        {QStringLiteral("news_sentiment"), JsonKind::Json},
        {QStringLiteral("sentiment_sources"), JsonKind::Json},
        {QStringLiteral("last_updated"), JsonKind::Timestamp, QStringLiteral("timestamp")}};
    return selectRow(m_db, mapper,
                     QStringLiteral("FROM market_sentiment_data ORDER BY timestamp DESC, id DESC "
                                    "LIMIT 1"),
                     {}, QStringLiteral("market sentiment"));
}

Result<std::optional<QJsonObject>> MarketReader::dominance() const
{
    static const JsonRowMapper mapper{
        {QStringLiteral("btc_dominance"), JsonKind::Number},
        {QStringLiteral("eth_dominance"), JsonKind::Number},
        {QStringLiteral("alt_dominance"), JsonKind::Number},
        {QStringLiteral("stablecoin_dominance"), JsonKind::Number},
        {QStringLiteral("total_market_cap"), JsonKind::Number},
        {QStringLiteral("total_volume"), JsonKind::Number},
        {QStringLiteral("dominance_changes"), JsonKind::Json},
        {QStringLiteral("last_updated"), JsonKind::Timestamp, QStringLiteral("timestamp")}};
    return selectRow(m_db, mapper,
                     QStringLiteral("FROM dominance_data ORDER BY timestamp DESC, id DESC LIMIT 1"),
                     {}, QStringLiteral("dominance"));
}

Result<QJsonObject> MarketReader::history(int days, qint64 intervalSeconds,
                                          const QString &intervalName) const
{
    using R = Result<QJsonObject>;
    const Result<QDateTime> latest =
        latestTime(m_db, QStringLiteral("market_regime_analysis"), QStringLiteral("analysis_time"));
    if (!latest)
        return R::failure(latest.error());
    QJsonObject result{{QStringLiteral("days"), days},
                       {QStringLiteral("interval"), intervalName},
                       {QStringLiteral("points"), QJsonArray()}};
    if (!latest->isValid())
        return result;
    const QDateTime to = *latest;
    const QDateTime from = to.addSecs(-qint64(days) * 86400);
    static const JsonRowMapper regime{
        {QStringLiteral("t"), JsonKind::Timestamp, QStringLiteral("analysis_time")},
        {QStringLiteral("regime"), JsonKind::Text, QStringLiteral("market_regime")},
        {QStringLiteral("confidence"), JsonKind::Number, QStringLiteral("confidence_score")},
        {QStringLiteral("risk_level"), JsonKind::Text},
        {QStringLiteral("trend_strength"), JsonKind::Number},
        {QStringLiteral("recommended_exposure"), JsonKind::Number}};
    static const JsonRowMapper sentiment{
        {QStringLiteral("t"), JsonKind::Timestamp, QStringLiteral("timestamp")},
        {QStringLiteral("fear_greed_index"), JsonKind::Number},
        {QStringLiteral("composite_sentiment"), JsonKind::Number}};
    static const JsonRowMapper dominance{
        {QStringLiteral("t"), JsonKind::Timestamp, QStringLiteral("timestamp")},
        {QStringLiteral("btc_dominance"), JsonKind::Number},
        {QStringLiteral("eth_dominance"), JsonKind::Number},
        {QStringLiteral("total_market_cap"), JsonKind::Number}};
    // Bucket start -> merged point; later rows in a bucket overwrite earlier ones.
    std::map<qint64, QJsonObject> points;
    const struct
    {
        const JsonRowMapper &mapper;
        QString table;
        QString column;
    } sources[] = {
        {regime, QStringLiteral("market_regime_analysis"), QStringLiteral("analysis_time")},
        {sentiment, QStringLiteral("market_sentiment_data"), QStringLiteral("timestamp")},
        {dominance, QStringLiteral("dominance_data"), QStringLiteral("timestamp")}};
    for (const auto &source : sources) {
        const Result<QJsonArray> rows =
            window(m_db, source.mapper, source.table, source.column, from, to);
        if (!rows)
            return R::failure(rows.error());
        for (const QJsonValue &value : *rows) {
            const QJsonObject row = value.toObject();
            QJsonObject &point = points[bucketOf(row, intervalSeconds)];
            for (auto it = row.constBegin(); it != row.constEnd(); ++it) {
                if (it.key() != QLatin1String("t"))
                    point.insert(it.key(), it.value());
            }
        }
    }
    QJsonArray list;
    for (auto &[bucket, point] : points) {
        point.insert(QStringLiteral("timestamp"),
                     QDateTime::fromSecsSinceEpoch(bucket, Qt::UTC).toString(Qt::ISODate));
        list.append(point);
    }
    result.insert(QStringLiteral("from"), JsonRowMapper::isoTime(from));
    result.insert(QStringLiteral("to"), JsonRowMapper::isoTime(to));
    result.insert(QStringLiteral("points"), list);
    return result;
}

Result<std::vector<DailyRegime>> MarketReader::dailyRegimes(int days) const
{
    using R = Result<std::vector<DailyRegime>>;
    const Result<QDateTime> latest =
        latestTime(m_db, QStringLiteral("market_regime_analysis"), QStringLiteral("analysis_time"));
    if (!latest)
        return R::failure(latest.error());
    std::vector<DailyRegime> result;
    if (!latest->isValid())
        return result;
    static const JsonRowMapper mapper{
        {QStringLiteral("t"), JsonKind::Timestamp, QStringLiteral("analysis_time")},
        {QStringLiteral("regime"), JsonKind::Text, QStringLiteral("market_regime")},
        {QStringLiteral("confidence"), JsonKind::Number, QStringLiteral("confidence_score")}};
    const Result<QJsonArray> rows =
        window(m_db, mapper, QStringLiteral("market_regime_analysis"),
               QStringLiteral("analysis_time"), latest->addSecs(-qint64(days) * 86400), *latest);
    if (!rows)
        return R::failure(rows.error());
    std::map<qint64, DailyRegime> byDay;
    for (const QJsonValue &value : *rows) {
        const QJsonObject row = value.toObject();
        const qint64 day = bucketOf(row, 86400);
        byDay[day] = DailyRegime{QDateTime::fromSecsSinceEpoch(day, Qt::UTC),
                                 row.value(QStringLiteral("regime")).toString(),
                                 row.value(QStringLiteral("confidence")).toDouble()};
    }
    for (auto &[day, regime] : byDay)
        result.push_back(regime);
    return result;
}

} // namespace cp::models
