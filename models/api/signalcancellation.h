#pragma once

#include <models/changeevent.h>

#include <engine/result.h>

#include <QSqlDatabase>

#include <vector>

namespace cp::models {

/**
 * Cancels an active trading signal (DELETE /api/v1/layer4/signals/{id}): in one transaction the
 * signal moves from active to cancelled only if it still is active (so a concurrent execution or
 * expiry wins cleanly), and the admin's activity is logged. Errors carry a ServiceError code.
 */
class SignalCancellation
{
public:
    explicit SignalCancellation(QSqlDatabase db);

    Status cancel(int signalId, int userId);
    const std::vector<ChangeEvent> &changes() const { return m_changes; }

private:
    QSqlDatabase m_db;
    std::vector<ChangeEvent> m_changes;
};

} // namespace cp::models
