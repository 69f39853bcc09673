// WebSocketHub, second half: turning batched change events into channel messages.
#include "websockethub.h"

#include "channelfeeds.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QWebSocket>

#include <algorithm>

namespace cp::app::api {

namespace {
using Kind = WebSocketChannel::Kind;
constexpr int kMaxRowsPerBatch = 100;

const QSet<QString> kDashboardTables{
    QStringLiteral("market_regime_analysis"),   QStringLiteral("market_sentiment_data"),
    QStringLiteral("dominance_data"),           QStringLiteral("sector_performance"),
    QStringLiteral("sector_rotation_analysis"), QStringLiteral("trading_signals"),
    QStringLiteral("ai_suggestions"),           QStringLiteral("ai_models"),
    QStringLiteral("predictions_enhanced")};

//! True when price object `a` is of an earlier candle than `b` (ISO UTC times compare as text).
bool isOlder(const QJsonObject &a, const QJsonObject &b)
{
    return a.value(QStringLiteral("timestamp")).toString() <
           b.value(QStringLiteral("timestamp")).toString();
}

QJsonObject changeJson(const models::ChangeEvent &event)
{
    return {{QStringLiteral("table"), event.table},
            {QStringLiteral("id"), event.id},
            {QStringLiteral("op"), event.op}};
}
} // namespace

void WebSocketHub::processBatch()
{
    const QList<models::ChangeEvent> events = std::exchange(m_pending, {});
    QSet<QString> tables;
    QList<qint64> signalIds;
    QList<qint64> suggestionIds;
    QList<models::ChangeEvent> owned;
    bool manySignals = false;
    bool manySuggestions = false;
    for (const models::ChangeEvent &e : events) {
        tables.insert(e.table);
        // Id 0 means "many rows": subscribers are told to re-read.
        if (e.table == QLatin1String("trading_signals")) {
            if (e.id == 0 || signalIds.size() >= kMaxRowsPerBatch)
                manySignals = true;
            else if (!signalIds.contains(e.id))
                signalIds.append(e.id);
        } else if (e.table == QLatin1String("ai_suggestions")) {
            if (e.id == 0 || suggestionIds.size() >= kMaxRowsPerBatch)
                manySuggestions = true;
            else if (!suggestionIds.contains(e.id))
                suggestionIds.append(e.id);
        } else if ((e.table == QLatin1String("notifications") ||
                    e.table == QLatin1String("signal_executions")) &&
                   e.id > 0 && owned.size() < kMaxRowsPerBatch) {
            owned.append(e);
        }
    }
    // An empty table means "anything may have changed" (e.g. notifications were lost while
    // the listener reconnected): every channel re-reads.
    const bool anything = tables.contains(QString());
    if (anything) {
        manySignals = true;
        manySuggestions = true;
        tables.unite(kDashboardTables);
    }
    if (anything || tables.contains(QStringLiteral("system_health")) ||
        tables.contains(QStringLiteral("ai_models")))
        pushSystemStatus();

    for (qint64 id : std::as_const(signalIds)) {
        m_worker(
            [id](QSqlDatabase db) {
                const Result<QJsonValue> row = ChannelFeeds::signal(db, int(id));
                return row ? *row : QJsonValue(QJsonValue::Undefined);
            },
            [this, id](const QJsonValue &row) {
                if (row.isUndefined())
                    return;
                if (row.isNull())
                    broadcast(Kind::Signals, QStringLiteral("signal_removed"),
                              QJsonObject{{QStringLiteral("id"), id}});
                else
                    broadcast(Kind::Signals, QStringLiteral("signal"), row);
            });
    }
    if (manySignals)
        broadcast(Kind::Signals, QStringLiteral("refresh"),
                  QJsonObject{{QStringLiteral("table"), QStringLiteral("trading_signals")}});
    for (qint64 id : std::as_const(suggestionIds)) {
        m_worker(
            [id](QSqlDatabase db) {
                const Result<QJsonValue> row = ChannelFeeds::suggestion(db, int(id));
                return row ? *row : QJsonValue(QJsonValue::Undefined);
            },
            [this, id](const QJsonValue &row) {
                if (row.isUndefined())
                    return;
                if (row.isNull())
                    broadcast(Kind::Suggestions, QStringLiteral("suggestion_removed"),
                              QJsonObject{{QStringLiteral("id"), id}});
                else
                    broadcast(Kind::Suggestions, QStringLiteral("suggestion"), row);
            });
    }
    if (manySuggestions)
        broadcast(Kind::Suggestions, QStringLiteral("refresh"),
                  QJsonObject{{QStringLiteral("table"), QStringLiteral("ai_suggestions")}});

    // The dashboard hears which shared tables changed, and re-reads through REST.
    QJsonArray shared;
    for (const QString &table : std::as_const(tables)) {
        if (kDashboardTables.contains(table))
            shared.append(table);
    }
    if (!shared.isEmpty())
        broadcast(Kind::Dashboard, QStringLiteral("update"),
                  QJsonObject{{QStringLiteral("tables"), shared}});
    // A user's own rows go to that user's channels (and to admins watching them).
    for (const models::ChangeEvent &event : std::as_const(owned)) {
        m_worker(
            [event](QSqlDatabase db) {
                const Result<int> owner = ChannelFeeds::ownerOf(db, event.table, event.id);
                return owner ? QJsonValue(*owner) : QJsonValue(QJsonValue::Undefined);
            },
            [this, event](const QJsonValue &owner) {
                // A deleted row has no owner left: only the id can be passed on, to admins.
                const int userId = owner.toInt();
                const auto wants = [userId](const Subscriber &s) {
                    return s.channel.userId == userId;
                };
                const QString type = event.table == QLatin1String("notifications")
                                         ? QStringLiteral("notification")
                                         : QStringLiteral("execution");
                broadcast(Kind::Dashboard, type, changeJson(event), wants);
                if (type == QLatin1String("execution"))
                    broadcast(Kind::Signals, type, changeJson(event), wants);
            });
    }
}

void WebSocketHub::refreshPrices()
{
    m_pendingAllPrices = true;
    schedulePriceRead();
}

void WebSocketHub::schedulePriceRead()
{
    // Events queued behind this one (one writer's commit announces many rows) join the read.
    if (m_priceReadScheduled || m_priceReadInFlight || m_closing)
        return;
    if (!m_pendingAllPrices && m_pendingPriceRows.isEmpty() && m_pendingPriceAssets.isEmpty())
        return;
    m_priceReadScheduled = true;
    QMetaObject::invokeMethod(this, &WebSocketHub::readPrices, Qt::QueuedConnection);
}

void WebSocketHub::readPrices()
{
    m_priceReadScheduled = false;
    const bool all = std::exchange(m_pendingAllPrices, false);
    const QSet<qint64> rows = std::exchange(m_pendingPriceRows, {});
    const QSet<int> assets = std::exchange(m_pendingPriceAssets, {});
    const QSet<int> watched(m_priceIdRefs.keyBegin(), m_priceIdRefs.keyEnd());
    if (watched.isEmpty())
        return;
    m_priceReadInFlight = true;
    m_worker(
        [all, rows, assets, watched](QSqlDatabase db) {
            QSet<int> ids = all ? watched : assets;
            if (!all && !rows.isEmpty()) {
                const Result<QList<int>> moved = ChannelFeeds::assetsOfPriceRows(db, rows.values());
                if (!moved)
                    return QJsonValue(QJsonValue::Undefined);
                for (int id : *moved)
                    ids.insert(id);
            }
            ids.intersect(watched);
            if (ids.isEmpty())
                return QJsonValue(QJsonArray());
            QList<int> sorted = ids.values();
            std::sort(sorted.begin(), sorted.end());
            const Result<QJsonArray> prices = ChannelFeeds::prices(db, sorted);
            return prices ? QJsonValue(*prices) : QJsonValue(QJsonValue::Undefined);
        },
        [this](const QJsonValue &prices) {
            m_priceReadInFlight = false;
            if (!prices.isUndefined())
                deliverPrices(prices.toArray());
            schedulePriceRead();
        });
}

void WebSocketHub::deliverPrices(const QJsonArray &prices)
{
    QHash<int, QJsonObject> changed;
    for (const QJsonValue &value : prices) {
        const QJsonObject price = value.toObject();
        const int id = price.value(QStringLiteral("crypto_id")).toInt();
        if (!m_priceIdRefs.contains(id))
            continue;
        auto last = m_lastPrices.find(id);
        // A read that started before a snapshot seeded a newer price must not undo it.
        if (last != m_lastPrices.end() && (*last == price || isOlder(price, *last)))
            continue;
        m_lastPrices.insert(id, price);
        changed.insert(id, price);
    }
    if (changed.isEmpty())
        return;
    // One serialisation per channel name; subscribers of that name share the bytes.
    const QList<QString> names = m_priceGroups.keys();
    for (const QString &name : names) {
        const auto group = m_priceGroups.constFind(name);
        if (group == m_priceGroups.constEnd())
            continue;
        QJsonArray data;
        QList<int> ids;
        for (int id : group->ids) {
            if (const auto it = changed.constFind(id); it != changed.constEnd()) {
                data.append(*it);
                ids.append(id);
            }
        }
        if (data.isEmpty())
            continue;
        const QString message = envelope(name, QStringLiteral("prices"), data);
        const QList<QWebSocket *> members = group->members.values();
        for (QWebSocket *socket : members) {
            const auto it = m_subscribers.constFind(socket);
            if (it == m_subscribers.constEnd())
                continue;
            Subscriber &s = **it;
            // Before its snapshot a subscriber gets nothing; the snapshot brings it up to date.
            if (!s.ready)
                continue;
            if (s.snapshotPrices.isEmpty()) {
                send(s, message);
                continue;
            }
            // Just after its snapshot: what the snapshot already showed, or a price older than
            // it (read before the snapshot was), is not sent. The floor stays until passed.
            QJsonArray own;
            for (int i = 0; i < ids.size(); ++i) {
                const QJsonObject price = data.at(i).toObject();
                const auto shown = s.snapshotPrices.constFind(ids.at(i));
                if (shown == s.snapshotPrices.constEnd()) {
                    own.append(price);
                } else if (*shown != price && !isOlder(price, *shown)) {
                    own.append(price);
                    s.snapshotPrices.remove(ids.at(i));
                }
            }
            if (own.size() == data.size())
                send(s, message);
            else if (!own.isEmpty())
                send(s, envelope(name, QStringLiteral("prices"), own));
        }
    }
}

void WebSocketHub::pushSystemStatus()
{
    const bool anyone =
        std::any_of(m_subscribers.cbegin(), m_subscribers.cend(),
                    [](const auto &s) { return s->channel.kind == Kind::SystemStatus; });
    if (!anyone)
        return;
    m_worker(
        [](QSqlDatabase db) {
            const Result<QJsonObject> status = ChannelFeeds::systemStatus(db);
            return status ? QJsonValue(*status) : QJsonValue(QJsonValue::Undefined);
        },
        [this](const QJsonValue &status) {
            if (!status.isUndefined())
                broadcast(Kind::SystemStatus, QStringLiteral("status"), status);
        });
}

void WebSocketHub::pingAll()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Two and a half intervals without a pong (or any message): the client is gone.
    const qint64 deadAfter = m_services.options.webSocketPingMs * 5 / 2;
    const auto subscribers = m_subscribers.values();
    for (const std::shared_ptr<Subscriber> &s : subscribers) {
        if (now - s->lastPongMs > deadAfter) {
            forget(s->socket);
            s->socket->abort();
            s->socket->deleteLater();
            continue;
        }
        s->socket->ping();
    }
}

} // namespace cp::app::api
