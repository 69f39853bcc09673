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

// Each kernel below works on one series of n bars starting at x (a finite run, or the whole
// series checked block by block through `ok`), writes every output, NaN inside the look-back,
// and returns false as soon as `ok` rejects a block.

using detail::BlockCheck;
using detail::kCheckBlock;

bool smaRun(const double *x, double *out, std::size_t n, int period, const BlockCheck &ok)
{
    const std::size_t p = std::size_t(period);
    fillNaN(out, std::min(n, p - 1));
    const double dp = double(period);
    return detail::rollingSums(x, n, p, out, ok, [&](std::size_t b, std::size_t e) {
        for (std::size_t t = b; t < e; ++t)
            out[t] /= dp;
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

double trueRange(double high, double low, double prevClose)
{
    double greatest = high - low;
    const double up = std::fabs(prevClose - high);
    const double down = std::fabs(prevClose - low);
    greatest = up > greatest ? up : greatest;
    return down > greatest ? down : greatest;
}

bool atrRun(const double *hi, const double *lo, const double *cl, double *out, std::size_t n,
            int period, const BlockCheck &ok)
{
    const std::size_t p = std::size_t(period);
    if (!ok(0, std::min(n, p + 1)))
        return false;
    if (n <= p) {
        fillNaN(out, n);
        return true;
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
    for (std::size_t b = p + 1; b < n; b += kCheckBlock) {
        const std::size_t end = std::min(n, b + kCheckBlock);
        if (!ok(b, end))
            return false;
        // True ranges as a vectorised pass, then the recurrence alone.
        for (std::size_t t = b; t < end; ++t)
            out[t] = trueRange(hi[t], lo[t], cl[t - 1]) * inv;
        value = detail::linearRecurrence(value, a, out + b, out + b, end - b);
    }
    return true;
}

bool adxRun(const double *hi, const double *lo, const double *cl, double *out, std::size_t n,
            int period, const BlockCheck &ok)
{
    const std::size_t p = std::size_t(period);
    const std::size_t first = std::size_t(adxLookback(period));
    if (!ok(0, std::min(n, first + 1)))
        return false;
    if (n <= first) {
        fillNaN(out, n);
        return true;
    }
    fillNaN(out, first);
    // Wilder's sums, not averages: TA-Lib adds the first period-1 movements, then keeps
    // S - S/period + today. The DI ratios cancel the scale, so DX = 100|-DM - +DM|/(-DM + +DM).
    double plusDm = 0.0;
    double minusDm = 0.0;
    double range = 0.0;
    // Branch-free: the direction of a bar is a coin flip for the branch predictor.
    const auto movement = [&](std::size_t t, double &plus, double &minus) {
        const double up = hi[t] - hi[t - 1];
        const double down = lo[t - 1] - lo[t];
        plus = ((up > 0.0) & (up > down)) ? up : 0.0;
        minus = ((down > 0.0) & (down > up)) ? down : 0.0;
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
        const bool valid = (range != 0.0) & (total != 0.0);
        dx = 100.0 * (std::fabs(minusDm - plusDm) / (total != 0.0 ? total : 1.0));
        return valid;
    };
    double sumDx = 0.0;
    for (std::size_t t = p; t <= first; ++t) {
        double dx;
        sumDx += step(t, dx) ? dx : 0.0;
    }
    double value = sumDx / dp;
    out[first] = value;
    // Per block: the one-bar movements and ranges as a vectorised pass, the three Wilder sums
    // as a serial pass, DX as a vectorised pass, then ADX's recurrence.
    double plusBar[kCheckBlock];
    double minusBar[kCheckBlock];
    for (std::size_t b = first + 1; b < n; b += kCheckBlock) {
        const std::size_t end = std::min(n, b + kCheckBlock);
        if (!ok(b, end))
            return false;
        for (std::size_t t = b; t < end; ++t) {
            movement(t, plusBar[t - b], minusBar[t - b]);
            out[t] = trueRange(hi[t], lo[t], cl[t - 1]);
        }
        for (std::size_t t = b; t < end; ++t) {
            plusDm = decay * plusDm + plusBar[t - b];
            minusDm = decay * minusDm + minusBar[t - b];
            range = decay * range + out[t];
            plusBar[t - b] = plusDm;
            minusBar[t - b] = minusDm;
            out[t] = range;
        }
        for (std::size_t t = b; t < end; ++t) {
            const double plus = plusBar[t - b];
            const double minus = minusBar[t - b];
            const double total = plus + minus;
            const bool valid = (out[t] != 0.0) & (total != 0.0);
            const double dx = 100.0 * (std::fabs(minus - plus) / (total != 0.0 ? total : 1.0));
            // keep = decay and add = dx/period when DX is formed, else ADX stays.
            plusBar[t - b] = valid ? decay : 1.0;
            minusBar[t - b] = valid ? dx * inv : 0.0;
        }
        for (std::size_t t = b; t < end; ++t) {
            value = plusBar[t - b] * value + minusBar[t - b];
            out[t] = value;
        }
    }
    return true;
}

bool stochasticRun(const double *hi, const double *lo, const double *cl,
                   const StochasticOutput &o, std::size_t off, std::size_t n, int fastK,
                   int slowK, int slowD, const BlockCheck &ok)
{
    double *kOut = o.k.data() + off;
    double *dOut = o.d.data() + off;
    const std::size_t first = std::size_t(stochasticLookback(fastK, slowK, slowD));
    const std::size_t lead = std::min(n, first);
    fillNaN(kOut, lead);
    fillNaN(dOut, lead);
    if (n <= first)
        return ok(0, n);
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
        if (!ok(b == first ? 0 : b, e))
            return false;
        const std::size_t len = e - p0;
        detail::rollingExtreme<true>(hi + p0, len, fk, highest, scratch);
        detail::rollingExtreme<false>(lo + p0, len, fk, lowest, scratch);
        // Local index i = t - p0; raw %K for t in [k0, e).
        for (std::size_t i = fk - 1; i < len; ++i) {
            const double range = highest[i] - lowest[i];
            const double k = 100.0 * ((cl[p0 + i] - lowest[i]) / (range != 0.0 ? range : 1.0));
            rawK[i] = range != 0.0 ? k : 0.0;
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
    return true;
}

bool obvRun(const double *cl, const double *vol, double *out, std::size_t n,
            const BlockCheck &ok)
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
    detail::computeWithGaps(
        {close.data()}, close.size(), {out.data()},
        [&](std::size_t off, std::size_t len, const BlockCheck &ok) {
            return rsiRun(close.data() + off, out.data() + off, len, period, ok);
        });
    return true;
}

bool macd(std::span<const double> close, const MacdOutput &out, int fast, int slow, int signal)
{
    const std::size_t n = close.size();
    if (fast < 1 || slow < fast || signal < 1 ||
        !sameSize(n, {out.macd.size(), out.signal.size(), out.histogram.size()}))
        return false;
    detail::computeWithGaps({close.data()}, n,
                            {out.macd.data(), out.signal.data(), out.histogram.data()},
                            [&](std::size_t off, std::size_t len, const BlockCheck &ok) {
                                return macdRun(close.data() + off, out, off, len, fast, slow,
                                               signal, ok);
                            });
    return true;
}

bool bollinger(std::span<const double> close, const BollingerOutput &out, int period,
               double deviations)
{
    const std::size_t n = close.size();
    if (period < 1 || !sameSize(n, {out.upper.size(), out.middle.size(), out.lower.size()}))
        return false;
    detail::computeWithGaps({close.data()}, n,
                            {out.upper.data(), out.middle.data(), out.lower.data()},
                            [&](std::size_t off, std::size_t len, const BlockCheck &ok) {
                                return bollingerRun(close.data() + off, out, off, len, period,
                                                    deviations, ok);
                            });
    return true;
}

bool atr(std::span<const double> high, std::span<const double> low, std::span<const double> close,
         std::span<double> out, int period)
{
    const std::size_t n = close.size();
    if (period < 1 || !sameSize(n, {high.size(), low.size(), out.size()}))
        return false;
    detail::computeWithGaps({high.data(), low.data(), close.data()}, n, {out.data()},
                            [&](std::size_t off, std::size_t len, const BlockCheck &ok) {
                                return atrRun(high.data() + off, low.data() + off,
                                              close.data() + off, out.data() + off, len, period,
                                              ok);
                            });
    return true;
}

bool adx(std::span<const double> high, std::span<const double> low, std::span<const double> close,
         std::span<double> out, int period)
{
    const std::size_t n = close.size();
    if (period < 2 || !sameSize(n, {high.size(), low.size(), out.size()}))
        return false;
    detail::computeWithGaps({high.data(), low.data(), close.data()}, n, {out.data()},
                            [&](std::size_t off, std::size_t len, const BlockCheck &ok) {
                                return adxRun(high.data() + off, low.data() + off,
                                              close.data() + off, out.data() + off, len, period,
                                              ok);
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
    detail::computeWithGaps({high.data(), low.data(), close.data()}, n,
                            {out.k.data(), out.d.data()},
                            [&](std::size_t off, std::size_t len, const BlockCheck &ok) {
                                return stochasticRun(high.data() + off, low.data() + off,
                                                     close.data() + off, out, off, len, fastK,
                                                     slowK, slowD, ok);
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
