#include "activityrepository.h"

#include <models/rowinserter.h>
#include <models/sqltimestamp.h>
#include <models/sqltransaction.h>

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace cp::models {

ActivityRepository::ActivityRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<ChangeEvent> ActivityRepository::log(int userId, const QString &activityType,
                                            const QJsonObject &data, const QString &ipAddress,
                                            const QString &userAgent)
{
    RowInserter activities(m_db, QStringLiteral("user_activities"));
    const Result<qint64> id = activities.insert(
        {{"user_id", userId},
         {"activity_type", activityType},
         {"activity_data", jsonValue(data)},
         // INET refuses anything that is not an address; an empty one is stored as NULL.
         {"ip_address",
          ipAddress.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(ipAddress)},
         {"user_agent", userAgent.left(500)},
         {"activity_time", SqlTimestamp::fromDateTime(QDateTime::currentDateTimeUtc())}});
    if (!id)
        return Result<ChangeEvent>::failure(id.error());
    return ChangeEvent{QStringLiteral("user_activities"), *id, QStringLiteral("insert")};
}

Result<ChangeEvent> ActivityRepository::recordLogin(int userId, const QString &ipAddress,
                                                    const QString &userAgent)
{
    SqlTransaction transaction(m_db);
    if (!transaction.isActive())
        return Result<ChangeEvent>::failure(transaction.error());
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE users SET last_login = ? WHERE id = ?"));
    query.addBindValue(SqlTimestamp::fromDateTime(QDateTime::currentDateTimeUtc()));
    query.addBindValue(userId);
    if (!query.exec())
        return Result<ChangeEvent>::failure(
            QStringLiteral("Could not record the login: %1").arg(query.lastError().text()));
    const Result<ChangeEvent> event =
        log(userId, QStringLiteral("login"), {}, ipAddress, userAgent);
    if (!event)
        return event;
    if (const Status s = transaction.commit(); !s)
        return Result<ChangeEvent>::failure(s.error());
    return event;
}

} // namespace cp::models
