#pragma once

#include <engine/candle.h>

#include <vector>

namespace cp::app::importers {

/** Rows read from a file, in file order, ready for PriceDataWriter. */
struct ImportBatch
{
    std::vector<engine::Candle> candles;
    //! Per candle, NaN when unknown; empty when the format carries no market caps.
    std::vector<double> marketCaps;
    //! Per candle, the 1-based line of the file it came from.
    std::vector<qint64> lines;

    void clear()
    {
        candles.clear();
        marketCaps.clear();
        lines.clear();
    }
    std::size_t size() const { return candles.size(); }
};

} // namespace cp::app::importers
