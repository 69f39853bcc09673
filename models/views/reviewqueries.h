#pragma once

#include "snapshottable.h"

#include <engine/result.h>

#include <QSqlDatabase>

namespace cp::models::views {

/**
 * Pending AI suggestions with their asset: id, crypto_id, symbol, name, watchlist_tier,
 * suggestion_type, confidence_score, ai_reasoning, supporting_data, performance_metrics,
 * status, suggested_at, expires_at; most confident first, then soonest to expire.
 */
Result<SnapshotTable> loadPendingSuggestions(QSqlDatabase db);

//! The newest suggestion reviews with reviewer and asset (at most `limit`).
Result<SnapshotTable> loadRecentReviews(QSqlDatabase db, int limit = 200);

/** Watchlists a user may open: the system and admin lists, and the user's own. */
Result<SnapshotTable> loadWatchlists(QSqlDatabase db, int userId);

/**
 * A watchlist's items that are not removed: id, watchlist_id, crypto_id, symbol, name, tier,
 * priority_order, status, current_price, market_cap, ai_confidence (newest suggestion for the
 * asset), risk_level (newest signal), performance_24h; by tier, then priority.
 */
Result<SnapshotTable> loadWatchlistItems(QSqlDatabase db, int watchlistId);

/** Active assets that are not in the watchlist yet: id, symbol, name (for "add"). */
Result<SnapshotTable> loadAddableAssets(QSqlDatabase db, int watchlistId);

} // namespace cp::models::views
