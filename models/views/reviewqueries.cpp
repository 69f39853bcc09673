#include "reviewqueries.h"

#include "sectorqueries.h"

namespace cp::models::views {

Result<SnapshotTable> loadPendingSuggestions(QSqlDatabase db)
{
    return readSnapshot(
        db, QStringLiteral("SELECT s.id, s.crypto_id, c.symbol, c.name, c.watchlist_tier,"
                           " s.suggestion_type, s.confidence_score, s.ai_reasoning,"
                           " s.supporting_data, s.performance_metrics, s.status, s.suggested_at,"
                           " s.expires_at"
                           " FROM ai_suggestions s JOIN cryptocurrencies c ON c.id = s.crypto_id"
                           " WHERE s.status = 'pending'"
                           " ORDER BY s.confidence_score DESC, s.expires_at, s.id"));
}

Result<SnapshotTable> loadRecentReviews(QSqlDatabase db, int limit)
{
    return readSnapshot(
        db,
        QStringLiteral("SELECT r.id, r.suggestion_id, c.symbol, s.suggestion_type, r.decision,"
                       " r.review_notes, u.email AS reviewer, r.reviewed_at"
                       " FROM suggestion_reviews r JOIN ai_suggestions s ON s.id = r.suggestion_id"
                       " JOIN cryptocurrencies c ON c.id = s.crypto_id"
                       " JOIN users u ON u.id = r.reviewer_id"
                       " ORDER BY r.reviewed_at DESC, r.id DESC LIMIT ?"),
        {limit});
}

Result<SnapshotTable> loadWatchlists(QSqlDatabase db, int userId)
{
    return readSnapshot(db,
                        QStringLiteral("SELECT id, name, type, tier, max_items, current_items,"
                                       " user_id, description FROM watchlists"
                                       " WHERE is_active = TRUE AND (type IN ('system', 'admin')"
                                       "  OR user_id = ?)"
                                       " ORDER BY CASE type WHEN 'admin' THEN 0 WHEN 'system'"
                                       "  THEN 1 ELSE 2 END, tier, name, id"),
                        {userId});
}

Result<SnapshotTable> loadWatchlistItems(QSqlDatabase db, int watchlistId)
{
    Result<SnapshotTable> table = readSnapshot(
        db,
        QStringLiteral(
            "SELECT wi.id, wi.watchlist_id, wi.crypto_id, c.symbol, c.name, wi.tier,"
            " wi.priority_order, wi.status, c.current_price, c.market_cap,"
            " (SELECT s.confidence_score FROM ai_suggestions s WHERE s.crypto_id = wi.crypto_id"
            "   ORDER BY s.suggested_at DESC, s.id DESC LIMIT 1) AS ai_confidence,"
            " (SELECT ts.risk_level FROM trading_signals ts WHERE ts.crypto_id = wi.crypto_id"
            "   ORDER BY ts.generated_at DESC, ts.id DESC LIMIT 1) AS risk_level"
            " FROM watchlist_items wi JOIN cryptocurrencies c ON c.id = wi.crypto_id"
            " WHERE wi.watchlist_id = ? AND wi.status <> 'removed'"
            " ORDER BY wi.tier, wi.priority_order, c.symbol"),
        {watchlistId});
    if (!table)
        return table;
    if (const Status s = addPerformance24h(db, table.value(), QStringLiteral("crypto_id")); !s)
        return Result<SnapshotTable>::failure(s.error());
    return table;
}

Result<SnapshotTable> loadAddableAssets(QSqlDatabase db, int watchlistId)
{
    return readSnapshot(db,
                        QStringLiteral("SELECT c.id, c.symbol, c.name FROM cryptocurrencies c"
                                       " WHERE c.is_active = TRUE AND NOT EXISTS (SELECT 1 FROM"
                                       "  watchlist_items wi WHERE wi.crypto_id = c.id"
                                       "  AND wi.watchlist_id = ? AND wi.status <> 'removed')"
                                       " ORDER BY c.market_cap_rank, c.symbol"),
                        {watchlistId});
}

} // namespace cp::models::views
