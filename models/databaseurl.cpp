#include "databaseurl.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace cp::models {

namespace {

Result<DatabaseUrl> parseSqlite(const QUrl &url, const QString &text)
{
    DatabaseUrl result;
    result.dialect = Dialect::SQLite;
    result.filePath = url.path();
    if (result.filePath.isEmpty() || !QDir::isAbsolutePath(result.filePath)) {
        return Result<DatabaseUrl>::failure(
            QStringLiteral("The SQLite URL '%1' needs an absolute file path, as in "
                           "sqlite:///home/me/cryptopredict.db.")
                .arg(text));
    }
    return result;
}

Result<DatabaseUrl> parsePostgres(const QUrl &url, const QString &text)
{
    DatabaseUrl result;
    result.dialect = Dialect::PostgreSQL;
    result.host = url.host();
    const QUrlQuery query(url);
    if (query.hasQueryItem(QStringLiteral("host"))) // unix-socket directory, as libpq accepts it
        result.host = query.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded);
    if (result.host.isEmpty())
        result.host = QStringLiteral("localhost");
    result.port = url.port(5432);
    result.user = url.userName(QUrl::FullyDecoded);
    result.password = url.password(QUrl::FullyDecoded);
    result.databaseName = url.path().mid(1);
    if (result.databaseName.isEmpty() || result.databaseName.contains(QLatin1Char('/'))) {
        return Result<DatabaseUrl>::failure(
            QStringLiteral("The PostgreSQL URL '%1' must name a database, as in "
                           "postgresql://user@host:5432/cryptopredict.")
                .arg(text));
    }
    return result;
}

} // namespace

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty()) {
        return Result<DatabaseUrl>::failure(
            QStringLiteral("'%1' is not a database URL; use sqlite:///abs/path.db or "
                           "postgresql://user@host:port/db.")
                .arg(text));
    }
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("sqlite"))
        return parseSqlite(url, text);
    if (scheme == QLatin1String("postgresql") || scheme == QLatin1String("postgres"))
        return parsePostgres(url, text);
    return Result<DatabaseUrl>::failure(
        QStringLiteral("Unknown database URL scheme '%1'; use sqlite:///abs/path.db or "
                       "postgresql://user@host:port/db.")
            .arg(url.scheme()));
}

DatabaseUrl DatabaseUrl::defaultSqlite()
{
    DatabaseUrl result;
    result.dialect = Dialect::SQLite;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    result.filePath = QDir(dir).filePath(QStringLiteral("cryptopredict.db"));
    return result;
}

Result<DatabaseUrl> DatabaseUrl::resolve(const QString &commandLineValue)
{
    if (!commandLineValue.isEmpty())
        return parse(commandLineValue);
    const QString fromEnv = qEnvironmentVariable("CRYPTOPREDICT_DB");
    if (!fromEnv.isEmpty())
        return parse(fromEnv);
    return defaultSqlite();
}

QString DatabaseUrl::displayString() const
{
    if (dialect == Dialect::SQLite)
        return QStringLiteral("sqlite://") + filePath;
    const QString who = user.isEmpty() ? QString() : user + QLatin1Char('@');
    return QStringLiteral("postgresql://%1%2:%3/%4").arg(who, host).arg(port).arg(databaseName);
}

QString DatabaseUrl::location() const
{
    if (dialect == Dialect::SQLite)
        return filePath;
    const QString who = user.isEmpty() ? QString() : user + QLatin1Char('@');
    return QStringLiteral("%1%2:%3/%4").arg(who, host).arg(port).arg(databaseName);
}

} // namespace cp::models
