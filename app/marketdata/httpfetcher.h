#pragma once

#include "backoffpolicy.h"
#include "ratelimiter.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace cp::app::marketdata {

/** What one HTTP GET (with its retries) ended with. */
struct FetchResult
{
    enum class Failure {
        None,
        //! Never got an HTTP answer: refused, unresolved, reset, timed out.
        Unreachable,
        //! An HTTP error status (after retries for 429/5xx).
        HttpStatus,
        //! 200, but the body failed validation (malformed or cut-off JSON).
        BadBody,
        Cancelled,
    };
    QByteArray body;
    int httpStatus = 0;
    Failure failure = Failure::None;
    //! One sentence naming the URL path and the last problem.
    QString error;
    int attempts = 0;
    //! Retries that were caused by 429 (rate limited), for status reasons.
    int rateLimited = 0;

    bool ok() const { return failure == Failure::None; }
};

/** Limits and retry rules of an HttpFetcher. */
struct FetchOptions
{
    //! Whole request, headers to last byte.
    int timeoutMs = 20000;
    BackoffPolicy::Options backoff;
    int requestsPerMinute = 0;
    //! Bodies larger than this are refused (a broken or hostile server).
    qint64 maxBodyBytes = 64 * 1024 * 1024;
};

/**
 * Synchronous GET for market-data workers: runs its own QNetworkAccessManager and event loop on
 * the calling thread (a worker, or a test's main thread where the mock server is served by the
 * same loop), spaces requests with a RateLimiter, retries 429 (honouring Retry-After), 408, 5xx,
 * timeouts, network errors and invalid bodies with jittered exponential backoff. Waits go
 * through an injectable sleeper so tests take no time and can see the delays asked for.
 */
class HttpFetcher
{
public:
    using Options = FetchOptions;
    using Sleeper = std::function<void(qint64 ms)>;
    using Clock = std::function<qint64()>;
    //! Returns an empty string when the body is usable, else why not.
    using Validator = std::function<QString(const QByteArray &body)>;
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit HttpFetcher(Options options = {});
    ~HttpFetcher();

    //! Replaces the waits between attempts (default: an event loop that keeps sockets served).
    void setSleeper(Sleeper sleeper) { m_sleeper = std::move(sleeper); }
    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setBackoffRandom(BackoffPolicy::Uniform uniform);
    void setCancelFlag(const std::atomic<bool> *cancelled) { m_cancelled = cancelled; }

    FetchResult get(const QUrl &url, const Headers &headers = {}, const Validator &validate = {});

    //! Retry-After as milliseconds: delta-seconds or an HTTP date; nullopt when absent/invalid.
    static std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &now);

private:
    struct Attempt;
    Attempt attemptOnce(const QUrl &url, const Headers &headers);
    void wait(qint64 ms);

    Options m_options;
    BackoffPolicy m_backoff;
    RateLimiter m_limiter;
    Sleeper m_sleeper;
    Clock m_clock;
    const std::atomic<bool> *m_cancelled = nullptr;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

} // namespace cp::app::marketdata
