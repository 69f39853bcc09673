#include "csvtext.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <charconv>
#include <cmath>

namespace cp::app::importers::csv {

namespace {

QByteArrayView trimmed(QByteArrayView v)
{
    qsizetype b = 0;
    qsizetype e = v.size();
    while (b < e && (v[b] == ' ' || v[b] == '\t'))
        ++b;
    while (e > b && (v[e - 1] == ' ' || v[e - 1] == '\t'))
        --e;
    return v.sliced(b, e - b);
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Parses `count` digits at `at`; false if any is not a digit.
bool digits(QByteArrayView t, qsizetype at, int count, int &value)
{
    if (at + count > t.size())
        return false;
    value = 0;
    for (int i = 0; i < count; ++i) {
        const char c = t[at + i];
        if (!isDigit(c))
            return false;
        value = value * 10 + (c - '0');
    }
    return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2 ? 1 : 0;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = static_cast<unsigned>((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<qint64>(doe) - 719468;
}

bool validDate(int y, int m, int d)
{
    if (m < 1 || m > 12 || d < 1)
        return false;
    static const int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= lengths[m - 1] + (m == 2 && leap ? 1 : 0);
}

// The common shapes, without allocating: YYYY-MM-DD, then [T ]HH:MM[:SS[.f+]] and Z or ±HH[:]MM.
bool parseIsoFast(QByteArrayView t, qint64 &seconds)
{
    int y = 0, mo = 0, d = 0;
    if (!digits(t, 0, 4, y) || t.size() < 10 || t[4] != '-' || !digits(t, 5, 2, mo) ||
        t[7] != '-' || !digits(t, 8, 2, d) || !validDate(y, mo, d))
        return false;
    qint64 result = daysFromCivil(y, mo, d) * 86400;
    if (t.size() == 10) {
        seconds = result;
        return true;
    }
    if (t[10] != 'T' && t[10] != 't' && t[10] != ' ')
        return false;
    int h = 0, mi = 0, s = 0;
    if (!digits(t, 11, 2, h) || t.size() < 16 || t[13] != ':' || !digits(t, 14, 2, mi) || h > 23 ||
        mi > 59)
        return false;
    qsizetype at = 16;
    if (at < t.size() && t[at] == ':') {
        if (!digits(t, at + 1, 2, s) || s > 60)
            return false;
        at += 3;
        if (at < t.size() && (t[at] == '.' || t[at] == ',')) {
            ++at;
            const qsizetype from = at;
            while (at < t.size() && isDigit(t[at]))
                ++at;
            if (at == from)
                return false;
        }
    }
    result += h * 3600 + mi * 60 + s;
    if (at == t.size()) {
        seconds = result;
        return true;
    }
    if ((t[at] == 'Z' || t[at] == 'z') && at + 1 == t.size()) {
        seconds = result;
        return true;
    }
    if (t[at] != '+' && t[at] != '-')
        return false;
    const int sign = t[at] == '+' ? 1 : -1;
    int oh = 0, om = 0;
    if (!digits(t, at + 1, 2, oh))
        return false;
    qsizetype rest = at + 3;
    if (rest < t.size() && t[rest] == ':')
        ++rest;
    if (rest < t.size()) {
        if (!digits(t, rest, 2, om) || rest + 2 != t.size())
            return false;
    }
    if (oh > 23 || om > 59)
        return false;
    seconds = result - sign * (oh * 3600 + om * 60);
    return true;
}

} // namespace

bool splitFields(QByteArrayView line, char separator, std::vector<QByteArrayView> &fields)
{
    fields.clear();
    qsizetype i = 0;
    const qsizetype n = line.size();
    while (true) {
        qsizetype start = i;
        while (start < n && (line[start] == ' ' || line[start] == '\t'))
            ++start;
        if (start < n && line[start] == '"') {
            qsizetype j = start + 1;
            while (true) {
                if (j >= n)
                    return false;
                if (line[j] == '"') {
                    if (j + 1 < n && line[j + 1] == '"') {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            fields.push_back(trimmed(line.sliced(start + 1, j - start - 1)));
            i = j + 1;
            while (i < n && line[i] != separator)
                ++i;
        } else {
            qsizetype j = i;
            while (j < n && line[j] != separator)
                ++j;
            fields.push_back(trimmed(line.sliced(i, j - i)));
            i = j;
        }
        if (i >= n)
            return true;
        ++i; // past the separator
    }
}

bool parseNumber(QByteArrayView text, double &value, bool decimalComma)
{
    text = trimmed(text);
    if (text.startsWith('+'))
        text = text.sliced(1);
    if (text.isEmpty() || text.size() > 64)
        return false;
    char copy[64];
    const char *begin = text.data();
    if (decimalComma && text.contains(',')) {
        for (qsizetype i = 0; i < text.size(); ++i)
            copy[i] = text[i] == ',' ? '.' : text[i];
        begin = copy;
    }
    const char *end = begin + text.size();
    const auto result = std::from_chars(begin, end, value);
    return result.ec == std::errc() && result.ptr == end;
}

EpochUnit epochUnitOf(double value)
{
    const double magnitude = std::fabs(value);
    if (magnitude >= 1e14)
        return EpochUnit::Microseconds;
    if (magnitude >= 1e11)
        return EpochUnit::Milliseconds;
    return EpochUnit::Seconds;
}

qint64 epochSeconds(double value, EpochUnit unit)
{
    switch (unit) {
    case EpochUnit::Microseconds:
        return static_cast<qint64>(std::floor(value / 1e6));
    case EpochUnit::Milliseconds:
        return static_cast<qint64>(std::floor(value / 1e3));
    case EpochUnit::Seconds:
        break;
    }
    return static_cast<qint64>(std::floor(value));
}

bool parseTimestamp(QByteArrayView text, qint64 &seconds, TimestampKind &kind, EpochUnit &unit)
{
    text = trimmed(text);
    if (text.isEmpty())
        return false;
    double number = 0.0;
    if (parseNumber(text, number)) {
        // 1e17 µs is about the year 5138: anything larger is not a time.
        if (!std::isfinite(number) || std::fabs(number) >= 1e17)
            return false;
        kind = TimestampKind::Epoch;
        unit = epochUnitOf(number);
        seconds = epochSeconds(number, unit);
        return true;
    }
    kind = TimestampKind::Iso8601;
    if (parseIsoFast(text, seconds))
        return true;
    const QDateTime parsed =
        QDateTime::fromString(QString::fromLatin1(text.data(), text.size()), Qt::ISODateWithMs);
    if (!parsed.isValid())
        return false;
    seconds = parsed.timeSpec() == Qt::LocalTime
                  ? QDateTime(parsed.date(), parsed.time(), QTimeZone::utc()).toSecsSinceEpoch()
                  : parsed.toSecsSinceEpoch();
    return true;
}

} // namespace cp::app::importers::csv
