#pragma once

#include "binancestream.h"
#include "httpfetcher.h"

#include <models/databaseurl.h>

#include <QHash>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <map>
#include <memory>

namespace cp::models {
class ConnectionPool;
}

namespace cp::app::marketdata {

class ProviderStatusBoard;

/** The live feed's settings: the stream, the REST base for backfills, the batch cadence. */
struct LiveFeedOptions
{
    StreamOptions stream;
    QString restBaseUrl = QStringLiteral("https://api.binance.com");
    //! Ticks are written at most this often: one transaction (and one ws/prices push) per batch.
    int flushIntervalMs = 2000;
    //! A backfill reaches at most this far back.
    int maxBackfillDays = 7;
    HttpFetcher::Options http;
};

/**
 * Live prices from Binance into the database: the stream's kline and mini-ticker events are
 * coalesced (latest state of each bar) and written in batches, one transaction each, on a
 * worker thread with its own connection; each committed batch is announced on ChangeBus, which
 * the API's WebSocket hub turns into ws/prices messages. After a reconnect the missed bars are
 * fetched through REST klines on the same worker, so batches and backfills never interleave.
 */
class LiveFeed : public QObject
{
    Q_OBJECT

public:
    LiveFeed(models::DatabaseUrl url, LiveFeedOptions options,
             ProviderStatusBoard *status = nullptr, QObject *parent = nullptr);
    ~LiveFeed() override;

    BinanceStream &stream() { return m_stream; }
    void start();
    void stop();
    //! Writes what is pending now (tests, shutdown).
    void flush();
    //! Lets tests replace the REST fetcher's sleeper; runs on the worker thread.
    void setFetcherSetup(std::function<void(HttpFetcher &)> setup) { m_setup = std::move(setup); }

Q_SIGNALS:
    //! A batch was committed: `rows` price_data rows written or updated.
    void batchWritten(int rows);
    //! A backfill of `pair` committed `rows` bars.
    void backfilled(const QString &pair, int rows);
    void writeFailed(const QString &message);

private:
    void onEvent(const StreamEvent &event);
    void onBackfillNeeded(const QString &pair, qint64 fromSeconds);

    models::DatabaseUrl m_url;
    LiveFeedOptions m_options;
    ProviderStatusBoard *m_status = nullptr;
    BinanceStream m_stream;
    QTimer m_flushTimer;
    //! base symbol -> open time -> latest state of that bar.
    QHash<QString, std::map<qint64, engine::Candle>> m_pendingBars;
    QHash<QString, double> m_pendingPrices;
    qint64 m_pendingPriceTime = 0;
    std::shared_ptr<models::ConnectionPool> m_connections;
    std::function<void(HttpFetcher &)> m_setup;
    QThreadPool m_worker;
};

} // namespace cp::app::marketdata
