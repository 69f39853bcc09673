#include "httpfetcher.h"

#include <QDateTime>
#include <QEventLoop>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QTimeZone>

#include <climits>

namespace cp::app::marketdata {

struct HttpFetcher::Attempt
{
    QByteArray body;
    int status = 0;
    bool answered = false;
    bool timedOut = false;
    QString networkError;
    std::optional<qint64> retryAfterMs;
};

HttpFetcher::HttpFetcher(Options options)
    : m_options(options)
    , m_backoff(options.backoff)
    , m_limiter(options.requestsPerMinute)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

HttpFetcher::~HttpFetcher() = default;

void HttpFetcher::setBackoffRandom(BackoffPolicy::Uniform uniform)
{
    m_backoff = BackoffPolicy(m_options.backoff, std::move(uniform));
}

std::optional<qint64> HttpFetcher::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = trimmed.toLongLong(&ok);
    if (ok)
        return seconds >= 0 ? std::optional<qint64>(seconds * 1000) : std::nullopt;
    // IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
    QDateTime date = QLocale::c().toDateTime(QString::fromLatin1(trimmed).chopped(4),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (!date.isValid())
        return std::nullopt;
    date.setTimeZone(QTimeZone::utc());
    return std::max<qint64>(0, now.msecsTo(date));
}

void HttpFetcher::wait(qint64 ms)
{
    if (ms <= 0)
        return;
    if (m_sleeper) {
        m_sleeper(ms);
        return;
    }
    QEventLoop loop;
    QTimer::singleShot(int(std::min<qint64>(ms, INT_MAX)), &loop, &QEventLoop::quit);
    loop.exec();
}

HttpFetcher::Attempt HttpFetcher::attemptOnce(const QUrl &url, const Headers &headers)
{
    if (!m_network)
        m_network = std::make_unique<QNetworkAccessManager>();
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "CryptoPredict");
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);

    Attempt attempt;
    QEventLoop loop;
    QNetworkReply *reply = m_network->get(request);
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        attempt.timedOut = true;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, &loop, [&](qint64 received, qint64) {
        if (received > m_options.maxBodyBytes)
            reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    // A shutdown should not wait for a slow provider's timeout.
    QTimer cancelPoll;
    if (m_cancelled) {
        QObject::connect(&cancelPoll, &QTimer::timeout, &loop, [&] {
            if (m_cancelled->load())
                reply->abort();
        });
        cancelPoll.start(100);
    }
    timer.start(m_options.timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    timer.stop();
    cancelPoll.stop();

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    attempt.status = status.isValid() ? status.toInt() : 0;
    attempt.answered = attempt.status > 0;
    attempt.retryAfterMs =
        parseRetryAfter(reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());
    if (reply->error() != QNetworkReply::NoError && attempt.status < 400) {
        // A transport failure, possibly after the headers (a cut-off body).
        attempt.networkError =
            attempt.timedOut ? QStringLiteral("timed out after %1 ms").arg(m_options.timeoutMs)
                             : reply->errorString();
        attempt.answered = attempt.answered && !attempt.timedOut;
    } else {
        attempt.body = reply->readAll();
    }
    reply->deleteLater();
    return attempt;
}

FetchResult HttpFetcher::get(const QUrl &url, const Headers &headers, const Validator &validate)
{
    FetchResult result;
    const QString where = url.host() + url.path();
    bool everAnswered = false;
    for (int retry = -1;; ++retry) {
        if (m_cancelled && m_cancelled->load()) {
            result.failure = FetchResult::Failure::Cancelled;
            result.error = QStringLiteral("Cancelled.");
            return result;
        }
        wait(m_limiter.reserve(m_clock()));
        const Attempt a = attemptOnce(url, headers);
        ++result.attempts;
        result.httpStatus = a.status;
        everAnswered = everAnswered || a.answered;
        bool retryable = false;
        std::optional<qint64> retryAfter;
        if (!a.networkError.isEmpty()) {
            result.failure =
                a.answered ? FetchResult::Failure::BadBody : FetchResult::Failure::Unreachable;
            result.error = QStringLiteral("%1: %2").arg(where, a.networkError);
            retryable = true;
        } else if (a.status == 429 || a.status == 408 || a.status >= 500) {
            result.failure = FetchResult::Failure::HttpStatus;
            result.error = a.status == 429
                               ? QStringLiteral("%1: rate limited (HTTP 429)").arg(where)
                               : QStringLiteral("%1: HTTP %2").arg(where).arg(a.status);
            retryable = true;
            if (a.status == 429)
                ++result.rateLimited;
            // The wait below honours it; the fetcher is sequential, so later requests of
            // the same run wait too.
            retryAfter = a.retryAfterMs;
        } else if (a.status >= 400) {
            // 401/403 (a bad key), 404: asking again will not help.
            result.failure = FetchResult::Failure::HttpStatus;
            result.error = QStringLiteral("%1: HTTP %2").arg(where).arg(a.status);
            result.body = a.body;
            return result;
        } else {
            const QString invalid = validate ? validate(a.body) : QString();
            if (invalid.isEmpty()) {
                result.failure = FetchResult::Failure::None;
                result.error.clear();
                result.body = a.body;
                return result;
            }
            result.failure = FetchResult::Failure::BadBody;
            result.error = QStringLiteral("%1: %2").arg(where, invalid);
            retryable = true;
        }
        if (!retryable || !m_backoff.mayRetry(retry + 1)) {
            if (result.failure == FetchResult::Failure::Unreachable && everAnswered)
                result.failure = FetchResult::Failure::BadBody;
            return result;
        }
        if (m_cancelled && m_cancelled->load()) {
            result.failure = FetchResult::Failure::Cancelled;
            result.error = QStringLiteral("Cancelled.");
            return result;
        }
        wait(m_backoff.delayMs(retry + 1, retryAfter));
    }
}

} // namespace cp::app::marketdata
