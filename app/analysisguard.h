#pragma once

#include <engine/result.h>

#include <QDateTime>
#include <QString>

#include <atomic>
#include <optional>

namespace cp::app {

/** Who started an analysis run; the busy message names it. */
enum class AnalysisStarter { Scheduler, AnalysisMenu, Api, CommandLine };

/** The analysis running in this process: who started it and when (UTC). */
struct AnalysisRunInfo
{
    AnalysisStarter starter = AnalysisStarter::AnalysisMenu;
    QDateTime startedAt;
};

/** Holds the process-wide analysis slot until destroyed (or released); move-only. */
class AnalysisLease
{
public:
    AnalysisLease() = default;
    AnalysisLease(AnalysisLease &&other) noexcept;
    AnalysisLease &operator=(AnalysisLease &&other) noexcept;
    AnalysisLease(const AnalysisLease &) = delete;
    AnalysisLease &operator=(const AnalysisLease &) = delete;
    ~AnalysisLease();

    bool isHeld() const { return m_held; }
    void release();

private:
    friend class AnalysisGuard;
    bool m_held = false;
};

/**
 * One analysis at a time in this process: the scheduler, the Analysis menu and the API's retrain
 * each write the same layer tables, so each takes the one slot before it runs. A starter that
 * cannot wait (the menu) is refused with a message naming the running analysis; a background
 * job (the scheduler) waits for the slot, i.e. its run is queued behind the running one.
 */
class AnalysisGuard
{
public:
    //! The slot, or the message "An analysis is already running (started by ... at HH:MM)."
    static Result<AnalysisLease> tryAcquire(AnalysisStarter starter);
    //! Waits for the slot; fails only when `cancel` becomes true while waiting.
    static Result<AnalysisLease> acquire(AnalysisStarter starter,
                                         const std::atomic<bool> *cancel = nullptr);
    static std::optional<AnalysisRunInfo> current();
    //! Runners waiting in acquire(): their runs are queued behind the current one.
    static int waitingCount();
    static QString busyMessage(const AnalysisRunInfo &running);
};

} // namespace cp::app
