#pragma once

#include <engine/result.h>

#include <QHash>
#include <QSqlDatabase>

#include <optional>

namespace cp::models {

/** The static facts of a cryptocurrency that writers set. */
struct AssetFacts
{
    QString symbol;
    QString name;
    QString description;
    double circulatingSupply = 0.0;
    double totalSupply = 0.0;
    //! 0 when unlimited (stored as NULL).
    double maxSupply = 0.0;
    bool isSimulated = false;
};

/** What a writer needs to know about an existing cryptocurrency row. */
struct AssetRow
{
    int id = 0;
    bool isSimulated = false;
};

/** Reads and writes cryptocurrencies and their sector mapping. */
class AssetRepository
{
public:
    explicit AssetRepository(QSqlDatabase db);

    //! crypto_sectors.name -> id.
    Result<QHash<QString, int>> sectorIdsByName() const;
    Result<std::optional<AssetRow>> findBySymbol(const QString &symbol) const;
    Result<int> insert(const AssetFacts &facts);
    Status update(int cryptoId, const AssetFacts &facts);
    //! Makes `sectorId` the asset's primary sector (cryptocurrencies.sector_id + mapping row).
    Status setPrimarySector(int cryptoId, int sectorId);
    //! Latest price, market cap and volume from the newest price_data row of the asset.
    Status refreshMarketFigures(int cryptoId);
    Status deletePriceHistory(int cryptoId);

private:
    QSqlDatabase m_db;
};

} // namespace cp::models
