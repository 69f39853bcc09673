#include "retrainrunner.h"

#include "apiresponse.h"

#include <app/analysisguard.h>
#include <app/analysispipeline.h>
#include <models/connectionpool.h>

namespace cp::app::api {

RetrainRunner::RetrainRunner()
{
    m_thread.setMaxThreadCount(1);
}

RetrainRunner::~RetrainRunner()
{
    m_thread.waitForDone();
}

bool RetrainRunner::start(models::ConnectionPool &pool)
{
    bool expected = false;
    if (!m_running.compare_exchange_strong(expected, true))
        return false;
    m_thread.start([this, &pool] {
        // Queued behind the scheduler's (or the Analysis menu's) run: one analysis at a time.
        const Result<AnalysisLease> lease = AnalysisGuard::acquire(AnalysisStarter::Api);
        if (Result<QSqlDatabase> db = pool.connectionForThisThread()) {
            const auto report = AnalysisPipeline(*db).run(AnalysisOptions{});
            if (!report)
                qCWarning(lcApi, "retrain run failed: %s", qUtf8Printable(report.error()));
        } else {
            qCWarning(lcApi, "retrain run: %s", qUtf8Printable(db.error()));
        }
        m_running.store(false);
    });
    return true;
}

} // namespace cp::app::api
