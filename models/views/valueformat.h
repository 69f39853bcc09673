#pragma once

#include <QCalendar>
#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QVariant>

namespace cp::models::views {

/** How a column's raw value is shown. */
enum class ColumnFormat {
    Text,     //!< as stored
    Label,    //!< a schema enumeration (bull, add_tier1, ...) shown as words, see displayLabel()
    Integer,  //!< whole number with group separators
    Number,   //!< two decimals
    Price,    //!< enough decimals for the magnitude (BTC 64,210.50; PEPE 0.000001234)
    Percent,  //!< the value is already in percent: "+1.23%"
    Fraction, //!< a value in [0, 1] shown in percent: "87%"
    Money,    //!< compact US dollars: "$1.07T", "$95.0M"
    DateTime, //!< a timestamp of either dialect, shown in local time
    Color,    //!< "#RRGGBB"; the text is empty, delegates paint a swatch
};

/**
 * The calendar every view shows dates in (Gregorian unless the user picks Jalali). Process-wide,
 * like QLocale::setDefault(): set once from the display settings, read by every formatter below.
 */
void setDisplayCalendar(QCalendar::System system);
QCalendar::System displayCalendar();

//! A date in the display calendar with the locale's digits: 2024-03-20, or ۱۴۰۳/۰۱/۰۱ in fa+Jalali.
QString formatDate(const QDate &date, const QLocale &locale = QLocale());
//! Local date and time, short, in the display calendar; empty for an invalid time.
QString formatDateTime(const QDateTime &time, const QLocale &locale = QLocale());

QString formatPrice(double value, const QLocale &locale = QLocale());
QString formatPercent(double percent, const QLocale &locale = QLocale());
QString formatFraction(double fraction, const QLocale &locale = QLocale());
QString formatMoney(double dollars, const QLocale &locale = QLocale());
//! formatDateTime() of a stored timestamp; empty for a null or unreadable one.
QString formatTimestamp(const QVariant &value, const QLocale &locale = QLocale());

//! Formats `value` as `format`; null values give an empty string.
QString formatValue(const QVariant &value, ColumnFormat format, const QLocale &locale = QLocale());

/**
 * Words for the schema's enumerations (market regimes, risk levels, suggestion and signal types,
 * statuses, layer names), translated; unknown values are returned with underscores as spaces.
 */
QString displayLabel(const QString &value);

} // namespace cp::models::views
