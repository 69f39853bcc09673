#include "clicontext.h"
#include "commandparser.h"

#include <app/backtestrunner.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

namespace cp::app::cli {

namespace {

//! A date (2024-01-31) or date-time in ISO 8601, as Unix seconds (UTC).
std::optional<qint64> parseWhen(const QString &text, bool endOfDay)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid()) {
        const QDateTime start(date, QTime(0, 0), QTimeZone::utc());
        return start.toSecsSinceEpoch() + (endOfDay ? 86399 : 0);
    }
    const QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    if (time.isValid())
        return time.toSecsSinceEpoch();
    return std::nullopt;
}

QString percent(const QJsonValue &value)
{
    return QString::number(value.toDouble() * 100.0, 'f', 1) + QLatin1Char('%');
}

} // namespace

int runBacktest(CliContext &context)
{
    CommandParser command(QStringLiteral("backtest"));
    command.addOption({QStringLiteral("from"), QStringLiteral("First day (YYYY-MM-DD)."),
                       QStringLiteral("date")});
    command.addOption(
        {QStringLiteral("to"), QStringLiteral("Last day (YYYY-MM-DD)."), QStringLiteral("date")});
    if (!command.parse(context, context.arguments()))
        return BadUsage;
    qint64 from = std::numeric_limits<qint64>::min();
    qint64 to = std::numeric_limits<qint64>::max();
    for (const QString name : {QStringLiteral("from"), QStringLiteral("to")}) {
        if (!command.parser().isSet(name))
            continue;
        const auto when = parseWhen(command.parser().value(name), name == QLatin1String("to"));
        if (!when)
            return context.fail(QStringLiteral("--%1 must be a date like 2024-01-31, not '%2'.")
                                    .arg(name, command.parser().value(name)),
                                BadUsage);
        (name == QLatin1String("from") ? from : to) = *when;
    }
    if (from > to)
        return context.fail(QStringLiteral("--from must not be after --to."), BadUsage);

    const QSqlDatabase db = context.openDatabase();
    if (!db.isValid())
        return context.openFailureCode();
    const Result<QJsonObject> report = runStoredBacktest(db, from, to);
    if (!report)
        return context.fail(report.error());
    if (context.json()) {
        context.out() << QJsonDocument(*report).toJson(QJsonDocument::Compact) << Qt::endl;
        return Success;
    }
    const QJsonObject overall = report->value(QStringLiteral("overall")).toObject();
    const QJsonObject signals = overall.value(QStringLiteral("model_signals")).toObject();
    const QJsonObject calibration = overall.value(QStringLiteral("calibration")).toObject();
    context.out()
        << "Backtest of " << report->value(QStringLiteral("model_name")).toString()
        << " (out of sample, walk-forward)\n"
        << "Signals:        " << signals.value(QStringLiteral("total_signals")).toInt() << '\n'
        << "Success rate:   " << percent(signals.value(QStringLiteral("success_rate"))) << '\n'
        << "Average return: "
        << QString::number(signals.value(QStringLiteral("average_return_pct")).toDouble(), 'f', 2)
        << "% per signal\n"
        << "Brier score:    "
        << QString::number(calibration.value(QStringLiteral("brier")).toDouble(), 'f', 4)
        << " (base rate "
        << QString::number(calibration.value(QStringLiteral("base_rate_brier")).toDouble(), 'f', 4)
        << ")\nUse --json for the slices by risk level, regime and model, and the "
           "calibration table."
        << Qt::endl;
    return Success;
}

} // namespace cp::app::cli
