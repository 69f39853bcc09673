#include "databasesummary.h"

#include "connection.h"
#include "migrator.h"
#include "sqltimestamp.h"

#include <QSqlError>
#include <QSqlQuery>

namespace cp::models {

Result<DatabaseSummary> summarize(QSqlDatabase db)
{
    DatabaseSummary summary;
    const Result<int> version = Migrator(db).currentVersion();
    if (!version)
        return Result<DatabaseSummary>::failure(version.error());
    summary.schemaVersion = *version;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(
            QStringLiteral("SELECT (SELECT COUNT(*) FROM cryptocurrencies),"
                           " (SELECT COUNT(*) FROM cryptocurrencies WHERE is_simulated = ?),"
                           " (SELECT COUNT(*) FROM price_data), (SELECT COUNT(*) FROM users),"
                           " (SELECT MAX(timestamp) FROM price_data)")
                .replace(QLatin1Char('?'), dialectOf(db) == Dialect::PostgreSQL
                                               ? QStringLiteral("true")
                                               : QStringLiteral("1"))) ||
        !query.next()) {
        return Result<DatabaseSummary>::failure(
            QStringLiteral("Could not read the database: %1").arg(query.lastError().text()));
    }
    summary.assets = query.value(0).toLongLong();
    summary.simulatedAssets = query.value(1).toLongLong();
    summary.priceRows = query.value(2).toLongLong();
    summary.users = query.value(3).toLongLong();
    summary.latestPrice = SqlTimestamp::toDateTime(query.value(4));
    return summary;
}

Result<DatabaseSummary> openMigrateAndSummarize(const DatabaseUrl &url)
{
    return withConnection(url, QStringLiteral("cp-summary"), [](QSqlDatabase db) {
        const Result<int> migrated = Migrator(db).migrate();
        return migrated ? summarize(db) : Result<DatabaseSummary>::failure(migrated.error());
    });
}

} // namespace cp::models
