#include "analysiscontroller.h"

#include "analysisguard.h"
#include "queuedcall.h"

#include <models/connection.h>

#include <QPointer>

namespace cp::app {

AnalysisController::AnalysisController(models::DatabaseUrl url, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
{
    qRegisterMetaType<cp::app::AnalysisReport>();
    m_pool.setMaxThreadCount(1);
}

AnalysisController::~AnalysisController()
{
    cancel();
    m_pool.waitForDone();
}

bool AnalysisController::start(const AnalysisOptions &options)
{
    if (m_running)
        return false;
    // The scheduler's analysis writes the same tables: refuse rather than interleave with it.
    Result<AnalysisLease> slot = AnalysisGuard::tryAcquire(AnalysisStarter::AnalysisMenu);
    if (!slot) {
        Q_EMIT refused(slot.error());
        return false;
    }
    auto lease = std::make_shared<AnalysisLease>(std::move(slot).value());
    m_running = true;
    Q_EMIT runningChanged(true);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    const models::DatabaseUrl url = m_url;
    QPointer<AnalysisController> self(this);
    m_pool.start([self, url, options, cancel, lease] {
        // Results travel back as values through queued calls; `self` may be gone by then.
        auto post = [self](auto function) { callQueued(self, function); };
        const Result<AnalysisReport> result =
            models::withConnection(url, QStringLiteral("cp-analysis"), [&](QSqlDatabase db) {
                return AnalysisPipeline(db).run(
                    options,
                    [post](int percent, const QString &stage) {
                        post([percent, stage](AnalysisController *c) {
                            Q_EMIT c->progressChanged(percent, stage);
                        });
                    },
                    cancel.get());
            });
        lease->release();
        post([result](AnalysisController *c) {
            c->m_running = false;
            Q_EMIT c->runningChanged(false);
            if (result)
                Q_EMIT c->finished(*result);
            else
                Q_EMIT c->failed(result.error());
        });
    });
    return true;
}

void AnalysisController::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

} // namespace cp::app
