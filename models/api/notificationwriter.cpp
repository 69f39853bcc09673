#include "notificationwriter.h"

#include <models/serviceerror.h>
#include <models/sqltimestamp.h>

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace cp::models {

namespace {
int code(ServiceError error)
{
    return static_cast<int>(error);
}
} // namespace

NotificationWriter::NotificationWriter(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Status NotificationWriter::checkOwner(qint64 notificationId, int userId, bool isAdmin)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT user_id FROM notifications WHERE id = ?"));
    query.addBindValue(notificationId);
    if (!query.exec())
        return Status::failure(query.lastError().text(), code(ServiceError::Database));
    if (!query.next())
        return Status::failure(QStringLiteral("There is no notification %1.").arg(notificationId),
                               code(ServiceError::NotFound));
    if (query.value(0).toInt() != userId && !isAdmin)
        return Status::failure(
            QStringLiteral("Notification %1 belongs to another user.").arg(notificationId),
            code(ServiceError::Forbidden));
    return {};
}

Status NotificationWriter::markRead(qint64 notificationId, int userId, bool isAdmin)
{
    m_changes.clear();
    if (const Status s = checkOwner(notificationId, userId, isAdmin); !s)
        return s;
    QSqlQuery update(m_db);
    // Already read keeps its first read_at.
    update.prepare(QStringLiteral("UPDATE notifications SET status = 'read', read_at ="
                                  " COALESCE(read_at, ?) WHERE id = ?"));
    update.addBindValue(SqlTimestamp::fromDateTime(QDateTime::currentDateTimeUtc()));
    update.addBindValue(notificationId);
    if (!update.exec())
        return Status::failure(update.lastError().text(), code(ServiceError::Database));
    m_changes.push_back(
        {QStringLiteral("notifications"), notificationId, QStringLiteral("update")});
    return {};
}

Status NotificationWriter::remove(qint64 notificationId, int userId, bool isAdmin)
{
    m_changes.clear();
    if (const Status s = checkOwner(notificationId, userId, isAdmin); !s)
        return s;
    QSqlQuery remove(m_db);
    remove.prepare(QStringLiteral("DELETE FROM notifications WHERE id = ?"));
    remove.addBindValue(notificationId);
    if (!remove.exec())
        return Status::failure(remove.lastError().text(), code(ServiceError::Database));
    m_changes.push_back(
        {QStringLiteral("notifications"), notificationId, QStringLiteral("delete")});
    return {};
}

} // namespace cp::models
