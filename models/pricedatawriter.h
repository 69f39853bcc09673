#pragma once

#include <engine/candle.h>
#include <engine/result.h>

#include <QSqlDatabase>

#include <memory>
#include <span>

namespace cp::models {

namespace Internal {
class PriceDataSink;
}

/**
 * Streams candles of many assets into price_data inside the caller's transaction, at bulk speed:
 * COPY through libpq on PostgreSQL, a native prepared statement on SQLite. Nothing is kept in
 * memory beyond one buffer, however many rows pass through.
 */
class PriceDataWriter
{
public:
    enum class Mode {
        //! Rows must be new; a duplicate (crypto_id, timestamp) fails the write.
        Append,
        //! A row for an existing (crypto_id, timestamp) replaces it: re-imports are idempotent.
        //! A (crypto_id, timestamp) written twice in one stream keeps the last write.
        Upsert,
    };

    /**
     * `bulk`: the write is large compared with the table (a demo, a big import). The
     * time index of price_data is then dropped for the write and rebuilt by finish() in one
     * sorted pass, inside the same transaction; maintaining it row by row is what makes
     * millions of SQLite inserts slow.
     */
    //! `sqliteCacheMiB`: SQLite's page cache during the write (see sqliteinsertsink.cpp); a
    //! file import uses less than the demo loader so its memory stays flat.
    PriceDataWriter(QSqlDatabase db, Mode mode, bool bulk = false, int sqliteCacheMiB = 256);
    ~PriceDataWriter();

    Status begin();
    //! market_cap of each row = close * circulatingSupply (NULL when the supply is unknown, 0).
    Status write(int cryptoId, std::span<const engine::Candle> candles, double circulatingSupply);
    //! market_cap of candles[i] = marketCaps[i] (NaN: NULL); the spans have the same size.
    Status write(int cryptoId, std::span<const engine::Candle> candles,
                 std::span<const double> marketCaps);
    //! Flushes and ends the stream; the caller still commits its transaction.
    Status finish();
    qint64 rowsWritten() const { return m_rows; }

private:
    std::unique_ptr<Internal::PriceDataSink> m_sink;
    qint64 m_rows = 0;
};

} // namespace cp::models
