#include "rowvalidator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <charconv>

namespace cp::app::importers {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cp::app::importers::RowValidator", text);
}

bool sameValue(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

} // namespace

QString describeTime(qint64 unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds, QTimeZone::utc())
               .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) +
           QStringLiteral(" UTC");
}

QString describeNumber(double value)
{
    // The shortest text that reads back as the same value (10.5, not 10.500000000000002).
    char text[32];
    const auto result = std::to_chars(text, text + sizeof text, value);
    return QString::fromLatin1(text, result.ptr - text);
}

RowValidator::Verdict RowValidator::check(const engine::Candle &c, double marketCap, qint64 line)
{
    const struct
    {
        const char *name;
        double value;
    } values[] = {{"open", c.open},   {"high", c.high},     {"low", c.low},
                  {"close", c.close}, {"volume", c.volume}, {"market cap", marketCap}};
    for (const auto &v : values) {
        if (std::isinf(v.value) || (std::isnan(v.value) && qstrcmp(v.name, "market cap") != 0)) {
            m_error = tr("%1 is not a finite number.").arg(QLatin1String(v.name));
            return Reject;
        }
        if (v.value < 0) {
            m_error = tr("%1 %2 is negative.").arg(QLatin1String(v.name), describeNumber(v.value));
            return Reject;
        }
    }
    if (c.high < c.low) {
        m_error = tr("high %1 is below low %2.").arg(describeNumber(c.high), describeNumber(c.low));
        return Reject;
    }
    if (m_havePrevious) {
        if (c.time < m_previous.time) {
            m_error = tr("timestamp %1 is earlier than the previous row's %2 (rows must be in "
                         "ascending time order).")
                          .arg(describeTime(c.time), describeTime(m_previous.time));
            return Reject;
        }
        if (c.time == m_previous.time) {
            const engine::Candle &p = m_previous;
            if (p.open == c.open && p.high == c.high && p.low == c.low && p.close == c.close &&
                p.volume == c.volume && sameValue(m_previousCap, marketCap)) {
                return SkipDuplicate;
            }
            m_error = tr("timestamp %1 repeats line %2 with different values.")
                          .arg(describeTime(c.time))
                          .arg(m_previousLine);
            return Reject;
        }
    }
    m_previous = c;
    m_previousCap = marketCap;
    m_previousLine = line;
    m_havePrevious = true;
    return Keep;
}

} // namespace cp::app::importers
