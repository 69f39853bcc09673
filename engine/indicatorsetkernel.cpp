#include "indicatorsetkernel.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

namespace cp::engine::detail {

namespace {

using Col = IndicatorTable::Column;

constexpr int col(Col c)
{
    return int(c);
}

// Standard set: SMA/EMA/Bollinger 20, RSI/ATR/ADX/%K 14, MACD 12/26/9, %K/%D smoothing 3.
constexpr double kWindow = 20.0;
constexpr double kEmaK = 2.0 / 21.0;
constexpr double kEmaA = 1.0 - kEmaK;
constexpr double kWilder = 1.0 / 14.0;
constexpr double kWilderA = (14.0 - 1.0) / 14.0;
constexpr double kDecay = 1.0 - 1.0 / 14.0; // Wilder sums (ADX), as indicators.cpp
constexpr double kFastK = 2.0 / 13.0;
constexpr double kFastA = 1.0 - kFastK;
constexpr double kSlowK = 2.0 / 27.0;
constexpr double kSlowA = 1.0 - kSlowK;
constexpr double kSignalK = 2.0 / 10.0;
constexpr double kSignalA = 1.0 - kSignalK;
constexpr std::size_t kResumEvery = 2048; // bars between exact re-sums of the band window

inline double maxOf(double a, double b)
{
    return a > b ? a : b;
}
inline double minOf(double a, double b)
{
    return a < b ? a : b;
}

constexpr std::uint64_t kExponent = 0x7ff0000000000000ull;
constexpr std::uint64_t kExponentOne = 0x0010000000000000ull;

// Sets bit 63 when v is NaN or infinite (see allFinite()).
inline std::uint64_t nonFiniteBit(double v)
{
    return (std::bit_cast<std::uint64_t>(v) & kExponent) + kExponentOne;
}

} // namespace

template<int Lanes>
void IndicatorSetKernel<Lanes>::gather(const std::array<std::span<const Candle>, Lanes> &series,
                                       std::size_t t0, std::size_t count,
                                       std::array<unsigned long long, Lanes> &bad)
{
    static const Candle placeholder{0, 1.0, 1.0, 1.0, 1.0, 1.0};
    for (int l = 0; l < Lanes; ++l) {
        const std::span<const Candle> s = series[l];
        const std::size_t len = s.size();
        const std::size_t real = t0 < len ? std::min(count, len - t0) : 0;
        std::uint64_t acc = 0;
        for (std::size_t i = 0; i < real; ++i) {
            const Candle &c = s[t0 + i];
            const std::size_t at = (kHistory + i) * Lanes + l;
            m_close[at] = c.close;
            m_high[at] = c.high;
            m_low[at] = c.low;
            m_volume[at] = c.volume;
            acc |= nonFiniteBit(c.close) | nonFiniteBit(c.high) | nonFiniteBit(c.low) |
                   nonFiniteBit(c.volume);
        }
        bad[l] |= acc >> 63;
        // Past its end a lane repeats its last bar: computed in step, never stored.
        const Candle &last = len > 0 ? s[len - 1] : placeholder;
        for (std::size_t i = real; i < count; ++i) {
            const std::size_t at = (kHistory + i) * Lanes + l;
            m_close[at] = last.close;
            m_high[at] = last.high;
            m_low[at] = last.low;
            m_volume[at] = last.volume;
        }
    }
}

template<int Lanes>
void IndicatorSetKernel<Lanes>::shiftHistory()
{
    constexpr std::size_t bytes = kHistory * Lanes * sizeof(double);
    constexpr std::size_t from = kBlock * Lanes;
    for (double *buffer : {m_close, m_high, m_low, m_volume, m_high2, m_high4, m_high8, m_low2,
                           m_low4, m_low8, m_rawK, m_slowK})
        std::memcpy(buffer, buffer + from, bytes);
}

template<int Lanes>
void IndicatorSetKernel<Lanes>::resumBands()
{
    // An exact sum over the 20 bars before the block: the running sum never accumulates more
    // than kResumEvery bars of rounding.
    for (int l = 0; l < Lanes; ++l) {
        double s = 0.0;
        for (std::size_t r = kHistory - 20; r < kHistory; ++r)
            s += m_close[r * Lanes + l];
        m_sum[l] = s;
    }
}

template<int Lanes>
template<bool Warm>
void IndicatorSetKernel<Lanes>::steps(std::size_t t0, std::size_t from, std::size_t to)
{
    for (std::size_t i = from; i < to; ++i) {
        const std::size_t t = t0 + i;
        const std::size_t r = kHistory + i;
        const double *cl = m_close + r * Lanes;
        const double *hi = m_high + r * Lanes;
        const double *lo = m_low + r * Lanes;
        const double *vo = m_volume + r * Lanes;
        const double *clPrev = cl - Lanes;
        const double *hiPrev = hi - Lanes;
        const double *loPrev = lo - Lanes;
        const double *clOld = cl - 20 * Lanes;
        double *h2 = m_high2 + r * Lanes;
        double *h4 = m_high4 + r * Lanes;
        double *h8 = m_high8 + r * Lanes;
        double *l2 = m_low2 + r * Lanes;
        double *l4 = m_low4 + r * Lanes;
        double *l8 = m_low8 + r * Lanes;
        double *rk = m_rawK + r * Lanes;
        double *sk = m_slowK + r * Lanes;
        const std::size_t o = i * Lanes;

        // During the first bars every average is a running mean (coefficient 1/count), which
        // reproduces TA-Lib's SMA seeds; afterwards the usual EMA / Wilder coefficients.
        double emaC = 0.0, wilderC = 0.0, fastC = 0.0, slowC = 0.0, signalC = 0.0;
        double dmDecay = 0.0, adxC = 0.0;
        if constexpr (Warm) {
            const double td = double(t);
            emaC = t < 20 ? 1.0 / (td + 1.0) : kEmaK;
            wilderC = t == 0 ? 0.0 : 1.0 / double(std::min<std::size_t>(t, 14));
            slowC = t < 26 ? 1.0 / (td + 1.0) : kSlowK;
            fastC = t < 14 ? 1.0 : (t < 26 ? 1.0 / (td - 13.0) : kFastK);
            signalC = t < 25 ? 1.0 : (t <= 33 ? 1.0 / (td - 24.0) : kSignalK);
            dmDecay = t < 14 ? 1.0 : kDecay;
            adxC = (t >= 14 && t <= 27) ? 1.0 / (td - 13.0) : 0.0;
        }

        for (int l = 0; l < Lanes; ++l) {
            const double c = cl[l];
            const double h = hi[l];
            const double lw = lo[l];
            const double pc = clPrev[l];

            // SMA(20) and Bollinger(20, 2): a running sum (re-summed every kResumEvery bars)
            // for the mean, and the squared deviations summed afresh over the window, so a
            // flat window has no rounding residue for the square root to amplify.
            double sum = m_sum[l] + c;
            if (!Warm || t >= 20)
                sum -= clOld[l];
            m_sum[l] = sum;
            const double mean = sum / kWindow;
            double q0 = 0.0, q1 = 0.0, q2 = 0.0, q3 = 0.0;
            for (int j = 0; j < 20; j += 4) {
                const double d0 = cl[l - j * Lanes] - mean;
                const double d1 = cl[l - (j + 1) * Lanes] - mean;
                const double d2 = cl[l - (j + 2) * Lanes] - mean;
                const double d3 = cl[l - (j + 3) * Lanes] - mean;
                q0 += d0 * d0;
                q1 += d1 * d1;
                q2 += d2 * d2;
                q3 += d3 * d3;
            }
            const double width = 2.0 * std::sqrt(((q0 + q1) + (q2 + q3)) / kWindow);
            m_out[col(Col::Sma20)][o + l] = mean;
            m_out[col(Col::BbMiddle)][o + l] = mean;
            m_out[col(Col::BbUpper)][o + l] = mean + width;
            m_out[col(Col::BbLower)][o + l] = mean - width;

            // EMA(20).
            double e = m_ema[l];
            if constexpr (Warm)
                e += emaC * (c - e);
            else
                e = kEmaA * e + kEmaK * c;
            m_ema[l] = e;
            m_out[col(Col::Ema20)][o + l] = e;

            // RSI(14); gain + loss == 0 implies gain == 0, so the quotient is 0 then.
            const double d = c - pc;
            const double up = maxOf(d, 0.0);
            const double down = maxOf(-d, 0.0);
            double g = m_gain[l];
            double ls = m_loss[l];
            if constexpr (Warm) {
                g += wilderC * (up - g);
                ls += wilderC * (down - ls);
            } else {
                g = kWilderA * g + up * kWilder;
                ls = kWilderA * ls + down * kWilder;
            }
            m_gain[l] = g;
            m_loss[l] = ls;
            const double gl = g + ls;
            m_out[col(Col::Rsi14)][o + l] = 100.0 * (g / (gl != 0.0 ? gl : 1.0));

            // MACD(12, 26, 9).
            double f = m_fast[l];
            double sl = m_slow[l];
            double sg = m_signal[l];
            if constexpr (Warm) {
                f += fastC * (c - f);
                sl += slowC * (c - sl);
            } else {
                f = kFastA * f + kFastK * c;
                sl = kSlowA * sl + kSlowK * c;
            }
            const double line = f - sl;
            if constexpr (Warm)
                sg += signalC * (line - sg);
            else
                sg = kSignalA * sg + kSignalK * line;
            m_fast[l] = f;
            m_slow[l] = sl;
            m_signal[l] = sg;
            m_out[col(Col::Macd)][o + l] = line;
            m_out[col(Col::MacdSignal)][o + l] = sg;
            m_out[col(Col::MacdHist)][o + l] = line - sg;

            // ATR(14).
            const double hl = h - lw;
            const double hc = std::fabs(pc - h);
            const double lc = std::fabs(pc - lw);
            double tr = hc > hl ? hc : hl;
            tr = lc > tr ? lc : tr;
            double a = m_atr[l];
            if constexpr (Warm)
                a += wilderC * (tr - a);
            else
                a = kWilderA * a + tr * kWilder;
            m_atr[l] = a;
            m_out[col(Col::Atr14)][o + l] = a;

            // ADX(14) on Wilder sums; DX = 100 |-DM - +DM| / (-DM + +DM).
            const double upMove = h - hiPrev[l];
            const double downMove = loPrev[l] - lw;
            const double pdm = (upMove > 0.0 && upMove > downMove) ? upMove : 0.0;
            const double mdm = (downMove > 0.0 && downMove > upMove) ? downMove : 0.0;
            double pSum = m_plusDm[l];
            double mSum = m_minusDm[l];
            double rSum = m_range[l];
            if constexpr (Warm) {
                pSum = dmDecay * pSum + pdm;
                mSum = dmDecay * mSum + mdm;
                rSum = dmDecay * rSum + (t == 0 ? 0.0 : tr);
            } else {
                pSum = kDecay * pSum + pdm;
                mSum = kDecay * mSum + mdm;
                rSum = kDecay * rSum + tr;
            }
            m_plusDm[l] = pSum;
            m_minusDm[l] = mSum;
            m_range[l] = rSum;
            const double total = pSum + mSum;
            const bool valid = rSum != 0.0 && total != 0.0;
            const double dx = 100.0 * (std::fabs(mSum - pSum) / (total != 0.0 ? total : 1.0));
            double x = m_adx[l];
            if (Warm && t < 28) {
                x += adxC * ((valid ? dx : 0.0) - x);
            } else {
                const double keep = valid ? kDecay : 1.0;
                const double add = valid ? dx * kWilder : 0.0;
                x = keep * x + add;
            }
            m_adx[l] = x;
            m_out[col(Col::Adx14)][o + l] = x;

            // Slow stochastic(14, 3, 3): 14-bar extremes by doubling 2, 4, 8, then 8 + 8
            // overlapping.
            const double hh2 = maxOf(h, hiPrev[l]);
            const double hh4 = maxOf(hh2, h2[l - 2 * Lanes]);
            const double hh8 = maxOf(hh4, h4[l - 4 * Lanes]);
            const double highest = maxOf(hh8, h8[l - 6 * Lanes]);
            h2[l] = hh2;
            h4[l] = hh4;
            h8[l] = hh8;
            const double ll2 = minOf(lw, loPrev[l]);
            const double ll4 = minOf(ll2, l2[l - 2 * Lanes]);
            const double ll8 = minOf(ll4, l4[l - 4 * Lanes]);
            const double lowest = minOf(ll8, l8[l - 6 * Lanes]);
            l2[l] = ll2;
            l4[l] = ll4;
            l8[l] = ll8;
            const double span = highest - lowest;
            const double raw =
                span != 0.0 ? 100.0 * ((c - lowest) / (span != 0.0 ? span : 1.0)) : 0.0;
            rk[l] = raw;
            const double k = (raw + rk[l - Lanes] + rk[l - 2 * Lanes]) / 3.0;
            sk[l] = k;
            m_out[col(Col::StochK)][o + l] = k;
            m_out[col(Col::StochD)][o + l] = (k + sk[l - Lanes] + sk[l - 2 * Lanes]) / 3.0;

            // OBV, starting at the first bar's volume.
            const double v = vo[l];
            double ob = m_obv[l];
            if (Warm && t == 0)
                ob = v;
            else
                ob += c > pc ? v : (c < pc ? -v : 0.0);
            m_obv[l] = ob;
            m_out[col(Col::Obv)][o + l] = ob;
        }
    }
}

template<int Lanes>
void IndicatorSetKernel<Lanes>::scatter(const std::array<IndicatorTable *, Lanes> &out,
                                        const std::array<std::size_t, Lanes> &lengths,
                                        std::size_t t0, std::size_t count)
{
    for (int l = 0; l < Lanes; ++l) {
        if (!out[l] || t0 >= lengths[l])
            continue;
        const std::size_t n = std::min(count, lengths[l] - t0);
        for (Col c : kIndicatorColumns) {
            double *dst = out[l]->column(c).data() + t0;
            const double *src = m_out[col(c)] + l;
            for (std::size_t i = 0; i < n; ++i)
                dst[i] = src[i * Lanes];
        }
    }
}

template<int Lanes>
std::array<bool, Lanes>
IndicatorSetKernel<Lanes>::run(const std::array<std::span<const Candle>, Lanes> &series,
                               const std::array<IndicatorTable *, Lanes> &out)
{
    std::array<std::size_t, Lanes> lengths{};
    std::array<unsigned long long, Lanes> bad{};
    std::size_t longest = 0;
    for (int l = 0; l < Lanes; ++l) {
        lengths[l] = out[l] ? series[l].size() : 0;
        longest = std::max(longest, lengths[l]);
        if (out[l])
            out[l]->resize(lengths[l]);
    }
    for (double *state : {m_sum, m_ema, m_gain, m_loss, m_fast, m_slow,
                          m_signal, m_atr, m_plusDm, m_minusDm, m_range, m_adx, m_obv})
        std::fill_n(state, Lanes, 0.0);

    for (std::size_t t0 = 0; t0 < longest; t0 += kBlock) {
        const std::size_t count = std::min(kBlock, longest - t0);
        if (t0 > 0)
            shiftHistory();
        gather(series, t0, count, bad);
        if (t0 == 0) {
            // Before the first bar: its own values, so the look-behind reads stay finite.
            for (std::size_t r = 0; r < kHistory; ++r) {
                for (int l = 0; l < Lanes; ++l) {
                    const std::size_t at = r * Lanes + l;
                    const std::size_t first = kHistory * Lanes + l;
                    m_close[at] = m_close[first];
                    m_high[at] = m_high2[at] = m_high4[at] = m_high8[at] = m_high[first];
                    m_low[at] = m_low2[at] = m_low4[at] = m_low8[at] = m_low[first];
                    m_volume[at] = m_volume[first];
                    m_rawK[at] = 0.0;
                    m_slowK[at] = 0.0;
                }
            }
        } else if (t0 % kResumEvery == 0) {
            resumBands();
        }
        const std::size_t warm = t0 < kWarmBars ? std::min(count, kWarmBars - t0) : 0;
        if (warm > 0)
            steps<true>(t0, 0, warm);
        steps<false>(t0, warm, count);
        scatter(out, lengths, t0, count);
    }

    std::array<bool, Lanes> finite{};
    for (int l = 0; l < Lanes; ++l) {
        finite[l] = bad[l] == 0;
        if (!out[l])
            continue;
        for (Col c : kIndicatorColumns) {
            std::vector<double> &column = out[l]->column(c);
            const std::size_t lead =
                std::min(column.size(), std::size_t(IndicatorTable::lookback(c)));
            std::fill_n(column.begin(), lead, std::numeric_limits<double>::quiet_NaN());
        }
    }
    return finite;
}

template class IndicatorSetKernel<1>;
template class IndicatorSetKernel<8>;

} // namespace cp::engine::detail
