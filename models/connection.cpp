#include "connection.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

namespace cp::models {

namespace {

const QString kSqliteDriver = QStringLiteral("QSQLITE");
const QString kPostgresDriver = QStringLiteral("QPSQL");

QString firstLine(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype newline = trimmed.indexOf(QLatin1Char('\n'));
    QString line = newline < 0 ? trimmed : trimmed.left(newline).trimmed();
    if (line.startsWith(QLatin1String("FATAL:")))
        line = line.mid(6).trimmed();
    return line;
}

Status applySessionSettings(QSqlDatabase &db, Dialect dialect)
{
    const QStringList statements =
        dialect == Dialect::SQLite
            ? QStringList{QStringLiteral("PRAGMA journal_mode=WAL"),
                          QStringLiteral("PRAGMA foreign_keys=ON"),
                          QStringLiteral("PRAGMA synchronous=NORMAL")}
            : QStringList{QStringLiteral("SET TIME ZONE 'UTC'"),
                          QStringLiteral("SET client_min_messages = warning")};
    for (const QString &sql : statements) {
        QSqlQuery query(db);
        if (!query.exec(sql))
            return Status::failure(QStringLiteral("Could not prepare the database session (%1): %2")
                                       .arg(sql, query.lastError().text()));
    }
    return {};
}

} // namespace

Result<QSqlDatabase> openConnection(const DatabaseUrl &url, const QString &connectionName)
{
    const QString driver = url.dialect == Dialect::SQLite ? kSqliteDriver : kPostgresDriver;
    if (!QSqlDatabase::isDriverAvailable(driver)) {
        return Result<QSqlDatabase>::failure(
            QStringLiteral("The Qt SQL driver %1 is not installed (Debian package %2).")
                .arg(driver, url.dialect == Dialect::SQLite ? QStringLiteral("libqt6sql6-sqlite")
                                                            : QStringLiteral("libqt6sql6-psql")),
            static_cast<int>(ConnectionFailure::DriverMissing));
    }
    QSqlDatabase db = QSqlDatabase::contains(connectionName)
                          ? QSqlDatabase::database(connectionName, false)
                          : QSqlDatabase::addDatabase(driver, connectionName);
    if (url.dialect == Dialect::SQLite) {
        const QFileInfo file(url.filePath);
        if (!QDir().mkpath(file.absolutePath())) {
            // Leave no half-configured connection behind under this name.
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(connectionName);
            return Result<QSqlDatabase>::failure(
                QStringLiteral("Cannot create the folder %1 for the database file.")
                    .arg(file.absolutePath()));
        }
        db.setDatabaseName(url.filePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        db.setHostName(url.host);
        db.setPort(url.port);
        db.setDatabaseName(url.databaseName);
        if (!url.user.isEmpty())
            db.setUserName(url.user);
        if (!url.password.isEmpty())
            db.setPassword(url.password);
        db.setConnectOptions(QStringLiteral("connect_timeout=5;application_name=cryptopredict"));
    }
    if (!db.open()) {
        const QString message = describeConnectionError(url, db.lastError());
        const ConnectionFailure failure = classifyConnectionError(url, db.lastError());
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return Result<QSqlDatabase>::failure(message, static_cast<int>(failure));
    }
    if (const Status settings = applySessionSettings(db, url.dialect); !settings) {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return Result<QSqlDatabase>::failure(settings.error());
    }
    return db;
}

void closeConnection(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

QString uniqueConnectionName(const QString &prefix)
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("%1-%2").arg(prefix).arg(counter.fetchAndAddRelaxed(1));
}

Dialect dialectOf(const QSqlDatabase &db)
{
    return db.driverName() == kPostgresDriver ? Dialect::PostgreSQL : Dialect::SQLite;
}

ConnectionFailure classifyConnectionError(const DatabaseUrl &url, const QSqlError &error)
{
    if (url.dialect == Dialect::SQLite)
        return ConnectionFailure::Other;
    // libpq's messages (not localised: the server's lc_messages and the client's are English by
    // default; a translated server message falls through to Other, still with its text).
    const QString all = error.text();
    if (all.contains(QLatin1String("password authentication failed")) ||
        all.contains(QLatin1String("no password supplied")) ||
        all.contains(QLatin1String("authentication failed")) ||
        (all.contains(QLatin1String("role \"")) && all.contains(QLatin1String("does not exist"))))
        return ConnectionFailure::AuthenticationFailed;
    if (all.contains(QLatin1String("database \"")) && all.contains(QLatin1String("does not exist")))
        return ConnectionFailure::DatabaseMissing;
    if (all.contains(QLatin1String("Connection refused")) ||
        all.contains(QLatin1String("could not connect")) ||
        all.contains(QLatin1String("could not translate host name")) ||
        all.contains(QLatin1String("No route to host")) ||
        all.contains(QLatin1String("Network is unreachable")) ||
        all.contains(QLatin1String("timeout expired")) ||
        all.contains(QLatin1String("No such file or directory")))
        return ConnectionFailure::HostUnreachable;
    return ConnectionFailure::Other;
}

QString describeConnectionError(const DatabaseUrl &url, const QSqlError &error)
{
    const QString detail =
        firstLine(error.databaseText().isEmpty() ? error.driverText() : error.databaseText());
    if (url.dialect == Dialect::SQLite)
        return QStringLiteral("Cannot open the SQLite database %1: %2.").arg(url.filePath, detail);

    const QString where = QStringLiteral("%1:%2").arg(url.host).arg(url.port);
    switch (classifyConnectionError(url, error)) {
    case ConnectionFailure::AuthenticationFailed:
        if (error.text().contains(QLatin1String("no password supplied")))
            return QStringLiteral("PostgreSQL at %1 refused the password for user '%2': none was "
                                  "given.")
                .arg(where, url.user);
        if (error.text().contains(QLatin1String("role \"")))
            return QStringLiteral("PostgreSQL at %1 has no user named '%2'.").arg(where, url.user);
        return QStringLiteral("PostgreSQL at %1 refused the password for user '%2'.")
            .arg(where, url.user);
    case ConnectionFailure::DatabaseMissing:
        return QStringLiteral("PostgreSQL at %1 has no database named '%2'.")
            .arg(where, url.databaseName);
    case ConnectionFailure::HostUnreachable:
        return QStringLiteral("Cannot reach the PostgreSQL server at %1 (%2).").arg(where, detail);
    default:
        break;
    }
    return QStringLiteral("Cannot connect to PostgreSQL at %1: %2.").arg(where, detail);
}

} // namespace cp::models
