#include "indicators.h"

#include "rollingwindow.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace cp::engine {

using detail::fillNaN;
using detail::forEachRun;

namespace {

bool sameSize(std::size_t n, std::initializer_list<std::size_t> sizes)
{
    return std::all_of(sizes.begin(), sizes.end(), [n](std::size_t s) { return s == n; });
}

// Each kernel below works on one run of finite inputs (x points at the run's first bar) and
// writes every output of the run, NaN inside the look-back.

void smaRun(const double *x, double *out, std::size_t n, int period)
{
    const std::size_t p = std::size_t(period);
    if (n < p) {
        fillNaN(out, n);
        return;
    }
    fillNaN(out, p - 1);
    const double dp = double(period);
    detail::rollingSums(x, n, p, out, [&](std::size_t b, std::size_t e) {
        for (std::size_t t = b; t < e; ++t)
            out[t] /= dp;
    });
}

void emaRun(const double *x, double *out, std::size_t n, int period)
{
    const std::size_t p = std::size_t(period);
    if (n < p) {
        fillNaN(out, n);
        return;
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
    for (std::size_t t = p; t < n; ++t) {
        e = a * e + k * x[t];
        out[t] = e;
    }
}

void rsiRun(const double *x, double *out, std::size_t n, int period)
{
    const std::size_t p = std::size_t(period);
    if (n <= p) {
        fillNaN(out, n);
        return;
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
    const auto value = [](double g, double l) {
        const double s = g + l;
        return s != 0.0 ? 100.0 * (g / s) : 0.0;
    };
    out[p] = value(gain, loss);
    const double inv = 1.0 / dp;
    const double a = (dp - 1.0) / dp;
    for (std::size_t t = p + 1; t < n; ++t) {
        const double d = x[t] - x[t - 1];
        gain = a * gain + std::max(d, 0.0) * inv;
        loss = a * loss + std::max(-d, 0.0) * inv;
        out[t] = value(gain, loss);
    }
}

void macdRun(const double *x, const MacdOutput &o, std::size_t off, std::size_t n, int fast,
             int slow, int signal)
{
    double *m = o.macd.data() + off;
    double *s = o.signal.data() + off;
    double *h = o.histogram.data() + off;
    const std::size_t first = std::size_t(macdLookback(slow, signal));
    if (n <= first) {
        fillNaN(m, n);
        fillNaN(s, n);
        fillNaN(h, n);
        return;
    }
    fillNaN(m, first);
    fillNaN(s, first);
    fillNaN(h, first);
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
    for (std::size_t t = first + 1; t < n; ++t) {
        fastEma = af * fastEma + kf * x[t];
        slowEma = as * slowEma + ks * x[t];
        line = fastEma - slowEma;
        sig = ag * sig + kg * line;
        m[t] = line;
        s[t] = sig;
        h[t] = line - sig;
    }
}

void bollingerRun(const double *x, const BollingerOutput &o, std::size_t off, std::size_t n,
                  int period, double deviations)
{
    double *up = o.upper.data() + off;
    double *mid = o.middle.data() + off;
    double *low = o.lower.data() + off;
    const std::size_t p = std::size_t(period);
    const std::size_t lead = std::min(n, p - 1);
    fillNaN(up, lead);
    fillNaN(mid, lead);
    fillNaN(low, lead);
    if (n < p)
        return;
    // The sums of squared deviations go to `low`, then become the lower band in place.
    const double dp = double(period);
    detail::rollingMoments(x, n, p, mid, low, [&](std::size_t b, std::size_t e) {
        for (std::size_t t = b; t < e; ++t) {
            const double width = deviations * std::sqrt(low[t] / dp);
            up[t] = mid[t] + width;
            low[t] = mid[t] - width;
        }
    });
}

double trueRange(double high, double low, double prevClose)
{
    double greatest = high - low;
    const double up = std::fabs(prevClose - high);
    const double down = std::fabs(prevClose - low);
    greatest = up > greatest ? up : greatest;
    return down > greatest ? down : greatest;
}

void atrRun(const double *hi, const double *lo, const double *cl, double *out, std::size_t n,
            int period)
{
    const std::size_t p = std::size_t(period);
    if (n <= p) {
        fillNaN(out, n);
        return;
    }
    fillNaN(out, p);
    double sum = 0.0;
    for (std::size_t t = 1; t <= p; ++t)
        sum += trueRange(hi[t], lo[t], cl[t - 1]);
    const double dp = double(period);
    double value = sum / dp;
    out[p] = value;
    const double inv = 1.0 / dp;
    const double a = (dp - 1.0) / dp;
    for (std::size_t t = p + 1; t < n; ++t) {
        value = a * value + trueRange(hi[t], lo[t], cl[t - 1]) * inv;
        out[t] = value;
    }
}

void adxRun(const double *hi, const double *lo, const double *cl, double *out, std::size_t n,
            int period)
{
    const std::size_t p = std::size_t(period);
    const std::size_t first = std::size_t(adxLookback(period));
    if (n <= first) {
        fillNaN(out, n);
        return;
    }
    fillNaN(out, first);
    // Wilder's sums, not averages: TA-Lib adds the first period-1 movements, then keeps
    // S - S/period + today. The DI ratios cancel the scale, so DX = 100|-DM - +DM|/(-DM + +DM).
    double plusDm = 0.0;
    double minusDm = 0.0;
    double range = 0.0;
    const auto movement = [&](std::size_t t, double &plus, double &minus) {
        const double up = hi[t] - hi[t - 1];
        const double down = lo[t - 1] - lo[t];
        plus = (up > 0.0 && up > down) ? up : 0.0;
        minus = (down > 0.0 && down > up) ? down : 0.0;
    };
    for (std::size_t t = 1; t < p; ++t) {
        double plus;
        double minus;
        movement(t, plus, minus);
        plusDm += plus;
        minusDm += minus;
        range += trueRange(hi[t], lo[t], cl[t - 1]);
    }
    const double dp = double(period);
    const double decay = 1.0 - 1.0 / dp;
    const double inv = 1.0 / dp;
    // dx is only formed when the range and the directional movement are non-zero.
    const auto step = [&](std::size_t t, double &dx) {
        double plus;
        double minus;
        movement(t, plus, minus);
        plusDm = decay * plusDm + plus;
        minusDm = decay * minusDm + minus;
        range = decay * range + trueRange(hi[t], lo[t], cl[t - 1]);
        const double total = plusDm + minusDm;
        const bool valid = range != 0.0 && total != 0.0;
        dx = valid ? 100.0 * (std::fabs(minusDm - plusDm) / total) : 0.0;
        return valid;
    };
    double sumDx = 0.0;
    for (std::size_t t = p; t <= first; ++t) {
        double dx;
        step(t, dx);
        sumDx += dx;
    }
    double value = sumDx / dp;
    out[first] = value;
    for (std::size_t t = first + 1; t < n; ++t) {
        double dx;
        const bool valid = step(t, dx);
        // Selecting the coefficients keeps one multiply-add on the dependency chain.
        const double keep = valid ? decay : 1.0;
        const double add = valid ? dx * inv : 0.0;
        value = keep * value + add;
        out[t] = value;
    }
}

void stochasticRun(const double *hi, const double *lo, const double *cl, const StochasticOutput &o,
                   std::size_t off, std::size_t n, int fastK, int slowK, int slowD)
{
    double *kOut = o.k.data() + off;
    double *dOut = o.d.data() + off;
    const std::size_t first = std::size_t(stochasticLookback(fastK, slowK, slowD));
    const std::size_t lead = std::min(n, first);
    fillNaN(kOut, lead);
    fillNaN(dOut, lead);
    if (n <= first)
        return;
    const std::size_t fk = std::size_t(fastK);
    const std::size_t sk = std::size_t(slowK);
    const std::size_t sd = std::size_t(slowD);
    // Each block of outputs [b, e) needs raw %K from b-(sk-1)-(sd-1) and prices from fk-1
    // bars before that; blocks recompute that short overlap instead of carrying state.
    const std::size_t block = std::max<std::size_t>(2048, 4 * (fk + sk + sd));
    const std::size_t reach = (sk - 1) + (sd - 1);
    const std::size_t span = block + reach + fk;
    std::vector<double> buf(7 * span);
    double *highest = buf.data();
    double *lowest = highest + span;
    double *rawK = lowest + span;
    double *slowKv = rawK + span;
    double *scratch = slowKv + span;
    for (std::size_t b = first; b < n; b += block) {
        const std::size_t e = std::min(n, b + block);
        const std::size_t k0 = b - reach;   // first raw %K needed
        const std::size_t p0 = k0 + 1 - fk; // first price needed
        const std::size_t len = e - p0;
        detail::rollingExtreme<true>(hi + p0, len, fk, highest, scratch);
        detail::rollingExtreme<false>(lo + p0, len, fk, lowest, scratch);
        // Local index i = t - p0; raw %K for t in [k0, e).
        for (std::size_t i = fk - 1; i < len; ++i) {
            const double range = highest[i] - lowest[i];
            rawK[i] = range != 0.0 ? 100.0 * ((cl[p0 + i] - lowest[i]) / range) : 0.0;
        }
        for (std::size_t i = fk - 1 + sk - 1; i < len; ++i) {
            double s = 0.0;
            for (std::size_t j = 0; j < sk; ++j)
                s += rawK[i - j];
            slowKv[i] = s / double(slowK);
        }
        for (std::size_t t = b; t < e; ++t) {
            const std::size_t i = t - p0;
            double s = 0.0;
            for (std::size_t j = 0; j < sd; ++j)
                s += slowKv[i - j];
            kOut[t] = slowKv[i];
            dOut[t] = s / double(slowD);
        }
    }
}

void obvRun(const double *cl, const double *vol, double *out, std::size_t n)
{
    if (n == 0)
        return;
    double value = vol[0];
    out[0] = value;
    for (std::size_t t = 1; t < n; ++t) {
        const double c = cl[t];
        const double prev = cl[t - 1];
        value += c > prev ? vol[t] : (c < prev ? -vol[t] : 0.0);
        out[t] = value;
    }
}

// Standard deviation over `window` values with divisor window - ddof; first value at window-1.
void stdDevRun(const double *x, double *out, std::size_t n, int window, int ddof)
{
    const std::size_t w = std::size_t(window);
    fillNaN(out, std::min(n, w - 1));
    if (n < w)
        return;
    std::vector<double> means(n);
    const double divisor = double(window - ddof);
    detail::rollingMoments(x, n, w, means.data(), out, [&](std::size_t b, std::size_t e) {
        for (std::size_t t = b; t < e; ++t)
            out[t] = std::sqrt(out[t] / divisor);
    });
}

} // namespace

bool sma(std::span<const double> in, std::span<double> out, int period)
{
    if (period < 1 || out.size() != in.size())
        return false;
    forEachRun({in.data()}, in.size(), {out.data()}, [&](std::size_t off, std::size_t len) {
        smaRun(in.data() + off, out.data() + off, len, period);
    });
    return true;
}

bool ema(std::span<const double> in, std::span<double> out, int period)
{
    if (period < 1 || out.size() != in.size())
        return false;
    forEachRun({in.data()}, in.size(), {out.data()}, [&](std::size_t off, std::size_t len) {
        emaRun(in.data() + off, out.data() + off, len, period);
    });
    return true;
}

bool rsi(std::span<const double> close, std::span<double> out, int period)
{
    if (period < 2 || out.size() != close.size())
        return false;
    forEachRun({close.data()}, close.size(), {out.data()}, [&](std::size_t off, std::size_t len) {
        rsiRun(close.data() + off, out.data() + off, len, period);
    });
    return true;
}

bool macd(std::span<const double> close, const MacdOutput &out, int fast, int slow, int signal)
{
    const std::size_t n = close.size();
    if (fast < 1 || slow < fast || signal < 1 ||
        !sameSize(n, {out.macd.size(), out.signal.size(), out.histogram.size()}))
        return false;
    forEachRun({close.data()}, n, {out.macd.data(), out.signal.data(), out.histogram.data()},
               [&](std::size_t off, std::size_t len) {
                   macdRun(close.data() + off, out, off, len, fast, slow, signal);
               });
    return true;
}

bool bollinger(std::span<const double> close, const BollingerOutput &out, int period,
               double deviations)
{
    const std::size_t n = close.size();
    if (period < 1 || !sameSize(n, {out.upper.size(), out.middle.size(), out.lower.size()}))
        return false;
    forEachRun({close.data()}, n, {out.upper.data(), out.middle.data(), out.lower.data()},
               [&](std::size_t off, std::size_t len) {
                   bollingerRun(close.data() + off, out, off, len, period, deviations);
               });
    return true;
}

bool atr(std::span<const double> high, std::span<const double> low, std::span<const double> close,
         std::span<double> out, int period)
{
    const std::size_t n = close.size();
    if (period < 1 || !sameSize(n, {high.size(), low.size(), out.size()}))
        return false;
    forEachRun({high.data(), low.data(), close.data()}, n, {out.data()},
               [&](std::size_t off, std::size_t len) {
                   atrRun(high.data() + off, low.data() + off, close.data() + off,
                          out.data() + off, len, period);
               });
    return true;
}

bool adx(std::span<const double> high, std::span<const double> low, std::span<const double> close,
         std::span<double> out, int period)
{
    const std::size_t n = close.size();
    if (period < 2 || !sameSize(n, {high.size(), low.size(), out.size()}))
        return false;
    forEachRun({high.data(), low.data(), close.data()}, n, {out.data()},
               [&](std::size_t off, std::size_t len) {
                   adxRun(high.data() + off, low.data() + off, close.data() + off,
                          out.data() + off, len, period);
               });
    return true;
}

bool stochastic(std::span<const double> high, std::span<const double> low,
                std::span<const double> close, const StochasticOutput &out, int fastK, int slowK,
                int slowD)
{
    const std::size_t n = close.size();
    if (fastK < 1 || slowK < 1 || slowD < 1 ||
        !sameSize(n, {high.size(), low.size(), out.k.size(), out.d.size()}))
        return false;
    forEachRun({high.data(), low.data(), close.data()}, n, {out.k.data(), out.d.data()},
               [&](std::size_t off, std::size_t len) {
                   stochasticRun(high.data() + off, low.data() + off, close.data() + off, out,
                                 off, len, fastK, slowK, slowD);
               });
    return true;
}

bool obv(std::span<const double> close, std::span<const double> volume, std::span<double> out)
{
    const std::size_t n = close.size();
    if (!sameSize(n, {volume.size(), out.size()}))
        return false;
    forEachRun({close.data(), volume.data()}, n, {out.data()},
               [&](std::size_t off, std::size_t len) {
                   obvRun(close.data() + off, volume.data() + off, out.data() + off, len);
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
            stdDevRun(returns.data(), o + 1, len - 1, window, 1);
        },
        /*positive=*/true);
    return true;
}

bool rollingStdDev(std::span<const double> in, std::span<double> out, int window, int ddof)
{
    if (ddof < 0 || window <= ddof || window < 1 || out.size() != in.size())
        return false;
    forEachRun({in.data()}, in.size(), {out.data()}, [&](std::size_t off, std::size_t len) {
        stdDevRun(in.data() + off, out.data() + off, len, window, ddof);
    });
    return true;
}

} // namespace cp::engine
