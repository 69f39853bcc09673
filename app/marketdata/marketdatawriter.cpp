#include "marketdatawriter.h"

#include <models/changebus.h>
#include <models/sqltimestamp.h>
#include <models/sqltransaction.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cp::app::marketdata {

namespace {

using models::SqlTimestamp::fromUnixSeconds;

QVariant optional(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Status exec(QSqlQuery &query, const QString &what)
{
    if (query.exec())
        return {};
    return Status::failure(QStringLiteral("%1: %2").arg(what, query.lastError().text()));
}

qint64 nowOr(qint64 seconds)
{
    return seconds > 0 ? seconds : QDateTime::currentSecsSinceEpoch();
}

//! Runs `body` in one transaction; commits and announces `table` when it succeeds.
template<typename Body>
Result<WriteReport> inTransaction(QSqlDatabase db, const QStringList &tables, Body body)
{
    models::SqlTransaction transaction(db);
    if (!transaction.isActive())
        return Result<WriteReport>::failure(transaction.error());
    WriteReport report;
    if (const Status s = body(report); !s)
        return Result<WriteReport>::failure(s.error());
    if (const Status s = transaction.commit(); !s)
        return Result<WriteReport>::failure(s.error());
    if (report.inserted + report.updated > 0) {
        std::vector<models::ChangeEvent> events;
        for (const QString &table : tables)
            events.push_back({table, 0, QStringLiteral("insert")});
        models::ChangeBus::instance().publish(db, events);
    }
    return report;
}

} // namespace

MarketDataWriter::MarketDataWriter(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<WriteReport> MarketDataWriter::writeMarkets(const std::vector<MarketAssetRow> &rows)
{
    return inTransaction(m_db, {QStringLiteral("cryptocurrencies")}, [&](WriteReport &report) {
        QSqlQuery byId(m_db), bySymbol(m_db), update(m_db), insert(m_db);
        byId.prepare(QStringLiteral("SELECT id, is_simulated FROM cryptocurrencies"
                                    " WHERE coingecko_id = ?"));
        bySymbol.prepare(QStringLiteral("SELECT id, is_simulated, coingecko_id FROM"
                                        " cryptocurrencies WHERE symbol = ?"));
        update.prepare(QStringLiteral(
            "UPDATE cryptocurrencies SET name = ?, coingecko_id = ?, market_cap_rank = ?,"
            " current_price = ?, market_cap = ?, total_volume = ?, circulating_supply = ?,"
            " total_supply = ?, max_supply = ?, last_data_update = ? WHERE id = ?"));
        insert.prepare(QStringLiteral(
            "INSERT INTO cryptocurrencies (name, coingecko_id, market_cap_rank, current_price,"
            " market_cap, total_volume, circulating_supply, total_supply, max_supply,"
            " last_data_update, symbol, is_simulated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?)"));
        const auto bindFigures = [](QSqlQuery &q, const MarketAssetRow &row) {
            q.addBindValue(row.name);
            q.addBindValue(row.coingeckoId);
            q.addBindValue(row.rank ? QVariant(*row.rank) : QVariant());
            q.addBindValue(optional(row.price));
            q.addBindValue(optional(row.marketCap));
            q.addBindValue(optional(row.totalVolume));
            q.addBindValue(optional(row.circulatingSupply));
            q.addBindValue(optional(row.totalSupply));
            q.addBindValue(optional(row.maxSupply));
            q.addBindValue(fromUnixSeconds(nowOr(row.lastUpdated)));
        };
        for (const MarketAssetRow &row : rows) {
            int id = 0;
            byId.addBindValue(row.coingeckoId);
            if (const Status s = exec(byId, QStringLiteral("Could not read assets")); !s)
                return s;
            if (byId.next()) {
                id = byId.value(0).toInt();
                if (byId.value(1).toBool()) {
                    ++report.skipped;
                    report.notes.append(QStringLiteral("%1 is a simulated asset").arg(row.symbol));
                    continue;
                }
            }
            byId.finish();
            if (id == 0) {
                bySymbol.addBindValue(row.symbol);
                if (const Status s = exec(bySymbol, QStringLiteral("Could not read assets")); !s)
                    return s;
                if (bySymbol.next()) {
                    const QString otherId = bySymbol.value(2).toString();
                    if (bySymbol.value(1).toBool() ||
                        (!otherId.isEmpty() && otherId != row.coingeckoId)) {
                        // CoinGecko symbols are not unique; the higher-ranked coin came first.
                        ++report.skipped;
                        report.notes.append(
                            bySymbol.value(1).toBool()
                                ? QStringLiteral("%1 is a simulated asset").arg(row.symbol)
                                : QStringLiteral("symbol %1 already belongs to %2")
                                      .arg(row.symbol, otherId));
                        bySymbol.finish();
                        continue;
                    }
                    id = bySymbol.value(0).toInt();
                }
                bySymbol.finish();
            }
            if (id > 0) {
                bindFigures(update, row);
                update.addBindValue(id);
                if (const Status s =
                        exec(update, QStringLiteral("Could not update %1").arg(row.symbol));
                    !s)
                    return s;
                ++report.updated;
            } else {
                bindFigures(insert, row);
                insert.addBindValue(row.symbol);
                insert.addBindValue(false);
                if (const Status s =
                        exec(insert, QStringLiteral("Could not add %1").arg(row.symbol));
                    !s)
                    return s;
                ++report.inserted;
            }
        }
        return Status();
    });
}

Result<WriteReport> MarketDataWriter::writeGlobal(const GlobalMarketRow &row)
{
    return inTransaction(m_db, {QStringLiteral("dominance_data")}, [&](WriteReport &report) {
        const QString time = fromUnixSeconds(nowOr(row.timestamp));
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("SELECT COUNT(*) FROM dominance_data WHERE timestamp = ?"
                                     " AND CAST(dominance_changes AS TEXT) LIKE ?"));
        query.addBindValue(time);
        query.addBindValue(QStringLiteral("%\"coingecko\"%"));
        if (const Status s = exec(query, QStringLiteral("Could not read dominance")); !s)
            return s;
        if (query.next() && query.value(0).toInt() > 0) {
            ++report.skipped;
            report.notes.append(QStringLiteral("dominance at %1 already stored").arg(time));
            return Status();
        }
        QJsonObject changes{{QStringLiteral("source"), QStringLiteral("coingecko")}};
        if (row.marketCapChange24h)
            changes.insert(QStringLiteral("market_cap_change_24h"), *row.marketCapChange24h);
        query.prepare(QStringLiteral(
            "INSERT INTO dominance_data (timestamp, btc_dominance, eth_dominance, alt_dominance,"
            " stablecoin_dominance, total_market_cap, total_volume, dominance_changes)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        query.addBindValue(time);
        query.addBindValue(row.btcDominance);
        query.addBindValue(row.ethDominance);
        query.addBindValue(row.altDominance);
        query.addBindValue(row.stablecoinDominance);
        query.addBindValue(row.totalMarketCap);
        query.addBindValue(row.totalVolume);
        query.addBindValue(json(changes));
        if (const Status s = exec(query, QStringLiteral("Could not store dominance")); !s)
            return s;
        ++report.inserted;
        return Status();
    });
}

Result<WriteReport> MarketDataWriter::writeSectors(const std::vector<SectorMetricsRow> &rows,
                                                   double totalMarketCap)
{
    return inTransaction(m_db, {QStringLiteral("sector_performance")}, [&](WriteReport &report) {
        QSqlQuery sectors(m_db);
        if (!sectors.exec(QStringLiteral("SELECT id, name FROM crypto_sectors")))
            return Status::failure(
                QStringLiteral("Could not read sectors: %1").arg(sectors.lastError().text()));
        QHash<QString, int> ids;
        while (sectors.next())
            ids.insert(sectors.value(1).toString(), sectors.value(0).toInt());
        QSqlQuery insert(m_db);
        insert.prepare(QStringLiteral(
            "INSERT INTO sector_performance (sector_id, analysis_time, total_market_cap,"
            " total_volume, dominance_percentage, performance_24h, performance_metrics)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"));
        // One analysis_time for the whole set: readers take "the rows of the newest time".
        const QString time = fromUnixSeconds(QDateTime::currentSecsSinceEpoch());
        for (const SectorMetricsRow &row : rows) {
            const int sectorId = ids.value(row.sectorName);
            if (sectorId == 0) {
                ++report.skipped;
                report.notes.append(QStringLiteral("no sector named %1").arg(row.sectorName));
                continue;
            }
            std::optional<double> dominance;
            if (row.marketCap && totalMarketCap > 0)
                dominance = std::clamp(100.0 * *row.marketCap / totalMarketCap, 0.0, 100.0);
            QJsonObject metrics{{QStringLiteral("source"), QStringLiteral("coingecko")},
                                {QStringLiteral("category_id"), row.categoryId}};
            if (row.timestamp > 0)
                metrics.insert(QStringLiteral("provider_updated_at"),
                               fromUnixSeconds(row.timestamp));
            insert.addBindValue(sectorId);
            insert.addBindValue(time);
            insert.addBindValue(optional(row.marketCap));
            insert.addBindValue(optional(row.volume24h));
            insert.addBindValue(optional(dominance));
            // NUMERIC(8,4): a category that moved more than 9999% is a data error.
            insert.addBindValue(row.change24h && std::abs(*row.change24h) < 9999.0
                                    ? QVariant(*row.change24h)
                                    : QVariant());
            insert.addBindValue(json(metrics));
            if (const Status s = exec(insert, QStringLiteral("Could not store sector metrics")); !s)
                return s;
            ++report.inserted;
        }
        return Status();
    });
}

Result<WriteReport> MarketDataWriter::writeFearGreed(const std::vector<FearGreedRow> &rows)
{
    return inTransaction(m_db, {QStringLiteral("market_sentiment_data")}, [&](WriteReport &report) {
        QSqlQuery existing(m_db), insert(m_db);
        existing.prepare(
            QStringLiteral("SELECT COUNT(*) FROM market_sentiment_data WHERE timestamp = ?"
                           " AND CAST(sentiment_sources AS TEXT) LIKE ?"));
        insert.prepare(QStringLiteral("INSERT INTO market_sentiment_data (timestamp,"
                                      " fear_greed_index, sentiment_sources) VALUES (?, ?, ?)"));
        for (const FearGreedRow &row : rows) {
            const QString time = fromUnixSeconds(row.timestamp);
            existing.addBindValue(time);
            existing.addBindValue(QStringLiteral("%alternative.me%"));
            if (const Status s = exec(existing, QStringLiteral("Could not read sentiment")); !s)
                return s;
            const bool stored = existing.next() && existing.value(0).toInt() > 0;
            existing.finish();
            if (stored) {
                ++report.skipped;
                continue;
            }
            // Our own index lives in the same table; this row says where it came from.
            const QJsonObject sources{
                {QStringLiteral("source"), QStringLiteral("alternative.me")},
                {QStringLiteral("fear_greed_index"),
                 QJsonObject{{QStringLiteral("source"), QStringLiteral("alternative.me")},
                             {QStringLiteral("value"), row.value},
                             {QStringLiteral("classification"), row.classification}}}};
            insert.addBindValue(time);
            insert.addBindValue(row.value);
            insert.addBindValue(json(sources));
            if (const Status s = exec(insert, QStringLiteral("Could not store sentiment")); !s)
                return s;
            ++report.inserted;
        }
        return Status();
    });
}

Status MarketDataWriter::upsertBars(int cryptoId, const std::vector<PriceBar> &bars, bool overwrite,
                                    WriteReport &report)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
                      "INSERT INTO price_data (crypto_id, timestamp, open_price, high_price,"
                      " low_price, close_price, volume, market_cap) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                      " ON CONFLICT (crypto_id, timestamp) ") +
                  (overwrite
                       ? QStringLiteral("DO UPDATE SET open_price = excluded.open_price,"
                                        " high_price = excluded.high_price, low_price ="
                                        " excluded.low_price, close_price = excluded.close_price,"
                                        " volume = excluded.volume, market_cap ="
                                        " COALESCE(excluded.market_cap, price_data.market_cap)")
                       : QStringLiteral("DO NOTHING")));
    for (const PriceBar &bar : bars) {
        const engine::Candle &c = bar.candle;
        query.addBindValue(cryptoId);
        query.addBindValue(fromUnixSeconds(c.time));
        query.addBindValue(c.open);
        query.addBindValue(c.high);
        query.addBindValue(c.low);
        query.addBindValue(c.close);
        query.addBindValue(c.volume);
        query.addBindValue(optional(bar.marketCap));
        if (const Status s = exec(query, QStringLiteral("Could not store prices")); !s)
            return s;
        if (query.numRowsAffected() > 0)
            ++report.inserted;
        else
            ++report.skipped;
    }
    return {};
}

Result<WriteReport> MarketDataWriter::writeBars(int cryptoId, const std::vector<PriceBar> &bars,
                                                bool overwrite)
{
    return inTransaction(m_db, {QStringLiteral("price_data")}, [&](WriteReport &report) {
        return upsertBars(cryptoId, bars, overwrite, report);
    });
}

Result<int> MarketDataWriter::assetForSymbol(const QString &symbol, bool create)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT id, is_simulated FROM cryptocurrencies WHERE symbol = ?"));
    query.addBindValue(symbol);
    if (const Status s = exec(query, QStringLiteral("Could not read assets")); !s)
        return Result<int>::failure(s.error());
    if (query.next())
        return query.value(1).toBool() ? 0 : query.value(0).toInt();
    if (!create)
        return 0;
    query.prepare(QStringLiteral("INSERT INTO cryptocurrencies (symbol, name, is_simulated)"
                                 " VALUES (?, ?, ?) RETURNING id"));
    query.addBindValue(symbol);
    query.addBindValue(symbol);
    query.addBindValue(false);
    if (!query.exec() || !query.next())
        return Result<int>::failure(
            QStringLiteral("Could not add %1: %2").arg(symbol, query.lastError().text()));
    return query.value(0).toInt();
}

Result<WriteReport>
MarketDataWriter::writeLiveBatch(const QHash<QString, std::vector<engine::Candle>> &bars,
                                 const QHash<QString, double> &lastPrices, qint64 priceTime)
{
    return inTransaction(
        m_db, {QStringLiteral("price_data"), QStringLiteral("cryptocurrencies")},
        [&](WriteReport &report) {
            for (auto it = bars.constBegin(); it != bars.constEnd(); ++it) {
                const Result<int> id = assetForSymbol(it.key(), true);
                if (!id)
                    return Status::failure(id.error());
                if (*id == 0) {
                    report.skipped += int(it.value().size());
                    report.notes.append(QStringLiteral("%1 is a simulated asset").arg(it.key()));
                    continue;
                }
                std::vector<PriceBar> rows;
                for (const engine::Candle &c : it.value())
                    rows.push_back({c, std::nullopt});
                if (const Status s = upsertBars(*id, rows, true, report); !s)
                    return s;
            }
            QSqlQuery price(m_db);
            price.prepare(
                QStringLiteral("UPDATE cryptocurrencies SET current_price = ?,"
                               " last_data_update = ? WHERE symbol = ? AND is_simulated = ?"));
            for (auto it = lastPrices.constBegin(); it != lastPrices.constEnd(); ++it) {
                price.addBindValue(it.value());
                price.addBindValue(fromUnixSeconds(nowOr(priceTime)));
                price.addBindValue(it.key());
                price.addBindValue(false);
                if (const Status s = exec(price, QStringLiteral("Could not update prices")); !s)
                    return s;
                if (price.numRowsAffected() > 0)
                    ++report.updated;
            }
            return Status();
        });
}

Result<qint64> MarketDataWriter::latestBarTime(int cryptoId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT MAX(timestamp) FROM price_data WHERE crypto_id = ?"));
    query.addBindValue(cryptoId);
    if (const Status s = exec(query, QStringLiteral("Could not read prices")); !s)
        return Result<qint64>::failure(s.error());
    if (!query.next())
        return qint64(0);
    const QDateTime time = models::SqlTimestamp::toDateTime(query.value(0));
    return time.isValid() ? time.toSecsSinceEpoch() : qint64(0);
}

Result<std::vector<MarketDataWriter::BackfillCandidate>>
MarketDataWriter::backfillCandidates(int limit)
{
    using R = Result<std::vector<BackfillCandidate>>;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "SELECT c.id, c.coingecko_id, (SELECT MAX(p.timestamp) FROM price_data p"
        " WHERE p.crypto_id = c.id) FROM cryptocurrencies c WHERE c.coingecko_id IS NOT NULL"
        " AND c.is_simulated = ? AND c.is_active = ? ORDER BY c.market_cap_rank IS NULL,"
        " c.market_cap_rank, c.id LIMIT ?"));
    query.addBindValue(false);
    query.addBindValue(true);
    query.addBindValue(limit);
    if (const Status s = exec(query, QStringLiteral("Could not read assets")); !s)
        return R::failure(s.error());
    std::vector<BackfillCandidate> list;
    while (query.next()) {
        const QDateTime latest = models::SqlTimestamp::toDateTime(query.value(2));
        list.push_back({query.value(0).toInt(), query.value(1).toString(),
                        latest.isValid() ? latest.toSecsSinceEpoch() : 0});
    }
    return list;
}

} // namespace cp::app::marketdata
