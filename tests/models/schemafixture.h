#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QStringList>
#include <QTest>
#include <QVariant>

#include <initializer_list>
#include <utility>

//! Leaves the test function when a helper has already recorded a failure.
#define CP_RETURN_IF_FAILED()                                                                      \
    if (QTest::currentTestFailed())                                                                \
    return

namespace cp::test {

//! Why a statement was refused, decided from SQLSTATE (PostgreSQL) or the message (SQLite).
enum class Violation { None, NotNull, Check, Unique, ForeignKey, InvalidValue, Other };

QString violationName(Violation violation);
Violation violationOf(const QSqlError &error, bool postgres);

//! A SQL string literal with quotes doubled; the same in both dialects.
QString sqlText(const QString &text);

/** The values of one INSERT as SQL literals, in insertion order. */
struct Row
{
    Row() = default;
    Row(std::initializer_list<std::pair<QString, QString>> values)
    {
        for (const auto &[column, literal] : values)
            set(column, literal);
    }

    QStringList columns;
    QStringList values;

    void set(const QString &column, const QString &literal);
    QString value(const QString &column) const;
    bool isEmpty() const { return columns.isEmpty(); }
};

/**
 * Builds the smallest valid row of every table of the schema, creating fresh parent rows (users,
 * coins, sectors, ...) and fresh values for UNIQUE columns on every call, so that a test can vary
 * one column and attribute a refusal to that column alone. Uses plain SQL literals so that both
 * drivers see exactly the same statements. Failures while building parents are reported with
 * QTest::qFail; callers check QTest::currentTestFailed().
 */
class SchemaFixture
{
public:
    explicit SchemaFixture(QSqlDatabase db);

    bool isPostgres() const { return m_postgres; }
    QSqlDatabase database() const { return m_db; }

    //! Minimal valid row of `table`; empty (and a recorded failure) for an unknown table.
    Row minimalRow(const QString &table);
    //! INSERT ... RETURNING id; -1 when refused (see lastError()).
    qint64 insert(const QString &table, const Row &row);
    //! Inserts minimalRow(table) with `overrides` applied; records a test failure when refused.
    qint64 create(const QString &table, const Row &overrides = {});

    bool exec(const QString &sql);
    //! First column of the first row; invalid QVariant when the query fails or is empty.
    QVariant scalar(const QString &sql);
    //! SELECT COUNT(*) FROM table WHERE condition; -1 on error.
    qint64 count(const QString &table, const QString &condition);

    QSqlError lastError() const { return m_lastError; }
    Violation lastViolation() const { return violationOf(m_lastError, m_postgres); }
    QString lastSql() const { return m_lastSql; }
    //! "statement: error" for QVERIFY2 messages.
    QString describeLast() const;

private:
    qint64 parent(const QString &table);
    //! Process-wide, so that fixtures sharing one database never reuse a UNIQUE value.
    static QString serial();

    QSqlDatabase m_db;
    bool m_postgres = false;
    QSqlError m_lastError;
    QString m_lastSql;
};

} // namespace cp::test
