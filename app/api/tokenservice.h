#pragma once

#include "apirequest.h"

#include <engine/result.h>
#include <models/userrepository.h>

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QSqlDatabase>

#include <optional>

namespace cp::app::api {

/**
 * Bearer tokens: random, handed out once, stored only as a SHA-256 hash, expiring and revoked at
 * logout. Valid tokens are remembered in memory for a short while so that an authenticated
 * request normally costs no query; revocation by another server on the same database is seen
 * within that while. Thread-safe.
 */
class TokenService
{
public:
    struct Issued
    {
        QString token;
        QDateTime expiresAt;
    };

    explicit TokenService(qint64 lifetimeSeconds = 12 * 3600, qint64 recheckSeconds = 30);

    //! A new token for `user`, stored (hashed) in api_tokens.
    Result<Issued> issue(QSqlDatabase db, const models::UserRecord &user);
    //! The principal of a remembered, unexpired token; nothing when the database must be asked.
    std::optional<Principal> cached(const QString &token, const QDateTime &now);
    //! Looks the token up in the database; nothing for an unknown, expired or revoked token.
    Result<std::optional<Principal>> resolve(QSqlDatabase db, const QString &token,
                                             const QDateTime &now);
    //! Revokes the token (logout); false when it was not active.
    Result<bool> revoke(QSqlDatabase db, const QString &tokenHash, const QDateTime &now);
    //! Writes last_used_at for tokens used since the previous call (at most once per token).
    Status flushUsage(QSqlDatabase db, const QDateTime &now);

    //! The Authorization header's token ("Bearer <token>"), or empty.
    static QString bearerToken(const QByteArray &authorization);
    static QString hashOf(const QString &token);
    qint64 lifetimeSeconds() const { return m_lifetime; }

private:
    struct Entry
    {
        Principal principal;
        QDateTime checkedAt;
    };

    qint64 m_lifetime;
    qint64 m_recheck;
    QMutex m_mutex;
    QHash<QString, Entry> m_entries; // by token hash
    QSet<QString> m_used;
};

} // namespace cp::app::api
