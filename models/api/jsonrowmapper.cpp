#include "jsonrowmapper.h"

#include <models/sqltimestamp.h>

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cp::models {

JsonRowMapper::JsonRowMapper(std::initializer_list<JsonColumn> columns)
    : m_columns(columns)
{
}

JsonRowMapper::JsonRowMapper(QList<JsonColumn> columns)
    : m_columns(std::move(columns))
{
}

QString JsonRowMapper::selectList() const
{
    QString list;
    for (const JsonColumn &column : m_columns) {
        if (!list.isEmpty())
            list += QLatin1String(", ");
        if (column.sql.isEmpty() || column.sql == column.name)
            list += column.name;
        else
            list += column.sql + QLatin1String(" AS ") + column.name;
    }
    return list;
}

QString JsonRowMapper::isoTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(Qt::ISODate);
}

QJsonValue JsonRowMapper::convert(const QVariant &value, JsonKind kind)
{
    if (value.isNull())
        return QJsonValue::Null;
    switch (kind) {
    case JsonKind::Int:
        return value.toLongLong();
    case JsonKind::Number:
        return value.toDouble();
    case JsonKind::Text:
        return value.toString();
    case JsonKind::Bool:
        // QPSQL gives a bool, QSQLITE the stored 0/1 (as an integer or, in expressions, text).
        if (value.typeId() == QMetaType::QString)
            return value.toString() == QLatin1String("1") ||
                   value.toString() == QLatin1String("true");
        return value.toBool();
    case JsonKind::Json: {
        const QByteArray text = value.toString().toUtf8();
        const QJsonDocument document = QJsonDocument::fromJson(text);
        if (document.isObject())
            return document.object();
        if (document.isArray())
            return document.array();
        // A JSON scalar (valid in JSONB) parses as the only element of an array.
        const QJsonDocument wrapped = QJsonDocument::fromJson('[' + text + ']');
        return wrapped.isArray() ? wrapped.array().at(0) : QJsonValue(QJsonValue::Null);
    }
    case JsonKind::Timestamp: {
        const QString iso = isoTime(SqlTimestamp::toDateTime(value));
        return iso.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(iso);
    }
    }
    return QJsonValue::Null;
}

QJsonObject JsonRowMapper::row(const QSqlQuery &query, int firstColumn) const
{
    QJsonObject object;
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        const JsonColumn &column = m_columns[i];
        object.insert(column.name, convert(query.value(firstColumn + int(i)), column.kind));
    }
    return object;
}

QJsonArray JsonRowMapper::all(QSqlQuery &query) const
{
    QJsonArray rows;
    while (query.next())
        rows.append(row(query));
    return rows;
}

Status execQuery(QSqlQuery &query, const QString &what)
{
    if (query.exec())
        return {};
    return Status::failure(
        QStringLiteral("Could not read %1: %2").arg(what, query.lastError().text()));
}

namespace {
Result<QSqlQuery> run(QSqlDatabase db, const JsonRowMapper &mapper, const QString &rest,
                      const QVariantList &binds, const QString &what)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(QStringLiteral("SELECT ") + mapper.selectList() + QLatin1Char(' ') + rest))
        return Result<QSqlQuery>::failure(
            QStringLiteral("Could not read %1: %2").arg(what, query.lastError().text()));
    for (const QVariant &value : binds)
        query.addBindValue(value);
    if (const Status s = execQuery(query, what); !s)
        return Result<QSqlQuery>::failure(s.error());
    return query;
}
} // namespace

Result<QJsonArray> selectRows(QSqlDatabase db, const JsonRowMapper &mapper, const QString &rest,
                              const QVariantList &binds, const QString &what)
{
    Result<QSqlQuery> query = run(db, mapper, rest, binds, what);
    if (!query)
        return Result<QJsonArray>::failure(query.error());
    return mapper.all(query.value());
}

Result<std::optional<QJsonObject>> selectRow(QSqlDatabase db, const JsonRowMapper &mapper,
                                             const QString &rest, const QVariantList &binds,
                                             const QString &what)
{
    Result<QSqlQuery> query = run(db, mapper, rest, binds, what);
    if (!query)
        return Result<std::optional<QJsonObject>>::failure(query.error());
    if (!query->next())
        return std::optional<QJsonObject>();
    return std::optional<QJsonObject>(mapper.row(*query));
}

} // namespace cp::models
