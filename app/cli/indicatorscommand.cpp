#include "clicontext.h"
#include "commandparser.h"

#include <engine/ohlcvcsv.h>

#include <QBuffer>
#include <QFile>
#include <QSaveFile>

#include <cstdio>

namespace cp::app::cli {

int runIndicators(CliContext &context)
{
    CommandParser command(QStringLiteral("indicators"));
    command.addOption(
        {QStringLiteral("input"), QStringLiteral("OHLCV CSV file."), QStringLiteral("file")});
    command.addOption({QStringLiteral("output"), QStringLiteral("Output CSV (default: stdout)."),
                       QStringLiteral("file")});
    if (!command.parse(context, context.arguments()))
        return BadUsage;
    const QString inputPath = command.parser().value(QStringLiteral("input"));
    if (inputPath.isEmpty())
        return context.fail(QStringLiteral("indicators needs --input OHLCV.csv."), BadUsage);
    QFile input(inputPath);
    if (!input.open(QIODevice::ReadOnly))
        return context.fail(
            QStringLiteral("Cannot read %1: %2.").arg(inputPath, input.errorString()));

    // Everything is computed into memory first: a malformed row must leave no output behind.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (const std::optional<QString> error = engine::writeIndicatorCsv(input, buffer))
        return context.fail(QStringLiteral("%1: %2").arg(inputPath, *error));

    const QString outputPath = command.parser().value(QStringLiteral("output"));
    if (outputPath.isEmpty()) {
        context.out().flush();
        std::fwrite(buffer.data().constData(), 1, static_cast<std::size_t>(buffer.data().size()),
                    stdout);
        std::fflush(stdout);
        return Success;
    }
    QSaveFile output(outputPath);
    if (!output.open(QIODevice::WriteOnly) || output.write(buffer.data()) != buffer.data().size() ||
        !output.commit())
        return context.fail(
            QStringLiteral("Cannot write %1: %2.").arg(outputPath, output.errorString()));
    return Success;
}

} // namespace cp::app::cli
