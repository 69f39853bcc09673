#pragma once

#include "databaseurl.h"

#include <QSqlDatabase>

class QSqlError;

namespace cp::models {

/**
 * Why a connection attempt failed, as Result::errorCode() of openConnection: the first-run
 * wizard's connection test tells the user which of these to fix.
 */
enum class ConnectionFailure {
    None = 0,
    DriverMissing,
    HostUnreachable,
    AuthenticationFailed,
    DatabaseMissing,
    //! The database was written by a newer CryptoPredict (from the Migrator, not the driver).
    SchemaTooNew,
    Other
};

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

//! Which kind of failure a driver error of a connection attempt is.
ConnectionFailure classifyConnectionError(const DatabaseUrl &url, const QSqlError &error);

} // namespace cp::models
