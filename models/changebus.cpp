#include "changebus.h"

#include "connection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QUuid>

#include <map>

namespace cp::models {

namespace {
// A run writes hundreds of rows; peers need to know which tables to re-read, not every id.
constexpr int kMaxNotificationsPerTable = 50;
} // namespace

ChangeBus::ChangeBus()
{
    qRegisterMetaType<cp::models::ChangeEvent>();
}

ChangeBus &ChangeBus::instance()
{
    static ChangeBus bus;
    return bus;
}

QString ChangeBus::instanceId()
{
    static const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return id;
}

QByteArray ChangeBus::toPayload(const ChangeEvent &event)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("table"), event.table},
                                     {QStringLiteral("id"), event.id},
                                     {QStringLiteral("op"), event.op},
                                     {QStringLiteral("origin"), instanceId()}})
        .toJson(QJsonDocument::Compact);
}

bool ChangeBus::isOwnPayload(const QString &payload)
{
    // The origin is written last; a substring test spares parsing every notification twice.
    return payload.contains(instanceId()) && QJsonDocument::fromJson(payload.toUtf8())
                                                     .object()
                                                     .value(QStringLiteral("origin"))
                                                     .toString() == instanceId();
}

std::optional<ChangeEvent> ChangeBus::fromPayload(const QString &payload)
{
    const QJsonObject object = QJsonDocument::fromJson(payload.toUtf8()).object();
    if (!object.contains(QStringLiteral("table")))
        return std::nullopt;
    return ChangeEvent{object.value(QStringLiteral("table")).toString(),
                       object.value(QStringLiteral("id")).toInteger(),
                       object.value(QStringLiteral("op")).toString()};
}

void ChangeBus::publish(QSqlDatabase db, const std::vector<ChangeEvent> &events)
{
    std::map<QString, int> perTable;
    const bool postgres = db.isValid() && dialectOf(db) == Dialect::PostgreSQL;
    QSqlQuery notify(db);
    if (postgres)
        notify.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
    for (const ChangeEvent &event : events) {
        const int seen = ++perTable[event.table];
        if (seen > kMaxNotificationsPerTable)
            continue;
        // The last announcement of a table carries id 0: "many rows, re-read the table".
        const ChangeEvent sent =
            seen == kMaxNotificationsPerTable ? ChangeEvent{event.table, 0, event.op} : event;
        Q_EMIT changed(sent);
        if (postgres) {
            notify.addBindValue(channel());
            notify.addBindValue(QString::fromUtf8(toPayload(sent)));
            notify.exec();
            notify.finish();
        }
    }
}

void ChangeBus::announce(const ChangeEvent &event)
{
    Q_EMIT changed(event);
}

} // namespace cp::models
