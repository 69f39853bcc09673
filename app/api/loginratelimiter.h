#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>

#include <optional>

namespace cp::app::api {

/**
 * Slows password guessing: after `maxFailures` failed logins within `windowSeconds` for one
 * email from one address (or 4x that many for one address over all emails), further attempts
 * are refused until the oldest failure leaves the window. Thread-safe.
 */
class LoginRateLimiter
{
public:
    explicit LoginRateLimiter(int maxFailures = 5, qint64 windowSeconds = 60);

    //! Seconds to wait before trying again, or nothing when an attempt is allowed now.
    std::optional<qint64> retryAfter(const QString &email, const QString &address,
                                     const QDateTime &now);
    void recordFailure(const QString &email, const QString &address, const QDateTime &now);
    //! A successful login forgets that email's failures from that address.
    void recordSuccess(const QString &email, const QString &address);

private:
    std::optional<qint64> blockedFor(QList<qint64> &failures, int limit, qint64 now);

    int m_maxFailures;
    qint64 m_window;
    QMutex m_mutex;
    QHash<QString, QList<qint64>> m_failures;
};

} // namespace cp::app::api
