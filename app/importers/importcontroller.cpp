#include "importcontroller.h"

#include <app/queuedcall.h>
#include <models/connection.h>

#include <QPointer>

namespace cp::app::importers {

ImportController::ImportController(models::DatabaseUrl url, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
{
    qRegisterMetaType<cp::app::importers::ImportReport>();
    m_pool.setMaxThreadCount(1);
}

ImportController::~ImportController()
{
    cancel();
    // Kept: a cancelled import must roll back before the process may exit (short: next batch).
    m_pool.waitForDone();
}

bool ImportController::start(const ImportRequest &request)
{
    if (m_running)
        return false;
    m_running = true;
    Q_EMIT runningChanged(true);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    const models::DatabaseUrl url = m_url;
    QPointer<ImportController> self(this);
    m_pool.start([self, url, request, cancel] {
        auto post = [self](auto function) { callQueued(self, function); };
        const Result<ImportReport> result =
            models::withConnection(url, QStringLiteral("cp-import"), [&](QSqlDatabase db) {
                int lastPercent = -1;
                return PriceImporter(db).run(
                    request, [post, cancel, &lastPercent](qint64 done, qint64 total) {
                        const int percent = total > 0 ? static_cast<int>(done * 100 / total) : 100;
                        // One queued call per percent, not per batch.
                        if (percent != lastPercent) {
                            lastPercent = percent;
                            post([percent](ImportController *c) {
                                Q_EMIT c->progressChanged(percent);
                            });
                        }
                        return !cancel->load();
                    });
            });
        post([result](ImportController *c) {
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

void ImportController::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

} // namespace cp::app::importers
