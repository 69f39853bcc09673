#pragma once

#include <QByteArrayView>

#include <vector>

namespace cp::app::importers::csv {

/**
 * Splits a line at `separator` outside double quotes; fields are trimmed of spaces and tabs and
 * a quoted field's view is the text inside its quotes. False on an unterminated quote.
 */
bool splitFields(QByteArrayView line, char separator, std::vector<QByteArrayView> &fields);

//! A decimal number ("1.5", "-2", "3e-8"); `decimalComma` also reads "1,5".
bool parseNumber(QByteArrayView text, double &value, bool decimalComma = false);

//! The unit of an epoch number, from its magnitude.
enum class EpochUnit { Seconds, Milliseconds, Microseconds };
//! >= 1e14 µs (1e14 ms is the year 5138), >= 1e11 ms (1e11 s is the year 5138), else seconds.
EpochUnit epochUnitOf(double value);
//! Whole seconds (rounded down) of an epoch number in its detected unit.
qint64 epochSeconds(double value, EpochUnit unit);

/** How a timestamp field was written. */
enum class TimestampKind { Iso8601, Epoch };

/**
 * A timestamp: ISO 8601 (2024-01-31T12:00:00Z, with fractions, an offset, a space for T, or a
 * bare date; UTC without an offset) or an epoch number in s, ms or µs by magnitude.
 */
bool parseTimestamp(QByteArrayView text, qint64 &seconds, TimestampKind &kind, EpochUnit &unit);

} // namespace cp::app::importers::csv
