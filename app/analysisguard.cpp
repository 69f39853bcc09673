#include "analysisguard.h"

#include <QCoreApplication>
#include <QMutex>
#include <QMutexLocker>
#include <QWaitCondition>

#include <utility>

namespace cp::app {

namespace {

// Process-wide on purpose: the runners are separate objects on separate threads.
struct Slot
{
    QMutex mutex;
    QWaitCondition freed;
    std::optional<AnalysisRunInfo> running;
    int waiting = 0;
};

Slot &slot()
{
    static Slot s;
    return s;
}

} // namespace

AnalysisLease::AnalysisLease(AnalysisLease &&other) noexcept
    : m_held(std::exchange(other.m_held, false))
{
}

AnalysisLease &AnalysisLease::operator=(AnalysisLease &&other) noexcept
{
    if (this != &other) {
        release();
        m_held = std::exchange(other.m_held, false);
    }
    return *this;
}

AnalysisLease::~AnalysisLease()
{
    release();
}

void AnalysisLease::release()
{
    if (!m_held)
        return;
    m_held = false;
    Slot &s = slot();
    QMutexLocker lock(&s.mutex);
    s.running.reset();
    s.freed.wakeAll();
}

Result<AnalysisLease> AnalysisGuard::tryAcquire(AnalysisStarter starter)
{
    Slot &s = slot();
    QMutexLocker lock(&s.mutex);
    if (s.running)
        return Result<AnalysisLease>::failure(busyMessage(*s.running));
    s.running = AnalysisRunInfo{starter, QDateTime::currentDateTimeUtc()};
    AnalysisLease lease;
    lease.m_held = true;
    return Result<AnalysisLease>(std::move(lease));
}

Result<AnalysisLease> AnalysisGuard::acquire(AnalysisStarter starter,
                                             const std::atomic<bool> *cancel)
{
    Slot &s = slot();
    QMutexLocker lock(&s.mutex);
    ++s.waiting;
    while (s.running) {
        if (cancel && cancel->load()) {
            --s.waiting;
            return Result<AnalysisLease>::failure(
                QStringLiteral("cancelled while waiting for the running analysis"));
        }
        // Cancellation is a plain flag, not a wake-up: look at it now and then.
        s.freed.wait(&s.mutex, 200);
    }
    --s.waiting;
    s.running = AnalysisRunInfo{starter, QDateTime::currentDateTimeUtc()};
    AnalysisLease lease;
    lease.m_held = true;
    return Result<AnalysisLease>(std::move(lease));
}

std::optional<AnalysisRunInfo> AnalysisGuard::current()
{
    Slot &s = slot();
    QMutexLocker lock(&s.mutex);
    return s.running;
}

int AnalysisGuard::waitingCount()
{
    Slot &s = slot();
    QMutexLocker lock(&s.mutex);
    return s.waiting;
}

QString AnalysisGuard::busyMessage(const AnalysisRunInfo &running)
{
    // Local time: the person reading it compares it with their clock. Whole sentences per
    // starter so that translators never assemble fragments.
    const QString at = running.startedAt.toLocalTime().toString(QStringLiteral("HH:mm"));
    const char *context = "cp::app::AnalysisGuard";
    switch (running.starter) {
    case AnalysisStarter::Scheduler:
        return QCoreApplication::translate(
                   context, "An analysis is already running (started by the scheduler at %1).")
            .arg(at);
    case AnalysisStarter::AnalysisMenu:
        return QCoreApplication::translate(
                   context,
                   "An analysis is already running (started from the Analysis menu at %1).")
            .arg(at);
    case AnalysisStarter::Api:
        return QCoreApplication::translate(
                   context, "An analysis is already running (started through the API at %1).")
            .arg(at);
    case AnalysisStarter::CommandLine:
        break;
    }
    return QCoreApplication::translate(
               context, "An analysis is already running (started from the command line at %1).")
        .arg(at);
}

} // namespace cp::app
