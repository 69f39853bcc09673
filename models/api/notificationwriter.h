#pragma once

#include <models/changeevent.h>

#include <engine/result.h>

#include <QSqlDatabase>

#include <vector>

namespace cp::models {

/**
 * Marks a user's notifications read and deletes them. Only the owner (or an admin) may; errors
 * carry a ServiceError code (NotFound, Forbidden).
 */
class NotificationWriter
{
public:
    explicit NotificationWriter(QSqlDatabase db);

    Status markRead(qint64 notificationId, int userId, bool isAdmin);
    Status remove(qint64 notificationId, int userId, bool isAdmin);
    const std::vector<ChangeEvent> &changes() const { return m_changes; }

private:
    Status checkOwner(qint64 notificationId, int userId, bool isAdmin);

    QSqlDatabase m_db;
    std::vector<ChangeEvent> m_changes;
};

} // namespace cp::models
