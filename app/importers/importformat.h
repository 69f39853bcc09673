#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace cp::app::importers {

/** The market-data file layouts `import` reads. */
enum class ImportFormat {
    //! Binance kline CSV: 12 columns, open time in ms or µs, optional header.
    BinanceKlines,
    //! CoinGecko /coins/{id}/market_chart or /coins/{id}/ohlc JSON.
    CoinGeckoMarketChart,
    //! Any CSV whose header names timestamp, open, high, low, close and volume.
    OhlcvCsv,
};

//! The command-line name ("binance-klines", ...).
QString formatName(ImportFormat format);
std::optional<ImportFormat> formatFromName(const QString &name);
QStringList formatNames();

} // namespace cp::app::importers
