// The single-series indicators of indicators.h on closing prices (and OBV); the high-low-close
// ones are in rangeindicators.cpp.

#include "indicators.h"

#include "rollingwindow.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace cp::engine {

using detail::fillNaN;
using detail::forEachRun;
using detail::sameSize;

namespace {

// Each kernel below works on one series of n bars starting at x (a finite run, or the whole
// series checked block by block through `ok`), writes every output, NaN inside the look-back,
// and returns false as soon as `ok` rejects a block.

using detail::BlockCheck;
using detail::kCheckBlock;

bool smaRun(const double *x, double *out, std::size_t n, int period, const BlockCheck &ok)
{
    const std::size_t p = std::size_t(period);
    fillNaN(out, std::min(n, p - 1));
    // Multiplying by the rounded reciprocal is at most one unit in the last place from TA-Lib's
    // division, and keeps the divider free (Bollinger's middle band is the same product).
    const double inv = 1.0 / double(period);
    return detail::rollingSums(x, n, p, out, ok, [&](std::size_t b, std::size_t e) {
        for (std::size_t t = b; t < e; ++t)
            out[t] *= inv;
    });
}

bool emaRun(const double *x, double *out, std::size_t n, int period, const BlockCheck &ok)
{
    const std::size_t p = std::size_t(period);
    if (!ok(0, std::min(n, p)))
        return false;
    if (n < p) {
        fillNaN(out, n);
        return true;
    }
    fillNaN(out, p - 1);
    double seed = 0.0;
    for (std::size_t i = 0; i < p; ++i)
        seed += x[i];
    double e = seed / double(period);
    out[p - 1] = e;
    // e + k*(x - e) rewritten as (1-k)*e + k*x: one fused multiply-add on the dependency chain.
    const double k = 2.0 / double(period + 1);
    const double a = 1.0 - k;
    for (std::size_t b = p; b < n; b += kCheckBlock) {
        const std::size_t end = std::min(n, b + kCheckBlock);
        if (!ok(b, end))
            return false;
        for (std::size_t t = b; t < end; ++t) {
            e = a * e + k * x[t];
            out[t] = e;
        }
    }
    return true;
}

bool rsiRun(const double *x, double *out, std::size_t n, int period, const BlockCheck &ok)
{
    const std::size_t p = std::size_t(period);
    if (!ok(0, std::min(n, p + 1)))
        return false;
    if (n <= p) {
        fillNaN(out, n);
        return true;
    }
    fillNaN(out, p);
    double gain = 0.0;
    double loss = 0.0;
    for (std::size_t t = 1; t <= p; ++t) {
        const double d = x[t] - x[t - 1];
        gain += std::max(d, 0.0);
        loss += std::max(-d, 0.0);
    }
    const double dp = double(period);
    gain /= dp;
    loss /= dp;
    // gain + loss == 0 implies gain == 0, so the quotient is then 0, TA-Lib's value.
    const auto value = [](double g, double l) {
        const double s = g + l;
        return 100.0 * (g / (s != 0.0 ? s : 1.0));
    };
    out[p] = value(gain, loss);
    const double inv = 1.0 / dp;
    const double a = (dp - 1.0) / dp;
    // Per block: gains and losses as a vectorised pass (the direction of a bar is a coin flip
    // for a branch), the two averages' recurrences, then the ratios as a vectorised pass.
    double gains[kCheckBlock];
    for (std::size_t b = p + 1; b < n; b += kCheckBlock) {
        const std::size_t end = std::min(n, b + kCheckBlock);
        if (!ok(b, end))
            return false;
        for (std::size_t t = b; t < end; ++t) {
            const double d = x[t] - x[t - 1];
            gains[t - b] = (d > 0.0 ? d : 0.0) * inv;
            out[t] = (d < 0.0 ? -d : 0.0) * inv;
        }
        gain = detail::linearRecurrence(gain, a, gains, gains, end - b);
        loss = detail::linearRecurrence(loss, a, out + b, out + b, end - b);
        for (std::size_t t = b; t < end; ++t)
            out[t] = value(gains[t - b], out[t]);
    }
    return true;
}

bool macdRun(const double *x, const MacdOutput &o, std::size_t off, std::size_t n, int fast,
             int slow, int signal, const BlockCheck &ok)
{
    double *m = o.macd.data() + off;
    double *s = o.signal.data() + off;
    double *h = o.histogram.data() + off;
    const std::size_t first = std::size_t(macdLookback(slow, signal));
    if (!ok(0, std::min(n, first + 1)))
        return false;
    const std::size_t lead = std::min(n, first);
    fillNaN(m, lead);
    fillNaN(s, lead);
    fillNaN(h, lead);
    if (n <= first)
        return true;
    // Both price EMAs are seeded on windows that end at bar slow-1, as TA-Lib does.
    const std::size_t seedEnd = std::size_t(slow) - 1;
    double slowEma = 0.0;
    double fastEma = 0.0;
    for (std::size_t i = 0; i <= seedEnd; ++i) {
        slowEma += x[i];
        if (i + std::size_t(fast) > seedEnd)
            fastEma += x[i];
    }
    slowEma /= double(slow);
    fastEma /= double(fast);
    const double kf = 2.0 / double(fast + 1);
    const double ks = 2.0 / double(slow + 1);
    const double kg = 2.0 / double(signal + 1);
    const double af = 1.0 - kf;
    const double as = 1.0 - ks;
    const double ag = 1.0 - kg;
    double line = fastEma - slowEma;
    double sig = line;
    for (std::size_t t = seedEnd + 1; t <= first; ++t) {
        fastEma = af * fastEma + kf * x[t];
        slowEma = as * slowEma + ks * x[t];
        line = fastEma - slowEma;
        sig += line;
    }
    sig /= double(signal);
    m[first] = line;
    s[first] = sig;
    h[first] = line - sig;
    for (std::size_t b = first + 1; b < n; b += kCheckBlock) {
        const std::size_t end = std::min(n, b + kCheckBlock);
        if (!ok(b, end))
            return false;
        for (std::size_t t = b; t < end; ++t) {
            fastEma = af * fastEma + kf * x[t];
            slowEma = as * slowEma + ks * x[t];
            line = fastEma - slowEma;
            sig = ag * sig + kg * line;
            m[t] = line;
            s[t] = sig;
            h[t] = line - sig;
        }
    }
    return true;
}

bool bollingerRun(const double *x, const BollingerOutput &o, std::size_t off, std::size_t n,
                  int period, double deviations, const BlockCheck &ok)
{
    double *up = o.upper.data() + off;
    double *mid = o.middle.data() + off;
    double *low = o.lower.data() + off;
    const std::size_t p = std::size_t(period);
    const std::size_t lead = std::min(n, p - 1);
    fillNaN(up, lead);
    fillNaN(mid, lead);
    fillNaN(low, lead);
    if (p <= detail::kExactWindow) {
        return detail::rollingSums(x, n, p, mid, ok, [&](std::size_t b, std::size_t e) {
            detail::bollingerBands(x, b, e, p, deviations, mid, up, low);
        });
    }
    // Long windows: the sums of squared deviations go to `low`, then become the lower band.
    const double inv = 1.0 / double(period);
    return detail::rollingMoments(x, n, p, mid, low, ok, [&](std::size_t b, std::size_t e) {
        for (std::size_t t = b; t < e; ++t) {
            const double width = deviations * std::sqrt(low[t] * inv);
            up[t] = mid[t] + width;
            low[t] = mid[t] - width;
        }
    });
}

bool obvRun(const double *cl, const double *vol, double *out, std::size_t n, const BlockCheck &ok)
{
    if (n == 0)
        return true;
    double value = vol[0];
    out[0] = value;
    for (std::size_t b = 0; b < n; b += kCheckBlock) {
        const std::size_t end = std::min(n, b + kCheckBlock);
        if (!ok(b, end))
            return false;
        // +volume, -volume or nothing (exactly TA-Lib's additions) as a vectorised pass, so the
        // coin-flip direction of each bar never reaches a branch; then the running sum.
        const std::size_t from = std::max<std::size_t>(b, 1);
        for (std::size_t t = from; t < end; ++t) {
            const double c = cl[t];
            const double prev = cl[t - 1];
            out[t] = c > prev ? vol[t] : (c < prev ? -vol[t] : 0.0);
        }
        for (std::size_t t = from; t < end; ++t) {
            value += out[t];
            out[t] = value;
        }
    }
    return true;
}

// Standard deviation over `window` values with divisor window - ddof; first value at window-1.
bool stdDevRun(const double *x, double *out, std::size_t n, int window, int ddof,
               const BlockCheck &ok)
{
    const std::size_t w = std::size_t(window);
    fillNaN(out, std::min(n, w - 1));
    std::vector<double> means(n);
    const double divisor = double(window - ddof);
    return detail::rollingMoments(x, n, w, means.data(), out, ok,
                                  [&](std::size_t b, std::size_t e) {
                                      for (std::size_t t = b; t < e; ++t)
                                          out[t] = std::sqrt(out[t] / divisor);
                                  });
}

} // namespace

bool sma(std::span<const double> in, std::span<double> out, int period)
{
    if (period < 1 || out.size() != in.size())
        return false;
    detail::computeWithGaps({in.data()}, in.size(), {out.data()},
                            [&](std::size_t off, std::size_t len, const BlockCheck &ok) {
                                return smaRun(in.data() + off, out.data() + off, len, period, ok);
                            });
    return true;
}

bool ema(std::span<const double> in, std::span<double> out, int period)
{
    if (period < 1 || out.size() != in.size())
        return false;
    detail::computeWithGaps({in.data()}, in.size(), {out.data()},
                            [&](std::size_t off, std::size_t len, const BlockCheck &ok) {
                                return emaRun(in.data() + off, out.data() + off, len, period, ok);
                            });
    return true;
}

bool rsi(std::span<const double> close, std::span<double> out, int period)
{
    if (period < 2 || out.size() != close.size())
        return false;
    detail::computeWithGaps({close.data()}, close.size(), {out.data()},
                            [&](std::size_t off, std::size_t len, const BlockCheck &ok) {
                                return rsiRun(close.data() + off, out.data() + off, len, period,
                                              ok);
                            });
    return true;
}

bool macd(std::span<const double> close, const MacdOutput &out, int fast, int slow, int signal)
{
    const std::size_t n = close.size();
    if (fast < 1 || slow < fast || signal < 1 ||
        !sameSize(n, {out.macd.size(), out.signal.size(), out.histogram.size()}))
        return false;
    detail::computeWithGaps(
        {close.data()}, n, {out.macd.data(), out.signal.data(), out.histogram.data()},
        [&](std::size_t off, std::size_t len, const BlockCheck &ok) {
            return macdRun(close.data() + off, out, off, len, fast, slow, signal, ok);
        });
    return true;
}

bool bollinger(std::span<const double> close, const BollingerOutput &out, int period,
               double deviations)
{
    const std::size_t n = close.size();
    if (period < 1 || !sameSize(n, {out.upper.size(), out.middle.size(), out.lower.size()}))
        return false;
    detail::computeWithGaps(
        {close.data()}, n, {out.upper.data(), out.middle.data(), out.lower.data()},
        [&](std::size_t off, std::size_t len, const BlockCheck &ok) {
            return bollingerRun(close.data() + off, out, off, len, period, deviations, ok);
        });
    return true;
}

bool obv(std::span<const double> close, std::span<const double> volume, std::span<double> out)
{
    const std::size_t n = close.size();
    if (!sameSize(n, {volume.size(), out.size()}))
        return false;
    detail::computeWithGaps({close.data(), volume.data()}, n, {out.data()},
                            [&](std::size_t off, std::size_t len, const BlockCheck &ok) {
                                return obvRun(close.data() + off, volume.data() + off,
                                              out.data() + off, len, ok);
                            });
    return true;
}

bool rollingVolatility(std::span<const double> close, std::span<double> out, int window)
{
    const std::size_t n = close.size();
    if (window < 2 || out.size() != n)
        return false;
    std::vector<double> returns;
    forEachRun(
        {close.data()}, n, {out.data()},
        [&](std::size_t off, std::size_t len) {
            const double *c = close.data() + off;
            double *o = out.data() + off;
            o[0] = detail::kNaN;
            if (len < 2)
                return;
            returns.resize(len - 1);
            for (std::size_t t = 1; t < len; ++t)
                returns[t - 1] = std::log(c[t] / c[t - 1]);
            stdDevRun(returns.data(), o + 1, len - 1, window, 1, BlockCheck({}, false));
        },
        /*positive=*/true);
    return true;
}

bool rollingStdDev(std::span<const double> in, std::span<double> out, int window, int ddof)
{
    if (ddof < 0 || window <= ddof || window < 1 || out.size() != in.size())
        return false;
    detail::computeWithGaps({in.data()}, in.size(), {out.data()},
                            [&](std::size_t off, std::size_t len, const BlockCheck &ok) {
                                return stdDevRun(in.data() + off, out.data() + off, len, window,
                                                 ddof, ok);
                            });
    return true;
}

} // namespace cp::engine
