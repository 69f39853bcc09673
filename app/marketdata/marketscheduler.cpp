#include "marketscheduler.h"

#include <app/analysisguard.h>
#include <app/analysispipeline.h>
#include <app/evaluator.h>
#include <app/settings/appsettings.h>
#include <models/connection.h>

#include <QPointer>
#include <QThread>

namespace cp::app::marketdata {

SchedulerOptions SchedulerOptions::fromSettings(const AppSettings &settings)
{
    SchedulerOptions o;
    o.refreshIntervalMs = qint64(std::max(0, settings.schedule.marketRefreshMinutes)) * 60000;
    o.evaluateIntervalMs = qint64(std::max(0, settings.schedule.evaluateMinutes)) * 60000;
    o.analyzeAfterRefresh = settings.schedule.analyzeAfterRefresh;
    o.refresh = RefreshOptions::fromSettings(settings.providers);
    return o;
}

MarketScheduler::MarketScheduler(models::DatabaseUrl url, SchedulerOptions options,
                                 const ApiKeyProvider *keys, ProviderStatusBoard *status,
                                 QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_options(std::move(options))
    , m_keys(keys)
    , m_status(status)
    , m_cancel(std::make_shared<std::atomic<bool>>(false))
{
    qRegisterMetaType<cp::app::marketdata::MarketScheduler::Job>();
    m_worker.setMaxThreadCount(1);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        // After the first (short) delay, the regular interval.
        m_refreshTimer.setInterval(int(m_options.refreshIntervalMs));
        refreshNow();
    });
    connect(&m_evaluateTimer, &QTimer::timeout, this, &MarketScheduler::evaluateNow);
}

MarketScheduler::~MarketScheduler()
{
    stop();
    m_cancel->store(true);
    m_worker.waitForDone();
}

void MarketScheduler::start()
{
    if (m_options.refreshIntervalMs > 0) {
        m_refreshTimer.setInterval(
            int(std::min(m_options.firstRefreshDelayMs, m_options.refreshIntervalMs)));
        m_refreshTimer.start();
    }
    if (m_options.evaluateIntervalMs > 0) {
        m_evaluateTimer.setInterval(int(m_options.evaluateIntervalMs));
        m_evaluateTimer.start();
    }
    Q_EMIT stateChanged();
}

void MarketScheduler::stop()
{
    m_refreshTimer.stop();
    m_evaluateTimer.stop();
    m_queue.clear();
    Q_EMIT stateChanged();
}

QDateTime MarketScheduler::nextRefresh() const
{
    return m_refreshTimer.isActive()
               ? QDateTime::currentDateTimeUtc().addMSecs(m_refreshTimer.remainingTime())
               : QDateTime();
}

QDateTime MarketScheduler::nextEvaluate() const
{
    return m_evaluateTimer.isActive()
               ? QDateTime::currentDateTimeUtc().addMSecs(m_evaluateTimer.remainingTime())
               : QDateTime();
}

bool MarketScheduler::refreshNow()
{
    return enqueue(Job::Refresh);
}

bool MarketScheduler::evaluateNow()
{
    return enqueue(Job::Evaluate);
}

bool MarketScheduler::enqueue(Job job)
{
    // A job already waiting covers this one: running it twice in a row gains nothing.
    if (m_queue.contains(job))
        return false;
    m_queue.append(job);
    runNext();
    return true;
}

void MarketScheduler::runNext()
{
    if (m_busy || m_queue.isEmpty())
        return;
    const Job job = m_queue.takeFirst();
    m_busy = true;
    Q_EMIT jobStarted(job);
    Q_EMIT stateChanged();
    const QPointer<MarketScheduler> self(this);
    const models::DatabaseUrl url = m_url;
    const SchedulerOptions options = m_options;
    const ApiKeyProvider *keys = m_keys;
    ProviderStatusBoard *status = m_status;
    const auto setup = m_setup;
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    m_worker.start([self, url, options, keys, status, setup, cancel, job] {
        const QString name =
            QStringLiteral("cp-scheduler-%1")
                .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()), 0, 16);
        bool ok = false;
        QString summary;
        {
            const Result<QSqlDatabase> db = models::openConnection(url, name);
            if (!db) {
                summary = db.error();
            } else if (job == Job::Refresh) {
                MarketRefresher refresher(*db, options.refresh, keys, status);
                if (setup)
                    refresher.setFetcherSetup(setup);
                const Result<RefreshReport> report = refresher.run(cancel.get());
                if (!report) {
                    summary = report.error();
                } else {
                    ok = true;
                    summary = QStringLiteral("%1 assets, %2 bars, %3 sector rows")
                                  .arg(report->assetsUpdated)
                                  .arg(report->backfilledBars + report->binanceBars)
                                  .arg(report->sectorRows);
                    if (!report->problems.isEmpty())
                        summary += QStringLiteral("; %1 problem(s): %2")
                                       .arg(report->problems.size())
                                       .arg(report->problems.constFirst());
                    if (options.analyzeAfterRefresh && report->anyData() && !cancel->load()) {
                        // Queued behind an analysis started elsewhere in this process (the
                        // Analysis menu): the new data still gets its own run afterwards.
                        const Result<AnalysisLease> lease =
                            AnalysisGuard::acquire(AnalysisStarter::Scheduler, cancel.get());
                        if (!lease) {
                            summary += QStringLiteral("; analysis not run: %1").arg(lease.error());
                        } else {
                            const Result<AnalysisReport> analysis =
                                AnalysisPipeline(*db).run(AnalysisOptions{}, {}, cancel.get());
                            summary +=
                                analysis
                                    ? QStringLiteral("; analysis done")
                                    : QStringLiteral("; analysis failed: %1").arg(analysis.error());
                        }
                    }
                }
            } else {
                const Result<EvaluationReport> report = evaluateDue(*db);
                ok = report.ok();
                summary = report ? QStringLiteral("%1 predictions realised, %2 signals closed")
                                       .arg(report->predictionsRealised)
                                       .arg(report->signalsClosed)
                                 : report.error();
            }
        }
        models::closeConnection(name);
        QMetaObject::invokeMethod(
            self.data(),
            [self, job, ok, summary] {
                if (self)
                    self->finished(job, ok, summary);
            },
            Qt::QueuedConnection);
    });
}

void MarketScheduler::finished(Job job, bool ok, const QString &summary)
{
    m_busy = false;
    if (job == Job::Refresh && ok)
        m_lastRefresh = QDateTime::currentDateTimeUtc();
    m_lastMessage = summary;
    Q_EMIT jobFinished(job, ok, summary);
    Q_EMIT stateChanged();
    runNext();
}

} // namespace cp::app::marketdata
