#pragma once

#include "marketrows.h"

#include <engine/result.h>

#include <QByteArray>

#include <optional>
#include <vector>

namespace cp::app::marketdata {

/** Binance spot JSON (REST /api/v3/klines, combined WebSocket streams) to rows. Pure. */
namespace BinanceMapper {

//! /api/v3/klines: [[openTime ms, "open", "high", "low", "close", "volume", closeTime, ...], ...].
Result<std::vector<engine::Candle>> klines(const QByteArray &json);
//! A combined-stream message {"stream": ..., "data": {...}}; nullopt for messages we do not use
//! (subscription replies, other event types); an error for malformed JSON.
Result<std::optional<StreamEvent>> streamMessage(const QByteArray &json);
//! "BTCUSDT" -> "BTC": the pair without its quote currency (USDT, FDUSD, USDC, BUSD, ...).
QString baseAsset(const QString &pair);
//! Bar length of a Binance interval ("1m", "1h", "1d", ...) in seconds; 0 when unknown.
qint64 intervalSeconds(const QString &interval);

} // namespace BinanceMapper

} // namespace cp::app::marketdata
