#include "clicontext.h"
#include "commandparser.h"

#include <app/importers/priceimporter.h>
#include <models/sqltimestamp.h>

#include <QJsonDocument>
#include <QJsonObject>

namespace cp::app::cli {

int runImport(CliContext &context)
{
    using namespace importers;
    CommandParser command(QStringLiteral("import"));
    command.addOption({QStringLiteral("format"),
                       QStringLiteral("binance-klines, coingecko-market-chart or ohlcv-csv."),
                       QStringLiteral("F")});
    command.addOption(
        {QStringLiteral("symbol"), QStringLiteral("The asset's symbol."), QStringLiteral("SYM")});
    command.addOption(
        {QStringLiteral("name"), QStringLiteral("Name of a new asset."), QStringLiteral("NAME")});
    command.addOption(
        {QStringLiteral("sector"), QStringLiteral("Primary sector."), QStringLiteral("NAME")});
    command.addPositional(QStringLiteral("FILE"), QStringLiteral("Files to import."));
    if (!command.parse(context, context.arguments()))
        return BadUsage;
    const auto &parser = command.parser();

    ImportRequest request;
    request.files = parser.positionalArguments();
    if (request.files.isEmpty())
        return context.fail(QStringLiteral("import needs at least one FILE."), BadUsage);
    const QString formatText = parser.value(QStringLiteral("format"));
    if (formatText.isEmpty()) {
        return context.fail(QStringLiteral("import needs --format (%1).")
                                .arg(formatNames().join(QStringLiteral(", "))),
                            BadUsage);
    }
    const std::optional<ImportFormat> format = formatFromName(formatText);
    if (!format) {
        return context.fail(QStringLiteral("--format must be one of %1, not '%2'.")
                                .arg(formatNames().join(QStringLiteral(", ")), formatText),
                            BadUsage);
    }
    request.format = *format;
    request.symbol = parser.value(QStringLiteral("symbol")).trimmed();
    if (request.symbol.isEmpty())
        return context.fail(QStringLiteral("import needs --symbol."), BadUsage);
    request.name = parser.value(QStringLiteral("name"));
    request.sector = parser.value(QStringLiteral("sector"));

    const QSqlDatabase db = context.openDatabase();
    if (!db.isValid())
        return context.openFailureCode();
    const Result<ImportReport> report = PriceImporter(db).run(request);
    if (!report)
        return context.fail(report.error());

    const double rate =
        report->seconds > 0 ? static_cast<double>(report->rows) / report->seconds : 0;
    const QString symbol = request.symbol.toUpper();
    if (context.json()) {
        const QJsonObject result{
            {QStringLiteral("symbol"), symbol},
            {QStringLiteral("crypto_id"), report->cryptoId},
            {QStringLiteral("created"), report->assetCreated},
            {QStringLiteral("files"), report->files},
            {QStringLiteral("rows"), report->rows},
            {QStringLiteral("first"), models::SqlTimestamp::fromUnixSeconds(report->firstTime)},
            {QStringLiteral("last"), models::SqlTimestamp::fromUnixSeconds(report->lastTime)},
            {QStringLiteral("current_price_updated"), report->currentPriceUpdated},
            {QStringLiteral("seconds"), report->seconds},
            {QStringLiteral("rows_per_second"), rate}};
        context.out() << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        context.out() << "Imported " << report->rows << " rows for " << symbol
                      << (report->assetCreated ? " (new asset)" : "") << " from " << report->files
                      << (report->files == 1 ? " file" : " files") << " into "
                      << context.databaseUrl().displayString() << " in "
                      << QString::number(report->seconds, 'f', 2) << " s ("
                      << QString::number(rate, 'f', 0) << " rows/s)." << Qt::endl;
    }
    return Success;
}

} // namespace cp::app::cli
