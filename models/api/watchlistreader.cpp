#include "watchlistreader.h"

#include "jsonrowmapper.h"
#include "pricelookup.h"

#include <QSqlQuery>

namespace cp::models {

namespace {

const JsonRowMapper &listColumns()
{
    static const JsonRowMapper mapper{
        {QStringLiteral("id"), JsonKind::Int},
        {QStringLiteral("name"), JsonKind::Text},
        {QStringLiteral("type"), JsonKind::Text},
        {QStringLiteral("tier"), JsonKind::Text},
        {QStringLiteral("description"), JsonKind::Text},
        {QStringLiteral("user_id"), JsonKind::Int},
        {QStringLiteral("current_items"), JsonKind::Int},
        {QStringLiteral("max_items"), JsonKind::Int},
        {QStringLiteral("is_active"), JsonKind::Bool},
        {QStringLiteral("last_updated"), JsonKind::Timestamp, QStringLiteral("updated_at")}};
    return mapper;
}

//! Shared lists are visible to everyone; personal ones to their owner (and admins).
QString visibility(const Viewer &viewer)
{
    return viewer.isAdmin
               ? QStringLiteral("1 = 1")
               : QStringLiteral("(type IN ('admin', 'system') OR user_id = %1)").arg(viewer.userId);
}

} // namespace

WatchlistReader::WatchlistReader(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<QJsonArray> WatchlistReader::watchlists(const Viewer &viewer) const
{
    return selectRows(m_db, listColumns(),
                      QStringLiteral("FROM watchlists WHERE is_active AND %1 ORDER BY"
                                     " CASE tier WHEN 'tier1' THEN 0 WHEN 'tier2' THEN 1 ELSE 2"
                                     " END, id")
                          .arg(visibility(viewer)),
                      {}, QStringLiteral("watchlists"));
}

Result<QJsonObject> WatchlistReader::watchlist(int watchlistId, const Viewer &viewer,
                                               Access *access) const
{
    using R = Result<QJsonObject>;
    *access = Access::Missing;
    const auto list = selectRow(m_db, listColumns(), QStringLiteral("FROM watchlists WHERE id = ?"),
                                {watchlistId}, QStringLiteral("the watchlist"));
    if (!list)
        return R::failure(list.error());
    if (!list->has_value())
        return QJsonObject();
    QJsonObject result = **list;
    const QString type = result.value(QStringLiteral("type")).toString();
    if (!viewer.isAdmin && type == QLatin1String("personal") &&
        result.value(QStringLiteral("user_id")).toInt() != viewer.userId) {
        *access = Access::NotYours;
        return QJsonObject();
    }
    *access = Access::Found;
    static const JsonRowMapper items{
        {QStringLiteral("item_id"), JsonKind::Int, QStringLiteral("i.id")},
        {QStringLiteral("crypto_id"), JsonKind::Int, QStringLiteral("i.crypto_id")},
        {QStringLiteral("symbol"), JsonKind::Text, QStringLiteral("c.symbol")},
        {QStringLiteral("name"), JsonKind::Text, QStringLiteral("c.name")},
        {QStringLiteral("tier"), JsonKind::Text, QStringLiteral("i.tier")},
        {QStringLiteral("priority_order"), JsonKind::Int, QStringLiteral("i.priority_order")},
        {QStringLiteral("status"), JsonKind::Text, QStringLiteral("i.status")},
        {QStringLiteral("current_price"), JsonKind::Number,
         QStringLiteral("COALESCE(c.current_price, (SELECT pd.close_price FROM price_data pd"
                        " WHERE pd.crypto_id = c.id ORDER BY pd.timestamp DESC LIMIT 1))")},
        {QStringLiteral("ai_confidence"), JsonKind::Number,
         QStringLiteral("COALESCE((SELECT ts.confidence_score FROM trading_signals ts WHERE"
                        " ts.crypto_id = c.id ORDER BY ts.generated_at DESC, ts.id DESC LIMIT 1),"
                        " (SELECT s.confidence_score FROM ai_suggestions s WHERE s.crypto_id ="
                        " c.id ORDER BY s.suggested_at DESC, s.id DESC LIMIT 1))")},
        {QStringLiteral("risk_level"), JsonKind::Text,
         QStringLiteral("(SELECT ts.risk_level FROM trading_signals ts WHERE ts.crypto_id = c.id"
                        " ORDER BY ts.generated_at DESC, ts.id DESC LIMIT 1)")},
        {QStringLiteral("last_analysis"), JsonKind::Timestamp,
         QStringLiteral("COALESCE(i.last_analysis, (SELECT MAX(ts.generated_at) FROM"
                        " trading_signals ts WHERE ts.crypto_id = c.id))")}};
    const Result<QJsonArray> rows = selectRows(
        m_db, items,
        QStringLiteral("FROM watchlist_items i JOIN cryptocurrencies c ON c.id = i.crypto_id"
                       " WHERE i.watchlist_id = ? AND i.status <> 'removed'"
                       " ORDER BY i.priority_order, i.id"),
        {watchlistId}, QStringLiteral("watchlist items"));
    if (!rows)
        return R::failure(rows.error());
    PriceLookup prices(m_db);
    QJsonArray withPerformance;
    for (const QJsonValue &value : *rows) {
        QJsonObject item = value.toObject();
        const auto change =
            prices.changePercent(item.value(QStringLiteral("crypto_id")).toInt(), 24);
        if (!change)
            return R::failure(change.error());
        item.insert(QStringLiteral("performance_24h"),
                    change->has_value() ? QJsonValue(**change) : QJsonValue(QJsonValue::Null));
        withPerformance.append(item);
    }
    result.insert(QStringLiteral("items"), withPerformance);
    return result;
}

namespace {
const JsonRowMapper &suggestionColumns()
{
    static const JsonRowMapper mapper{
        {QStringLiteral("id"), JsonKind::Int, QStringLiteral("s.id")},
        {QStringLiteral("crypto_id"), JsonKind::Int, QStringLiteral("s.crypto_id")},
        {QStringLiteral("symbol"), JsonKind::Text, QStringLiteral("c.symbol")},
        {QStringLiteral("name"), JsonKind::Text, QStringLiteral("c.name")},
        {QStringLiteral("suggestion_type"), JsonKind::Text, QStringLiteral("s.suggestion_type")},
        {QStringLiteral("confidence_score"), JsonKind::Number,
         QStringLiteral("s.confidence_score")},
        {QStringLiteral("ai_reasoning"), JsonKind::Json, QStringLiteral("s.ai_reasoning")},
        {QStringLiteral("supporting_data"), JsonKind::Json, QStringLiteral("s.supporting_data")},
        {QStringLiteral("status"), JsonKind::Text, QStringLiteral("s.status")},
        {QStringLiteral("reviewed_by"), JsonKind::Int, QStringLiteral("s.reviewed_by")},
        {QStringLiteral("reviewed_at"), JsonKind::Timestamp, QStringLiteral("s.reviewed_at")},
        {QStringLiteral("suggested_at"), JsonKind::Timestamp, QStringLiteral("s.suggested_at")},
        {QStringLiteral("expires_at"), JsonKind::Timestamp, QStringLiteral("s.expires_at")}};
    return mapper;
}
} // namespace

Result<std::optional<QJsonObject>> WatchlistReader::suggestion(int suggestionId) const
{
    return selectRow(m_db, suggestionColumns(),
                     QStringLiteral("FROM ai_suggestions s JOIN cryptocurrencies c ON c.id ="
                                    " s.crypto_id WHERE s.id = ?"),
                     {suggestionId}, QStringLiteral("the suggestion"));
}

Result<QJsonArray> WatchlistReader::suggestions(const QString &status, int limit) const
{
    const JsonRowMapper &mapper = suggestionColumns();
    QVariantList binds;
    QString where;
    if (status != QLatin1String("all")) {
        where = QStringLiteral(" WHERE s.status = ?");
        binds.append(status);
    }
    binds.append(limit);
    return selectRows(m_db, mapper,
                      QStringLiteral("FROM ai_suggestions s JOIN cryptocurrencies c ON c.id ="
                                     " s.crypto_id%1 ORDER BY s.suggested_at DESC, s.id DESC"
                                     " LIMIT ?")
                          .arg(where),
                      binds, QStringLiteral("suggestions"));
}

Result<QJsonArray> WatchlistReader::reviews(int limit) const
{
    static const JsonRowMapper mapper{
        {QStringLiteral("id"), JsonKind::Int, QStringLiteral("r.id")},
        {QStringLiteral("suggestion_id"), JsonKind::Int, QStringLiteral("r.suggestion_id")},
        {QStringLiteral("reviewer_id"), JsonKind::Int, QStringLiteral("r.reviewer_id")},
        {QStringLiteral("reviewer_email"), JsonKind::Text, QStringLiteral("u.email")},
        {QStringLiteral("decision"), JsonKind::Text, QStringLiteral("r.decision")},
        {QStringLiteral("review_notes"), JsonKind::Text, QStringLiteral("r.review_notes")},
        {QStringLiteral("review_criteria"), JsonKind::Json, QStringLiteral("r.review_criteria")},
        {QStringLiteral("reviewed_at"), JsonKind::Timestamp, QStringLiteral("r.reviewed_at")}};
    return selectRows(m_db, mapper,
                      QStringLiteral("FROM suggestion_reviews r JOIN users u ON u.id ="
                                     " r.reviewer_id ORDER BY r.reviewed_at DESC, r.id DESC"
                                     " LIMIT ?"),
                      {limit}, QStringLiteral("reviews"));
}

Result<QList<int>> WatchlistReader::unknownAssets(const QList<int> &cryptoIds) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM cryptocurrencies WHERE id = ?"));
    QList<int> unknown;
    for (int id : cryptoIds) {
        query.addBindValue(id);
        if (const Status s = execQuery(query, QStringLiteral("assets")); !s)
            return Result<QList<int>>::failure(s.error());
        if (!query.next() || query.value(0).toInt() == 0)
            unknown.append(id);
        query.finish();
    }
    return unknown;
}

} // namespace cp::models
