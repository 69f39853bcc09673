#pragma once

#include <engine/candle.h>
#include <engine/result.h>

#include <QSqlDatabase>

#include <charconv>
#include <cmath>
#include <memory>
#include <span>

namespace cp::models::Internal {

/** The dialect-specific half of PriceDataWriter. */
class PriceDataSink
{
public:
    virtual ~PriceDataSink() = default;
    virtual Status begin() = 0;
    //! market_cap = marketCaps[i] when given (NaN: NULL), else close * supply (supply <= 0: NULL).
    virtual Status write(int cryptoId, std::span<const engine::Candle> candles, double supply,
                         const double *marketCaps) = 0;
    virtual Status finish() = 0;
};

std::unique_ptr<PriceDataSink> makePostgresCopySink(QSqlDatabase db, bool upsert);
std::unique_ptr<PriceDataSink> makeSqliteInsertSink(QSqlDatabase db, bool upsert, bool bulk,
                                                    int cacheMiB);

//! Shortest text that reads back as the same double; returns the end of the written text.
inline char *appendNumber(char *out, char *end, double value)
{
    return std::to_chars(out, end, value).ptr;
}

//! The market cap to store for row `i`; NaN stands for NULL.
inline double marketCapOf(const engine::Candle &candle, std::size_t i, double supply,
                          const double *marketCaps)
{
    if (marketCaps)
        return marketCaps[i];
    return supply > 0 ? candle.close * supply : std::nan("");
}

} // namespace cp::models::Internal
