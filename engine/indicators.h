#pragma once

#include <cstddef>
#include <span>

/**
 * Technical indicators over contiguous arrays, with TA-Lib's definitions (default
 * compatibility, no unstable period):
 *
 * - Output arrays have the input's length. Index t holds the value for bar t; bars inside the
 *   look-back period (the *Lookback() functions, equal to TA-Lib's TA_xxx_Lookback) are NaN.
 *   A series no longer than the look-back is all NaN.
 * - Seeding as TA-Lib: EMA starts at the SMA of the first `period` values, k = 2/(period+1);
 *   RSI, ATR and ADX use Wilder smoothing seeded with a simple average; MACD seeds its fast
 *   and slow EMA on windows ending at the same bar (slow-1), and its signal EMA with the SMA of
 *   the first `signal` MACD values, so all three outputs start at slow+signal-2.
 * - Non-finite inputs (NaN, +-inf) are gaps: the output is NaN at such a bar, and the indicator
 *   restarts after it as if the series began at the next bar (NaN for a fresh look-back).
 *   Only the inputs an indicator reads count (a NaN volume affects only OBV).
 * - Degenerate denominators give TA-Lib's values, tested exactly against zero (TA-Lib tests
 *   against an absolute epsilon, 1e-8 in 0.4, 1e-14 in 0.6, which misreports sub-cent prices):
 *   RSI is 0 when the average gain and loss are both 0 (a flat window, TA-Lib's choice: callers
 *   that want a neutral 50 for a flat market must special-case it); %K is 0 when the high-low
 *   range is 0; a DX that cannot be formed (zero range or no directional movement) adds 0 to
 *   ADX's seed average and leaves ADX unchanged afterwards; a negative rounded variance is 0.
 * - Results agree with TA-Lib's arithmetic to about 1e-13 relative (MACD's lines, which cross
 *   zero, to about 1e-16 of the price); recurrences are rearranged for speed (multiplication by
 *   1/period, fused multiply-add, several bars per step of a dependency chain), so they are not
 *   bit-identical to TA-Lib.
 * - Nothing drifts over long series: rolling sums restart from an exact sum every 512 to 2048 bars,
 *   and windows up to 64 bars sum their squared deviations afresh for every output (longer
 *   ones use sums around a shifted origin). TA-Lib's running sums of x and x^2 lose digits
 *   after millions of bars, and keep the rounding of past price levels after a crash.
 * - Speed: each indicator's inner loops are branch-free and vectorised; non-finite inputs are
 *   detected block by block while the data is in cache, and only then does the gap handling
 *   run. For many series at once use indicatorset.h.
 *
 * Every function returns false, and leaves the outputs untouched, if a period is out of range
 * or an output's size differs from the input's.
 */
namespace cp::engine {

/** The three MACD columns. */
struct MacdOutput
{
    std::span<double> macd;
    std::span<double> signal;
    std::span<double> histogram;
};

/** The three Bollinger band columns. */
struct BollingerOutput
{
    std::span<double> upper;
    std::span<double> middle;
    std::span<double> lower;
};

/** Slow stochastic %K and %D columns. */
struct StochasticOutput
{
    std::span<double> k;
    std::span<double> d;
};

constexpr int smaLookback(int period)
{
    return period - 1;
}
constexpr int emaLookback(int period)
{
    return period - 1;
}
constexpr int rsiLookback(int period)
{
    return period;
}
constexpr int macdLookback(int slow, int signal)
{
    return (slow - 1) + (signal - 1);
}
constexpr int bollingerLookback(int period)
{
    return period - 1;
}
constexpr int atrLookback(int period)
{
    return period;
}
constexpr int adxLookback(int period)
{
    return 2 * period - 1;
}
constexpr int stochasticLookback(int fastK, int slowK, int slowD)
{
    return (fastK - 1) + (slowK - 1) + (slowD - 1);
}
constexpr int obvLookback()
{
    return 0;
}
constexpr int volatilityLookback(int window)
{
    return window;
}

//! Simple moving average; period >= 1.
bool sma(std::span<const double> in, std::span<double> out, int period);
//! Exponential moving average seeded with the SMA of the first `period` values; period >= 1.
bool ema(std::span<const double> in, std::span<double> out, int period);
//! Wilder's relative strength index in [0, 100]; period >= 2.
bool rsi(std::span<const double> close, std::span<double> out, int period = 14);
//! MACD line (fast EMA - slow EMA), signal (EMA of the line) and histogram (line - signal);
//! 1 <= fast <= slow, signal >= 1.
bool macd(std::span<const double> close, const MacdOutput &out, int fast = 12, int slow = 26,
          int signal = 9);
//! Bollinger bands: SMA(period) +- deviations * population standard deviation; period >= 1.
bool bollinger(std::span<const double> close, const BollingerOutput &out, int period = 20,
               double deviations = 2.0);
//! Wilder's average true range; period >= 1.
bool atr(std::span<const double> high, std::span<const double> low, std::span<const double> close,
         std::span<double> out, int period = 14);
//! Wilder's average directional index in [0, 100]; period >= 2.
bool adx(std::span<const double> high, std::span<const double> low, std::span<const double> close,
         std::span<double> out, int period = 14);
/**
 * Slow stochastic as TA-Lib's STOCH with SMA smoothing: raw %K = 100 * (close - lowest low) /
 * (highest high - lowest low) over `fastK` bars, %K = SMA(raw %K, slowK), %D = SMA(%K, slowD).
 * Both outputs start at stochasticLookback(). All periods >= 1.
 */
bool stochastic(std::span<const double> high, std::span<const double> low,
                std::span<const double> close, const StochasticOutput &out, int fastK = 14,
                int slowK = 3, int slowD = 3);
//! On-balance volume, starting at the first bar's volume (TA-Lib); a flat close adds nothing.
bool obv(std::span<const double> close, std::span<const double> volume, std::span<double> out);
/**
 * Rolling volatility: sample standard deviation (divisor window-1) of the log returns
 * ln(close[t]/close[t-1]) over the last `window` returns, not annualised; window >= 2.
 * A non-positive close is a gap like NaN.
 */
bool rollingVolatility(std::span<const double> close, std::span<double> out, int window = 20);
/**
 * Rolling standard deviation over `window` values with divisor window - ddof (0: population,
 * 1: sample); first value at index window-1; window > ddof.
 */
bool rollingStdDev(std::span<const double> in, std::span<double> out, int window, int ddof = 0);

} // namespace cp::engine
