#pragma once

#include "marketrows.h"

#include <engine/result.h>

#include <QByteArray>
#include <QHash>

#include <vector>

namespace cp::app::marketdata {

/**
 * CoinGecko's JSON (API v3, documented shapes) to our rows. Pure: no sockets, no database, so
 * every mapping rule is unit-tested on its own. Malformed or truncated JSON is an error value.
 */
namespace CoinGeckoMapper {

//! /coins/markets?vs_currency=usd: an array of coins. Entries without id/symbol are skipped.
Result<std::vector<MarketAssetRow>> markets(const QByteArray &json);
//! /global: {"data": {total_market_cap, total_volume, market_cap_percentage, updated_at}}.
Result<GlobalMarketRow> global(const QByteArray &json);
//! /coins/categories: only the categories that map onto one of our sectors are kept.
Result<std::vector<SectorMetricsRow>> categories(const QByteArray &json);
//! /coins/{id}/market_chart: [ms, value] triples joined by time into point bars (open = high =
//! low = close = price). total_volumes are rolling 24h volumes, so a bar's volume is that figure
//! scaled to the bar's length (`barSeconds`, inferred from the spacing when 0).
Result<std::vector<PriceBar>> marketChart(const QByteArray &json, qint64 barSeconds = 0);

//! CoinGecko category id -> our sector name (crypto_sectors.name of migration 0001).
const QHash<QString, QString> &sectorForCategory();
//! Symbols (lower case) counted as stablecoins in /global's market_cap_percentage.
bool isStablecoin(const QString &symbol);

} // namespace CoinGeckoMapper

} // namespace cp::app::marketdata
