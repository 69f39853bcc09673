#pragma once

#include <engine/result.h>

#include <QString>

namespace cp::models {

/** The two database engines the product runs on. */
enum class Dialect { SQLite, PostgreSQL };

/**
 * Where the data lives, parsed from `sqlite:///abs/path.db` or
 * `postgresql://user[:password]@host[:port]/dbname[?host=/socket/dir]`.
 * A password given in a URL is used for this process only and never written anywhere; the
 * usual sources are PGPASSWORD, ~/.pgpass (read by libpq) or the OS keychain.
 */
struct DatabaseUrl
{
    Dialect dialect = Dialect::SQLite;
    //! SQLite: absolute file path. PostgreSQL: unused.
    QString filePath;
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString databaseName;

    static Result<DatabaseUrl> parse(const QString &text);
    //! The embedded default: cryptopredict.db under QStandardPaths::AppDataLocation.
    static DatabaseUrl defaultSqlite();
    //! URL from --db if given, else env CRYPTOPREDICT_DB, else the embedded default.
    static Result<DatabaseUrl> resolve(const QString &commandLineValue);

    //! The URL without its password, for display and logs.
    QString displayString() const;
    //! Short description for a status bar: the file name or user@host:port/db.
    QString location() const;
};

} // namespace cp::models
