#pragma once

// Deliberately naive reference indicators for the tests: TA-Lib's definitions written as
// straight loops, every window recomputed from scratch, no shared code with the engine.
// Slow (O(n * period)) on purpose; only for short series.

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace reference {

using Vec = std::vector<double>;
inline const double NaN = std::numeric_limits<double>::quiet_NaN();

inline double windowMean(const Vec &x, std::size_t end, int period) // bars (end-period, end]
{
    double s = 0.0;
    for (int i = 0; i < period; ++i)
        s += x[end - i];
    return s / period;
}

inline Vec sma(const Vec &x, int p)
{
    Vec out(x.size(), NaN);
    for (std::size_t t = p - 1; t < x.size(); ++t)
        out[t] = windowMean(x, t, p);
    return out;
}

// EMA whose SMA seed is the window ending at `seedEnd`; values from seedEnd on.
inline Vec emaSeededAt(const Vec &x, int p, std::size_t seedEnd)
{
    Vec out(x.size(), NaN);
    const double k = 2.0 / (p + 1);
    double e = 0.0;
    for (std::size_t t = seedEnd; t < x.size(); ++t) {
        e = t == seedEnd ? windowMean(x, seedEnd, p) : (x[t] - e) * k + e;
        out[t] = e;
    }
    return out;
}

inline Vec ema(const Vec &x, int p)
{
    return emaSeededAt(x, p, p - 1);
}

inline Vec rsi(const Vec &x, int p)
{
    Vec out(x.size(), NaN);
    if (x.size() <= std::size_t(p))
        return out;
    double gain = 0.0, loss = 0.0;
    for (int t = 1; t <= p; ++t) {
        const double d = x[t] - x[t - 1];
        if (d > 0)
            gain += d;
        else
            loss -= d;
    }
    gain /= p;
    loss /= p;
    for (std::size_t t = p; t < x.size(); ++t) {
        if (t > std::size_t(p)) {
            const double d = x[t] - x[t - 1];
            gain = (gain * (p - 1) + (d > 0 ? d : 0.0)) / p;
            loss = (loss * (p - 1) + (d < 0 ? -d : 0.0)) / p;
        }
        out[t] = (gain + loss == 0.0) ? 0.0 : 100.0 - 100.0 / (1.0 + gain / loss);
        if (loss == 0.0 && gain > 0.0)
            out[t] = 100.0;
    }
    return out;
}

struct Macd
{
    Vec line, signal, hist;
};

inline Macd macd(const Vec &x, int fast, int slow, int signal)
{
    const std::size_t n = x.size();
    Macd r{Vec(n, NaN), Vec(n, NaN), Vec(n, NaN)};
    const std::size_t seedEnd = slow - 1;
    const Vec f = emaSeededAt(x, fast, seedEnd);
    const Vec s = emaSeededAt(x, slow, seedEnd);
    Vec line(n, NaN);
    for (std::size_t t = seedEnd; t < n; ++t)
        line[t] = f[t] - s[t];
    const std::size_t first = seedEnd + signal - 1;
    const Vec sig = emaSeededAt(line, signal, first);
    for (std::size_t t = first; t < n; ++t) {
        r.line[t] = line[t];
        r.signal[t] = sig[t];
        r.hist[t] = line[t] - sig[t];
    }
    return r;
}

struct Bands
{
    Vec upper, middle, lower;
};

inline Bands bollinger(const Vec &x, int p, double k)
{
    const std::size_t n = x.size();
    Bands b{Vec(n, NaN), Vec(n, NaN), Vec(n, NaN)};
    for (std::size_t t = p - 1; t < n; ++t) {
        const double mean = windowMean(x, t, p);
        double ss = 0.0;
        for (int i = 0; i < p; ++i)
            ss += (x[t - i] - mean) * (x[t - i] - mean);
        const double sd = std::sqrt(ss / p);
        b.upper[t] = mean + k * sd;
        b.middle[t] = mean;
        b.lower[t] = mean - k * sd;
    }
    return b;
}

inline double trueRange(const Vec &h, const Vec &l, const Vec &c, std::size_t t)
{
    return std::max({h[t] - l[t], std::fabs(h[t] - c[t - 1]), std::fabs(l[t] - c[t - 1])});
}

inline Vec atr(const Vec &h, const Vec &l, const Vec &c, int p)
{
    Vec out(c.size(), NaN);
    if (c.size() <= std::size_t(p))
        return out;
    double a = 0.0;
    for (int t = 1; t <= p; ++t)
        a += trueRange(h, l, c, t);
    a /= p;
    out[p] = a;
    for (std::size_t t = p + 1; t < c.size(); ++t) {
        a = (a * (p - 1) + trueRange(h, l, c, t)) / p;
        out[t] = a;
    }
    return out;
}

// TA-Lib's ADX literally: Wilder sums start as the sum of the first p-1 one-bar values, then
// S - S/p + today; DI = 100 DM / TR; DX = 100 |DI- - DI+| / (DI- + DI+); ADX seeded with the
// mean of the first p DX, then Wilder-smoothed; an unformable DX adds 0 / leaves ADX as is.
inline Vec adx(const Vec &h, const Vec &l, const Vec &c, int p)
{
    const std::size_t n = c.size();
    Vec out(n, NaN);
    const std::size_t first = 2 * p - 1;
    if (n <= first)
        return out;
    double pdm = 0.0, mdm = 0.0, tr = 0.0, adxValue = 0.0, sumDx = 0.0;
    for (std::size_t t = 1; t < n; ++t) {
        const double up = h[t] - h[t - 1];
        const double down = l[t - 1] - l[t];
        const double plus = (up > 0 && up > down) ? up : 0.0;
        const double minus = (down > 0 && down > up) ? down : 0.0;
        if (t < std::size_t(p)) {
            pdm += plus;
            mdm += minus;
            tr += trueRange(h, l, c, t);
            continue;
        }
        pdm = pdm - pdm / p + plus;
        mdm = mdm - mdm / p + minus;
        tr = tr - tr / p + trueRange(h, l, c, t);
        bool formed = false;
        double dx = 0.0;
        if (tr != 0.0) {
            const double diPlus = 100.0 * pdm / tr;
            const double diMinus = 100.0 * mdm / tr;
            if (diPlus + diMinus != 0.0) {
                dx = 100.0 * std::fabs(diMinus - diPlus) / (diMinus + diPlus);
                formed = true;
            }
        }
        if (t <= first) {
            sumDx += dx;
            if (t == first) {
                adxValue = sumDx / p;
                out[t] = adxValue;
            }
        } else {
            if (formed)
                adxValue = (adxValue * (p - 1) + dx) / p;
            out[t] = adxValue;
        }
    }
    return out;
}

struct Stoch
{
    Vec k, d;
};

inline Stoch stochastic(const Vec &h, const Vec &l, const Vec &c, int fastK, int slowK, int slowD)
{
    const std::size_t n = c.size();
    Vec raw(n, NaN), sk(n, NaN);
    Stoch r{Vec(n, NaN), Vec(n, NaN)};
    for (std::size_t t = fastK - 1; t < n; ++t) {
        double hh = h[t], ll = l[t];
        for (int i = 1; i < fastK; ++i) {
            hh = std::max(hh, h[t - i]);
            ll = std::min(ll, l[t - i]);
        }
        raw[t] = hh - ll != 0.0 ? (c[t] - ll) / (hh - ll) * 100.0 : 0.0;
    }
    for (std::size_t t = fastK - 1 + slowK - 1; t < n; ++t)
        sk[t] = windowMean(raw, t, slowK);
    for (std::size_t t = fastK - 1 + slowK - 1 + slowD - 1; t < n; ++t) {
        r.k[t] = sk[t];
        r.d[t] = windowMean(sk, t, slowD);
    }
    return r;
}

inline Vec obv(const Vec &c, const Vec &v)
{
    Vec out(c.size(), NaN);
    double total = 0.0;
    for (std::size_t t = 0; t < c.size(); ++t) {
        if (t == 0)
            total = v[0];
        else if (c[t] > c[t - 1])
            total += v[t];
        else if (c[t] < c[t - 1])
            total -= v[t];
        out[t] = total;
    }
    return out;
}

// Sample standard deviation of the last `w` log returns; first value at index w.
inline Vec volatility(const Vec &c, int w)
{
    Vec out(c.size(), NaN);
    for (std::size_t t = w; t < c.size(); ++t) {
        double mean = 0.0;
        for (int i = 0; i < w; ++i)
            mean += std::log(c[t - i] / c[t - i - 1]);
        mean /= w;
        double ss = 0.0;
        for (int i = 0; i < w; ++i) {
            const double r = std::log(c[t - i] / c[t - i - 1]) - mean;
            ss += r * r;
        }
        out[t] = std::sqrt(ss / (w - 1));
    }
    return out;
}

} // namespace reference
