#pragma once

#include <app/analysisreport.h>
#include <engine/result.h>

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace cp::models {
class ConnectionPool;
}

namespace cp::ui {

/**
 * Runs the analysis engine for the desktop: the pipeline on a worker thread with its own
 * connection, progress reported back on the GUI thread, cancellable. The pipeline writes in one
 * transaction and announces its changes, so the pages refresh by themselves.
 */
class AnalysisRunner : public QObject
{
    Q_OBJECT

public:
    explicit AnalysisRunner(std::shared_ptr<models::ConnectionPool> pool,
                            QObject *parent = nullptr);
    //! Cancels a running analysis and waits for it: nothing may outlive the window.
    ~AnalysisRunner() override;

    bool isRunning() const { return m_watcher.isRunning(); }
    //! Starts an analysis of every layer; ignored while one runs.
    void start();
    void cancel();

Q_SIGNALS:
    void progressChanged(int percent, const QString &stage);
    //! ok = written; otherwise `message` says why (or that it was cancelled).
    void finished(bool ok, const QString &message);

private:
    std::shared_ptr<models::ConnectionPool> m_pool;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
    QThreadPool m_thread;
    QFutureWatcher<Result<app::AnalysisReport>> m_watcher;
};

} // namespace cp::ui
