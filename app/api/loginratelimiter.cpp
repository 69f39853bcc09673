#include "loginratelimiter.h"

#include <QMutexLocker>

namespace cp::app::api {

namespace {
// Limits guessing many accounts from one address as well as one account.
constexpr int kAddressFactor = 4;
// Bounds memory when someone sprays random emails.
constexpr qsizetype kMaxTrackedKeys = 100000;

QString emailKey(const QString &email, const QString &address)
{
    return email.trimmed().toLower() + QLatin1Char('|') + address;
}

QString addressKey(const QString &address)
{
    return QStringLiteral("*|") + address;
}
} // namespace

LoginRateLimiter::LoginRateLimiter(int maxFailures, qint64 windowSeconds)
    : m_maxFailures(maxFailures)
    , m_window(windowSeconds)
{
}

std::optional<qint64> LoginRateLimiter::blockedFor(QList<qint64> &failures, int limit, qint64 now)
{
    while (!failures.isEmpty() && failures.constFirst() <= now - m_window)
        failures.removeFirst();
    if (failures.size() < limit)
        return std::nullopt;
    // Allowed again once enough failures have left the window to fall under the limit.
    const qint64 freedAt = failures.at(failures.size() - limit) + m_window;
    return std::max<qint64>(1, freedAt - now);
}

std::optional<qint64> LoginRateLimiter::retryAfter(const QString &email, const QString &address,
                                                   const QDateTime &now)
{
    const qint64 t = now.toSecsSinceEpoch();
    QMutexLocker lock(&m_mutex);
    std::optional<qint64> wait;
    if (auto it = m_failures.find(emailKey(email, address)); it != m_failures.end())
        wait = blockedFor(*it, m_maxFailures, t);
    if (auto it = m_failures.find(addressKey(address)); it != m_failures.end()) {
        const std::optional<qint64> byAddress = blockedFor(*it, m_maxFailures * kAddressFactor, t);
        if (byAddress && (!wait || *byAddress > *wait))
            wait = byAddress;
    }
    return wait;
}

void LoginRateLimiter::recordFailure(const QString &email, const QString &address,
                                     const QDateTime &now)
{
    const qint64 t = now.toSecsSinceEpoch();
    QMutexLocker lock(&m_mutex);
    if (m_failures.size() > kMaxTrackedKeys) {
        for (auto it = m_failures.begin(); it != m_failures.end();) {
            if (it->isEmpty() || it->constLast() <= t - m_window)
                it = m_failures.erase(it);
            else
                ++it;
        }
    }
    m_failures[emailKey(email, address)].append(t);
    m_failures[addressKey(address)].append(t);
}

void LoginRateLimiter::recordSuccess(const QString &email, const QString &address)
{
    QMutexLocker lock(&m_mutex);
    m_failures.remove(emailKey(email, address));
}

} // namespace cp::app::api
