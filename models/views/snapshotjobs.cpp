#include "snapshotjobs.h"

namespace cp::models::views {

namespace {
// Two cores are shared with the engine; views rarely need more than two reads at once.
constexpr int kMaxReaders = 2;
} // namespace

SnapshotJobs::SnapshotJobs(std::shared_ptr<ConnectionPool> pool, QObject *parent)
    : QObject(parent)
    , m_pool(std::move(pool))
{
    m_threads.setMaxThreadCount(kMaxReaders);
    m_threads.setObjectName(QStringLiteral("cp-view-readers"));
}

SnapshotJobs::~SnapshotJobs()
{
    m_threads.waitForDone();
}

void SnapshotJobs::waitForDone()
{
    m_threads.waitForDone();
}

void SnapshotJobs::jobFinished()
{
    if (--m_running == 0)
        Q_EMIT busyChanged(false);
}

} // namespace cp::models::views
