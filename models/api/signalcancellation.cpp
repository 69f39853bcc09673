#include "signalcancellation.h"

#include "activityrepository.h"

#include <models/serviceerror.h>
#include <models/sqltransaction.h>

#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace cp::models {

namespace {
int code(ServiceError error)
{
    return static_cast<int>(error);
}
} // namespace

SignalCancellation::SignalCancellation(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Status SignalCancellation::cancel(int signalId, int userId)
{
    m_changes.clear();
    SqlTransaction transaction(m_db);
    if (!transaction.isActive())
        return Status::failure(transaction.error(), code(ServiceError::Database));
    QSqlQuery update(m_db);
    update.prepare(QStringLiteral("UPDATE trading_signals SET status = 'cancelled'"
                                  " WHERE id = ? AND status = 'active'"));
    update.addBindValue(signalId);
    if (!update.exec())
        return Status::failure(
            QStringLiteral("Could not cancel the signal: %1").arg(update.lastError().text()),
            code(ServiceError::Database));
    if (update.numRowsAffected() == 0) {
        QSqlQuery status(m_db);
        status.prepare(QStringLiteral("SELECT status FROM trading_signals WHERE id = ?"));
        status.addBindValue(signalId);
        if (!status.exec())
            return Status::failure(status.lastError().text(), code(ServiceError::Database));
        if (!status.next())
            return Status::failure(QStringLiteral("There is no signal %1.").arg(signalId),
                                   code(ServiceError::NotFound));
        return Status::failure(QStringLiteral("Signal %1 is already %2; only active signals can "
                                              "be cancelled.")
                                   .arg(signalId)
                                   .arg(status.value(0).toString()),
                               code(ServiceError::Conflict));
    }
    m_changes.push_back({QStringLiteral("trading_signals"), signalId, QStringLiteral("update")});
    const Result<ChangeEvent> activity = ActivityRepository(m_db).log(
        userId, QStringLiteral("cancel_signal"), {{QStringLiteral("signal_id"), signalId}}, {}, {});
    if (!activity)
        return Status::failure(activity.error(), code(ServiceError::Database));
    m_changes.push_back(*activity);
    if (const Status s = transaction.commit(); !s)
        return Status::failure(s.error(), code(ServiceError::Database));
    return {};
}

} // namespace cp::models
