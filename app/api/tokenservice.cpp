#include "tokenservice.h"

#include <models/api/apitokenrepository.h>

#include <QCryptographicHash>
#include <QMutexLocker>

#include <sodium.h>

namespace cp::app::api {

namespace {
constexpr int kTokenBytes = 32;
// Prefix makes tokens recognisable in logs and to secret scanners.
const QString kPrefix = QStringLiteral("cp_");
} // namespace

TokenService::TokenService(qint64 lifetimeSeconds, qint64 recheckSeconds)
    : m_lifetime(lifetimeSeconds)
    , m_recheck(recheckSeconds)
{
}

QString TokenService::hashOf(const QString &token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString TokenService::bearerToken(const QByteArray &authorization)
{
    const QByteArray trimmed = authorization.trimmed();
    if (trimmed.size() < 8 || qstrnicmp(trimmed.constData(), "bearer ", 7) != 0)
        return {};
    const QByteArray token = trimmed.mid(7).trimmed();
    // A token is ASCII of a known size; anything else cannot match and is not worth a lookup.
    if (token.isEmpty() || token.size() > 256)
        return {};
    return QString::fromLatin1(token);
}

Result<TokenService::Issued> TokenService::issue(QSqlDatabase db, const models::UserRecord &user)
{
    unsigned char random[kTokenBytes];
    randombytes_buf(random, sizeof random);
    const QString token =
        kPrefix +
        QString::fromLatin1(
            QByteArray(reinterpret_cast<const char *>(random), kTokenBytes)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    sodium_memzero(random, sizeof random);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Whole seconds: both dialects store them exactly, so the expiry we report is the stored one.
    const QDateTime expires =
        QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch() + m_lifetime, Qt::UTC);
    const QString hash = hashOf(token);
    const Result<qint64> stored = models::ApiTokenRepository(db).insert(hash, user.id, expires);
    if (!stored)
        return Result<Issued>::failure(stored.error());
    Principal principal{user.id, user.email, user.role, hash, expires};
    QMutexLocker lock(&m_mutex);
    m_entries.insert(hash, Entry{principal, now});
    return Issued{token, expires};
}

std::optional<Principal> TokenService::cached(const QString &token, const QDateTime &now)
{
    const QString hash = hashOf(token);
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(hash);
    if (it == m_entries.constEnd())
        return std::nullopt;
    if (it->principal.expiresAt <= now || it->checkedAt.secsTo(now) >= m_recheck) {
        m_entries.remove(hash);
        return std::nullopt;
    }
    m_used.insert(hash);
    return it->principal;
}

Result<std::optional<Principal>> TokenService::resolve(QSqlDatabase db, const QString &token,
                                                       const QDateTime &now)
{
    using R = Result<std::optional<Principal>>;
    const QString hash = hashOf(token);
    const Result<std::optional<models::ApiTokenRecord>> found =
        models::ApiTokenRepository(db).findByHash(hash);
    if (!found)
        return R::failure(found.error());
    const std::optional<models::ApiTokenRecord> &record = *found;
    if (!record || record->revokedAt.isValid() || record->expiresAt <= now || !record->userActive)
        return std::optional<Principal>();
    Principal principal{record->userId, record->email, record->role, hash, record->expiresAt};
    QMutexLocker lock(&m_mutex);
    m_entries.insert(hash, Entry{principal, now});
    m_used.insert(hash);
    return std::optional<Principal>(principal);
}

Result<bool> TokenService::revoke(QSqlDatabase db, const QString &tokenHash, const QDateTime &now)
{
    {
        QMutexLocker lock(&m_mutex);
        m_entries.remove(tokenHash);
        m_used.remove(tokenHash);
    }
    return models::ApiTokenRepository(db).revoke(tokenHash, now);
}

Status TokenService::flushUsage(QSqlDatabase db, const QDateTime &now)
{
    QStringList hashes;
    {
        QMutexLocker lock(&m_mutex);
        hashes = QStringList(m_used.cbegin(), m_used.cend());
        m_used.clear();
    }
    return models::ApiTokenRepository(db).touch(hashes, now);
}

} // namespace cp::app::api
