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

//! True when every size equals n.
inline bool sameSize(std::size_t n, std::initializer_list<std::size_t> sizes)
{
    return std::all_of(sizes.begin(), sizes.end(), [n](std::size_t s) { return s == n; });
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

/**
 * Verifies the inputs block by block as a kernel reaches them, while the block is about to be
 * read anyway (no separate pass over memory); a disabled check passes everything (inputs known
 * to be finite).
 */
class BlockCheck
{
public:
    BlockCheck(std::initializer_list<const double *> inputs, bool enabled)
        : m_enabled(enabled)
    {
        for (const double *in : inputs) {
            if (m_count < 3)
                m_inputs[m_count++] = in;
        }
    }
    bool operator()(std::size_t from, std::size_t to) const
    {
        if (!m_enabled || to <= from)
            return true;
        for (int i = 0; i < m_count; ++i) {
            if (!allFinite(m_inputs[i] + from, to - from))
                return false;
        }
        return true;
    }

private:
    const double *m_inputs[3] = {};
    int m_count = 0;
    bool m_enabled = true;
};

//! Bars a kernel processes between two block checks.
inline constexpr std::size_t kCheckBlock = 2048;

/**
 * The fast path of every indicator: kernel(offset, length, check) over the whole series with
 * checks enabled; if it reports a non-finite input (returns false), the series is recomputed
 * run by run with forEachRun().
 */
template<typename Kernel>
void computeWithGaps(std::initializer_list<const double *> inputs, std::size_t count,
                     std::initializer_list<double *> outputs, Kernel &&kernel,
                     bool positive = false)
{
    if (!positive && kernel(std::size_t(0), count, BlockCheck(inputs, true)))
        return;
    forEachRun(
        inputs, count, outputs,
        [&](std::size_t off, std::size_t len) { kernel(off, len, BlockCheck({}, false)); },
        positive);
}

//! Outputs between two exact re-summations of a rolling window: bounds the rounding drift of
//! the running sums independently of the series length, at a cost of window/kResumEvery adds.
inline constexpr std::size_t kResumEvery = 2048;

/**
 * Runs the first-order recurrence v = a*v + x[i], writing each v to out[i] (out may be x);
 * returns the last v. Four bars per step of the dependency chain: v[i+3] comes from v[i-1]
 * with one multiply-add (coefficients a^2..a^4, partial sums by Horner off the chain), so the
 * chain's latency no longer bounds the speed. Rounding differs from the one-step form by a few
 * units in the last place; for |a| < 1 the difference does not grow.
 */
inline double linearRecurrence(double v, double a, const double *x, double *out, std::size_t count)
{
    const double a2 = a * a;
    const double a3 = a2 * a;
    const double a4 = a2 * a2;
    std::size_t i = 0;
    for (; i + 4 <= count; i += 4) {
        const double x0 = x[i], x1 = x[i + 1], x2 = x[i + 2], x3 = x[i + 3];
        const double y1 = a * x0 + x1;
        const double y2 = a * y1 + x2;
        const double y3 = a * y2 + x3;
        out[i] = a * v + x0;
        out[i + 1] = a2 * v + y1;
        out[i + 2] = a3 * v + y2;
        v = a4 * v + y3;
        out[i + 3] = v;
    }
    for (; i < count; ++i) {
        v = a * v + x[i];
        out[i] = v;
    }
    return v;
}

/**
 * Rolling sums over `window` values of a finite series: sum[t] = x[t-window+1] + ... + x[t]
 * for t in [window-1, count). The running sum restarts from an exact sum every kResumEvery
 * outputs; within that, four quarters run side by side so their additions overlap. Before each
 * block check(from, to) vets the inputs it is about to read (false stops everything and is
 * returned); after it, finish(b, e) may turn the sums of outputs [b, e) into final values
 * while they are in cache.
 */
template<typename Finish>
bool rollingSums(const double *x, std::size_t count, std::size_t window, double *sum,
                 const BlockCheck &check, Finish &&finish)
{
    if (window == 0 || count < window)
        return check(0, count);
    const auto exactSum = [&](std::size_t end) {
        double s = 0.0;
        for (std::size_t i = end + 1 - window; i <= end; ++i)
            s += x[i];
        return s;
    };
    for (std::size_t b = window - 1; b < count; b += kResumEvery) {
        const std::size_t e = std::min(count, b + kResumEvery);
        if (!check(b == window - 1 ? 0 : b, e))
            return false;
        const std::size_t q = (e - b) / 4;
        if (q < 2 * window) {
            double s = exactSum(b);
            sum[b] = s;
            for (std::size_t t = b + 1; t < e; ++t) {
                s += x[t] - x[t - window];
                sum[t] = s;
            }
        } else {
            const std::size_t b1 = b + q, b2 = b + 2 * q, b3 = b + 3 * q;
            double s0 = exactSum(b), s1 = exactSum(b1), s2 = exactSum(b2), s3 = exactSum(b3);
            sum[b] = s0;
            sum[b1] = s1;
            sum[b2] = s2;
            sum[b3] = s3;
            for (std::size_t j = 1; j < q; ++j) {
                s0 += x[b + j] - x[b + j - window];
                s1 += x[b1 + j] - x[b1 + j - window];
                s2 += x[b2 + j] - x[b2 + j - window];
                s3 += x[b3 + j] - x[b3 + j - window];
                sum[b + j] = s0;
                sum[b1 + j] = s1;
                sum[b2 + j] = s2;
                sum[b3 + j] = s3;
            }
            for (std::size_t t = b3 + q; t < e; ++t) {
                s3 += x[t] - x[t - window];
                sum[t] = s3;
            }
        }
        finish(b, e);
    }
    return true;
}

//! Windows up to this length get their squared deviations summed exactly for every output.
inline constexpr std::size_t kExactWindow = 64;

/**
 * For t in [b, e): turns the window sum mean[t] into the mean (sum * (1/window), as sma()) and
 * sets sq[t] to
 * the sum of (x[t-i] - mean[t])^2 over the window, recomputed from the window itself: no
 * running sum of squares, so nothing drifts or cancels, and a flat window gives exactly 0 (up
 * to the rounding of its mean). O(window) per output, vectorised across outputs.
 */
void squaredDeviations(const double *x, std::size_t b, std::size_t e, std::size_t window,
                       double *mean, double *sq);

/**
 * Bollinger bands for outputs t in [b, e) from window sums in middle[t]: middle becomes the
 * mean, upper/lower the mean +- deviations * population standard deviation, the deviations
 * summed exactly as in squaredDeviations(), all in one pass over the block.
 */
void bollingerBands(const double *x, std::size_t b, std::size_t e, std::size_t window,
                    double deviations, double *middle, double *upper, double *lower);

/**
 * Rolling mean and sum of squared deviations from it over `window` values, for outputs t in
 * [window-1, count); finish(b, e) after each block. Windows up to kExactWindow use
 * squaredDeviations(); longer ones running sums around a shifted origin (the window mean at
 * each exact re-sum), so prices far from zero lose no digits, and a window of identical values
 * gives exactly 0. There a nearly flat window right after a large move can keep a residual of
 * about 1e-16 of the squared move.
 */
template<typename Finish>
bool rollingMoments(const double *x, std::size_t count, std::size_t window, double *mean,
                    double *sq, const BlockCheck &check, Finish &&finish)
{
    if (window == 0 || count < window)
        return check(0, count);
    const double dw = double(window);
    if (window <= kExactWindow) {
        return rollingSums(x, count, window, mean, check, [&](std::size_t b, std::size_t e) {
            squaredDeviations(x, b, e, window, mean, sq);
            finish(b, e);
        });
    }
    const double invWindow = 1.0 / dw;
    for (std::size_t b = window - 1; b < count; b += kResumEvery) {
        const std::size_t e = std::min(count, b + kResumEvery);
        if (!check(b == window - 1 ? 0 : b, e))
            return false;
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
            mean[t] = s * invWindow;
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
    return true;
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
