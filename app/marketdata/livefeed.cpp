#include "livefeed.h"

#include "binancemapper.h"
#include "marketdatawriter.h"
#include "providerstatus.h"

#include <app/queuedcall.h>
#include <models/connectionpool.h>

#include <QDateTime>
#include <QPointer>
#include <QUrlQuery>

namespace cp::app::marketdata {

LiveFeed::LiveFeed(models::DatabaseUrl url, LiveFeedOptions options, ProviderStatusBoard *status,
                   QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_options(std::move(options))
    , m_status(status)
    , m_stream(m_options.stream, status)
    , m_connections(std::make_shared<models::ConnectionPool>(m_url))
{
    m_worker.setMaxThreadCount(1);
    m_flushTimer.setInterval(m_options.flushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &LiveFeed::flush);
    connect(&m_stream, &BinanceStream::event, this, &LiveFeed::onEvent);
    connect(&m_stream, &BinanceStream::backfillNeeded, this, &LiveFeed::onBackfillNeeded);
}

LiveFeed::~LiveFeed()
{
    stop();
    m_worker.waitForDone();
}

void LiveFeed::start()
{
    m_stream.start();
    m_flushTimer.start();
}

void LiveFeed::stop()
{
    m_stream.stop();
    m_flushTimer.stop();
    flush();
}

void LiveFeed::onEvent(const StreamEvent &event)
{
    const QString symbol = BinanceMapper::baseAsset(event.pair);
    if (event.kind == StreamEvent::Kind::Kline) {
        m_pendingBars[symbol][event.candle.time] = event.candle;
    } else {
        m_pendingPrices.insert(symbol, event.lastPrice);
        m_pendingPriceTime = std::max(m_pendingPriceTime, event.eventTimeMs / 1000);
    }
}

void LiveFeed::flush()
{
    if (m_pendingBars.isEmpty() && m_pendingPrices.isEmpty())
        return;
    QHash<QString, std::vector<engine::Candle>> bars;
    for (auto it = m_pendingBars.constBegin(); it != m_pendingBars.constEnd(); ++it) {
        std::vector<engine::Candle> &list = bars[it.key()];
        for (const auto &[time, candle] : it.value())
            list.push_back(candle);
    }
    const QHash<QString, double> prices = m_pendingPrices;
    const qint64 priceTime = m_pendingPriceTime;
    m_pendingBars.clear();
    m_pendingPrices.clear();
    const QPointer<LiveFeed> self(this);
    const std::shared_ptr<models::ConnectionPool> connections = m_connections;
    m_worker.start([self, connections, bars, prices, priceTime] {
        const Result<QSqlDatabase> db = connections->connectionForThisThread();
        if (!db) {
            callQueued(self,
                       [message = db.error()](LiveFeed *f) { Q_EMIT f->writeFailed(message); });
            return;
        }
        const Result<WriteReport> written =
            MarketDataWriter(*db).writeLiveBatch(bars, prices, priceTime);
        if (!written) {
            callQueued(
                self, [message = written.error()](LiveFeed *f) { Q_EMIT f->writeFailed(message); });
            return;
        }
        callQueued(self, [rows = written->inserted](LiveFeed *f) { Q_EMIT f->batchWritten(rows); });
    });
}

void LiveFeed::onBackfillNeeded(const QString &pair, qint64 fromSeconds)
{
    // Pending ticks first: the backfill then overwrites in-progress bars with final ones.
    flush();
    const qint64 step = BinanceMapper::intervalSeconds(m_options.stream.interval);
    if (step <= 0)
        return;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    qint64 from = std::max(fromSeconds, now - qint64(m_options.maxBackfillDays) * 86400);
    from -= from % step;
    const QPointer<LiveFeed> self(this);
    const std::shared_ptr<models::ConnectionPool> connections = m_connections;
    const LiveFeedOptions options = m_options;
    const auto setup = m_setup;
    ProviderStatusBoard *status = m_status;
    m_worker.start([self, connections, options, setup, status, pair, from, step] {
        HttpFetcher fetcher(options.http);
        if (setup)
            setup(fetcher);
        QString base = options.restBaseUrl;
        while (base.endsWith(QLatin1Char('/')))
            base.chop(1);
        const auto fail = [self](const QString &message) {
            callQueued(self, [message](LiveFeed *f) { Q_EMIT f->writeFailed(message); });
        };
        int rows = 0;
        qint64 start = from;
        // 1000 bars a call; ten calls cover a week of 1m bars at most.
        for (int page = 0; page < 10; ++page) {
            QUrl url(base + QStringLiteral("/api/v3/klines"));
            url.setQuery(QUrlQuery{{QStringLiteral("symbol"), pair},
                                   {QStringLiteral("interval"), options.stream.interval},
                                   {QStringLiteral("startTime"), QString::number(start * 1000)},
                                   {QStringLiteral("limit"), QStringLiteral("1000")}});
            const FetchResult result = fetcher.get(url, {}, [](const QByteArray &body) {
                const auto parsed = BinanceMapper::klines(body);
                return parsed ? QString() : parsed.error();
            });
            if (!result.ok()) {
                if (status)
                    status->reportDegraded(QStringLiteral("binance"),
                                           QStringLiteral("Backfill failed: %1").arg(result.error));
                return fail(result.error);
            }
            if (status)
                status->reportSuccess(QStringLiteral("binance"));
            const std::vector<engine::Candle> candles = *BinanceMapper::klines(result.body);
            if (candles.empty())
                break;
            const Result<QSqlDatabase> db = connections->connectionForThisThread();
            if (!db)
                return fail(db.error());
            const QHash<QString, std::vector<engine::Candle>> bars{
                {BinanceMapper::baseAsset(pair), candles}};
            const Result<WriteReport> written = MarketDataWriter(*db).writeLiveBatch(bars, {}, 0);
            if (!written)
                return fail(written.error());
            rows += written->inserted;
            if (candles.size() < 1000)
                break;
            start = candles.back().time + step;
        }
        callQueued(self, [pair, rows](LiveFeed *f) { Q_EMIT f->backfilled(pair, rows); });
    });
}

} // namespace cp::app::marketdata
