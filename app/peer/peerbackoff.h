#pragma once

namespace cp::app {

/**
 * How long to wait before reconnecting to a peer: exponential from one second, capped at 30 s,
 * with jitter so that many desktops of a restarted server do not knock at the same instant.
 */
class PeerBackoff
{
public:
    static constexpr int kBaseMs = 1000;
    static constexpr int kCapMs = 30000;

    //! The delay before attempt `attempt` (0 = first retry); `unit` in [0, 1) picks the jitter:
    //! the result lies in [half, full] of min(cap, base * 2^attempt).
    static int delayMs(int attempt, double unit);

    //! The next delay, drawing the jitter from the global random generator; counts attempts.
    int next();
    void reset() { m_attempt = 0; }
    int attempts() const { return m_attempt; }

private:
    int m_attempt = 0;
};

} // namespace cp::app
