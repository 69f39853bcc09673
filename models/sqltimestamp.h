#pragma once

#include <QDateTime>
#include <QVariant>

namespace cp::models {

/**
 * Timestamps as both dialects store them. SQLite keeps TEXT in ISO 8601 UTC with milliseconds
 * ("2024-05-01T13:00:00.000Z", what strftime('%Y-%m-%dT%H:%M:%fZ') writes, so text order is
 * time order); PostgreSQL reads the same text into TIMESTAMPTZ.
 */
namespace SqlTimestamp {

//! Length of the text written by format(): "YYYY-MM-DDTHH:MM:SS.000Z".
constexpr int kLength = 24;

//! Writes kLength characters for a Unix time in seconds; no allocation (bulk writers use it).
void format(qint64 unixSeconds, char *out);
QString fromUnixSeconds(qint64 unixSeconds);
QString fromDateTime(const QDateTime &time);
//! Reads what either driver returns (QDateTime from QPSQL, QString from QSQLITE); invalid if null.
QDateTime toDateTime(const QVariant &value);

} // namespace SqlTimestamp

} // namespace cp::models
