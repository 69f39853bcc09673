#include "schemacatalog.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>

namespace cp::test {

namespace {

bool isPostgres(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QPSQL");
}

//! Runs a catalog query; records a test failure (and returns false) when it cannot.
bool run(QSqlQuery &query, const QString &sql)
{
    if (query.exec(sql))
        return true;
    QTest::qFail(
        qPrintable(
            QStringLiteral("catalog query failed: %1: %2").arg(sql, query.lastError().text())),
        __FILE__, __LINE__);
    return false;
}

QString onDeleteName(const QString &code)
{
    // pg_constraint.confdeltype letters; SQLite already spells the action out.
    static const QMap<QString, QString> names = {
        {QStringLiteral("a"), QStringLiteral("NO ACTION")},
        {QStringLiteral("r"), QStringLiteral("RESTRICT")},
        {QStringLiteral("c"), QStringLiteral("CASCADE")},
        {QStringLiteral("n"), QStringLiteral("SET NULL")},
        {QStringLiteral("d"), QStringLiteral("SET DEFAULT")}};
    return names.value(code, code.toUpper());
}

QString normalisePostgresDefault(QString text)
{
    if (text.isEmpty() || text.startsWith(QLatin1String("nextval(")))
        return {};
    static const QRegularExpression interval(
        QStringLiteral("^\\(now\\(\\) \\+ '(\\d+) days'::interval\\)$"));
    if (const QRegularExpressionMatch m = interval.match(text); m.hasMatch())
        return QStringLiteral("NOW +%1 days").arg(m.captured(1));
    if (text == QLatin1String("now()") || text == QLatin1String("CURRENT_TIMESTAMP"))
        return QStringLiteral("NOW");
    if (text == QLatin1String("true"))
        return QStringLiteral("1");
    if (text == QLatin1String("false"))
        return QStringLiteral("0");
    static const QRegularExpression cast(QStringLiteral("::[a-z ]+$"));
    return text.remove(cast);
}

QString normaliseSqliteDefault(QString text)
{
    static const QRegularExpression now(QStringLiteral(
        "^\\(?strftime\\('%Y-%m-%dT%H:%M:%fZ', 'now'(?:, '\\+(\\d+) days')?\\)\\)?$"));
    if (const QRegularExpressionMatch m = now.match(text); m.hasMatch()) {
        return m.captured(1).isEmpty() ? QStringLiteral("NOW")
                                       : QStringLiteral("NOW +%1 days").arg(m.captured(1));
    }
    return text;
}

/**
 * Column name -> its definition inside the CREATE TABLE text SQLite stored. Split at top-level
 * commas rather than by line, because ALTER TABLE ADD COLUMN splices ", col ..." into that text.
 */
QMap<QString, QString> sqliteColumnDefinitions(const QSqlDatabase &db, const QString &table)
{
    QMap<QString, QString> definitions;
    QSqlQuery query(db);
    if (!run(query, QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'table' AND "
                                   "name = '%1'")
                        .arg(table)) ||
        !query.next()) {
        return definitions;
    }
    static const QRegularExpression comment(QStringLiteral("--[^\\n]*"));
    QString sql = query.value(0).toString().remove(comment);
    const qsizetype open = sql.indexOf(QLatin1Char('('));
    const qsizetype close = sql.lastIndexOf(QLatin1Char(')'));
    if (open < 0 || close <= open)
        return definitions;
    sql = sql.mid(open + 1, close - open - 1);
    QStringList pieces;
    QString current;
    int depth = 0;
    bool inString = false;
    for (const QChar c : std::as_const(sql)) {
        if (c == QLatin1Char('\''))
            inString = !inString;
        else if (!inString && c == QLatin1Char('('))
            ++depth;
        else if (!inString && c == QLatin1Char(')'))
            --depth;
        if (!inString && depth == 0 && c == QLatin1Char(',')) {
            pieces.append(current.simplified());
            current.clear();
        } else {
            current.append(c);
        }
    }
    pieces.append(current.simplified());
    static const QStringList tableConstraints = {
        QStringLiteral("UNIQUE"), QStringLiteral("CHECK"), QStringLiteral("PRIMARY"),
        QStringLiteral("FOREIGN"), QStringLiteral("CONSTRAINT")};
    for (const QString &piece : std::as_const(pieces)) {
        const QString name = piece.section(QLatin1Char(' '), 0, 0);
        if (!name.isEmpty() && !tableConstraints.contains(name.toUpper()))
            definitions.insert(name, piece);
    }
    return definitions;
}

//! The expressions of every CHECK (...) in a column definition.
QStringList checkExpressions(const QString &definition)
{
    QStringList result;
    qsizetype from = 0;
    while ((from = definition.indexOf(QLatin1String("CHECK ("), from)) >= 0) {
        const qsizetype start = from + 7;
        int depth = 1;
        qsizetype at = start;
        for (; at < definition.size() && depth > 0; ++at) {
            if (definition.at(at) == QLatin1Char('('))
                ++depth;
            else if (definition.at(at) == QLatin1Char(')'))
                --depth;
        }
        result.append(definition.mid(start, at - start - 1));
        from = at;
    }
    return result;
}

QString sqliteKind(const QString &column, const QString &declaredType, const QString &line)
{
    const QString type = declaredType.toUpper();
    if (type.startsWith(QLatin1String("INTEGER")))
        return line.contains(column + QLatin1String(" IN (0, 1)")) ? QStringLiteral("bool")
                                                                   : QStringLiteral("int");
    if (type.startsWith(QLatin1String("NUMERIC")))
        return QStringLiteral("numeric");
    if (line.contains(QStringLiteral("json_valid(%1)").arg(column)))
        return QStringLiteral("json");
    return QStringLiteral("text");
}

QString postgresKind(const QString &dataType)
{
    if (dataType == QLatin1String("integer") || dataType == QLatin1String("bigint") ||
        dataType == QLatin1String("smallint"))
        return QStringLiteral("int");
    if (dataType == QLatin1String("numeric"))
        return QStringLiteral("numeric");
    if (dataType == QLatin1String("boolean"))
        return QStringLiteral("bool");
    if (dataType == QLatin1String("jsonb") || dataType == QLatin1String("json"))
        return QStringLiteral("json");
    return QStringLiteral("text");
}

} // namespace

QString ColumnInfo::describe() const
{
    return QStringLiteral("%1 %2%3%4")
        .arg(name, kind, notNull ? QStringLiteral(" NOT NULL") : QString(),
             defaultValue.isEmpty() ? QString() : QStringLiteral(" DEFAULT ") + defaultValue);
}

namespace SchemaCatalog {

QStringList tables(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    const QString sql = isPostgres(db)
                            ? QStringLiteral("SELECT table_name FROM information_schema.tables "
                                             "WHERE table_schema = current_schema() AND "
                                             "table_type = 'BASE TABLE'")
                            : QStringLiteral("SELECT name FROM sqlite_master WHERE type = "
                                             "'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
    QStringList result;
    if (!run(query, sql))
        return result;
    while (query.next())
        result.append(query.value(0).toString());
    result.sort();
    return result;
}

QList<ColumnInfo> columns(const QSqlDatabase &db, const QString &table)
{
    QList<ColumnInfo> result;
    QSqlQuery query(db);
    if (isPostgres(db)) {
        if (!run(query, QStringLiteral("SELECT column_name, data_type, is_nullable, "
                                       "column_default FROM information_schema.columns WHERE "
                                       "table_schema = current_schema() AND table_name = '%1' "
                                       "ORDER BY ordinal_position")
                            .arg(table))) {
            return result;
        }
        while (query.next()) {
            ColumnInfo column;
            column.name = query.value(0).toString();
            column.kind = postgresKind(query.value(1).toString());
            column.notNull = query.value(2).toString() == QLatin1String("NO");
            column.defaultValue = normalisePostgresDefault(query.value(3).toString());
            result.append(column);
        }
        return result;
    }
    const QMap<QString, QString> lines = sqliteColumnDefinitions(db, table);
    if (!run(query, QStringLiteral("SELECT name, type, \"notnull\", dflt_value, pk FROM "
                                   "pragma_table_info('%1') ORDER BY cid")
                        .arg(table))) {
        return result;
    }
    while (query.next()) {
        ColumnInfo column;
        column.name = query.value(0).toString();
        column.kind = sqliteKind(column.name, query.value(1).toString(), lines.value(column.name));
        // An INTEGER PRIMARY KEY is the rowid: never NULL although the pragma says nullable.
        column.notNull = query.value(2).toInt() != 0 || query.value(4).toInt() != 0;
        column.defaultValue = normaliseSqliteDefault(query.value(3).toString());
        result.append(column);
    }
    return result;
}

QStringList foreignKeys(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    const QString sql =
        isPostgres(db)
            ? QStringLiteral(
                  "SELECT cl.relname, a.attname, pcl.relname, c.confdeltype::text FROM "
                  "pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class pcl ON "
                  "pcl.oid = c.confrelid JOIN pg_attribute a ON a.attrelid = c.conrelid AND "
                  "a.attnum = c.conkey[1] WHERE c.contype = 'f' AND cl.relnamespace = "
                  "current_schema()::regnamespace")
            : QStringLiteral("SELECT m.name, f.\"from\", f.\"table\", f.on_delete FROM "
                             "sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = "
                             "'table'");
    QStringList result;
    if (!run(query, sql))
        return result;
    while (query.next()) {
        result.append(QStringLiteral("%1.%2 -> %3 ON DELETE %4")
                          .arg(query.value(0).toString(), query.value(1).toString(),
                               query.value(2).toString(), onDeleteName(query.value(3).toString())));
    }
    result.sort();
    return result;
}

QMap<QString, QString> indexes(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    // Unique and primary-key indexes are left out: they belong to constraints, tested by behaviour.
    const QString sql =
        isPostgres(db)
            ? QStringLiteral(
                  "SELECT i.relname, t.relname, a.attname, (ix.indoption[k.n - 1] & 1) FROM "
                  "pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON "
                  "t.oid = ix.indrelid CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS "
                  "k(attnum, n) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = "
                  "k.attnum WHERE t.relnamespace = current_schema()::regnamespace AND NOT "
                  "ix.indisunique ORDER BY i.relname, k.n")
            : QStringLiteral("SELECT m.name, m.tbl_name, x.name, x.\"desc\" FROM sqlite_master "
                             "m, pragma_index_xinfo(m.name) x WHERE m.type = 'index' AND m.sql "
                             "IS NOT NULL AND x.key = 1 AND m.sql NOT LIKE 'CREATE UNIQUE%' "
                             "ORDER BY m.name, x.seqno");
    QMap<QString, QString> tableOf;
    QMap<QString, QStringList> keys;
    if (!run(query, sql))
        return {};
    while (query.next()) {
        const QString name = query.value(0).toString();
        tableOf.insert(name, query.value(1).toString());
        keys[name].append(query.value(2).toString() +
                          (query.value(3).toInt() != 0 ? QStringLiteral(" DESC") : QString()));
    }
    QMap<QString, QString> result;
    for (auto it = tableOf.cbegin(); it != tableOf.cend(); ++it)
        result.insert(it.key(), QStringLiteral("%1(%2)").arg(
                                    it.value(), keys.value(it.key()).join(QStringLiteral(", "))));
    return result;
}

QMap<QString, QString> triggers(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    const QString sql = isPostgres(db)
                            ? QStringLiteral("SELECT t.tgname, c.relname FROM pg_trigger t JOIN "
                                             "pg_class c ON c.oid = t.tgrelid WHERE NOT "
                                             "t.tgisinternal AND c.relnamespace = "
                                             "current_schema()::regnamespace")
                            : QStringLiteral("SELECT name, tbl_name FROM sqlite_master WHERE "
                                             "type = 'trigger'");
    QMap<QString, QString> result;
    if (!run(query, sql))
        return result;
    while (query.next())
        result.insert(query.value(0).toString(), query.value(1).toString());
    return result;
}

QStringList checkedColumns(const QSqlDatabase &db)
{
    QStringList result;
    if (isPostgres(db)) {
        QSqlQuery query(db);
        if (!run(query,
                 QStringLiteral("SELECT cl.relname, a.attname FROM pg_constraint c JOIN pg_class "
                                "cl ON cl.oid = c.conrelid JOIN pg_attribute a ON a.attrelid = "
                                "c.conrelid AND a.attnum = ANY (c.conkey) WHERE c.contype = 'c' "
                                "AND cl.relnamespace = current_schema()::regnamespace"))) {
            return result;
        }
        while (query.next())
            result.append(query.value(0).toString() + QLatin1Char('.') + query.value(1).toString());
    } else {
        for (const QString &table : tables(db)) {
            const QMap<QString, QString> definitions = sqliteColumnDefinitions(db, table);
            for (auto it = definitions.cbegin(); it != definitions.cend(); ++it) {
                for (const QString &expression : checkExpressions(it.value())) {
                    if (expression.startsWith(QLatin1String("json_valid(")) ||
                        expression == it.key() + QLatin1String(" IN (0, 1)")) {
                        continue;
                    }
                    result.append(table + QLatin1Char('.') + it.key());
                }
            }
        }
    }
    result.sort();
    result.removeDuplicates();
    return result;
}

} // namespace SchemaCatalog

} // namespace cp::test
