#include "valueformat.h"

#include <models/sqltimestamp.h>

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <atomic>
#include <cmath>

namespace cp::models::views {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cp::models::views", text);
}

std::atomic<QCalendar::System> g_calendar{QCalendar::System::Gregorian};

//! Persian writes dates with slashes; elsewhere the ISO order reads unambiguously.
QString dateFormat(const QLocale &locale)
{
    return locale.language() == QLocale::Persian ? QStringLiteral("yyyy/MM/dd")
                                                 : QStringLiteral("yyyy-MM-dd");
}

} // namespace

void setDisplayCalendar(QCalendar::System system)
{
    g_calendar.store(system);
}

QCalendar::System displayCalendar()
{
    return g_calendar.load();
}

QString formatDate(const QDate &date, const QLocale &locale)
{
    if (!date.isValid())
        return {};
    return locale.toString(date, dateFormat(locale), QCalendar(displayCalendar()));
}

QString formatDateTime(const QDateTime &time, const QLocale &locale)
{
    if (!time.isValid())
        return {};
    const QString format = dateFormat(locale) + QStringLiteral(" HH:mm");
    return locale.toString(time.toLocalTime(), format, QCalendar(displayCalendar()));
}

QString formatPrice(double value, const QLocale &locale)
{
    if (!std::isfinite(value))
        return {};
    if (value == 0.0)
        return locale.toString(0.0, 'f', 2);
    // Four significant digits below 1, never fewer than two decimals, at most 12.
    const int magnitude = static_cast<int>(std::floor(std::log10(std::abs(value))));
    const int decimals = std::clamp(3 - magnitude, 2, 12);
    return locale.toString(value, 'f', decimals);
}

QString formatPercent(double percent, const QLocale &locale)
{
    if (!std::isfinite(percent))
        return {};
    const QString number = locale.toString(percent, 'f', 2);
    return (percent > 0 ? locale.positiveSign() : QString()) + number + locale.percent();
}

QString formatFraction(double fraction, const QLocale &locale)
{
    if (!std::isfinite(fraction))
        return {};
    return locale.toString(fraction * 100.0, 'f', 0) + locale.percent();
}

QString formatMoney(double dollars, const QLocale &locale)
{
    if (!std::isfinite(dollars))
        return {};
    struct Scale
    {
        double factor;
        const char *suffix;
    };
    static constexpr Scale scales[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"}};
    const QString sign = dollars < 0 ? QStringLiteral("-") : QString();
    const double magnitude = std::abs(dollars);
    for (const Scale &scale : scales) {
        if (magnitude >= scale.factor)
            return sign + QLatin1Char('$') + locale.toString(magnitude / scale.factor, 'f', 2) +
                   QLatin1String(scale.suffix);
    }
    return sign + QLatin1Char('$') + locale.toString(magnitude, 'f', 2);
}

QString formatTimestamp(const QVariant &value, const QLocale &locale)
{
    return formatDateTime(SqlTimestamp::toDateTime(value), locale);
}

QString formatValue(const QVariant &value, ColumnFormat format, const QLocale &locale)
{
    if (value.isNull() || !value.isValid())
        return {};
    switch (format) {
    case ColumnFormat::Text:
        return value.toString();
    case ColumnFormat::Label:
        return displayLabel(value.toString());
    case ColumnFormat::Integer:
        return locale.toString(value.toLongLong());
    case ColumnFormat::Number:
        return locale.toString(value.toDouble(), 'f', 2);
    case ColumnFormat::Price:
        return formatPrice(value.toDouble(), locale);
    case ColumnFormat::Percent:
        return formatPercent(value.toDouble(), locale);
    case ColumnFormat::Fraction:
        return formatFraction(value.toDouble(), locale);
    case ColumnFormat::Money:
        return formatMoney(value.toDouble(), locale);
    case ColumnFormat::DateTime:
        return formatTimestamp(value, locale);
    case ColumnFormat::Color:
        return {};
    }
    return value.toString();
}

QString displayLabel(const QString &value)
{
    // Built per call so that a language switch at run time is honoured.
    const QHash<QString, QString> labels{
        //: Market regime: prices rising broadly (a bull market)
        {QStringLiteral("bull"), tr("Bull")},
        //: Market regime: prices falling broadly (a bear market)
        {QStringLiteral("bear"), tr("Bear")},
        {QStringLiteral("neutral"), tr("Neutral")},
        {QStringLiteral("volatile"), tr("Volatile")},
        //: Risk level
        {QStringLiteral("low"), tr("Low")},
        //: Risk level
        {QStringLiteral("medium"), tr("Medium")},
        //: Risk level
        {QStringLiteral("high"), tr("High")},
        //: Risk level
        {QStringLiteral("extreme"), tr("Extreme")},
        {QStringLiteral("add_tier1"), tr("Add to Tier 1")},
        {QStringLiteral("add_tier2"), tr("Add to Tier 2")},
        {QStringLiteral("promote"), tr("Promote")},
        {QStringLiteral("demote"), tr("Demote")},
        {QStringLiteral("remove"), tr("Remove")},
        //: Trade side: buy, profiting when the price rises
        {QStringLiteral("long"), tr("Long")},
        //: Trade side: sell, profiting when the price falls
        {QStringLiteral("short"), tr("Short")},
        {QStringLiteral("active"), tr("Active")},
        {QStringLiteral("inactive"), tr("Inactive")},
        {QStringLiteral("training"), tr("Training")},
        {QStringLiteral("error"), tr("Error")},
        {QStringLiteral("executed"), tr("Executed")},
        {QStringLiteral("expired"), tr("Expired")},
        {QStringLiteral("cancelled"), tr("Cancelled")},
        {QStringLiteral("pending"), tr("Pending")},
        {QStringLiteral("approved"), tr("Approved")},
        {QStringLiteral("rejected"), tr("Rejected")},
        {QStringLiteral("paused"), tr("Paused")},
        //: Watchlist tier: the short list of assets followed most closely
        {QStringLiteral("tier1"), tr("Tier 1")},
        //: Watchlist tier: the wider list of assets followed
        {QStringLiteral("tier2"), tr("Tier 2")},
        {QStringLiteral("none"), tr("None")},
        {QStringLiteral("layer1"), tr("Layer 1 - Macro")},
        {QStringLiteral("layer2"), tr("Layer 2 - Sectors")},
        {QStringLiteral("layer3"), tr("Layer 3 - Assets")},
        {QStringLiteral("layer4"), tr("Layer 4 - Timing")},
        {QStringLiteral("macro"), tr("Macro")},
        {QStringLiteral("sector"), tr("Sector")},
        {QStringLiteral("asset"), tr("Asset")},
        {QStringLiteral("timing"), tr("Timing")},
        {QStringLiteral("admin"), tr("Admin")},
        {QStringLiteral("professional"), tr("Professional")},
        {QStringLiteral("casual"), tr("Casual")},
        {QStringLiteral("manual"), tr("Manual")},
        {QStringLiteral("automatic"), tr("Automatic")},
        //: Order status: the whole order was executed
        {QStringLiteral("filled"), tr("Filled")},
        {QStringLiteral("partially_filled"), tr("Partially filled")},
        {QStringLiteral("bullish"), tr("Bullish")},
        {QStringLiteral("bearish"), tr("Bearish")},
        {QStringLiteral("rotating"), tr("Rotating")},
        {QStringLiteral("stable"), tr("Stable")},
        {QStringLiteral("signals_ready"), tr("Signals ready")},
        {QStringLiteral("waiting"), tr("Waiting")},
        {QStringLiteral("awaiting_review"), tr("Awaiting review")},
        {QStringLiteral("no_data"), tr("No data")},
        {QStringLiteral("approve"), tr("Approve")},
        {QStringLiteral("reject"), tr("Reject")},
        //: Review decision: decide later
        {QStringLiteral("defer"), tr("Defer")},
    };
    const auto it = labels.constFind(value);
    if (it != labels.constEnd())
        return *it;
    QString words = value;
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!words.isEmpty())
        words[0] = words[0].toUpper();
    return words;
}

} // namespace cp::models::views
