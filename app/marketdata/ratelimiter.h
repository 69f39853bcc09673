#pragma once

#include <QtGlobal>

namespace cp::app::marketdata {

/**
 * Spaces requests to one provider so that at most `requestsPerMinute` start in any minute
 * (a token bucket of one token per interval, no burst): the free CoinGecko tier answers 429
 * beyond ~30 calls a minute. Times are passed in, so the class is a pure calculation.
 */
class RateLimiter
{
public:
    //! 0 or less: no limit.
    explicit RateLimiter(int requestsPerMinute = 0);

    qint64 intervalMs() const { return m_intervalMs; }
    //! Reserves the next slot for a request wanting to start at `nowMs`; returns how long the
    //! caller must wait first (0 when it may go at once).
    qint64 reserve(qint64 nowMs);
    //! Pushes the next slot to at least `untilMs` (after a 429 with Retry-After).
    void blockUntil(qint64 untilMs);

private:
    qint64 m_intervalMs = 0;
    qint64 m_nextSlotMs = 0;
    bool m_started = false;
};

} // namespace cp::app::marketdata
