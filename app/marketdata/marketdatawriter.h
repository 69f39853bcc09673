#pragma once

#include "marketrows.h"

#include <engine/result.h>

#include <QHash>
#include <QSqlDatabase>
#include <QStringList>

#include <vector>

namespace cp::app::marketdata {

/** What one write changed, for reports and status lines. */
struct WriteReport
{
    int inserted = 0;
    int updated = 0;
    //! Rows left alone, with one reason each (simulated asset, symbol taken, already stored).
    int skipped = 0;
    QStringList notes;
};

/**
 * Writes provider rows into the schema, each call ONE transaction on the caller's connection,
 * then announces the change on models::ChangeBus (price_data events drive the API's ws/prices
 * channel). Live data is real data: assets it creates have is_simulated = 0, and it never
 * overwrites a simulated asset (the demo's history would be mixed with real prices).
 * Provider rows carry their source in the JSON columns ("source": "coingecko" / "alternative.me").
 */
class MarketDataWriter
{
public:
    explicit MarketDataWriter(QSqlDatabase db);

    //! cryptocurrencies from /coins/markets, matched by coingecko_id, then by symbol.
    Result<WriteReport> writeMarkets(const std::vector<MarketAssetRow> &rows);
    //! One dominance_data row (skipped when one with the same time and source exists).
    Result<WriteReport> writeGlobal(const GlobalMarketRow &row);
    //! sector_performance rows; dominance_percentage against `totalMarketCap` when known (> 0).
    Result<WriteReport> writeSectors(const std::vector<SectorMetricsRow> &rows,
                                     double totalMarketCap);
    //! market_sentiment_data rows labelled alternative.me; readings already stored are skipped.
    Result<WriteReport> writeFearGreed(const std::vector<FearGreedRow> &rows);
    /**
     * price_data bars of one asset. `overwrite`: a bar at an existing (crypto_id, timestamp)
     * replaces it (exchange bars); otherwise the stored bar wins (CoinGecko's point samples
     * never replace real OHLC bars).
     */
    Result<WriteReport> writeBars(int cryptoId, const std::vector<PriceBar> &bars, bool overwrite);
    /**
     * A live batch: bars per base symbol ("BTC") and last prices per base symbol, in one
     * transaction. Unknown symbols become new (real) assets; simulated ones are skipped.
     */
    Result<WriteReport> writeLiveBatch(const QHash<QString, std::vector<engine::Candle>> &bars,
                                       const QHash<QString, double> &lastPrices, qint64 priceTime);

    //! cryptocurrencies.id of a symbol, creating a real asset when absent; 0 when the symbol
    //! belongs to a simulated asset. Runs inside the caller's transaction.
    Result<int> assetForSymbol(const QString &symbol, bool create);
    //! Unix seconds of the newest price_data bar of an asset; 0 when it has none.
    Result<qint64> latestBarTime(int cryptoId);
    //! (crypto id, coingecko id, latest bar time) of real assets with a coingecko_id, by rank.
    struct BackfillCandidate
    {
        int cryptoId = 0;
        QString coingeckoId;
        qint64 latestBar = 0;
    };
    Result<std::vector<BackfillCandidate>> backfillCandidates(int limit);

private:
    Status upsertBars(int cryptoId, const std::vector<PriceBar> &bars, bool overwrite,
                      WriteReport &report);

    QSqlDatabase m_db;
};

} // namespace cp::app::marketdata
