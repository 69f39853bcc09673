#pragma once

#include "analysispipeline.h"

#include <models/databaseurl.h>

#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace cp::app {

/**
 * Runs analyses for the desktop: the pipeline runs on a worker thread with a connection of its
 * own, reports progress through queued signals, and can be cancelled. One run at a time in the
 * process (AnalysisGuard); the GUI thread never waits on it.
 */
class AnalysisController : public QObject
{
    Q_OBJECT

public:
    explicit AnalysisController(models::DatabaseUrl url, QObject *parent = nullptr);
    ~AnalysisController() override;

    bool isRunning() const { return m_running; }
    //! False (and nothing started) while a run is in progress; when another runner of this
    //! process (the scheduler) holds the analysis slot, also emits refused().
    bool start(const AnalysisOptions &options = {});
    //! Asks the running analysis to stop; it ends with failed("...cancelled...").
    void cancel();

Q_SIGNALS:
    void progressChanged(int percent, const QString &stage);
    void finished(const cp::app::AnalysisReport &report);
    void failed(const QString &message);
    //! start() found another analysis running: "An analysis is already running (...)."
    void refused(const QString &message);
    void runningChanged(bool running);

private:
    models::DatabaseUrl m_url;
    QThreadPool m_pool;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_running = false;
};

} // namespace cp::app

Q_DECLARE_METATYPE(cp::app::AnalysisReport)
