// WebSocketHub, second half: turning batched change events into channel messages.
#include "websockethub.h"

#include "channelfeeds.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QWebSocket>

namespace cp::app::api {

namespace {
using Kind = WebSocketChannel::Kind;
constexpr int kMaxRowsPerBatch = 100;

const QSet<QString> kDashboardTables{
    QStringLiteral("market_regime_analysis"),   QStringLiteral("market_sentiment_data"),
    QStringLiteral("dominance_data"),           QStringLiteral("sector_performance"),
    QStringLiteral("sector_rotation_analysis"), QStringLiteral("trading_signals"),
    QStringLiteral("ai_suggestions"),           QStringLiteral("ai_models")};

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
    if (tables.contains(QStringLiteral("price_data")) ||
        tables.contains(QStringLiteral("cryptocurrencies")))
        refreshPrices();
    if (tables.contains(QStringLiteral("system_health")) ||
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
    QList<int> ids;
    for (const auto &s : std::as_const(m_subscribers)) {
        if (s->channel.kind != Kind::Prices)
            continue;
        for (int id : s->channel.cryptoIds) {
            if (!ids.contains(id))
                ids.append(id);
        }
    }
    if (ids.isEmpty())
        return;
    m_worker(
        [ids](QSqlDatabase db) {
            const Result<QJsonArray> prices = ChannelFeeds::prices(db, ids);
            return prices ? QJsonValue(*prices) : QJsonValue(QJsonValue::Undefined);
        },
        [this](const QJsonValue &prices) {
            if (prices.isUndefined())
                return;
            QHash<int, QJsonObject> latest;
            for (const QJsonValue &price : prices.toArray())
                latest.insert(price.toObject().value(QStringLiteral("crypto_id")).toInt(),
                              price.toObject());
            // Subscribers of the same ids share one message.
            QHash<QString, QString> messages;
            const auto subscribers = m_subscribers.values();
            for (const std::shared_ptr<Subscriber> &s : subscribers) {
                if (s->channel.kind != Kind::Prices || !m_subscribers.contains(s->socket))
                    continue;
                QJsonArray changed;
                for (int id : s->channel.cryptoIds) {
                    const auto it = latest.constFind(id);
                    if (it != latest.constEnd() && s->sentPrices.value(id) != *it) {
                        changed.append(*it);
                        s->sentPrices.insert(id, *it);
                    }
                }
                if (changed.isEmpty())
                    continue;
                const QString key = s->channel.name + QLatin1Char('|') +
                                    QString::number(qHash(QJsonDocument(changed).toJson()));
                auto message = messages.find(key);
                if (message == messages.end())
                    message = messages.insert(
                        key, envelope(s->channel.name, QStringLiteral("prices"), changed));
                send(*s, *message);
            }
        });
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
            m_subscribers.remove(s->socket);
            s->socket->abort();
            s->socket->deleteLater();
            continue;
        }
        s->socket->ping();
    }
}

} // namespace cp::app::api
