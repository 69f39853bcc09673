#include "pricedatawriter.h"

#include "connection.h"
#include "pricedatasink.h"

namespace cp::models {

PriceDataWriter::PriceDataWriter(QSqlDatabase db, Mode mode, bool bulk)
{
    const bool upsert = mode == Mode::Upsert;
    m_sink = dialectOf(db) == Dialect::PostgreSQL
                 ? Internal::makePostgresCopySink(db, upsert)
                 : Internal::makeSqliteInsertSink(db, upsert, bulk);
}

PriceDataWriter::~PriceDataWriter() = default;

Status PriceDataWriter::begin()
{
    return m_sink->begin();
}

Status PriceDataWriter::write(int cryptoId, std::span<const engine::Candle> candles,
                              double circulatingSupply)
{
    const Status status = m_sink->write(cryptoId, candles, circulatingSupply);
    if (status)
        m_rows += static_cast<qint64>(candles.size());
    return status;
}

Status PriceDataWriter::finish()
{
    return m_sink->finish();
}

} // namespace cp::models
