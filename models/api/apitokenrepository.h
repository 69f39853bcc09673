#pragma once

#include <models/userrepository.h>

#include <engine/result.h>

#include <QDateTime>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

namespace cp::models {

/** An api_tokens row joined with the user it belongs to. */
struct ApiTokenRecord
{
    qint64 id = 0;
    int userId = 0;
    QString email;
    Role role = Role::Casual;
    bool userActive = true;
    QDateTime expiresAt;
    //! Invalid while the token has not been revoked.
    QDateTime revokedAt;
};

/** api_tokens: bearer tokens of the REST API, stored only as hashes. */
class ApiTokenRepository
{
public:
    explicit ApiTokenRepository(QSqlDatabase db);

    Result<qint64> insert(const QString &tokenHash, int userId, const QDateTime &expiresAt);
    Result<std::optional<ApiTokenRecord>> findByHash(const QString &tokenHash) const;
    //! Marks the token revoked; false when no such unrevoked token exists.
    Result<bool> revoke(const QString &tokenHash, const QDateTime &now);
    //! Records that these tokens were used at `now` (one statement per token, one transaction).
    Status touch(const QStringList &tokenHashes, const QDateTime &now);

private:
    QSqlDatabase m_db;
};

} // namespace cp::models
