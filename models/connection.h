#pragma once

#include "databaseurl.h"

#include <QSqlDatabase>

class QSqlError;

namespace cp::models {

/**
 * Opens the named connection for `url` in the calling thread with the session settings every
 * part of the product relies on: SQLite in WAL mode with foreign keys on and a busy timeout;
 * PostgreSQL in UTC with a connect timeout. The error is one sentence a user can act on.
 */
Result<QSqlDatabase> openConnection(const DatabaseUrl &url, const QString &connectionName);

//! Closes and forgets a connection opened by openConnection (same thread).
void closeConnection(const QString &connectionName);

//! Which dialect an open connection speaks.
Dialect dialectOf(const QSqlDatabase &db);

//! One sentence for a failed connection attempt, naming where and why.
QString describeConnectionError(const DatabaseUrl &url, const QSqlError &error);

} // namespace cp::models
