#include "clicontext.h"
#include "commandparser.h"

#include <app/analysispipeline.h>

#include <QJsonDocument>

namespace cp::app::cli {

namespace {

std::optional<std::set<int>> parseLayers(const QString &text)
{
    std::set<int> layers;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int layer = part.trimmed().toInt(&ok);
        if (!ok || layer < 1 || layer > 4)
            return std::nullopt;
        layers.insert(layer);
    }
    if (layers.empty())
        return std::nullopt;
    return layers;
}

} // namespace

int runAnalyze(CliContext &context)
{
    CommandParser command(QStringLiteral("analyze"));
    command.addOption({QStringLiteral("layers"), QStringLiteral("Layers to write, e.g. 1,2,3,4."),
                       QStringLiteral("list")});
    command.addOption({QStringLiteral("no-predictions"), QStringLiteral("Skip the forecasts.")});
    if (!command.parse(context, context.arguments()))
        return BadUsage;
    AnalysisOptions options;
    if (command.parser().isSet(QStringLiteral("layers"))) {
        const auto layers = parseLayers(command.parser().value(QStringLiteral("layers")));
        if (!layers)
            return context.fail(QStringLiteral("--layers must list layers from 1 to 4, as in "
                                               "1,2,3,4, not '%1'.")
                                    .arg(command.parser().value(QStringLiteral("layers"))),
                                BadUsage);
        options.layers = *layers;
    }
    options.predictions = !command.parser().isSet(QStringLiteral("no-predictions"));

    const QSqlDatabase db = context.openDatabase();
    if (!db.isValid())
        return context.openFailureCode();
    const Result<AnalysisReport> report = AnalysisPipeline(db).run(options);
    if (!report)
        return context.fail(report.error());
    if (context.json()) {
        context.out() << QJsonDocument(report->toJson()).toJson(QJsonDocument::Compact) << Qt::endl;
        return Success;
    }
    context.out() << "Analysed " << report->assets << " assets (" << report->candles
                  << " bars) as of "
                  << report->toJson().value(QStringLiteral("analysis_time")).toString() << ".\n"
                  << "Regime:      " << report->regime << " ("
                  << QString::number(report->regimeConfidence * 100.0, 'f', 1) << "% probability)\n"
                  << "Sectors:     " << report->sectors << "\n"
                  << "Suggestions: " << report->suggestions << " new ("
                  << report->duplicateSuggestionsSkipped << " already pending)\n"
                  << "Signals:     " << report->signalCount << " new ("
                  << report->duplicateSignalsSkipped << " already active)\n"
                  << "Predictions: " << report->predictions << "\n"
                  << "Skipped:     " << report->skipped.size() << " assets\n"
                  << "Time:        load " << QString::number(report->loadSeconds, 'f', 2)
                  << " s, compute " << QString::number(report->computeSeconds, 'f', 2)
                  << " s, persist " << QString::number(report->persistSeconds, 'f', 2) << " s"
                  << Qt::endl;
    for (const QString &note : report->notes)
        context.out() << "Note: " << note << Qt::endl;
    return Success;
}

} // namespace cp::app::cli
