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

/** The figures cryptocurrencies keeps current for lists and cards. */
struct MarketFigures
{
    double price = 0.0;
    double marketCap = 0.0;
    double quoteVolume24h = 0.0;
    qint64 lastUpdate = 0;
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
    //! The asset's current figures, as CoinGecko reports them: last price, market cap, 24h volume
    //! in the quote currency (not in units of the asset), time of the last data.
    Status setMarketFigures(int cryptoId, const MarketFigures &figures);
    //! Deletes simulated assets (and, by cascade, their history) whose symbol is not in `keep`.
    Status deleteSimulatedExcept(const QStringList &keep);
    Status deletePriceHistory(int cryptoId);

private:
    QSqlDatabase m_db;
};

} // namespace cp::models
