#pragma once

#include <QThreadPool>

#include <atomic>

namespace cp::models {
class ConnectionPool;
}

namespace cp::app::api {

/**
 * Runs the analysis pipeline (which refits every model) in the background when an admin asks
 * for a retrain: one run at a time, on a thread of its own so request workers stay free.
 */
class RetrainRunner
{
public:
    RetrainRunner();
    ~RetrainRunner();

    //! Starts a run unless one is going; false when one already is.
    bool start(models::ConnectionPool &pool);
    bool isRunning() const { return m_running.load(); }
    void waitForDone() { m_thread.waitForDone(); }

private:
    QThreadPool m_thread;
    std::atomic<bool> m_running{false};
};

} // namespace cp::app::api
