#pragma once

#include "candle.h"
#include "indicatorset.h"
#include "result.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

class QIODevice;

namespace cp::engine {

/**
 * Candles read from an OHLCV CSV file, with every line's original text so an output file can
 * repeat the input columns exactly as they were written.
 */
struct OhlcvTable
{
    //! The header line as written, without its line break.
    QByteArray headerLine;
    //! Each data row as written, without its line break; rowLines[i] gave candles[i].
    std::vector<QByteArray> rowLines;
    //! The rows' candles, in file order.
    std::vector<Candle> candles;
};

/**
 * Reads comma-separated OHLCV data. The first line is a header that must name the columns
 * timestamp, open, high, low, close and volume (any order, any case, surrounding spaces
 * ignored); other columns are kept but not read. Fields may be quoted ("a, b" and "" inside
 * quotes) but not span lines. A timestamp is ISO 8601 (2024-01-31T12:00:00Z, with an offset,
 * with a space instead of T, or a bare date; without an offset it is UTC) or a number of
 * seconds since the Unix epoch, or of milliseconds when its magnitude is at least 1e11.
 * Prices and volume are decimal numbers (nan and inf are accepted and become gaps). Blank
 * lines are skipped; CRLF and a UTF-8 byte order mark are accepted.
 *
 * A malformed file gives an error naming the 1-based line and the reason: a header without
 * one of the six columns (or with one twice), a row with a different number of fields than
 * the header, a field that is not a number or a timestamp, an unterminated quote.
 */
Result<OhlcvTable> readOhlcvCsv(QIODevice &in);

/**
 * Writes the input's lines followed by the 14 columns of the standard indicator set
 * (sma_20, ..., obv, as IndicatorTable::columnName()): empty cells inside the look-back or
 * gaps, otherwise the shortest decimal that reads back as the same double (17 significant
 * digits at most). Lines end with \n. Returns an error message if the device fails.
 */
std::optional<QString> writeIndicatorCsv(const OhlcvTable &table, const IndicatorTable &indicators,
                                         QIODevice &out);

/**
 * `indicators --input OHLCV.csv --output OUT.csv` in one call: reads all of `in`, computes the
 * standard set and writes it to `out`. On malformed input returns the reader's error and
 * writes nothing.
 */
std::optional<QString> writeIndicatorCsv(QIODevice &in, QIODevice &out);

} // namespace cp::engine
