#pragma once

#include <engine/candle.h>
#include <engine/result.h>

#include <QSqlDatabase>

#include <charconv>
#include <memory>
#include <span>

namespace cp::models::Internal {

/** The dialect-specific half of PriceDataWriter. */
class PriceDataSink
{
public:
    virtual ~PriceDataSink() = default;
    virtual Status begin() = 0;
    virtual Status write(int cryptoId, std::span<const engine::Candle> candles, double supply) = 0;
    virtual Status finish() = 0;
};

std::unique_ptr<PriceDataSink> makePostgresCopySink(QSqlDatabase db, bool upsert);
std::unique_ptr<PriceDataSink> makeSqliteInsertSink(QSqlDatabase db, bool upsert, bool bulk);

//! Shortest text that reads back as the same double; returns the end of the written text.
inline char *appendNumber(char *out, char *end, double value)
{
    return std::to_chars(out, end, value).ptr;
}

} // namespace cp::models::Internal
