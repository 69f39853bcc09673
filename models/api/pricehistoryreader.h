#pragma once

#include <engine/result.h>

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace cp::models {

/**
 * An asset's candles for GET assets/{id}/prices: the stored candles ("1h", as price_data holds
 * them) or one candle per UTC day ("1d": first open, highest high, lowest low, last close,
 * summed volume), over the `days` days ending at the asset's newest candle (for "1d" the
 * newest candle's UTC day and the days - 1 whole days before it), oldest first.
 */
class PriceHistoryReader
{
public:
    explicit PriceHistoryReader(QSqlDatabase db);

    //! {crypto_id, symbol, interval, prices: [...]}; nothing when the asset does not exist.
    Result<std::optional<QJsonObject>> history(int cryptoId, const QString &interval,
                                               int days) const;

private:
    QSqlDatabase m_db;
};

} // namespace cp::models
