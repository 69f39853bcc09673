#pragma once

#include "snapshottable.h"

#include <engine/candle.h>
#include <engine/result.h>

#include <QSqlDatabase>

#include <vector>

namespace cp::models::views {

/**
 * Active trading signals with their asset: id, crypto_id, symbol, name, signal_type,
 * entry_price, target_price, stop_loss, expected_return (percent to target, signed for the
 * direction), confidence_score, risk_level, risk_reward_ratio, time_horizon_hours, ai_analysis,
 * market_context, status, generated_at, expires_at, current_price; most confident first.
 */
Result<SnapshotTable> loadActiveSignals(QSqlDatabase db);

/** A user's signal executions, newest first, with the signal's asset and levels. */
Result<SnapshotTable> loadExecutions(QSqlDatabase db, int userId, int limit = 500);

/**
 * The newest `maxCandles` candles of an asset, oldest first (open/high/low fall back to the
 * close where a source only gave closes).
 */
Result<std::vector<engine::Candle>> loadCandles(QSqlDatabase db, int cryptoId,
                                                int maxCandles = 2000);

} // namespace cp::models::views
