#include "demoloader.h"

#include <models/assetrepository.h>
#include <models/metadatarepository.h>
#include <models/pricedatawriter.h>
#include <models/sqltimestamp.h>
#include <models/sqltransaction.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace cp::app {

namespace {

QString intervalName(engine::Interval interval)
{
    return interval == engine::Interval::Hour ? QStringLiteral("1h") : QStringLiteral("1d");
}

models::AssetFacts factsOf(const engine::SimulatedAsset &asset)
{
    models::AssetFacts facts;
    facts.symbol = asset.symbol;
    facts.name = asset.name;
    facts.description = QStringLiteral("Simulated asset (demo data, not a real market).");
    facts.circulatingSupply = asset.circulatingSupply;
    facts.totalSupply = asset.totalSupply;
    facts.maxSupply = asset.maxSupply;
    facts.isSimulated = true;
    return facts;
}

//! Last price and cap, and the quote-currency volume of the last 24 hours of bars.
models::MarketFigures currentFigures(const std::vector<engine::Candle> &candles,
                                     const engine::SimulatedAsset &asset)
{
    const engine::Candle &last = candles.back();
    models::MarketFigures figures;
    figures.price = last.close;
    figures.marketCap = last.close * asset.circulatingSupply;
    figures.lastUpdate = last.time;
    for (auto it = candles.rbegin(); it != candles.rend() && it->time > last.time - 86400; ++it)
        figures.quoteVolume24h += it->volume * it->close;
    return figures;
}

Status refreshRanks(QSqlDatabase db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral(
            "UPDATE cryptocurrencies SET market_cap_rank = (SELECT COUNT(*) + 1 FROM"
            " cryptocurrencies AS other WHERE other.market_cap > cryptocurrencies.market_cap)"
            " WHERE market_cap IS NOT NULL"))) {
        return Status::failure(
            QStringLiteral("Could not rank the assets: %1").arg(query.lastError().text()));
    }
    return {};
}

} // namespace

DemoLoader::DemoLoader(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<DemoReport> DemoLoader::load(const engine::SimulationConfig &config,
                                    const Progress &progress)
{
    QElapsedTimer timer;
    timer.start();
    const engine::MarketSimulator simulator(config);
    const auto &assets = simulator.assets();

    models::SqlTransaction transaction(m_db);
    if (!transaction.isActive())
        return Result<DemoReport>::failure(transaction.error());

    models::AssetRepository repository(m_db);
    const Result<QHash<QString, int>> sectors = repository.sectorIdsByName();
    if (!sectors)
        return Result<DemoReport>::failure(sectors.error());

    // A smaller demo than the last must not leave the last one's extra assets behind.
    QStringList symbols;
    for (const engine::SimulatedAsset &asset : assets)
        symbols.append(asset.symbol);
    if (const Status s = repository.deleteSimulatedExcept(symbols); !s)
        return Result<DemoReport>::failure(s.error());

    std::vector<int> ids;
    ids.reserve(assets.size());
    for (const engine::SimulatedAsset &asset : assets) {
        const int sectorId = sectors->value(asset.sector);
        if (sectorId == 0) {
            return Result<DemoReport>::failure(
                QStringLiteral("The database has no sector named %1.").arg(asset.sector));
        }
        const Result<std::optional<models::AssetRow>> existing =
            repository.findBySymbol(asset.symbol);
        if (!existing)
            return Result<DemoReport>::failure(existing.error());
        int id = 0;
        if (existing->has_value()) {
            if (!(*existing)->isSimulated) {
                return Result<DemoReport>::failure(
                    QStringLiteral("The database already holds real data for %1; write demo "
                                   "data into a database of its own (--db).")
                        .arg(asset.symbol));
            }
            id = (*existing)->id;
            if (const Status s = repository.update(id, factsOf(asset)); !s)
                return Result<DemoReport>::failure(s.error());
            if (const Status s = repository.deletePriceHistory(id); !s)
                return Result<DemoReport>::failure(s.error());
        } else {
            const Result<int> inserted = repository.insert(factsOf(asset));
            if (!inserted)
                return Result<DemoReport>::failure(inserted.error());
            id = *inserted;
        }
        if (const Status s = repository.setPrimarySector(id, sectorId); !s)
            return Result<DemoReport>::failure(s.error());
        ids.push_back(id);
    }

    models::PriceDataWriter writer(m_db, models::PriceDataWriter::Mode::Append, /*bulk=*/true);
    if (const Status s = writer.begin(); !s)
        return Result<DemoReport>::failure(s.error());
    std::vector<engine::Candle> candles;
    // Applied after the bulk write: on PostgreSQL the connection is busy with COPY until then.
    std::vector<std::pair<int, models::MarketFigures>> figures;
    const int total = static_cast<int>(assets.size());
    for (int i = 0; i < total; ++i) {
        simulator.generateCandles(i, candles);
        if (const Status s = writer.write(ids[i], candles, assets[i].circulatingSupply); !s)
            return Result<DemoReport>::failure(s.error());
        if (!candles.empty())
            figures.emplace_back(ids[i], currentFigures(candles, assets[i]));
        if (progress && !progress(i + 1, total))
            return Result<DemoReport>::failure(QStringLiteral("The demo load was cancelled."));
    }
    if (const Status s = writer.finish(); !s)
        return Result<DemoReport>::failure(s.error());

    for (const auto &[id, current] : figures) {
        if (const Status s = repository.setMarketFigures(id, current); !s)
            return Result<DemoReport>::failure(s.error());
    }
    if (const Status s = refreshRanks(m_db); !s)
        return Result<DemoReport>::failure(s.error());

    const QJsonObject record{
        {QStringLiteral("simulated"), true},
        {QStringLiteral("seed"), QString::number(config.seed)},
        {QStringLiteral("assets"), config.assetCount},
        {QStringLiteral("days"), config.days},
        {QStringLiteral("interval"), intervalName(config.interval)},
        {QStringLiteral("start"), models::SqlTimestamp::fromUnixSeconds(config.startTime)},
        {QStringLiteral("generated_at"),
         models::SqlTimestamp::fromDateTime(QDateTime::currentDateTimeUtc())},
    };
    if (const Status s =
            models::MetadataRepository(m_db).set(models::MetadataRepository::demoDataKey(), record);
        !s) {
        return Result<DemoReport>::failure(s.error());
    }
    if (const Status s = transaction.commit(); !s)
        return Result<DemoReport>::failure(s.error());

    DemoReport report;
    report.assets = total;
    report.candles = writer.rowsWritten();
    report.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    return report;
}

} // namespace cp::app
