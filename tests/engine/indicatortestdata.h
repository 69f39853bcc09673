#pragma once

// Synthetic series and comparison helpers shared by the indicator tests.

#include "indicatorreference.h"

#include <engine/candle.h>
#include <engine/indicatorset.h>

#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace testdata {

using Vec = std::vector<double>;
using cp::engine::Candle;
using cp::engine::IndicatorTable;

/** One synthetic OHLCV series in column form and as candles. */
struct Series
{
    Vec open, high, low, close, volume;
    std::vector<Candle> candles;
};

// A geometric random walk from `price` with consistent OHLC and a per-bar log drift. Every
// 20th bar or so is flat (open = high = low = close = previous close, sometimes zero volume)
// and every 30th expands the previous bar's range by the same amount up and down, so the
// zero-range, zero-change and equal-movement branches of RSI, ADX and the stochastic run.
inline Series makeSeries(std::size_t n, double price, std::uint64_t seed, double drift = 0.0)
{
    std::mt19937_64 rng(seed);
    const auto uniform = [&] { return (double(rng() >> 11) + 0.5) * 0x1.0p-53; };
    const auto normal = [&] {
        return std::sqrt(-2.0 * std::log(uniform())) * std::cos(6.283185307179586 * uniform());
    };
    Series s;
    double prev = price;
    for (std::size_t t = 0; t < n; ++t) {
        Candle c;
        c.time = qint64(t) * 3600;
        c.open = prev;
        const double kind = uniform();
        if (kind < 0.05) {
            c.close = c.high = c.low = prev;
            c.volume = uniform() < 0.5 ? 0.0 : 10.0;
        } else if (kind < 0.085 && t > 0) {
            const double widen = prev * 0.01 * uniform();
            c.high = s.high.back() + widen;
            c.low = s.low.back() - widen;
            c.close = c.low + (c.high - c.low) * uniform();
            c.volume = 500.0;
        } else {
            c.close = prev * std::exp(drift + 0.02 * normal());
            c.high = std::max(c.open, c.close) * (1.0 + 0.01 * uniform());
            c.low = std::min(c.open, c.close) * (1.0 - 0.01 * uniform());
            c.volume = 1000.0 * std::exp(normal());
        }
        prev = c.close;
        s.candles.push_back(c);
        s.open.push_back(c.open);
        s.high.push_back(c.high);
        s.low.push_back(c.low);
        s.close.push_back(c.close);
        s.volume.push_back(c.volume);
    }
    return s;
}

// NaN exactly where the reference is NaN; elsewhere |a - e| <= 1e-8 * max(|e|, floor). The
// floor is the scale of the quantity, for values that cross zero (MACD, OBV); with `scale`
// it is floor * |scale[t]| (the price at the bar, for MACD and ATR).
inline bool agrees(const Vec &actual, const Vec &expected, double floor, const char *what,
                   const Vec *scale = nullptr)
{
    if (actual.size() != expected.size()) {
        qWarning("%s: size %zu, expected %zu", what, actual.size(), expected.size());
        return false;
    }
    for (std::size_t t = 0; t < actual.size(); ++t) {
        const double a = actual[t];
        const double e = expected[t];
        if (std::isnan(e) || std::isnan(a)) {
            if (std::isnan(e) != std::isnan(a)) {
                qWarning("%s[%zu]: %.17g, expected %.17g", what, t, a, e);
                return false;
            }
            continue;
        }
        const double f = scale ? floor * std::fabs((*scale)[t]) : floor;
        if (!(std::fabs(a - e) <= 1e-8 * std::max(std::fabs(e), f))) {
            qWarning("%s[%zu]: %.17g, expected %.17g (rel %.3g)", what, t, a, e,
                     std::fabs(a - e) / std::max(std::fabs(e), f));
            return false;
        }
    }
    return true;
}

inline std::size_t firstDefined(const Vec &v)
{
    std::size_t t = 0;
    while (t < v.size() && std::isnan(v[t]))
        ++t;
    return t;
}

inline Vec run1(bool (*f)(std::span<const double>, std::span<double>, int), const Vec &in, int p)
{
    Vec out(in.size());
    f(in, out, p);
    return out;
}

// Checks every column of a table against the naive reference of the standard set.
inline bool tableAgrees(const IndicatorTable &t, const Series &s)
{
    const Vec *price = &s.close;
    const double oscillator = 1e-3;
    const auto m = reference::macd(s.close, 12, 26, 9);
    const auto b = reference::bollinger(s.close, 20, 2.0);
    const auto st = reference::stochastic(s.high, s.low, s.close, 14, 3, 3);
    return agrees(t.sma20, reference::sma(s.close, 20), 0.0, "sma_20") &&
           agrees(t.ema20, reference::ema(s.close, 20), 0.0, "ema_20") &&
           agrees(t.rsi14, reference::rsi(s.close, 14), oscillator, "rsi_14") &&
           agrees(t.macd, m.line, 1e-6, "macd", price) &&
           agrees(t.macdSignal, m.signal, 1e-6, "macd_signal", price) &&
           agrees(t.macdHist, m.hist, 1e-6, "macd_hist", price) &&
           agrees(t.bbUpper, b.upper, 0.0, "bb_upper") &&
           agrees(t.bbMiddle, b.middle, 0.0, "bb_middle") &&
           agrees(t.bbLower, b.lower, 0.0, "bb_lower") &&
           agrees(t.atr14, reference::atr(s.high, s.low, s.close, 14), 1e-6, "atr_14", price) &&
           agrees(t.adx14, reference::adx(s.high, s.low, s.close, 14), oscillator, "adx_14") &&
           agrees(t.stochK, st.k, oscillator, "stoch_k") &&
           agrees(t.stochD, st.d, oscillator, "stoch_d") &&
           agrees(t.obv, reference::obv(s.close, s.volume), 1000.0, "obv");
}

} // namespace testdata
