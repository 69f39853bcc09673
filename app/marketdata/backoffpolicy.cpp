#include "backoffpolicy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace cp::app::marketdata {

BackoffPolicy::BackoffPolicy()
    : BackoffPolicy(Options{})
{
}

BackoffPolicy::BackoffPolicy(Options options, Uniform uniform)
    : m_options(options)
    , m_uniform(uniform ? std::move(uniform)
                        : Uniform([] { return QRandomGenerator::global()->generateDouble(); }))
{
}

qint64 BackoffPolicy::ceilingMs(int retry) const
{
    const double raw = double(m_options.initialDelayMs) *
                       std::pow(m_options.multiplier, double(std::max(retry, 0)));
    // pow overflows to inf long before qint64 does; clamp in double first.
    return qint64(std::min(raw, double(m_options.maxDelayMs)));
}

qint64 BackoffPolicy::delayMs(int retry, std::optional<qint64> retryAfterMs) const
{
    const qint64 ceiling = ceilingMs(retry);
    const double u = std::clamp(m_uniform(), 0.0, 1.0);
    const qint64 jittered = ceiling / 2 + qint64(u * double(ceiling - ceiling / 2));
    // Retry-After is the server's explicit wish: honoured even above our own cap.
    return retryAfterMs ? std::max(jittered, *retryAfterMs) : jittered;
}

} // namespace cp::app::marketdata
