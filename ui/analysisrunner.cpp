#include "analysisrunner.h"

#include <app/analysispipeline.h>
#include <models/connectionpool.h>

#include <QPointer>
#include <QtConcurrentRun>

namespace cp::ui {

AnalysisRunner::AnalysisRunner(std::shared_ptr<models::ConnectionPool> pool, QObject *parent)
    : QObject(parent)
    , m_pool(std::move(pool))
    , m_cancelled(std::make_shared<std::atomic<bool>>(false))
{
    // One runner thread; the pipeline spreads per-asset work over its own pool.
    m_thread.setMaxThreadCount(1);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        const Result<app::AnalysisReport> report = m_watcher.result();
        if (!report) {
            Q_EMIT finished(false, report.error());
            return;
        }
        Q_EMIT finished(true, tr("Analysis written: regime %1, %2 suggestions, %3 signals, "
                                 "%4 predictions.")
                                  .arg(report->regime)
                                  .arg(report->suggestions)
                                  .arg(report->signalCount)
                                  .arg(report->predictions));
    });
}

AnalysisRunner::~AnalysisRunner()
{
    cancel();
    m_watcher.waitForFinished();
    m_thread.waitForDone();
}

void AnalysisRunner::start()
{
    if (isRunning())
        return;
    m_cancelled->store(false);
    std::shared_ptr<models::ConnectionPool> pool = m_pool;
    std::shared_ptr<std::atomic<bool>> cancelled = m_cancelled;
    QPointer<AnalysisRunner> self(this);
    m_watcher.setFuture(QtConcurrent::run(&m_thread, [pool, cancelled, self] {
        Result<QSqlDatabase> db = pool->connectionForThisThread();
        if (!db)
            return Result<app::AnalysisReport>::failure(db.error());
        app::AnalysisPipeline pipeline(*db);
        // The destructor waits for this thread, so `self` is alive while the pipeline runs.
        auto progress = [self](int percent, const QString &stage) {
            QMetaObject::invokeMethod(
                self.data(),
                [self, percent, stage] {
                    if (self)
                        Q_EMIT self->progressChanged(percent, stage);
                },
                Qt::QueuedConnection);
        };
        return pipeline.run(app::AnalysisOptions(), progress, cancelled.get());
    }));
}

void AnalysisRunner::cancel()
{
    m_cancelled->store(true);
}

} // namespace cp::ui
