#pragma once

#include "websocketchannel.h"

#include <engine/result.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>

namespace cp::app::api {

/**
 * What the WebSocket channels send, read on a worker thread: the snapshot a new subscriber gets
 * and the rows behind change events. Each is read once per change and shared by every
 * subscriber of the channel.
 */
namespace ChannelFeeds {

//! The first message of a channel: prices, active signals, the dashboard, health or the queue.
Result<QJsonValue> snapshot(QSqlDatabase db, const WebSocketChannel &channel);
//! A signal in the list shape (null when it no longer exists).
Result<QJsonValue> signal(QSqlDatabase db, int signalId);
//! A suggestion in the list shape (null when it no longer exists).
Result<QJsonValue> suggestion(QSqlDatabase db, int suggestionId);
Result<QJsonArray> prices(QSqlDatabase db, const QList<int> &cryptoIds);
//! The assets of these price_data rows (a price event names its row).
Result<QList<int>> assetsOfPriceRows(QSqlDatabase db, const QList<qint64> &rowIds);
Result<QJsonObject> systemStatus(QSqlDatabase db);
//! The owner of a notifications / signal_executions row (0 when gone).
Result<int> ownerOf(QSqlDatabase db, const QString &table, qint64 id);

} // namespace ChannelFeeds

} // namespace cp::app::api
