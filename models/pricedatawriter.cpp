#include "pricedatawriter.h"

#include "connection.h"
#include "pricedatasink.h"

namespace cp::models {

PriceDataWriter::PriceDataWriter(QSqlDatabase db, Mode mode, bool bulk, int sqliteCacheMiB)
{
    const bool upsert = mode == Mode::Upsert;
    m_sink = dialectOf(db) == Dialect::PostgreSQL
                 ? Internal::makePostgresCopySink(db, upsert)
                 : Internal::makeSqliteInsertSink(db, upsert, bulk, sqliteCacheMiB);
}

PriceDataWriter::~PriceDataWriter() = default;

Status PriceDataWriter::begin()
{
    return m_sink->begin();
}

Status PriceDataWriter::write(int cryptoId, std::span<const engine::Candle> candles,
                              double circulatingSupply)
{
    const Status status = m_sink->write(cryptoId, candles, circulatingSupply, nullptr);
    if (status)
        m_rows += static_cast<qint64>(candles.size());
    return status;
}

Status PriceDataWriter::write(int cryptoId, std::span<const engine::Candle> candles,
                              std::span<const double> marketCaps)
{
    if (marketCaps.size() != candles.size())
        return Status::failure(QStringLiteral("Each candle needs its market cap."));
    const Status status = m_sink->write(cryptoId, candles, 0.0, marketCaps.data());
    if (status)
        m_rows += static_cast<qint64>(candles.size());
    return status;
}

Status PriceDataWriter::finish()
{
    return m_sink->finish();
}

} // namespace cp::models
