#pragma once

#include "apikeyprovider.h"
#include "livefeed.h"
#include "providerstatus.h"

#include <models/databaseurl.h>

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QStringList>
#include <QThreadPool>

#include <memory>

namespace cp::app {
struct AppSettings;
}

namespace cp::models {
class ConnectionPool;
}

namespace cp::app::marketdata {

class MarketScheduler;

/** Provider keys held in memory, filled from the keychain; thread-safe for the workers. */
class CachedApiKeyProvider : public ApiKeyProvider
{
public:
    void setKey(const QString &provider, const QString &key);
    QString apiKey(const QString &provider) const override;

private:
    mutable QMutex m_mutex;
    QHash<QString, QString> m_keys;
};

/** Command-line overrides of the settings (serve). */
struct ServiceOverrides
{
    //! >= 0 replaces schedule.marketRefreshMinutes (0 = off); -1 keeps the setting.
    int refreshMinutes = -1;
    //! Forces the Binance live feed on even when providers.liveEnabled is false.
    bool livePrices = false;
};

/**
 * Live market data for one instance (the desktop on its own database, or `serve`): the status
 * board, the periodic scheduler (refresh, analysis, evaluation) and the Binance live feed,
 * configured from AppSettings and re-configured when they change. Owned by the GUI thread (or
 * the server's main thread); the work itself runs on their workers.
 */
class MarketDataService : public QObject
{
    Q_OBJECT

public:
    using Overrides = ServiceOverrides;

    explicit MarketDataService(models::DatabaseUrl url, QObject *parent = nullptr);
    ~MarketDataService() override;

    //! Starts, restarts or stops the scheduler and the feed for these settings: the scheduler
    //! runs when live data is enabled (or a refresh interval is forced), the feed likewise.
    void apply(const AppSettings &settings, const Overrides &overrides = {});
    void stop();

    ProviderStatusBoard &status() { return m_status; }
    CachedApiKeyProvider &keys() { return m_keys; }
    //! Reads the provider keys from the OS keychain (asynchronously); call on the GUI thread.
    void loadKeysFromKeychain();
    //! Null while stopped.
    MarketScheduler *scheduler() const { return m_scheduler.get(); }
    LiveFeed *liveFeed() const { return m_feed.get(); }

Q_SIGNALS:
    //! The scheduler or the feed was started, stopped or replaced.
    void configurationChanged();
    //! A tier-1 lookup (at start, after a refresh) answered; `pairs` is what the feed now
    //! streams, whether or not it had to be restarted for them.
    void livePairsChecked(const QStringList &pairs);

private:
    //! Keeps LiveStatusRegistry (the API's system health) current.
    void publishState();
    //! Without configured pairs: looks up the tier-1 pairs on m_lookup (never on this thread)
    //! and hands them to followPairs.
    void lookUpTier1Pairs();
    //! Restarts the feed when `pairs` differ from what it streams.
    void followPairs(QStringList pairs);
    void startFeed();

    models::DatabaseUrl m_url;
    ProviderStatusBoard m_status;
    CachedApiKeyProvider m_keys;
    std::unique_ptr<MarketScheduler> m_scheduler;
    std::unique_ptr<LiveFeed> m_feed;
    //! The feed's options as last started (its pairs are what it streams).
    LiveFeedOptions m_feedOptions;
    //! The stream follows the tier-1 watchlist (no pairs configured).
    bool m_followTier1 = false;
    //! Bumped by stop(): a lookup started before is stale.
    quint64 m_generation = 0;
    std::shared_ptr<models::ConnectionPool> m_connections;
    //! Last member: destroyed (and waited for) first.
    QThreadPool m_lookup;
};

} // namespace cp::app::marketdata
