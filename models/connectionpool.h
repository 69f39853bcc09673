#pragma once

#include "databaseurl.h"

#include <QSqlDatabase>

namespace cp::models {

/**
 * One connection per thread for one database URL. A connection may only be used by the thread
 * that opened it, so each thread asks the pool and gets its own, opened on first use and
 * closed when that thread finishes.
 */
class ConnectionPool
{
public:
    explicit ConnectionPool(DatabaseUrl url);
    ~ConnectionPool();
    ConnectionPool(const ConnectionPool &) = delete;
    ConnectionPool &operator=(const ConnectionPool &) = delete;

    const DatabaseUrl &url() const { return m_url; }
    //! The calling thread's connection, opened (or reopened after a server restart) as needed.
    Result<QSqlDatabase> connectionForThisThread();
    //! Name of the calling thread's connection, whether or not it is open yet.
    QString connectionNameForThisThread() const;

private:
    DatabaseUrl m_url;
    QString m_prefix;
};

} // namespace cp::models
