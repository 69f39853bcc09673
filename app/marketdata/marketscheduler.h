#pragma once

#include "marketrefresher.h"

#include <models/databaseurl.h>

#include <QDateTime>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <memory>

namespace cp::app {
struct AppSettings;
}

namespace cp::app::marketdata {

class ApiKeyProvider;
class ProviderStatusBoard;

/** Intervals and what a scheduled refresh does. */
struct SchedulerOptions
{
    //! 0 turns the periodic refresh off.
    qint64 refreshIntervalMs = 15 * 60 * 1000;
    //! 0 turns periodic evaluation off.
    qint64 evaluateIntervalMs = 60 * 60 * 1000;
    bool analyzeAfterRefresh = true;
    //! The first refresh runs this soon after start() (then every interval).
    qint64 firstRefreshDelayMs = 5000;
    RefreshOptions refresh;

    static SchedulerOptions fromSettings(const AppSettings &settings);
};

/**
 * The periodic jobs of a serving instance or a desktop on its own database: refresh market data
 * every N minutes, run the analysis when new data arrived, evaluate due predictions. Jobs run
 * on one worker thread with its own connection, strictly one at a time: a job that comes due
 * while another runs is queued (once per kind) and runs next, never concurrently.
 */
class MarketScheduler : public QObject
{
    Q_OBJECT

public:
    enum class Job { Refresh, Evaluate };
    Q_ENUM(Job)

    MarketScheduler(models::DatabaseUrl url, SchedulerOptions options,
                    const ApiKeyProvider *keys = nullptr, ProviderStatusBoard *status = nullptr,
                    QObject *parent = nullptr);
    ~MarketScheduler() override;

    void start();
    void stop();
    bool isRunning() const { return m_busy; }
    QDateTime lastRefresh() const { return m_lastRefresh; }
    //! Invalid when the periodic refresh is off or the scheduler is stopped.
    QDateTime nextRefresh() const;
    QDateTime nextEvaluate() const;
    QString lastMessage() const { return m_lastMessage; }
    //! Lets tests replace the fetchers' sleeper; runs on the worker thread.
    void setFetcherSetup(std::function<void(HttpFetcher &)> setup) { m_setup = std::move(setup); }

public Q_SLOTS:
    //! Runs (or queues) a refresh now; returns false when one is already queued.
    bool refreshNow();
    bool evaluateNow();

Q_SIGNALS:
    void jobStarted(cp::app::marketdata::MarketScheduler::Job job);
    //! `summary` is one line for a status bar; ok = false when the job failed.
    void jobFinished(cp::app::marketdata::MarketScheduler::Job job, bool ok,
                     const QString &summary);
    //! Running state, last refresh or next run changed.
    void stateChanged();

private:
    bool enqueue(Job job);
    void runNext();
    void finished(Job job, bool ok, const QString &summary);

    models::DatabaseUrl m_url;
    SchedulerOptions m_options;
    const ApiKeyProvider *m_keys = nullptr;
    ProviderStatusBoard *m_status = nullptr;
    QTimer m_refreshTimer;
    QTimer m_evaluateTimer;
    QThreadPool m_worker;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::function<void(HttpFetcher &)> m_setup;
    QList<Job> m_queue;
    QDateTime m_lastRefresh;
    QString m_lastMessage;
    bool m_busy = false;
};

} // namespace cp::app::marketdata
