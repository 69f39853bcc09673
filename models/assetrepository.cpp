#include "assetrepository.h"

#include "sqltimestamp.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cp::models {

namespace {

QVariant nullableSupply(double value)
{
    return value > 0 ? QVariant(value) : QVariant();
}

template<typename T>
Result<T> queryFailure(const QString &what, const QSqlQuery &query)
{
    return Result<T>::failure(QStringLiteral("%1: %2").arg(what, query.lastError().text()));
}

Status statusOf(QSqlQuery &query, const QString &what)
{
    if (query.exec())
        return {};
    return Status::failure(QStringLiteral("%1: %2").arg(what, query.lastError().text()));
}

void bindFacts(QSqlQuery &query, const AssetFacts &facts)
{
    query.addBindValue(facts.symbol);
    query.addBindValue(facts.name);
    query.addBindValue(facts.description);
    query.addBindValue(nullableSupply(facts.circulatingSupply));
    query.addBindValue(nullableSupply(facts.totalSupply));
    query.addBindValue(nullableSupply(facts.maxSupply));
    query.addBindValue(facts.isSimulated);
}

} // namespace

AssetRepository::AssetRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<QHash<QString, int>> AssetRepository::sectorIdsByName() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT id, name FROM crypto_sectors")))
        return queryFailure<QHash<QString, int>>(QStringLiteral("Could not read sectors"), query);
    QHash<QString, int> result;
    while (query.next())
        result.insert(query.value(1).toString(), query.value(0).toInt());
    return result;
}

Result<std::optional<AssetRow>> AssetRepository::findBySymbol(const QString &symbol) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT id, is_simulated FROM cryptocurrencies WHERE symbol = ?"));
    query.addBindValue(symbol);
    if (!query.exec())
        return queryFailure<std::optional<AssetRow>>(QStringLiteral("Could not read assets"),
                                                     query);
    if (!query.next())
        return std::optional<AssetRow>();
    return std::optional<AssetRow>(AssetRow{query.value(0).toInt(), query.value(1).toBool()});
}

Result<int> AssetRepository::insert(const AssetFacts &facts)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO cryptocurrencies (symbol, name, description, circulating_supply,"
        " total_supply, max_supply, is_simulated) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    bindFacts(query, facts);
    if (!query.exec() || !query.next())
        return queryFailure<int>(QStringLiteral("Could not add %1").arg(facts.symbol), query);
    return query.value(0).toInt();
}

Status AssetRepository::update(int cryptoId, const AssetFacts &facts)
{
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("UPDATE cryptocurrencies SET symbol = ?, name = ?, description = ?,"
                       " circulating_supply = ?, total_supply = ?, max_supply = ?, is_simulated = ?"
                       " WHERE id = ?"));
    bindFacts(query, facts);
    query.addBindValue(cryptoId);
    return statusOf(query, QStringLiteral("Could not update %1").arg(facts.symbol));
}

Status AssetRepository::setPrimarySector(int cryptoId, int sectorId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE cryptocurrencies SET sector_id = ? WHERE id = ?"));
    query.addBindValue(sectorId);
    query.addBindValue(cryptoId);
    if (const Status s = statusOf(query, QStringLiteral("Could not set the sector")); !s)
        return s;
    query.prepare(QStringLiteral("UPDATE crypto_sector_mapping SET is_primary = ?"
                                 " WHERE crypto_id = ? AND sector_id <> ?"));
    query.addBindValue(false);
    query.addBindValue(cryptoId);
    query.addBindValue(sectorId);
    if (const Status s = statusOf(query, QStringLiteral("Could not update the sector mapping")); !s)
        return s;
    query.prepare(QStringLiteral(
        "INSERT INTO crypto_sector_mapping (crypto_id, sector_id, weight, is_primary)"
        " VALUES (?, ?, 1.0, ?) ON CONFLICT (crypto_id, sector_id) DO UPDATE SET is_primary ="
        " excluded.is_primary"));
    query.addBindValue(cryptoId);
    query.addBindValue(sectorId);
    query.addBindValue(true);
    return statusOf(query, QStringLiteral("Could not map the asset to its sector"));
}

Status AssetRepository::setMarketFigures(int cryptoId, const MarketFigures &figures)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "UPDATE cryptocurrencies SET current_price = ?, market_cap = ?, total_volume = ?,"
        " last_data_update = ? WHERE id = ?"));
    query.addBindValue(figures.price);
    query.addBindValue(figures.marketCap > 0 ? QVariant(figures.marketCap) : QVariant());
    query.addBindValue(figures.quoteVolume24h);
    query.addBindValue(SqlTimestamp::fromUnixSeconds(figures.lastUpdate));
    query.addBindValue(cryptoId);
    return statusOf(query, QStringLiteral("Could not update market figures"));
}

Status AssetRepository::deleteSimulatedExcept(const QStringList &keep)
{
    QStringList placeholders;
    placeholders.fill(QStringLiteral("?"), keep.size());
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("DELETE FROM cryptocurrencies WHERE is_simulated = ?") +
        (keep.isEmpty()
             ? QString()
             : QStringLiteral(" AND symbol NOT IN (%1)").arg(placeholders.join(QLatin1Char(',')))));
    query.addBindValue(true);
    for (const QString &symbol : keep)
        query.addBindValue(symbol);
    return statusOf(query, QStringLiteral("Could not remove old simulated assets"));
}

Status AssetRepository::deletePriceHistory(int cryptoId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM price_data WHERE crypto_id = ?"));
    query.addBindValue(cryptoId);
    return statusOf(query, QStringLiteral("Could not delete price history"));
}

} // namespace cp::models
