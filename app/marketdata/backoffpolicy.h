#pragma once

#include <QtGlobal>

#include <functional>
#include <optional>

namespace cp::app::marketdata {

/**
 * Exponential backoff with "equal jitter": attempt n waits a random time in
 * [d/2, d] where d = min(max, initial * multiplier^n), so clients that failed together do not
 * retry together. A server's Retry-After is a floor. The random source is injected so tests
 * check the bounds without waiting.
 */
class BackoffPolicy
{
public:
    struct Options
    {
        qint64 initialDelayMs = 1000;
        qint64 maxDelayMs = 60000;
        double multiplier = 2.0;
        //! Retries after the first attempt (so maxRetries + 1 requests in all).
        int maxRetries = 4;
    };
    //! Returns a number in [0, 1).
    using Uniform = std::function<double()>;

    BackoffPolicy();
    explicit BackoffPolicy(Options options, Uniform uniform = {});

    const Options &options() const { return m_options; }
    //! The un-jittered ceiling for retry number `retry` (0 = the first retry).
    qint64 ceilingMs(int retry) const;
    //! The delay before retry number `retry`; at least `retryAfterMs` when the server sent one.
    qint64 delayMs(int retry, std::optional<qint64> retryAfterMs = std::nullopt) const;
    bool mayRetry(int retry) const { return retry < m_options.maxRetries; }

private:
    Options m_options;
    Uniform m_uniform;
};

} // namespace cp::app::marketdata
