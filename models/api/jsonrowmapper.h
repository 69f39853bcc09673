#pragma once

#include <engine/result.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <optional>

class QSqlQuery;

namespace cp::models {

/** How one selected column becomes a JSON value, the same on both dialects. */
enum class JsonKind {
    Int,       //!< integer; NULL -> null
    Number,    //!< double (NUMERIC, REAL); NULL -> null
    Text,      //!< string; NULL -> null
    Bool,      //!< PostgreSQL boolean or SQLite 0/1
    Json,      //!< JSONB / TEXT holding JSON, embedded as an object or array
    Timestamp, //!< TIMESTAMPTZ / ISO text, written as "2025-08-23T10:30:00Z"
};

/** One output field: its JSON name, kind and the SQL expression that yields it. */
struct JsonColumn
{
    QString name{};
    JsonKind kind = JsonKind::Text;
    //! Expression to select; empty means the column called `name`.
    QString sql{};
};

/**
 * Maps result rows to JSON objects with the API's field names. The SELECT list is generated from
 * the same column list, so a field cannot be selected under one name and read under another, and
 * the per-dialect differences (booleans, JSON text, timestamp types) are handled in one place.
 */
class JsonRowMapper
{
public:
    JsonRowMapper(std::initializer_list<JsonColumn> columns);
    explicit JsonRowMapper(QList<JsonColumn> columns);

    //! "expr AS name, ..." for a SELECT.
    QString selectList() const;
    //! The current row of `query` (selected with selectList() first, in that order).
    QJsonObject row(const QSqlQuery &query, int firstColumn = 0) const;
    //! Every remaining row of an executed query.
    QJsonArray all(QSqlQuery &query) const;
    int size() const { return int(m_columns.size()); }

    //! One value converted as `kind` (also for hand-written queries).
    static QJsonValue convert(const QVariant &value, JsonKind kind);
    //! ISO 8601 UTC with a Z, seconds precision, as the seed's examples; empty when invalid.
    static QString isoTime(const QDateTime &time);

private:
    QList<JsonColumn> m_columns;
};

//! Runs a prepared query with the given bound values; the error names `what` on failure.
Status execQuery(QSqlQuery &query, const QString &what);

//! "SELECT <mapper's list> <rest>" with `binds`: every row as JSON.
Result<QJsonArray> selectRows(QSqlDatabase db, const JsonRowMapper &mapper, const QString &rest,
                              const QVariantList &binds, const QString &what);
//! The same for at most one row (add ORDER BY ... LIMIT 1 to `rest`).
Result<std::optional<QJsonObject>> selectRow(QSqlDatabase db, const JsonRowMapper &mapper,
                                             const QString &rest, const QVariantList &binds,
                                             const QString &what);

} // namespace cp::models
