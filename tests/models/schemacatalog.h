#pragma once

#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace cp::test {

/** One column as both dialects can describe it, normalised so that the two compare equal. */
struct ColumnInfo
{
    QString name;
    //! int, numeric, bool, json or text (timestamps are text here: SQLite stores them as TEXT).
    QString kind;
    bool notNull = false;
    //! The default expression normalised across dialects ("NOW", "NOW +7 days", "'{}'", "1");
    //! empty when none. Primary keys report none (sequence vs rowid).
    QString defaultValue;

    QString describe() const;
};

/**
 * Reads the schema back from the database's own catalog (information_schema / pg_catalog for
 * PostgreSQL, sqlite_master and pragma table-valued functions for SQLite), so that tests check
 * what the migrations really created. Every function returns sorted, dialect-neutral text and
 * records a QTest failure when a catalog query fails.
 */
namespace SchemaCatalog {

//! User tables (no sqlite_* tables), sorted.
QStringList tables(const QSqlDatabase &db);
//! Columns of `table` in declaration order.
QList<ColumnInfo> columns(const QSqlDatabase &db, const QString &table);
//! "table.column -> parent ON DELETE CASCADE|SET NULL|NO ACTION|RESTRICT", sorted.
QStringList foreignKeys(const QSqlDatabase &db);
//! Index name -> "table(col, col DESC)" for the explicitly created (non-unique) indexes.
QMap<QString, QString> indexes(const QSqlDatabase &db);
//! Trigger name -> table.
QMap<QString, QString> triggers(const QSqlDatabase &db);
/**
 * "table.column" for every column under a CHECK of the schema proper. In SQLite the CHECKs that
 * only stand in for PostgreSQL types (json_valid(...), IN (0, 1) for booleans) are left out.
 */
QStringList checkedColumns(const QSqlDatabase &db);

} // namespace SchemaCatalog

} // namespace cp::test
