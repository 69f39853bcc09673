#pragma once

#include <engine/result.h>

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QSqlDatabase>

#include <optional>
#include <vector>

namespace cp::models {

/** One close of price_data. */
struct PricePoint
{
    QDateTime time;
    double close = 0.0;
};

/** Price reads by index on (crypto_id, timestamp): newest close, past closes, daily closes. */
class PriceLookup
{
public:
    explicit PriceLookup(QSqlDatabase db);

    Result<std::optional<PricePoint>> latest(int cryptoId) const;
    Result<std::optional<PricePoint>> atOrBefore(int cryptoId, const QDateTime &time) const;
    //! Percent change from `hours` before the newest close to it; nothing without both closes.
    Result<std::optional<double>> changePercent(int cryptoId, int hours) const;
    //! The last close of each UTC day over the `days` days ending at the newest close, oldest
    //! first.
    Result<std::vector<PricePoint>> dailyCloses(int cryptoId, int days) const;
    /**
     * Newest price per asset for the WebSocket price channel: crypto_id, symbol, price,
     * timestamp, change_24h (percent, null when unknown). Unknown ids are left out.
     */
    Result<QJsonArray> latestPrices(const QList<int> &cryptoIds) const;
    //! The distinct assets of these price_data rows (ids that no longer exist are left out).
    Result<QList<int>> assetsOfRows(const QList<qint64> &rowIds) const;

private:
    Result<std::optional<double>> changeSince(int cryptoId, const PricePoint &newest,
                                              int hours) const;

    QSqlDatabase m_db;
};

} // namespace cp::models
