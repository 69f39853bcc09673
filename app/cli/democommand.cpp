#include "clicontext.h"
#include "commandparser.h"

#include <app/demoloader.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace cp::app::cli {

int runDemo(CliContext &context)
{
    CommandParser command(QStringLiteral("demo"));
    command.addOption(
        {QStringLiteral("assets"), QStringLiteral("Number of assets."), QStringLiteral("N")});
    command.addOption(
        {QStringLiteral("days"), QStringLiteral("Days of history."), QStringLiteral("D")});
    command.addOption(
        {QStringLiteral("interval"), QStringLiteral("1h or 1d."), QStringLiteral("I")});
    command.addOption(
        {QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("S")});
    if (!command.parse(context, context.arguments()))
        return BadUsage;
    const auto &parser = command.parser();
    if (!parser.positionalArguments().isEmpty())
        return context.fail(QStringLiteral("demo takes no positional arguments."), BadUsage);

    const std::optional<qint64> assets =
        command.integer(context, QStringLiteral("assets"), 50, 1, 5000);
    if (!assets)
        return BadUsage;
    const std::optional<qint64> days =
        command.integer(context, QStringLiteral("days"), 365, 1, 3650);
    if (!days)
        return BadUsage;
    engine::SimulationConfig config;
    config.assetCount = static_cast<int>(*assets);
    config.days = static_cast<int>(*days);
    const QString interval = parser.value(QStringLiteral("interval"));
    if (interval.isEmpty() || interval == QLatin1String("1d"))
        config.interval = engine::Interval::Day;
    else if (interval == QLatin1String("1h"))
        config.interval = engine::Interval::Hour;
    else
        return context.fail(QStringLiteral("--interval must be 1h or 1d, not '%1'.").arg(interval),
                            BadUsage);
    if (parser.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        config.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return context.fail(
                QStringLiteral("--seed must be a non-negative whole number, not '%1'.")
                    .arg(parser.value(QStringLiteral("seed"))),
                BadUsage);
    }
    // History ends at the start of today (UTC), so the demo looks current but stays
    // reproducible for a given day and seed.
    const QDateTime today(QDateTime::currentDateTimeUtc().date(), QTime(0, 0), QTimeZone::utc());
    config.startTime = today.toSecsSinceEpoch() - static_cast<qint64>(config.days) * 86400;

    const QSqlDatabase db = context.openDatabase();
    if (!db.isValid())
        return context.openFailureCode();
    const Result<DemoReport> report = DemoLoader(db).load(config);
    if (!report)
        return context.fail(report.error());

    const double rate =
        report->seconds > 0 ? static_cast<double>(report->candles) / report->seconds : 0;
    if (context.json()) {
        const QJsonObject result{{QStringLiteral("simulated"), true},
                                 {QStringLiteral("assets"), report->assets},
                                 {QStringLiteral("candles"), report->candles},
                                 {QStringLiteral("seconds"), report->seconds},
                                 {QStringLiteral("rows_per_second"), rate}};
        context.out() << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        context.out() << "Wrote " << report->candles << " simulated candles for " << report->assets
                      << " assets into " << context.databaseUrl().displayString() << " in "
                      << QString::number(report->seconds, 'f', 2) << " s ("
                      << QString::number(rate, 'f', 0) << " rows/s)." << Qt::endl;
    }
    return Success;
}

} // namespace cp::app::cli
