#pragma once

#include <engine/result.h>

#include <QSqlDatabase>

namespace cp::models {

/**
 * A database transaction that rolls back unless committed: every multi-row write holds one,
 * so a failure anywhere leaves the database as it was.
 */
class SqlTransaction
{
public:
    explicit SqlTransaction(QSqlDatabase db);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    //! False when BEGIN itself failed; error() says why.
    bool isActive() const { return m_active; }
    const QString &error() const { return m_error; }
    Status commit();
    void rollback();

private:
    QSqlDatabase m_db;
    QString m_error;
    bool m_active = false;
};

} // namespace cp::models
