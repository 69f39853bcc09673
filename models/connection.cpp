#include "connection.h"

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
                                                            : QStringLiteral("libqt6sql6-psql")));
    }
    QSqlDatabase db = QSqlDatabase::contains(connectionName)
                          ? QSqlDatabase::database(connectionName, false)
                          : QSqlDatabase::addDatabase(driver, connectionName);
    if (url.dialect == Dialect::SQLite) {
        const QFileInfo file(url.filePath);
        if (!QDir().mkpath(file.absolutePath())) {
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
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return Result<QSqlDatabase>::failure(message);
    }
    if (const Status settings = applySessionSettings(db, url.dialect); !settings) {
        db.close();
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

Dialect dialectOf(const QSqlDatabase &db)
{
    return db.driverName() == kPostgresDriver ? Dialect::PostgreSQL : Dialect::SQLite;
}

QString describeConnectionError(const DatabaseUrl &url, const QSqlError &error)
{
    const QString detail =
        firstLine(error.databaseText().isEmpty() ? error.driverText() : error.databaseText());
    if (url.dialect == Dialect::SQLite)
        return QStringLiteral("Cannot open the SQLite database %1: %2.").arg(url.filePath, detail);

    const QString where = QStringLiteral("%1:%2").arg(url.host).arg(url.port);
    const QString all = error.text();
    if (all.contains(QLatin1String("password authentication failed")) ||
        all.contains(QLatin1String("no password supplied"))) {
        return QStringLiteral("PostgreSQL at %1 refused the password for user '%2'.")
            .arg(where, url.user);
    }
    if (all.contains(QLatin1String("does not exist")) && all.contains(QLatin1String("database")))
        return QStringLiteral("PostgreSQL at %1 has no database named '%2'.")
            .arg(where, url.databaseName);
    if (all.contains(QLatin1String("Connection refused")) ||
        all.contains(QLatin1String("could not connect")) ||
        all.contains(QLatin1String("could not translate host name")) ||
        all.contains(QLatin1String("timeout expired"))) {
        return QStringLiteral("Cannot reach the PostgreSQL server at %1 (%2).").arg(where, detail);
    }
    return QStringLiteral("Cannot connect to PostgreSQL at %1: %2.").arg(where, detail);
}

} // namespace cp::models
