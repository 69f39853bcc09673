#pragma once

#include "candlereader.h"

#include <QString>

#include <vector>

namespace cp::app::importers {

/**
 * Candles from CoinGecko JSON: /coins/{id}/market_chart ({"prices", "market_caps",
 * "total_volumes"} of [ms, value] pairs) or /coins/{id}/ohlc ([ms, open, high, low, close]
 * rows). CoinGecko answers are at most a few megabytes, so the file is read whole; the rows are
 * then handed out in batches like the CSV readers do.
 *
 * market_chart has one price per point. A point becomes a bar from the previous point to it:
 * open = the previous price (the first point: its own), close = its price, high/low = the larger
 * and smaller of the two. total_volumes is a rolling 24-hour volume in the quote currency; a
 * bar's volume is that divided by the price (units of the asset) and scaled to the bar's share
 * of a day (the gap to the previous point, at most 24 hours), so daily data keeps the day's
 * volume and hourly bars do not count each hour's 24-hour volume. /ohlc has no volume (0).
 */
class CoinGeckoReader final : public CandleReader
{
public:
    explicit CoinGeckoReader(QIODevice &in);

    Status read(ImportBatch &batch, std::size_t maxRows) override;
    QStringList detectedColumns() const override;
    bool hasMarketCaps() const override { return true; }

private:
    Status load();

    QIODevice &m_in;
    bool m_loaded = false;
    bool m_isOhlc = false;
    ImportBatch m_rows;
    std::size_t m_next = 0;
    qsizetype m_capCount = 0;
    qsizetype m_volumeCount = 0;
};

} // namespace cp::app::importers
