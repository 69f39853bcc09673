#pragma once

#include "candlereader.h"
#include "linesource.h"
#include "rowvalidator.h"

#include <array>
#include <vector>

namespace cp::app::importers {

/**
 * Candles from CSV text, streamed line by line. Two layouts: Binance klines (12 unnamed columns,
 * optional header, open time in ms or µs) and named columns (a header naming timestamp, open,
 * high, low, close and volume in any order, with common aliases; comma, semicolon or tab
 * separated; with semicolons a decimal comma is read too).
 */
class CsvCandleReader final : public CandleReader
{
public:
    enum class Layout { BinanceKlines, NamedColumns };

    CsvCandleReader(QIODevice &in, Layout layout);

    Status read(ImportBatch &batch, std::size_t maxRows) override;
    QStringList detectedColumns() const override;

    //! The header names each field accepts (normalised: lower case, letters and digits only).
    static QStringList aliases(int field);

private:
    enum Field { Timestamp, Open, High, Low, Close, Volume, FieldCount };

    Status start(QByteArrayView line, bool &isHeader);
    Status startNamed(QByteArrayView line);
    Status fail(const QString &reason) const;

    LineSource m_lines;
    Layout m_layout;
    bool m_started = false;
    bool m_hasHeader = false;
    char m_separator = ',';
    bool m_decimalComma = false;
    qsizetype m_fieldCount = 0;
    std::array<qsizetype, FieldCount> m_column{};
    std::array<QString, FieldCount> m_columnName;
    std::vector<QByteArrayView> m_fields;
    RowValidator m_validator;
    // Which timestamp notations the rows used, for detectedColumns().
    bool m_seenIso = false;
    bool m_seenSeconds = false;
    bool m_seenMilliseconds = false;
    bool m_seenMicroseconds = false;
};

} // namespace cp::app::importers
