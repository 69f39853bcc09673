#pragma once

#include <engine/result.h>

#include <QJsonObject>
#include <QSqlDatabase>

#include <limits>

namespace cp::app {

/**
 * Replays the timing model over the stored history, out of sample only (walk-forward), and
 * records the report in app_metadata ("last_backtest") so the API and the desktop show the same
 * figures. Returns the report as JSON (engine::BacktestReport::toJson()).
 */
Result<QJsonObject> runStoredBacktest(QSqlDatabase db,
                                      qint64 from = std::numeric_limits<qint64>::min(),
                                      qint64 to = std::numeric_limits<qint64>::max());

} // namespace cp::app
