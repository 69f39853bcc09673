#include "ratelimiter.h"

#include <algorithm>

namespace cp::app::marketdata {

RateLimiter::RateLimiter(int requestsPerMinute)
    : m_intervalMs(requestsPerMinute > 0 ? (60000 + requestsPerMinute - 1) / requestsPerMinute : 0)
{
}

qint64 RateLimiter::reserve(qint64 nowMs)
{
    if (!m_started) {
        m_started = true;
        m_nextSlotMs = nowMs;
    }
    const qint64 start = std::max(nowMs, m_nextSlotMs);
    m_nextSlotMs = start + m_intervalMs;
    return start - nowMs;
}

void RateLimiter::blockUntil(qint64 untilMs)
{
    m_started = true;
    m_nextSlotMs = std::max(m_nextSlotMs, untilMs);
}

} // namespace cp::app::marketdata
