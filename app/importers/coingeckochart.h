#pragma once

#include <engine/result.h>

#include <QByteArray>
#include <QtGlobal>

#include <vector>

namespace cp::app::importers {

/**
 * CoinGecko's chart JSON, as written: /coins/{id}/market_chart ({"prices", "market_caps",
 * "total_volumes"} of [ms, value] pairs; other keys ignored) or /coins/{id}/ohlc (an array of
 * [ms, open, high, low, close]). The one parser of that shape: the file importer
 * (CoinGeckoReader) and the live backfill (marketdata::CoinGeckoMapper::marketChart) differ only
 * in what they make of the series. Entries keep the line they start on for error messages; a
 * JSON null is NaN. Entry sizes are not checked here: each user has its own rule.
 */
struct CoinGeckoChart
{
    struct Entry
    {
        std::vector<double> values;
        qint64 line = 0;
    };

    //! An /ohlc array (its rows are in `prices`), not a market_chart object.
    bool isOhlc = false;
    //! The object had a "prices" key (a market_chart answer, even with no points).
    bool hasPrices = false;
    std::vector<Entry> prices;
    std::vector<Entry> marketCaps;
    std::vector<Entry> totalVolumes;

    //! Errors read "line N: reason" (translated like the importer's messages).
    static Result<CoinGeckoChart> parse(const QByteArray &json);
};

} // namespace cp::app::importers
