#include "clicontext.h"

#include <models/databasesummary.h>

#include <QJsonDocument>
#include <QJsonObject>

namespace cp::app::cli {

int runStatus(CliContext &context)
{
    if (!context.arguments().isEmpty())
        return context.fail(QStringLiteral("status takes no arguments."), BadUsage);
    const QSqlDatabase db = context.openDatabase();
    if (!db.isValid())
        return context.openFailureCode();
    const Result<models::DatabaseSummary> summary = models::summarize(db);
    if (!summary)
        return context.fail(summary.error());
    const QString latest =
        summary->latestPrice.isValid() ? summary->latestPrice.toString(Qt::ISODate) : QString();
    if (context.json()) {
        const QJsonObject result{
            {QStringLiteral("database"), context.databaseUrl().displayString()},
            {QStringLiteral("schema_version"), summary->schemaVersion},
            {QStringLiteral("assets"), summary->assets},
            {QStringLiteral("simulated_assets"), summary->simulatedAssets},
            {QStringLiteral("price_rows"), summary->priceRows},
            {QStringLiteral("users"), summary->users},
            {QStringLiteral("latest_price"), latest}};
        context.out() << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        context.out() << "Database:       " << context.databaseUrl().displayString() << '\n'
                      << "Schema version: " << summary->schemaVersion << '\n'
                      << "Assets:         " << summary->assets;
        if (summary->hasSimulatedData())
            context.out() << " (" << summary->simulatedAssets << " simulated)";
        context.out() << '\n'
                      << "Price rows:     " << summary->priceRows << '\n'
                      << "Users:          " << summary->users << '\n'
                      << "Latest price:   " << (latest.isEmpty() ? QStringLiteral("-") : latest)
                      << Qt::endl;
    }
    return Success;
}

} // namespace cp::app::cli
