#pragma once

#include "databaseurl.h"

#include <QSqlDatabase>

#include <vector>

namespace cp::models {

/** One forward-only schema step, stored as resources/migrations/<dialect>/NNNN_name.sql. */
struct Migration
{
    int version = 0;
    QString name;
    QString resourcePath;
};

/**
 * Brings a database to the schema this build knows, one versioned migration at a time, all
 * pending ones in one transaction recorded in schema_migrations. A database written by a newer
 * schema is refused and left untouched.
 */
class Migrator
{
public:
    explicit Migrator(QSqlDatabase db);

    static std::vector<Migration> available(Dialect dialect);
    static int latestVersion(Dialect dialect);
    //! Statements of a migration file: separated by lines holding only ";".
    static QStringList splitStatements(const QString &script);

    //! Highest applied version; 0 for an empty database.
    Result<int> currentVersion() const;
    //! Applies every pending migration; returns how many were applied.
    Result<int> migrate();

private:
    QSqlDatabase m_db;
    Dialect m_dialect;
};

} // namespace cp::models
