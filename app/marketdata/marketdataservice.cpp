#include "marketdataservice.h"

#include "binancemapper.h"
#include "coingeckomapper.h"
#include "livefeed.h"
#include "livestatusregistry.h"
#include "marketscheduler.h"
#include "tier1pairs.h"

#include <app/settings/appsettings.h>
#include <app/settings/credentialstore.h>

#include <models/connectionpool.h>

#include <QMutexLocker>
#include <QPointer>

namespace cp::app::marketdata {

void CachedApiKeyProvider::setKey(const QString &provider, const QString &key)
{
    const QMutexLocker lock(&m_mutex);
    m_keys.insert(provider, key);
}

QString CachedApiKeyProvider::apiKey(const QString &provider) const
{
    const QMutexLocker lock(&m_mutex);
    return m_keys.value(provider);
}

MarketDataService::MarketDataService(models::DatabaseUrl url, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_connections(std::make_shared<models::ConnectionPool>(m_url))
{
    m_lookup.setMaxThreadCount(1);
}

MarketDataService::~MarketDataService()
{
    stop();
}

void MarketDataService::stop()
{
    LiveStatusRegistry::withdraw(this);
    ++m_generation;
    m_followTier1 = false;
    const bool had = m_scheduler || m_feed;
    m_scheduler.reset();
    m_feed.reset();
    if (had)
        Q_EMIT configurationChanged();
}

void MarketDataService::loadKeysFromKeychain()
{
    auto *store = new CredentialStore(this);
    store->read(CredentialStore::providerKey(QStringLiteral("coingecko")), this,
                [this, store](const CredentialResult &result) {
                    if (result.ok())
                        m_keys.setKey(QStringLiteral("coingecko"), result.secret);
                    store->deleteLater();
                });
}

void MarketDataService::apply(const AppSettings &settings, const Overrides &overrides)
{
    stop();
    SchedulerOptions schedule = SchedulerOptions::fromSettings(settings);
    if (overrides.refreshMinutes >= 0)
        schedule.refreshIntervalMs = qint64(overrides.refreshMinutes) * 60000;
    const bool scheduled = settings.providers.liveEnabled || overrides.refreshMinutes > 0;
    if (scheduled) {
        m_scheduler = std::make_unique<MarketScheduler>(m_url, schedule, &m_keys, &m_status);
        m_scheduler->start();
    }
    if (settings.providers.liveEnabled || overrides.livePrices) {
        LiveFeedOptions live;
        live.stream.baseUrl = settings.providers.binanceStreamBaseUrl;
        live.stream.interval = settings.providers.binanceKlineInterval;
        live.stream.pairs = settings.providers.binanceSymbols;
        live.restBaseUrl = settings.providers.binanceRestBaseUrl;
        // Without configured pairs the stream follows the tier-1 watchlist, like the refresh's
        // gap fill; the majors until the lookup answers (and while the watchlist is empty).
        m_followTier1 = live.stream.pairs.isEmpty();
        if (m_followTier1)
            live.stream.pairs = {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")};
        m_feedOptions = live;
        startFeed();
        lookUpTier1Pairs();
    }
    if (m_scheduler) {
        connect(m_scheduler.get(), &MarketScheduler::stateChanged, this,
                &MarketDataService::publishState);
        // A refresh may have changed the watchlist (CoinGecko markets, tier changes).
        connect(m_scheduler.get(), &MarketScheduler::jobFinished, this,
                [this](MarketScheduler::Job job) {
                    if (job == MarketScheduler::Job::Refresh)
                        lookUpTier1Pairs();
                });
    }
    publishState();
    Q_EMIT configurationChanged();
}

void MarketDataService::startFeed()
{
    m_feed = std::make_unique<LiveFeed>(m_url, m_feedOptions, &m_status);
    m_feed->start();
}

void MarketDataService::lookUpTier1Pairs()
{
    if (!m_feed || !m_followTier1)
        return;
    const QPointer<MarketDataService> self(this);
    const std::shared_ptr<models::ConnectionPool> connections = m_connections;
    const quint64 generation = m_generation;
    m_lookup.start([self, connections, generation] {
        const Result<QSqlDatabase> db = connections->connectionForThisThread();
        const Result<QStringList> pairs = db ? tier1Pairs(*db) : Result<QStringList>::failure({});
        // A failed lookup keeps the current pairs: the next refresh tries again.
        if (!pairs)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, list = *pairs] {
                if (self && self->m_generation == generation)
                    self->followPairs(list);
            },
            Qt::QueuedConnection);
    });
}

void MarketDataService::followPairs(QStringList pairs)
{
    if (!m_feed || !m_followTier1)
        return;
    if (pairs.isEmpty())
        pairs = {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")};
    const auto normalised = [](const QStringList &list) {
        QStringList upper;
        for (const QString &p : list)
            upper.append(p.toUpper());
        upper.sort();
        upper.removeDuplicates();
        return upper;
    };
    if (normalised(pairs) != normalised(m_feedOptions.stream.pairs)) {
        m_feedOptions.stream.pairs = pairs;
        // A new stream URL means a new connection: the feed is replaced (its pending ticks are
        // written on the way out).
        m_feed.reset();
        startFeed();
        publishState();
        Q_EMIT configurationChanged();
    }
    Q_EMIT livePairsChecked(m_feedOptions.stream.pairs);
}

void MarketDataService::publishState()
{
    if (!m_scheduler && !m_feed) {
        LiveStatusRegistry::withdraw(this);
        return;
    }
    // A snapshot: the API reads it from its own threads, where the scheduler's timers are not
    // to be touched.
    LiveDataState state;
    state.scheduler = m_scheduler != nullptr;
    state.livePrices = m_feed != nullptr;
    if (m_scheduler) {
        state.busy = m_scheduler->isRunning();
        state.lastRefresh = m_scheduler->lastRefresh();
        state.nextRefresh = m_scheduler->nextRefresh();
        state.lastMessage = m_scheduler->lastMessage();
    }
    LiveStatusRegistry::publish(this, &m_status, state);
}

} // namespace cp::app::marketdata
