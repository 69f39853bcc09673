#include "sqltransaction.h"

#include "connection.h"

#include <QSqlError>
#include <QSqlQuery>

namespace cp::models {

SqlTransaction::SqlTransaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    // SQLite's plain BEGIN takes the write lock only at the first write, and a transaction that
    // read before another connection wrote then fails at once with "database is locked" (the
    // busy timeout cannot help). IMMEDIATE takes the lock up front, so writers queue instead.
    if (dialectOf(m_db) == Dialect::SQLite) {
        QSqlQuery begin(m_db);
        m_active = begin.exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (!m_active)
            m_error =
                QStringLiteral("Could not start a transaction: %1").arg(begin.lastError().text());
        return;
    }
    m_active = m_db.transaction();
    if (!m_active)
        m_error = QStringLiteral("Could not start a transaction: %1").arg(m_db.lastError().text());
}

SqlTransaction::~SqlTransaction()
{
    if (m_active)
        rollback();
}

Status SqlTransaction::commit()
{
    if (!m_active)
        return Status::failure(m_error.isEmpty() ? QStringLiteral("No transaction is open.")
                                                 : m_error);
    m_active = false;
    if (!m_db.commit()) {
        const QString message =
            QStringLiteral("Could not commit the changes: %1").arg(m_db.lastError().text());
        m_db.rollback();
        return Status::failure(message);
    }
    return {};
}

void SqlTransaction::rollback()
{
    if (m_active) {
        m_active = false;
        m_db.rollback();
    }
}

} // namespace cp::models
