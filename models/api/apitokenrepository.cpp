#include "apitokenrepository.h"

#include <models/sqltimestamp.h>
#include <models/sqltransaction.h>

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cp::models {

ApiTokenRepository::ApiTokenRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<qint64> ApiTokenRepository::insert(const QString &tokenHash, int userId,
                                          const QDateTime &expiresAt)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO api_tokens (token_hash, user_id, expires_at)"
                                 " VALUES (?, ?, ?) RETURNING id"));
    query.addBindValue(tokenHash);
    query.addBindValue(userId);
    query.addBindValue(SqlTimestamp::fromDateTime(expiresAt));
    if (!query.exec() || !query.next())
        return Result<qint64>::failure(
            QStringLiteral("Could not store the token: %1").arg(query.lastError().text()));
    return query.value(0).toLongLong();
}

Result<std::optional<ApiTokenRecord>> ApiTokenRepository::findByHash(const QString &tokenHash) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT t.id, t.user_id, u.email, u.role, u.is_active,"
                                 " t.expires_at, t.revoked_at FROM api_tokens t"
                                 " JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?"));
    query.addBindValue(tokenHash);
    if (!query.exec())
        return Result<std::optional<ApiTokenRecord>>::failure(
            QStringLiteral("Could not read tokens: %1").arg(query.lastError().text()));
    if (!query.next())
        return std::optional<ApiTokenRecord>();
    ApiTokenRecord record;
    record.id = query.value(0).toLongLong();
    record.userId = query.value(1).toInt();
    record.email = query.value(2).toString();
    record.role = roleFromName(query.value(3).toString()).value_or(Role::Casual);
    record.userActive = query.value(4).toBool();
    record.expiresAt = SqlTimestamp::toDateTime(query.value(5));
    record.revokedAt = SqlTimestamp::toDateTime(query.value(6));
    return std::optional<ApiTokenRecord>(record);
}

Result<bool> ApiTokenRepository::revoke(const QString &tokenHash, const QDateTime &now)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE api_tokens SET revoked_at = ?"
                                 " WHERE token_hash = ? AND revoked_at IS NULL"));
    query.addBindValue(SqlTimestamp::fromDateTime(now));
    query.addBindValue(tokenHash);
    if (!query.exec())
        return Result<bool>::failure(
            QStringLiteral("Could not revoke the token: %1").arg(query.lastError().text()));
    return query.numRowsAffected() > 0;
}

Status ApiTokenRepository::touch(const QStringList &tokenHashes, const QDateTime &now)
{
    if (tokenHashes.isEmpty())
        return {};
    SqlTransaction transaction(m_db);
    if (!transaction.isActive())
        return Status::failure(transaction.error());
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ?"));
    const QString stamp = SqlTimestamp::fromDateTime(now);
    for (const QString &hash : tokenHashes) {
        query.addBindValue(stamp);
        query.addBindValue(hash);
        if (!query.exec())
            return Status::failure(
                QStringLiteral("Could not record token use: %1").arg(query.lastError().text()));
    }
    return transaction.commit();
}

} // namespace cp::models
