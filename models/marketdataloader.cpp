#include "marketdataloader.h"

#include "connection.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cp::models {

namespace {

engine::Tier tierFromName(const QString &name)
{
    if (name == QLatin1String("tier1"))
        return engine::Tier::Tier1;
    if (name == QLatin1String("tier2"))
        return engine::Tier::Tier2;
    return engine::Tier::None;
}

template<typename T>
Result<T> readFailure(const QSqlQuery &query)
{
    return Result<T>::failure(
        QStringLiteral("Could not read market data: %1").arg(query.lastError().text()));
}

} // namespace

MarketDataLoader::MarketDataLoader(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<std::vector<engine::AssetHistory>>
MarketDataLoader::load(const std::function<bool()> &cancelled)
{
    using Histories = std::vector<engine::AssetHistory>;
    QSqlQuery assets(m_db);
    assets.setForwardOnly(true);
    assets.setNumericalPrecisionPolicy(QSql::LowPrecisionDouble);
    assets.prepare(
        QStringLiteral("SELECT c.id, c.symbol, c.name, c.sector_id, s.name, c.circulating_supply,"
                       " c.watchlist_tier FROM cryptocurrencies c"
                       " LEFT JOIN crypto_sectors s ON s.id = c.sector_id"
                       " WHERE c.is_active IS NULL OR c.is_active = ? ORDER BY c.id"));
    assets.addBindValue(true);
    if (!assets.exec())
        return readFailure<Histories>(assets);
    Histories histories;
    QHash<int, std::size_t> indexById;
    while (assets.next()) {
        engine::AssetHistory history;
        history.cryptoId = assets.value(0).toInt();
        history.symbol = assets.value(1).toString();
        history.name = assets.value(2).toString();
        history.sectorId = assets.value(3).toInt();
        history.sector = assets.value(4).toString();
        history.circulatingSupply = assets.value(5).toDouble();
        history.tier = tierFromName(assets.value(6).toString());
        history.isStablecoin = history.sector == QLatin1String("Stablecoins");
        indexById.insert(history.cryptoId, histories.size());
        histories.push_back(std::move(history));
    }

    // Epoch seconds computed by the server: cheaper than parsing timestamps client-side.
    const QString epoch = dialectOf(m_db) == Dialect::PostgreSQL
                              ? QStringLiteral("CAST(EXTRACT(EPOCH FROM timestamp) AS BIGINT)")
                              : QStringLiteral("CAST(strftime('%s', timestamp) AS INTEGER)");
    QSqlQuery prices(m_db);
    prices.setForwardOnly(true);
    prices.setNumericalPrecisionPolicy(QSql::LowPrecisionDouble);
    if (!prices.exec(QStringLiteral("SELECT crypto_id, %1, open_price, high_price, low_price,"
                                    " close_price, volume FROM price_data"
                                    " ORDER BY crypto_id, timestamp")
                         .arg(epoch))) {
        return readFailure<Histories>(prices);
    }
    int currentId = -1;
    engine::AssetHistory *current = nullptr;
    qint64 rows = 0;
    while (prices.next()) {
        const int id = prices.value(0).toInt();
        if (id != currentId) {
            currentId = id;
            const auto found = indexById.constFind(id);
            current = found == indexById.cend() ? nullptr : &histories[*found];
        }
        if ((++rows & 0xFFFF) == 0 && cancelled && cancelled())
            return Result<Histories>::failure(QStringLiteral("The analysis was cancelled."));
        if (!current)
            continue;
        engine::Candle candle;
        candle.time = prices.value(1).toLongLong();
        candle.open = prices.value(2).toDouble();
        candle.high = prices.value(3).toDouble();
        candle.low = prices.value(4).toDouble();
        candle.close = prices.value(5).toDouble();
        candle.volume = prices.value(6).toDouble();
        current->candles.push_back(candle);
    }
    if (prices.lastError().isValid())
        return readFailure<Histories>(prices);
    return histories;
}

Result<std::vector<PendingSuggestion>> MarketDataLoader::pendingSuggestions() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT crypto_id, suggestion_type FROM ai_suggestions"
                                   " WHERE status = 'pending'")))
        return readFailure<std::vector<PendingSuggestion>>(query);
    std::vector<PendingSuggestion> result;
    while (query.next())
        result.push_back({query.value(0).toInt(), query.value(1).toString()});
    return result;
}

} // namespace cp::models
