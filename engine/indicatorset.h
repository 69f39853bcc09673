#pragma once

#include "candle.h"

#include <array>
#include <cstddef>
#include <span>
#include <vector>

namespace cp::engine {

/**
 * The standard indicator set of one candle series, one column per indicator, each as long as
 * the series and NaN inside its look-back: SMA(20), EMA(20), RSI(14), MACD(12, 26, 9),
 * Bollinger(20, 2.0), ATR(14), ADX(14), slow stochastic(14, 3, 3) and OBV, all on the close
 * (ATR, ADX and stochastic also on high and low, OBV on volume). Definitions as in
 * indicators.h.
 */
struct IndicatorTable
{
    /** Column order of the table and of the CSV output. */
    enum class Column {
        Sma20,
        Ema20,
        Rsi14,
        Macd,
        MacdSignal,
        MacdHist,
        BbUpper,
        BbMiddle,
        BbLower,
        Atr14,
        Adx14,
        StochK,
        StochD,
        Obv,
    };
    static constexpr int ColumnCount = 14;

    //! Column names as written in CSV headers: sma_20, ema_20, ..., obv.
    static const char *columnName(Column column);
    //! Index of the column's first defined value (TA-Lib's look-back).
    static int lookback(Column column);

    std::vector<double> &column(Column c);
    const std::vector<double> &column(Column c) const;
    std::size_t size() const { return sma20.size(); }
    void resize(std::size_t n);

    std::vector<double> sma20;
    std::vector<double> ema20;
    std::vector<double> rsi14;
    std::vector<double> macd;
    std::vector<double> macdSignal;
    std::vector<double> macdHist;
    std::vector<double> bbUpper;
    std::vector<double> bbMiddle;
    std::vector<double> bbLower;
    std::vector<double> atr14;
    std::vector<double> adx14;
    std::vector<double> stochK;
    std::vector<double> stochD;
    std::vector<double> obv;
};

//! All columns in Column order.
inline constexpr std::array<IndicatorTable::Column, IndicatorTable::ColumnCount> kIndicatorColumns =
    {IndicatorTable::Column::Sma20,      IndicatorTable::Column::Ema20,
     IndicatorTable::Column::Rsi14,      IndicatorTable::Column::Macd,
     IndicatorTable::Column::MacdSignal, IndicatorTable::Column::MacdHist,
     IndicatorTable::Column::BbUpper,    IndicatorTable::Column::BbMiddle,
     IndicatorTable::Column::BbLower,    IndicatorTable::Column::Atr14,
     IndicatorTable::Column::Adx14,      IndicatorTable::Column::StochK,
     IndicatorTable::Column::StochD,     IndicatorTable::Column::Obv};

/**
 * Computes the standard set of one series into `out` (resized, capacity reused) with the
 * functions of indicators.h, gap rules included: a non-finite close, high, low or volume
 * restarts only the indicators that read it.
 */
void computeIndicatorTable(std::span<const Candle> candles, IndicatorTable &out);
IndicatorTable computeIndicatorTable(std::span<const Candle> candles);

/**
 * Computes the standard set of many series, out[i] from series[i]; `out` must be as long as
 * `series`. Series are processed eight at a time in lock-step (structure-of-arrays blocks), so
 * the per-bar dependency chains of different assets overlap: several times the throughput of
 * one series at a time. Series may differ in length. Results equal computeIndicatorTable()'s
 * up to rounding (about 1e-13 relative); a series with a non-finite value is computed by
 * computeIndicatorTable().
 */
void computeIndicatorTables(std::span<const std::span<const Candle>> series,
                            std::span<IndicatorTable> out);
std::vector<IndicatorTable> computeIndicatorTables(std::span<const std::span<const Candle>> series);

} // namespace cp::engine
