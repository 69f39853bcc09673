#pragma once

#include <engine/result.h>

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <initializer_list>
#include <utility>

namespace cp::models {

/**
 * Inserts rows into one table with a prepared statement built from the column names of the
 * first row, and returns the new id. JSON values (QJsonObject / QJsonArray) are bound as text,
 * which PostgreSQL casts to JSONB and SQLite stores as checked TEXT.
 */
class RowInserter
{
public:
    using Column = std::pair<const char *, QVariant>;

    RowInserter(QSqlDatabase db, QString table);
    Result<qint64> insert(std::initializer_list<Column> columns);

private:
    QSqlDatabase m_db;
    QString m_table;
    QSqlQuery m_query;
    QString m_preparedFor;
};

//! A QVariant that RowInserter binds as JSON text.
QVariant jsonValue(const QJsonObject &object);
QVariant jsonValue(const QJsonArray &array);
//! A timestamp column value from Unix seconds.
QVariant timestampValue(qint64 unixSeconds);

} // namespace cp::models
