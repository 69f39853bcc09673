#pragma once

#include <engine/result.h>

#include <QSqlDatabase>
#include <QStringList>

namespace cp::app::marketdata {

//! The Binance pairs of the tier-1 watchlist ("<SYMBOL>USDT" for each non-simulated,
//! non-stablecoin tier-1 asset, by symbol): what the REST gap fill and the live stream follow
//! when no pairs are configured. Runs a query, so only on a worker's own connection.
Result<QStringList> tier1Pairs(QSqlDatabase db);

} // namespace cp::app::marketdata
