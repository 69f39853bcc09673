#pragma once

#include "clicontext.h"

#include <QCommandLineParser>

#include <optional>

namespace cp::app::cli {

/**
 * Parses a command's own options (the global --db and --json were taken out by cli::run) and
 * reports bad values as one sentence naming the option.
 */
class CommandParser
{
public:
    explicit CommandParser(const QString &command);

    void addOption(const QCommandLineOption &option) { m_parser.addOption(option); }
    void addPositional(const QString &name, const QString &description)
    {
        m_parser.addPositionalArgument(name, description);
    }
    //! False after printing the parse error (the command then returns BadUsage).
    bool parse(CliContext &context, const QStringList &arguments);
    const QCommandLineParser &parser() const { return m_parser; }

    //! An integer option within [min, max]; prints a sentence naming the option otherwise.
    std::optional<qint64> integer(CliContext &context, const QString &name, qint64 fallback,
                                  qint64 min, qint64 max) const;

private:
    QString m_command;
    QCommandLineParser m_parser;
};

} // namespace cp::app::cli
