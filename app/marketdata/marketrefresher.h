#pragma once

#include "httpfetcher.h"

#include <engine/result.h>

#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>

#include <atomic>
#include <functional>

namespace cp::app {
struct ProviderSettings;
}

namespace cp::app::marketdata {

class ApiKeyProvider;
class ProviderStatusBoard;

/** Where and how much one refresh fetches; built from ProviderSettings (fromSettings). */
struct RefreshOptions
{
    QString coinGeckoBaseUrl = QStringLiteral("https://api.coingecko.com/api/v3");
    //! "public" (no key), "demo" (x-cg-demo-api-key) or "pro" (x-cg-pro-api-key).
    QString coinGeckoPlan = QStringLiteral("demo");
    QString binanceRestBaseUrl = QStringLiteral("https://api.binance.com");
    QString fearGreedBaseUrl = QStringLiteral("https://api.alternative.me");
    int coinGeckoRequestsPerMinute = 25;
    //! How many coins /coins/markets returns (one page, at most 250).
    int marketCount = 100;
    //! Assets per run whose history is topped up from /market_chart (the slow part: 1 call each).
    int backfillAssetsPerRun = 10;
    //! How far back a backfill reaches for an asset with no history.
    int backfillDays = 30;
    //! Binance pairs ("BTCUSDT") whose klines fill gaps; empty = the tier-1 watchlist vs USDT.
    QStringList binanceSymbols;
    QString klineInterval = QStringLiteral("1h");
    int fearGreedLimit = 30;
    bool coinGecko = true;
    bool binance = true;
    bool fearGreed = true;
    HttpFetcher::Options http;

    static RefreshOptions fromSettings(const ProviderSettings &settings);
};

/** What one refresh did. */
struct RefreshReport
{
    int assetsUpdated = 0;
    int dominanceRows = 0;
    int sectorRows = 0;
    int backfilledBars = 0;
    int binanceBars = 0;
    int sentimentRows = 0;
    //! One sentence per failed step (the run goes on with the other steps).
    QStringList problems;

    bool anyData() const
    {
        return assetsUpdated + dominanceRows + sectorRows + backfilledBars + binanceBars +
                   sentimentRows >
               0;
    }
    QJsonObject toJson() const;
};

/**
 * One refresh of every configured provider into the database, synchronously on the calling
 * thread (a worker: the scheduler's, or the CLI's main thread): CoinGecko markets, global
 * dominance, category (sector) metrics and market_chart backfill; Binance klines for gaps;
 * alternative.me fear & greed. Each step writes in its own transaction, so a provider that is
 * down costs only its own rows; each provider's status goes to the board.
 */
class MarketRefresher
{
public:
    MarketRefresher(QSqlDatabase db, RefreshOptions options, const ApiKeyProvider *keys = nullptr,
                    ProviderStatusBoard *status = nullptr);

    //! Lets tests replace the fetchers' sleeper and clock before the run.
    void setFetcherSetup(std::function<void(HttpFetcher &)> setup) { m_setup = std::move(setup); }
    //! Fails only when the database cannot be written; provider problems are in the report.
    Result<RefreshReport> run(const std::atomic<bool> *cancelled = nullptr);

private:
    struct ProviderOutcome;
    void refreshCoinGecko(RefreshReport &report, const std::atomic<bool> *cancelled);
    void refreshBinance(RefreshReport &report, const std::atomic<bool> *cancelled);
    void refreshFearGreed(RefreshReport &report, const std::atomic<bool> *cancelled);
    void finishProvider(const QString &provider, const ProviderOutcome &outcome);

    QSqlDatabase m_db;
    RefreshOptions m_options;
    const ApiKeyProvider *m_keys = nullptr;
    ProviderStatusBoard *m_status = nullptr;
    std::function<void(HttpFetcher &)> m_setup;
    QString m_dbError;
};

} // namespace cp::app::marketdata
