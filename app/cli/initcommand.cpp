#include "clicontext.h"

#include <models/migrator.h>

#include <QJsonDocument>
#include <QJsonObject>

namespace cp::app::cli {

int runInit(CliContext &context)
{
    if (!context.arguments().isEmpty())
        return context.fail(QStringLiteral("init takes no arguments."), BadUsage);
    const QSqlDatabase db = context.openDatabase();
    if (!db.isValid())
        return context.openFailureCode();
    const Result<int> version = models::Migrator(db).currentVersion();
    if (!version)
        return context.fail(version.error());
    if (context.json()) {
        const QJsonObject result{
            {QStringLiteral("database"), context.databaseUrl().displayString()},
            {QStringLiteral("schema_version"), *version}};
        context.out() << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        context.out() << "Database " << context.databaseUrl().displayString()
                      << " is ready (schema version " << *version << ")." << Qt::endl;
    }
    return Success;
}

} // namespace cp::app::cli
