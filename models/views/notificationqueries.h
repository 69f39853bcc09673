#pragma once

#include "snapshottable.h"

#include <engine/result.h>

#include <QSqlDatabase>

namespace cp::models::views {

/**
 * A user's notifications that are not dismissed, newest first (at most `limit`): id,
 * notification_type, title, message, status, priority, created_at. Writes (read, delete) go
 * through models::NotificationWriter, shared with the REST API.
 */
Result<SnapshotTable> loadNotifications(QSqlDatabase db, int userId, int limit = 50);

//! How many of them are unread.
int unreadCount(const SnapshotTable &notifications);

} // namespace cp::models::views
