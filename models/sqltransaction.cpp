#include "sqltransaction.h"

#include <QSqlError>

namespace cp::models {

SqlTransaction::SqlTransaction(QSqlDatabase db)
    : m_db(std::move(db))
{
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
