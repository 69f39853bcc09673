#pragma once

#include "databaseurl.h"

#include <engine/result.h>

#include <QSqlDatabase>

#include <optional>
#include <type_traits>
#include <utility>

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

//! "prefix-N", unique in this process: one-off connections on any thread never collide.
QString uniqueConnectionName(const QString &prefix);

/**
 * Runs `work(QSqlDatabase)` on a connection of the calling thread opened for it alone and closed
 * afterwards (a worker's one-off job). `work` returns a Result<T> or a Status; a connection
 * that cannot be opened becomes that type's failure.
 */
template<typename Work>
auto withConnection(const DatabaseUrl &url, const QString &prefix, Work &&work)
    -> std::invoke_result_t<Work &, QSqlDatabase>
{
    using R = std::invoke_result_t<Work &, QSqlDatabase>;
    const QString name = uniqueConnectionName(prefix);
    std::optional<R> result;
    {
        // Every handle to the connection is gone before it is removed.
        const Result<QSqlDatabase> db = openConnection(url, name);
        result.emplace(db ? work(*db) : R::failure(db.error(), db.errorCode()));
    }
    closeConnection(name);
    return std::move(*result);
}

//! Which dialect an open connection speaks.
Dialect dialectOf(const QSqlDatabase &db);

//! One sentence for a failed connection attempt, naming where and why.
QString describeConnectionError(const DatabaseUrl &url, const QSqlError &error);

//! Which kind of failure a driver error of a connection attempt is.
ConnectionFailure classifyConnectionError(const DatabaseUrl &url, const QSqlError &error);

} // namespace cp::models
