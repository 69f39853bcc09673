#include "sqltimestamp.h"

#include <QTimeZone>

namespace cp::models::SqlTimestamp {

namespace {

// Howard Hinnant's days-to-civil conversion: exact for the proleptic Gregorian calendar and far
// cheaper than QDateTime for the millions of rows a bulk write formats.
void civilFromDays(qint64 days, int &year, int &month, int &day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
}

void put2(char *out, int value)
{
    out[0] = static_cast<char>('0' + value / 10);
    out[1] = static_cast<char>('0' + value % 10);
}

} // namespace

void format(qint64 unixSeconds, char *out)
{
    qint64 days = unixSeconds / 86400;
    qint64 rest = unixSeconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    int year = 0, month = 0, day = 0;
    civilFromDays(days, year, month, day);
    put2(out, year / 100);
    put2(out + 2, year % 100);
    out[4] = '-';
    put2(out + 5, month);
    out[7] = '-';
    put2(out + 8, day);
    out[10] = 'T';
    put2(out + 11, static_cast<int>(rest / 3600));
    out[13] = ':';
    put2(out + 14, static_cast<int>(rest / 60 % 60));
    out[16] = ':';
    put2(out + 17, static_cast<int>(rest % 60));
    out[19] = '.';
    out[20] = '0';
    out[21] = '0';
    out[22] = '0';
    out[23] = 'Z';
}

QString fromUnixSeconds(qint64 unixSeconds)
{
    char text[kLength];
    format(unixSeconds, text);
    return QString::fromLatin1(text, kLength);
}

QString fromDateTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QDateTime toDateTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.typeId() == QMetaType::QDateTime)
        return value.toDateTime().toUTC();
    QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!parsed.isValid())
        parsed = QDateTime::fromString(value.toString(), Qt::ISODate);
    return parsed.toUTC();
}

} // namespace cp::models::SqlTimestamp
