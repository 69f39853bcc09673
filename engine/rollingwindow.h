#pragma once

// Building blocks shared by the indicator kernels (indicators.cpp, indicatorsetkernel.cpp).
// Internal to the engine: not part of its public API.

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <limits>
#include <vector>

namespace cp::engine::detail {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

inline void fillNaN(double *out, std::size_t count)
{
    std::fill_n(out, count, kNaN);
}

/** A half-open range [begin, end) of bar indices. */
struct Run
{
    std::size_t begin = 0;
    std::size_t end = 0;
};

//! True when no value is NaN or infinite. Branch-free per block, so it runs at memory speed.
bool allFinite(const double *x, std::size_t count);

/**
 * The maximal runs of bars where every input is finite (and, with `positive`, > 0), in order.
 * One run covering everything in the common case, found with a single fast scan per input.
 */
std::vector<Run> finiteRuns(std::initializer_list<const double *> inputs, std::size_t count,
                            bool positive = false);

/**
 * Calls kernel(offset, length) for each run of finite inputs and fills `outputs` with NaN
 * everywhere else: the gap handling every indicator shares.
 */
template<typename Kernel>
void forEachRun(std::initializer_list<const double *> inputs, std::size_t count,
                std::initializer_list<double *> outputs, Kernel &&kernel, bool positive = false)
{
    std::size_t pos = 0;
    for (const Run &run : finiteRuns(inputs, count, positive)) {
        for (double *out : outputs)
            fillNaN(out + pos, run.begin - pos);
        kernel(run.begin, run.end - run.begin);
        pos = run.end;
    }
    for (double *out : outputs)
        fillNaN(out + pos, count - pos);
}

//! Outputs between two exact re-summations of a rolling window: bounds the rounding drift of
//! the running sums independently of the series length, at a cost of window/kResumEvery adds.
inline constexpr std::size_t kResumEvery = 2048;

/**
 * Rolling sums over `window` values of a finite series, for outputs t in [window-1, count):
 * sum[t] = x[t-window+1] + ... + x[t], and with WithSquares also sq[t] = sum of squared
 * deviations from the window's mean. The running sums restart from an exact sum every
 * kResumEvery outputs; squares are taken around the mean at the restart (a shifted origin), so
 * prices far from zero lose no digits to cancellation. After each block of outputs [b, e),
 * finish(b, e) may turn the sums into the final values while they are in cache.
 */
template<bool WithSquares, typename Finish>
void rollingSums(const double *x, std::size_t count, std::size_t window, double *sum, double *sq,
                 Finish &&finish)
{
    if (window == 0 || count < window)
        return;
    double shifted[kResumEvery];
    const double invWindow = 1.0 / double(window);
    for (std::size_t b = window - 1; b < count; b += kResumEvery) {
        const std::size_t e = std::min(count, b + kResumEvery);
        double s = 0.0;
        for (std::size_t i = b + 1 - window; i <= b; ++i)
            s += x[i];
        sum[b] = s;
        if constexpr (WithSquares) {
            const double origin = s * invWindow;
            double s1 = 0.0;
            double s2 = 0.0;
            for (std::size_t i = b + 1 - window; i <= b; ++i) {
                const double d = x[i] - origin;
                s1 += d;
                s2 += d * d;
            }
            shifted[0] = s1;
            sq[b] = s2;
            for (std::size_t t = b + 1; t < e; ++t) {
                const double xn = x[t];
                const double xo = x[t - window];
                s += xn - xo;
                sum[t] = s;
                const double dn = xn - origin;
                const double dold = xo - origin;
                s1 += dn - dold;
                s2 += dn * dn - dold * dold;
                shifted[t - b] = s1;
                sq[t] = s2;
            }
            // Sum of squared deviations from the window mean: S2 - S1^2 / n around any origin.
            for (std::size_t t = b; t < e; ++t) {
                const double s1t = shifted[t - b];
                sq[t] = std::max(0.0, sq[t] - s1t * s1t * invWindow);
            }
        } else {
            for (std::size_t t = b + 1; t < e; ++t) {
                s += x[t] - x[t - window];
                sum[t] = s;
            }
        }
        finish(b, e);
    }
}

/**
 * Rolling maximum (Max = true) or minimum over `window` values: out[t] for t >= window-1,
 * from inputs x[0..count). Doubling: level j holds the extreme of 2^j consecutive values, and
 * the window is covered by two overlapping level-j spans, so each value costs O(log window)
 * branch-free, vectorisable operations. `scratch` needs 2 * count doubles.
 */
template<bool Max>
void rollingExtreme(const double *x, std::size_t count, std::size_t window, double *out,
                    double *scratch)
{
    if (window == 0 || count < window)
        return;
    const auto pick = [](double a, double b) {
        if constexpr (Max)
            return a > b ? a : b;
        else
            return a < b ? a : b;
    };
    std::size_t span = 1;
    const double *level = x;
    double *buffers[2] = {scratch, scratch + count};
    int next = 0;
    while (span * 2 <= window) {
        double *dst = buffers[next];
        next ^= 1;
        // dst[t] covers [t-2*span+1, t], defined from t = 2*span-1 on.
        for (std::size_t t = 2 * span - 1; t < count; ++t)
            dst[t] = pick(level[t], level[t - span]);
        level = dst;
        span *= 2;
    }
    const std::size_t rest = window - span;
    for (std::size_t t = window - 1; t < count; ++t)
        out[t] = pick(level[t], level[t - rest]);
}

} // namespace cp::engine::detail
