// The high-low-close indicators of indicators.h: ATR, ADX and the slow stochastic.

#include "indicators.h"

#include "rollingwindow.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace cp::engine {

using detail::BlockCheck;
using detail::fillNaN;
using detail::kCheckBlock;
using detail::sameSize;

namespace {

// Each kernel works like those of indicators.cpp: one series of n bars (a finite run, or the
// whole series checked block by block through `ok`), every output written, NaN inside the
// look-back, false as soon as `ok` rejects a block.

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

bool stochasticRun(const double *hi, const double *lo, const double *cl, const StochasticOutput &o,
                   std::size_t off, std::size_t n, int fastK, int slowK, int slowD,
                   const BlockCheck &ok)
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

} // namespace

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
    detail::computeWithGaps(
        {high.data(), low.data(), close.data()}, n, {out.k.data(), out.d.data()},
        [&](std::size_t off, std::size_t len, const BlockCheck &ok) {
            return stochasticRun(high.data() + off, low.data() + off, close.data() + off, out, off,
                                 len, fastK, slowK, slowD, ok);
        });
    return true;
}

} // namespace cp::engine
