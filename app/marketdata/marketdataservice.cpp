#include "marketdataservice.h"

#include "binancemapper.h"
#include "coingeckomapper.h"
#include "livefeed.h"
#include "livestatusregistry.h"
#include "marketscheduler.h"

#include <app/settings/appsettings.h>
#include <app/settings/credentialstore.h>

#include <QMutexLocker>

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
{
}

MarketDataService::~MarketDataService()
{
    stop();
}

void MarketDataService::stop()
{
    LiveStatusRegistry::withdraw(this);
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
        // Without configured pairs the stream follows the assets the refresh keeps current,
        // which are only known after it ran: the majors meanwhile.
        if (live.stream.pairs.isEmpty())
            live.stream.pairs = {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")};
        m_feed = std::make_unique<LiveFeed>(m_url, live, &m_status);
        m_feed->start();
    }
    if (m_scheduler) {
        connect(m_scheduler.get(), &MarketScheduler::stateChanged, this,
                &MarketDataService::publishState);
    }
    publishState();
    Q_EMIT configurationChanged();
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
