#include "notificationqueries.h"

namespace cp::models::views {

Result<SnapshotTable> loadNotifications(QSqlDatabase db, int userId, int limit)
{
    return readSnapshot(db,
                        QStringLiteral("SELECT id, notification_type, title, message, status,"
                                       " priority, created_at FROM notifications"
                                       " WHERE user_id = ? AND status <> 'dismissed'"
                                       " ORDER BY created_at DESC, id DESC LIMIT ?"),
                        {userId, limit});
}

int unreadCount(const SnapshotTable &notifications)
{
    int unread = 0;
    for (int r = 0; r < notifications.rowCount(); ++r)
        unread +=
            notifications.value(r, QStringLiteral("status")).toString() == QLatin1String("unread");
    return unread;
}

} // namespace cp::models::views
