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
 * Rolling sums over `window` values of a finite series: sum[t] = x[t-window+1] + ... + x[t]
 * for t in [window-1, count). The running sum restarts from an exact sum every kResumEvery
 * outputs. After each block of outputs [b, e), finish(b, e) may turn the sums into final values
 * while they are in cache.
 */
template<typename Finish>
void rollingSums(const double *x, std::size_t count, std::size_t window, double *sum,
                 Finish &&finish)
{
    if (window == 0 || count < window)
        return;
    for (std::size_t b = window - 1; b < count; b += kResumEvery) {
        const std::size_t e = std::min(count, b + kResumEvery);
        double s = 0.0;
        for (std::size_t i = b + 1 - window; i <= b; ++i)
            s += x[i];
        sum[b] = s;
        for (std::size_t t = b + 1; t < e; ++t) {
            s += x[t] - x[t - window];
            sum[t] = s;
        }
        finish(b, e);
    }
}

//! Windows up to this length get their squared deviations summed exactly for every output.
inline constexpr std::size_t kExactWindow = 64;

/**
 * sq[t] = sum of (x[t-i] - mean[t])^2 over the window, for t in [b, e), recomputed from the
 * window itself: no running sum of squares, so nothing drifts or cancels, and a flat window
 * gives exactly 0 (up to the rounding of its mean). O(window) per output, vectorised across
 * outputs.
 */
void squaredDeviations(const double *x, std::size_t b, std::size_t e, std::size_t window,
                       const double *mean, double *sq);

/**
 * Rolling mean and sum of squared deviations from it over `window` values, for outputs t in
 * [window-1, count); finish(b, e) after each block. Windows up to kExactWindow use
 * squaredDeviations(); longer ones running sums around a shifted origin (the window mean at
 * each exact re-sum), so prices far from zero lose no digits, and a window of identical values
 * gives exactly 0. There a nearly flat window right after a large move can keep a residual of
 * about 1e-16 of the squared move.
 */
template<typename Finish>
void rollingMoments(const double *x, std::size_t count, std::size_t window, double *mean,
                    double *sq, Finish &&finish)
{
    if (window == 0 || count < window)
        return;
    const double dw = double(window);
    if (window <= kExactWindow) {
        rollingSums(x, count, window, mean, [&](std::size_t b, std::size_t e) {
            for (std::size_t t = b; t < e; ++t)
                mean[t] /= dw;
            squaredDeviations(x, b, e, window, mean, sq);
            finish(b, e);
        });
        return;
    }
    const double invWindow = 1.0 / dw;
    for (std::size_t b = window - 1; b < count; b += kResumEvery) {
        const std::size_t e = std::min(count, b + kResumEvery);
        double s = 0.0;
        for (std::size_t i = b + 1 - window; i <= b; ++i)
            s += x[i];
        const double origin = s * invWindow;
        double s1 = 0.0;
        double s2 = 0.0;
        for (std::size_t i = b + 1 - window; i <= b; ++i) {
            const double d = x[i] - origin;
            s1 += d;
            s2 += d * d;
        }
        // Length of the run of equal values ending at t, capped at the window.
        std::size_t flat = 1;
        while (flat < window && x[b + 1 - flat] == x[b - flat])
            ++flat;
        for (std::size_t t = b;; ++t) {
            mean[t] = s / dw;
            sq[t] = flat >= window ? 0.0 : std::max(0.0, s2 - s1 * s1 * invWindow);
            if (t + 1 == e)
                break;
            const double xn = x[t + 1];
            const double xo = x[t + 1 - window];
            s += xn - xo;
            const double dn = xn - origin;
            const double dold = xo - origin;
            s1 += dn - dold;
            s2 += dn * dn - dold * dold;
            flat = xn == x[t] ? std::min(window, flat + 1) : 1;
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
