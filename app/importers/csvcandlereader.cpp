#include "csvcandlereader.h"

#include "csvtext.h"

#include <QCoreApplication>

#include <cmath>

namespace cp::app::importers {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cp::app::importers::CsvCandleReader", text);
}

constexpr qsizetype kBinanceColumns = 12;
const char *const kFieldNames[] = {"timestamp", "open", "high", "low", "close", "volume"};

QString normalised(QByteArrayView name)
{
    QString out;
    for (char c : name) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += QLatin1Char(c);
        else if (c >= 'A' && c <= 'Z')
            out += QLatin1Char(static_cast<char>(c - 'A' + 'a'));
    }
    return out;
}

// The separator that occurs most often in the header line outside quotes (comma on a tie).
char detectSeparator(QByteArrayView line)
{
    int counts[3] = {0, 0, 0};
    const char candidates[3] = {',', ';', '\t'};
    bool quoted = false;
    for (char c : line) {
        if (c == '"')
            quoted = !quoted;
        for (int i = 0; i < 3 && !quoted; ++i)
            counts[i] += c == candidates[i] ? 1 : 0;
    }
    int best = 0;
    for (int i = 1; i < 3; ++i)
        best = counts[i] > counts[best] ? i : best;
    return candidates[best];
}

} // namespace

CsvCandleReader::CsvCandleReader(QIODevice &in, Layout layout)
    : m_lines(in)
    , m_layout(layout)
{
    m_column.fill(-1);
}

QStringList CsvCandleReader::aliases(int field)
{
    switch (field) {
    case Timestamp:
        return {QStringLiteral("timestamp"), QStringLiteral("time"),     QStringLiteral("date"),
                QStringLiteral("datetime"),  QStringLiteral("ts"),       QStringLiteral("opentime"),
                QStringLiteral("unix"),      QStringLiteral("unixtime"), QStringLiteral("epoch")};
    case Open:
        return {QStringLiteral("open"), QStringLiteral("o"), QStringLiteral("openprice")};
    case High:
        return {QStringLiteral("high"), QStringLiteral("h"), QStringLiteral("highprice")};
    case Low:
        return {QStringLiteral("low"), QStringLiteral("l"), QStringLiteral("lowprice")};
    case Close:
        return {QStringLiteral("close"), QStringLiteral("c"), QStringLiteral("closeprice")};
    case Volume:
        return {QStringLiteral("volume"), QStringLiteral("vol"), QStringLiteral("v"),
                QStringLiteral("basevolume")};
    default:
        return {};
    }
}

Status CsvCandleReader::fail(const QString &reason) const
{
    return Status::failure(tr("line %1: %2").arg(m_lines.lineNumber()).arg(reason));
}

Status CsvCandleReader::start(QByteArrayView line, bool &isHeader)
{
    m_started = true;
    if (m_layout == Layout::NamedColumns) {
        isHeader = true;
        return startNamed(line);
    }
    // Binance: a first line whose first field is not a number is a header.
    for (int f = 0; f < FieldCount; ++f)
        m_column[f] = f;
    m_fieldCount = kBinanceColumns;
    if (!csv::splitFields(line, ',', m_fields))
        return fail(tr("unterminated quote."));
    double number = 0.0;
    isHeader = !m_fields.empty() && !csv::parseNumber(m_fields.front(), number);
    m_hasHeader = isHeader;
    if (isHeader && qsizetype(m_fields.size()) != kBinanceColumns) {
        return fail(tr("the header has %1 columns; Binance klines have %2.")
                        .arg(m_fields.size())
                        .arg(kBinanceColumns));
    }
    for (int f = 0; f < FieldCount; ++f) {
        m_columnName[f] = isHeader ? QString::fromUtf8(m_fields[f]) : QString();
    }
    return {};
}

Status CsvCandleReader::startNamed(QByteArrayView line)
{
    m_hasHeader = true;
    m_separator = detectSeparator(line);
    // European spreadsheets separate with semicolons because the comma is their decimal mark.
    m_decimalComma = m_separator == ';';
    if (!csv::splitFields(line, m_separator, m_fields))
        return fail(tr("unterminated quote."));
    m_fieldCount = qsizetype(m_fields.size());
    for (qsizetype i = 0; i < m_fieldCount; ++i) {
        const QString name = normalised(m_fields[i]);
        for (int f = 0; f < FieldCount; ++f) {
            if (!aliases(f).contains(name))
                continue;
            if (m_column[f] >= 0) {
                return fail(tr("the header names the %1 twice ('%2' and '%3').")
                                .arg(QLatin1String(kFieldNames[f]), m_columnName[f],
                                     QString::fromUtf8(m_fields[i])));
            }
            m_column[f] = i;
            m_columnName[f] = QString::fromUtf8(m_fields[i]);
        }
    }
    for (int f = 0; f < FieldCount; ++f) {
        if (m_column[f] < 0) {
            return fail(
                tr("the header has no %1 column (accepted names: %2).")
                    .arg(QLatin1String(kFieldNames[f]), aliases(f).join(QStringLiteral(", "))));
        }
    }
    return {};
}

Status CsvCandleReader::read(ImportBatch &batch, std::size_t maxRows)
{
    batch.clear();
    QByteArrayView line;
    while (batch.size() < maxRows && m_lines.next(line)) {
        bool blank = true;
        for (char c : line)
            blank = blank && (c == ' ' || c == '\t' || c == m_separator);
        if (blank)
            continue;
        if (!m_started) {
            bool isHeader = false;
            if (const Status s = start(line, isHeader); !s)
                return s;
            if (isHeader)
                continue;
        }
        if (!csv::splitFields(line, m_separator, m_fields))
            return fail(tr("unterminated quote."));
        if (qsizetype(m_fields.size()) != m_fieldCount) {
            return fail(
                tr("expected %1 columns, found %2.").arg(m_fieldCount).arg(m_fields.size()));
        }
        engine::Candle candle;
        const QByteArrayView timeText = m_fields[m_column[Timestamp]];
        csv::TimestampKind kind = csv::TimestampKind::Epoch;
        csv::EpochUnit unit = csv::EpochUnit::Seconds;
        bool timeOk = false;
        if (m_layout == Layout::BinanceKlines) {
            double number = 0.0;
            timeOk = csv::parseNumber(timeText, number) && std::isfinite(number) &&
                     std::fabs(number) < 1e17;
            if (timeOk) {
                unit = csv::epochUnitOf(number);
                candle.time = csv::epochSeconds(number, unit);
            }
        } else {
            timeOk = csv::parseTimestamp(timeText, candle.time, kind, unit);
        }
        if (!timeOk) {
            return fail(tr("cannot read the timestamp '%1'.").arg(QString::fromUtf8(timeText)));
        }
        if (kind == csv::TimestampKind::Iso8601)
            m_seenIso = true;
        else if (unit == csv::EpochUnit::Microseconds)
            m_seenMicroseconds = true;
        else if (unit == csv::EpochUnit::Milliseconds)
            m_seenMilliseconds = true;
        else
            m_seenSeconds = true;
        double *values[] = {nullptr,     &candle.open,  &candle.high,
                            &candle.low, &candle.close, &candle.volume};
        for (int f = Open; f < FieldCount; ++f) {
            const QByteArrayView text = m_fields[m_column[f]];
            if (!csv::parseNumber(text, *values[f], m_decimalComma)) {
                return fail(tr("cannot read the %1 '%2' as a number.")
                                .arg(QLatin1String(kFieldNames[f]), QString::fromUtf8(text)));
            }
        }
        const qint64 lineNumber = m_lines.lineNumber();
        switch (m_validator.check(candle, std::nan(""), lineNumber)) {
        case RowValidator::Reject:
            return fail(m_validator.error());
        case RowValidator::SkipDuplicate:
            continue;
        case RowValidator::Keep:
            batch.candles.push_back(candle);
            batch.lines.push_back(lineNumber);
            break;
        }
    }
    if (!m_lines.readError().isEmpty())
        return Status::failure(tr("cannot be read: %1").arg(m_lines.readError()));
    return {};
}

QStringList CsvCandleReader::detectedColumns() const
{
    QStringList out;
    if (!m_started)
        return out;
    QStringList units;
    if (m_seenIso)
        units << tr("ISO 8601");
    if (m_seenSeconds)
        units << tr("epoch seconds");
    if (m_seenMilliseconds)
        units << tr("epoch milliseconds");
    if (m_seenMicroseconds)
        units << tr("epoch microseconds");
    for (int f = 0; f < FieldCount; ++f) {
        QString text = tr("%1: column %2").arg(QLatin1String(kFieldNames[f])).arg(m_column[f] + 1);
        if (!m_columnName[f].isEmpty())
            text += QStringLiteral(" '%1'").arg(m_columnName[f]);
        if (f == Timestamp && !units.isEmpty())
            text += QStringLiteral(" (%1)").arg(units.join(QStringLiteral(", ")));
        out << text;
    }
    const QString separator = m_separator == ';'    ? tr("semicolon")
                              : m_separator == '\t' ? tr("tab")
                                                    : tr("comma");
    out << (m_hasHeader ? tr("header line: yes") : tr("header line: no"))
        << tr("separator: %1").arg(separator);
    if (m_decimalComma)
        out << tr("decimal mark: comma or point");
    return out;
}

} // namespace cp::app::importers
