#include "commandparser.h"

namespace cp::app::cli {

CommandParser::CommandParser(const QString &command)
    : m_command(command)
{
}

bool CommandParser::parse(CliContext &context, const QStringList &arguments)
{
    if (!m_parser.parse(QStringList{m_command} + arguments)) {
        context.fail(QStringLiteral("%1: %2").arg(m_command, m_parser.errorText()), BadUsage);
        return false;
    }
    return true;
}

std::optional<qint64> CommandParser::integer(CliContext &context, const QString &name,
                                             qint64 fallback, qint64 min, qint64 max) const
{
    if (!m_parser.isSet(name))
        return fallback;
    bool ok = false;
    const qint64 value = m_parser.value(name).toLongLong(&ok);
    if (!ok || value < min || value > max) {
        context.fail(QStringLiteral("--%1 must be a whole number from %2 to %3, not '%4'.")
                         .arg(name)
                         .arg(min)
                         .arg(max)
                         .arg(m_parser.value(name)),
                     BadUsage);
        return std::nullopt;
    }
    return value;
}

} // namespace cp::app::cli
