#include "ohlcvcsv.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QIODevice>
#include <QTimeZone>

#include <array>
#include <charconv>
#include <cmath>
#include <vector>

namespace cp::engine {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cp::engine::OhlcvCsv", text);
}

enum Field { Timestamp, Open, High, Low, Close, Volume, FieldCount };
constexpr std::array<const char *, FieldCount> kFieldNames = {"timestamp", "open",  "high",
                                                              "low",       "close", "volume"};

//! Epoch values at least this large are milliseconds (1e11 s is the year 5138).
constexpr double kMillisecondsFrom = 1e11;

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

// Splits a line at commas outside double quotes; a quoted field's view is the text inside the
// quotes (doubled quotes left as they are: no field the reader parses can contain one).
// False on an unterminated quote.
bool splitFields(QByteArrayView line, std::vector<QByteArrayView> &fields)
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
            fields.push_back(line.sliced(start + 1, j - start - 1));
            i = j + 1;
            while (i < n && line[i] != ',')
                ++i;
        } else {
            qsizetype j = i;
            while (j < n && line[j] != ',')
                ++j;
            fields.push_back(trimmed(line.sliced(i, j - i)));
            i = j;
        }
        if (i >= n)
            return true;
        ++i; // past the comma
    }
}

bool parseNumber(QByteArrayView text, double &value)
{
    if (text.isEmpty())
        return false;
    bool ok = false;
    value = text.toDouble(&ok);
    return ok;
}

bool parseTimestamp(QByteArrayView text, qint64 &seconds)
{
    if (text.isEmpty())
        return false;
    double number = 0.0;
    if (parseNumber(text, number)) {
        if (!std::isfinite(number))
            return false;
        const double s = std::fabs(number) >= kMillisecondsFrom ? number / 1000.0 : number;
        seconds = qint64(std::floor(s));
        return true;
    }
    QString iso = QString::fromLatin1(text);
    if (iso.size() == 10) {
        const QDate date = QDate::fromString(iso, Qt::ISODate);
        if (!date.isValid())
            return false;
        seconds = QDateTime(date, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
        return true;
    }
    if (iso.size() > 10 && iso[10] == QLatin1Char(' '))
        iso[10] = QLatin1Char('T');
    QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!dt.isValid())
        return false;
    if (dt.timeSpec() == Qt::LocalTime)
        dt = QDateTime(dt.date(), dt.time(), QTimeZone::utc());
    seconds = dt.toSecsSinceEpoch();
    return true;
}

QString lineError(qsizetype line, const QString &reason)
{
    return tr("line %1: %2").arg(line).arg(reason);
}

// Shortest text that reads back as the same double; empty for NaN.
void appendCell(QByteArray &out, double v)
{
    out.append(',');
    if (std::isnan(v))
        return;
    char buf[32];
    const auto result = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, result.ptr - buf);
}

} // namespace

Result<OhlcvTable> readOhlcvCsv(QIODevice &in)
{
    const QByteArray data = in.readAll();
    OhlcvTable table;
    std::array<qsizetype, FieldCount> column;
    column.fill(-1);
    qsizetype headerFields = 0;
    bool haveHeader = false;
    std::vector<QByteArrayView> fields;
    qsizetype lineNumber = 0;
    qsizetype pos = 0;
    while (pos < data.size()) {
        qsizetype end = data.indexOf('\n', pos);
        if (end < 0)
            end = data.size();
        QByteArrayView line(data.constData() + pos, end - pos);
        pos = end + 1;
        ++lineNumber;
        if (line.endsWith('\r'))
            line.chop(1);
        QByteArrayView content = line;
        if (lineNumber == 1 && content.startsWith("\xEF\xBB\xBF"))
            content = content.sliced(3);
        if (trimmed(content).isEmpty())
            continue;
        if (!splitFields(content, fields))
            return Result<OhlcvTable>::failure(lineError(lineNumber, tr("unterminated quote")));

        if (!haveHeader) {
            haveHeader = true;
            headerFields = qsizetype(fields.size());
            for (qsizetype i = 0; i < headerFields; ++i) {
                for (int f = 0; f < FieldCount; ++f) {
                    if (fields[i].compare(QByteArrayView(kFieldNames[f]), Qt::CaseInsensitive) != 0)
                        continue;
                    if (column[f] >= 0) {
                        return Result<OhlcvTable>::failure(lineError(
                            lineNumber,
                            tr("the header names column '%1' twice").arg(kFieldNames[f])));
                    }
                    column[f] = i;
                }
            }
            for (int f = 0; f < FieldCount; ++f) {
                if (column[f] < 0) {
                    return Result<OhlcvTable>::failure(lineError(
                        lineNumber, tr("the header has no '%1' column").arg(kFieldNames[f])));
                }
            }
            table.headerLine = line.toByteArray();
            continue;
        }

        if (qsizetype(fields.size()) != headerFields) {
            return Result<OhlcvTable>::failure(
                lineError(lineNumber, tr("expected %1 fields like the header, found %2")
                                          .arg(headerFields)
                                          .arg(fields.size())));
        }
        Candle candle;
        if (!parseTimestamp(fields[column[Timestamp]], candle.time)) {
            return Result<OhlcvTable>::failure(
                lineError(lineNumber, tr("cannot read timestamp '%1'")
                                          .arg(QString::fromUtf8(fields[column[Timestamp]]))));
        }
        double *values[] = {nullptr,     &candle.open,  &candle.high,
                            &candle.low, &candle.close, &candle.volume};
        for (int f = Open; f < FieldCount; ++f) {
            if (!parseNumber(fields[column[f]], *values[f])) {
                return Result<OhlcvTable>::failure(lineError(
                    lineNumber, tr("cannot read %1 value '%2'")
                                    .arg(kFieldNames[f], QString::fromUtf8(fields[column[f]]))));
            }
        }
        table.rowLines.push_back(line.toByteArray());
        table.candles.push_back(candle);
    }
    if (!haveHeader)
        return Result<OhlcvTable>::failure(lineError(1, tr("no header line")));
    return table;
}

std::optional<QString> writeIndicatorCsv(const OhlcvTable &table, const IndicatorTable &indicators,
                                         QIODevice &out)
{
    QByteArray buffer = table.headerLine;
    for (IndicatorTable::Column c : kIndicatorColumns) {
        buffer.append(',');
        buffer.append(IndicatorTable::columnName(c));
    }
    buffer.append('\n');
    std::array<const double *, IndicatorTable::ColumnCount> columns{};
    for (int i = 0; i < IndicatorTable::ColumnCount; ++i)
        columns[i] = indicators.column(kIndicatorColumns[i]).data();
    const std::size_t rows = std::min(table.rowLines.size(), indicators.size());
    constexpr qsizetype kFlushAt = 1 << 20;
    for (std::size_t r = 0; r <= rows; ++r) {
        if (buffer.size() >= kFlushAt || r == rows) {
            if (out.write(buffer) != buffer.size())
                return tr("cannot write the output: %1").arg(out.errorString());
            buffer.clear();
            if (r == rows)
                break;
        }
        buffer.append(table.rowLines[r]);
        for (const double *column : columns)
            appendCell(buffer, column[r]);
        buffer.append('\n');
    }
    return std::nullopt;
}

std::optional<QString> writeIndicatorCsv(QIODevice &in, QIODevice &out)
{
    const Result<OhlcvTable> table = readOhlcvCsv(in);
    if (!table)
        return table.error();
    return writeIndicatorCsv(*table, computeIndicatorTable(table->candles), out);
}

} // namespace cp::engine
