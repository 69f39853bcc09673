#include "migrator.h"

#include "connection.h"

#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace cp::models {

namespace {

QString resourceDir(Dialect dialect)
{
    return dialect == Dialect::SQLite ? QStringLiteral(":/migrations/sqlite")
                                      : QStringLiteral(":/migrations/postgresql");
}

bool tableExists(const QSqlDatabase &db, const QString &table)
{
    return db.tables().contains(table);
}

const char *kCreateMigrationsTable = "CREATE TABLE IF NOT EXISTS schema_migrations ("
                                     " version INTEGER PRIMARY KEY,"
                                     " name VARCHAR(200) NOT NULL,"
                                     " applied_at VARCHAR(40) NOT NULL)";

} // namespace

Migrator::Migrator(QSqlDatabase db)
    : m_db(std::move(db))
    , m_dialect(dialectOf(m_db))
{
}

std::vector<Migration> Migrator::available(Dialect dialect)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    std::vector<Migration> result;
    QDirIterator it(resourceDir(dialect));
    while (it.hasNext()) {
        it.next();
        const QRegularExpressionMatch match = pattern.match(it.fileName());
        if (match.hasMatch())
            result.push_back({match.captured(1).toInt(), match.captured(2), it.filePath()});
    }
    std::sort(result.begin(), result.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
    return result;
}

int Migrator::latestVersion(Dialect dialect)
{
    const std::vector<Migration> all = available(dialect);
    return all.empty() ? 0 : all.back().version;
}

QStringList Migrator::splitStatements(const QString &script)
{
    QStringList statements;
    QString current;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.trimmed() == QLatin1String(";")) {
            if (!current.trimmed().isEmpty())
                statements.append(current.trimmed());
            current.clear();
        } else {
            current += line + QLatin1Char('\n');
        }
    }
    // Text after the last separator must be comments or blank; anything else is a statement.
    QString rest;
    for (const QString &line : current.split(QLatin1Char('\n'))) {
        if (!line.trimmed().startsWith(QLatin1String("--")))
            rest += line;
    }
    if (!rest.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

Result<int> Migrator::currentVersion() const
{
    if (!tableExists(m_db, QStringLiteral("schema_migrations")))
        return 0;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) ||
        !query.next()) {
        return Result<int>::failure(
            QStringLiteral("Cannot read the schema version: %1").arg(query.lastError().text()));
    }
    return query.value(0).toInt();
}

Result<int> Migrator::migrate()
{
    const std::vector<Migration> all = available(m_dialect);
    const int latest = all.empty() ? 0 : all.back().version;

    QSqlQuery query(m_db);
    auto fail = [&](const QString &message) {
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
        return Result<int>::failure(message);
    };
    // Take the write lock before reading the version, so that two processes starting on the
    // same database cannot both apply a migration.
    const QString begin =
        m_dialect == Dialect::SQLite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
    if (!query.exec(begin)) {
        return Result<int>::failure(
            QStringLiteral("Cannot start the schema upgrade: %1").arg(query.lastError().text()));
    }
    if (m_dialect == Dialect::PostgreSQL &&
        !query.exec(QStringLiteral("SELECT pg_advisory_xact_lock(727274)"))) {
        return fail(
            QStringLiteral("Cannot lock the schema for upgrade: %1").arg(query.lastError().text()));
    }
    const Result<int> current = currentVersion();
    if (!current)
        return fail(current.error());
    if (*current > latest) {
        return fail(QStringLiteral("This database was written by a newer CryptoPredict (schema "
                                   "version %1; this build knows up to %2); it was left unchanged.")
                        .arg(*current)
                        .arg(latest));
    }
    if (!query.exec(QString::fromLatin1(kCreateMigrationsTable))) {
        return fail(
            QStringLiteral("Cannot create schema_migrations: %1").arg(query.lastError().text()));
    }
    int applied = 0;
    for (const Migration &migration : all) {
        if (migration.version <= *current)
            continue;
        QFile file(migration.resourcePath);
        if (!file.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("Missing migration %1.").arg(migration.resourcePath));
        const QStringList statements = splitStatements(QString::fromUtf8(file.readAll()));
        for (const QString &sql : statements) {
            if (!query.exec(sql)) {
                return fail(QStringLiteral("Schema migration %1 (%2) failed: %3")
                                .arg(migration.version)
                                .arg(migration.name, query.lastError().text()));
            }
        }
        query.prepare(QStringLiteral(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"));
        query.addBindValue(migration.version);
        query.addBindValue(migration.name);
        query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        if (!query.exec()) {
            return fail(QStringLiteral("Cannot record schema migration %1: %2")
                            .arg(migration.version)
                            .arg(query.lastError().text()));
        }
        ++applied;
    }
    if (!query.exec(QStringLiteral("COMMIT"))) {
        return fail(
            QStringLiteral("Cannot commit the schema upgrade: %1").arg(query.lastError().text()));
    }
    return applied;
}

} // namespace cp::models
