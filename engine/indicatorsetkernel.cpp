#include "indicatorsetkernel.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

namespace cp::engine::detail {

namespace {

using Col = IndicatorTable::Column;

constexpr int col(Col c)
{
    return int(c);
}

// Standard set: SMA/EMA/Bollinger 20, RSI/ATR/ADX/%K 14, MACD 12/26/9, %K/%D smoothing 3.
// Divisions by 20 and 3 are multiplications by the rounded reciprocal: at most one unit in
// the last place apart, and the divider is the kernel's scarcest unit.
constexpr double kInvWindow = 1.0 / 20.0;
constexpr double kThird = 1.0 / 3.0;
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

template<typename V>
inline void setLane(V &v, int l, double x)
{
    if constexpr (std::is_same_v<V, double>) {
        (void)l;
        v = x;
    } else {
        v[l] = x;
    }
}

// The lanes of a row array as plain doubles, row-major: GCC and Clang let a vector type's
// storage be accessed through its element type.
template<typename V>
inline double *lanes(V *rows)
{
    return reinterpret_cast<double *>(rows);
}

template<typename V>
inline const double *lanes(const V *rows)
{
    return reinterpret_cast<const double *>(rows);
}

} // namespace

template<int Lanes>
void IndicatorSetKernel<Lanes>::gather(const std::array<std::span<const Candle>, Lanes> &series,
                                       std::size_t t0, std::size_t count,
                                       std::array<unsigned long long, Lanes> &bad)
{
    static const Candle placeholder{0, 1.0, 1.0, 1.0, 1.0, 1.0};
    // Per lane: where its bars start, and how many of this block are real; past its end a
    // lane repeats its last bar (computed in step, never stored).
    const Candle *base[Lanes];
    std::size_t real[Lanes];
    for (int l = 0; l < Lanes; ++l) {
        const std::span<const Candle> s = series[l];
        const std::size_t len = s.size();
        real[l] = t0 < len ? std::min(count, len - t0) : 0;
        base[l] = real[l] > 0 ? s.data() + t0 : (len > 0 ? &s[len - 1] : &placeholder);
        // The lanes are separate streams from memory: ask for the next block early.
        for (std::size_t i = count; i < std::min(2 * count, len > t0 ? len - t0 : 0); i += 2)
            __builtin_prefetch(s.data() + t0 + i);
    }
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t r = kHistory + i;
        for (int l = 0; l < Lanes; ++l) {
            const Candle &c = base[l][i < real[l] ? i : (real[l] > 0 ? real[l] - 1 : 0)];
            setLane(m_close[r], l, c.close);
            setLane(m_high[r], l, c.high);
            setLane(m_low[r], l, c.low);
            setLane(m_volume[r], l, c.volume);
        }
    }
    // x - x is 0 for finite x and NaN otherwise; NaN != 0 holds.
    V nonFinite{};
    for (std::size_t r = kHistory; r < kHistory + count; ++r) {
        const V sum = (m_close[r] - m_close[r]) + (m_high[r] - m_high[r]) + (m_low[r] - m_low[r]) +
                      (m_volume[r] - m_volume[r]);
        nonFinite = sum != 0.0 ? 1.0 : nonFinite;
    }
    for (int l = 0; l < Lanes; ++l)
        bad[l] |= lanes(&nonFinite)[l] != 0.0;
}

template<int Lanes>
void IndicatorSetKernel<Lanes>::shiftHistory()
{
    constexpr std::size_t bytes = kHistory * sizeof(V);
    for (V *buffer : {m_close, m_high, m_low, m_volume, m_high2, m_high4, m_high8, m_low2, m_low4,
                      m_low8, m_rawK, m_slowK})
        std::memcpy(buffer, buffer + kBlock, bytes);
}

template<int Lanes>
void IndicatorSetKernel<Lanes>::resumBands()
{
    // An exact sum over the 20 bars before the block: the running sum never carries more than
    // one block of rounding, so even a crash of several orders of magnitude within a few
    // hundred bars leaves the mean accurate relative to today's prices.
    V sum = m_close[kHistory - 20];
    for (std::size_t r = kHistory - 19; r < kHistory; ++r)
        sum += m_close[r];
    m_sum = sum;
}

template<int Lanes>
template<bool Warm>
void IndicatorSetKernel<Lanes>::steps(std::size_t t0, std::size_t from, std::size_t to)
{
    for (std::size_t i = from; i < to; ++i) {
        const std::size_t t = t0 + i;
        const std::size_t r = kHistory + i;

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

        const V c = m_close[r];
        const V h = m_high[r];
        const V lw = m_low[r];
        const V pc = m_close[r - 1];
        const V ph = m_high[r - 1];
        const V pl = m_low[r - 1];

        // SMA(20) and Bollinger(20, 2): a running sum (re-summed at every block) for
        // the mean, and the squared deviations summed afresh over the window, so a flat window
        // leaves no rounding residue for the square root to amplify.
        V sum = m_sum + c;
        if (!Warm || t >= 20)
            sum -= m_close[r - 20];
        m_sum = sum;
        const V mean = sum * kInvWindow;
        V q0{}, q1{}, q2{}, q3{};
        for (std::size_t j = 0; j < 20; j += 4) {
            const V d0 = m_close[r - j] - mean;
            const V d1 = m_close[r - j - 1] - mean;
            const V d2 = m_close[r - j - 2] - mean;
            const V d3 = m_close[r - j - 3] - mean;
            q0 += d0 * d0;
            q1 += d1 * d1;
            q2 += d2 * d2;
            q3 += d3 * d3;
        }
        const V variance = ((q0 + q1) + (q2 + q3)) * kInvWindow;
        V deviation;
        if constexpr (Lanes == 1) {
            deviation = std::sqrt(variance);
        } else {
            for (int l = 0; l < Lanes; ++l)
                deviation[l] = std::sqrt(variance[l]);
        }
        const V width = 2.0 * deviation;
        m_out[col(Col::Sma20)][i] = mean;
        m_out[col(Col::BbMiddle)][i] = mean;
        m_out[col(Col::BbUpper)][i] = mean + width;
        m_out[col(Col::BbLower)][i] = mean - width;

        // EMA(20).
        V e = m_ema;
        if constexpr (Warm)
            e += emaC * (c - e);
        else
            e = kEmaA * e + kEmaK * c;
        m_ema = e;
        m_out[col(Col::Ema20)][i] = e;

        // RSI(14); gain + loss == 0 implies gain == 0, so the quotient is 0 then.
        const V d = c - pc;
        const V up = d > 0.0 ? d : 0.0;
        const V down = d < 0.0 ? -d : 0.0;
        V g = m_gain;
        V ls = m_loss;
        if constexpr (Warm) {
            g += wilderC * (up - g);
            ls += wilderC * (down - ls);
        } else {
            g = kWilderA * g + up * kWilder;
            ls = kWilderA * ls + down * kWilder;
        }
        m_gain = g;
        m_loss = ls;
        const V gl = g + ls;
        m_out[col(Col::Rsi14)][i] = 100.0 * (g / (gl != 0.0 ? gl : 1.0));

        // MACD(12, 26, 9).
        V f = m_fast;
        V sl = m_slow;
        V sg = m_signal;
        if constexpr (Warm) {
            f += fastC * (c - f);
            sl += slowC * (c - sl);
        } else {
            f = kFastA * f + kFastK * c;
            sl = kSlowA * sl + kSlowK * c;
        }
        const V line = f - sl;
        if constexpr (Warm)
            sg += signalC * (line - sg);
        else
            sg = kSignalA * sg + kSignalK * line;
        m_fast = f;
        m_slow = sl;
        m_signal = sg;
        m_out[col(Col::Macd)][i] = line;
        m_out[col(Col::MacdSignal)][i] = sg;
        m_out[col(Col::MacdHist)][i] = line - sg;

        // ATR(14).
        const V hl = h - lw;
        const V hcSigned = pc - h;
        const V lcSigned = pc - lw;
        const V hc = hcSigned < 0.0 ? -hcSigned : hcSigned;
        const V lc = lcSigned < 0.0 ? -lcSigned : lcSigned;
        V tr = hc > hl ? hc : hl;
        tr = lc > tr ? lc : tr;
        V a = m_atr;
        if constexpr (Warm)
            a += wilderC * (tr - a);
        else
            a = kWilderA * a + tr * kWilder;
        m_atr = a;
        m_out[col(Col::Atr14)][i] = a;

        // ADX(14) on Wilder sums; DX = 100 |-DM - +DM| / (-DM + +DM).
        const V upMove = h - ph;
        const V downMove = pl - lw;
        const V pdm = ((upMove > 0.0) & (upMove > downMove)) ? upMove : 0.0;
        const V mdm = ((downMove > 0.0) & (downMove > upMove)) ? downMove : 0.0;
        V pSum = m_plusDm;
        V mSum = m_minusDm;
        V rSum = m_range;
        if constexpr (Warm) {
            pSum = dmDecay * pSum + pdm;
            mSum = dmDecay * mSum + mdm;
            rSum = dmDecay * rSum + (t == 0 ? V{} : tr);
        } else {
            pSum = kDecay * pSum + pdm;
            mSum = kDecay * mSum + mdm;
            rSum = kDecay * rSum + tr;
        }
        m_plusDm = pSum;
        m_minusDm = mSum;
        m_range = rSum;
        const V total = pSum + mSum;
        const auto valid = (rSum != 0.0) & (total != 0.0);
        const V spread = mSum - pSum;
        const V dx = 100.0 * ((spread < 0.0 ? -spread : spread) / (total != 0.0 ? total : 1.0));
        V x = m_adx;
        if (Warm && t < 28) {
            x += adxC * ((valid ? dx : 0.0) - x);
        } else {
            // Selecting the coefficients keeps one multiply-add on the dependency chain.
            const V keep = valid ? kDecay : 1.0;
            const V add = valid ? dx * kWilder : 0.0;
            x = keep * x + add;
        }
        m_adx = x;
        m_out[col(Col::Adx14)][i] = x;

        // Slow stochastic(14, 3, 3): 14-bar extremes by doubling 2, 4, 8, then 8 + 8
        // overlapping.
        const V hh2 = h > ph ? h : ph;
        const V hh4 = hh2 > m_high2[r - 2] ? hh2 : m_high2[r - 2];
        const V hh8 = hh4 > m_high4[r - 4] ? hh4 : m_high4[r - 4];
        const V highest = hh8 > m_high8[r - 6] ? hh8 : m_high8[r - 6];
        m_high2[r] = hh2;
        m_high4[r] = hh4;
        m_high8[r] = hh8;
        const V ll2 = lw < pl ? lw : pl;
        const V ll4 = ll2 < m_low2[r - 2] ? ll2 : m_low2[r - 2];
        const V ll8 = ll4 < m_low4[r - 4] ? ll4 : m_low4[r - 4];
        const V lowest = ll8 < m_low8[r - 6] ? ll8 : m_low8[r - 6];
        m_low2[r] = ll2;
        m_low4[r] = ll4;
        m_low8[r] = ll8;
        const V span = highest - lowest;
        const V raw = span != 0.0 ? 100.0 * ((c - lowest) / (span != 0.0 ? span : 1.0)) : 0.0;
        m_rawK[r] = raw;
        const V k = (raw + m_rawK[r - 1] + m_rawK[r - 2]) * kThird;
        m_slowK[r] = k;
        m_out[col(Col::StochK)][i] = k;
        m_out[col(Col::StochD)][i] = (k + m_slowK[r - 1] + m_slowK[r - 2]) * kThird;

        // OBV, starting at the first bar's volume.
        const V v = m_volume[r];
        V ob = m_obv;
        if (Warm && t == 0)
            ob = v;
        else
            ob += c > pc ? v : (c < pc ? -v : 0.0);
        m_obv = ob;
        m_out[col(Col::Obv)][i] = ob;
    }
}

template<int Lanes>
void IndicatorSetKernel<Lanes>::scatter(const std::array<IndicatorTable *, Lanes> &out,
                                        const std::array<std::size_t, Lanes> &lengths,
                                        std::size_t t0, std::size_t count)
{
    std::array<std::size_t, Lanes> stored{};
    for (int l = 0; l < Lanes; ++l)
        stored[l] = out[l] && t0 < lengths[l] ? std::min(count, lengths[l] - t0) : 0;
    for (Col c : kIndicatorColumns) {
        const V *rows = m_out[col(c)];
        std::array<double *, Lanes> dst{};
        for (int l = 0; l < Lanes; ++l)
            dst[l] = stored[l] ? out[l]->column(c).data() + t0 : nullptr;
        std::size_t i = 0;
        if constexpr (Lanes == 8) {
            // Eight bars at a time: transpose 8 rows (bars x lanes) into 8 lanes' runs of bars.
            for (; i + 8 <= count; i += 8) {
                const V *x = rows + i;
                const V a0 = __builtin_shufflevector(x[0], x[1], 0, 8, 2, 10, 4, 12, 6, 14);
                const V a1 = __builtin_shufflevector(x[0], x[1], 1, 9, 3, 11, 5, 13, 7, 15);
                const V a2 = __builtin_shufflevector(x[2], x[3], 0, 8, 2, 10, 4, 12, 6, 14);
                const V a3 = __builtin_shufflevector(x[2], x[3], 1, 9, 3, 11, 5, 13, 7, 15);
                const V a4 = __builtin_shufflevector(x[4], x[5], 0, 8, 2, 10, 4, 12, 6, 14);
                const V a5 = __builtin_shufflevector(x[4], x[5], 1, 9, 3, 11, 5, 13, 7, 15);
                const V a6 = __builtin_shufflevector(x[6], x[7], 0, 8, 2, 10, 4, 12, 6, 14);
                const V a7 = __builtin_shufflevector(x[6], x[7], 1, 9, 3, 11, 5, 13, 7, 15);
                const V b0 = __builtin_shufflevector(a0, a2, 0, 1, 8, 9, 4, 5, 12, 13);
                const V b2 = __builtin_shufflevector(a0, a2, 2, 3, 10, 11, 6, 7, 14, 15);
                const V b1 = __builtin_shufflevector(a1, a3, 0, 1, 8, 9, 4, 5, 12, 13);
                const V b3 = __builtin_shufflevector(a1, a3, 2, 3, 10, 11, 6, 7, 14, 15);
                const V b4 = __builtin_shufflevector(a4, a6, 0, 1, 8, 9, 4, 5, 12, 13);
                const V b6 = __builtin_shufflevector(a4, a6, 2, 3, 10, 11, 6, 7, 14, 15);
                const V b5 = __builtin_shufflevector(a5, a7, 0, 1, 8, 9, 4, 5, 12, 13);
                const V b7 = __builtin_shufflevector(a5, a7, 2, 3, 10, 11, 6, 7, 14, 15);
                const V lane[8] = {__builtin_shufflevector(b0, b4, 0, 1, 2, 3, 8, 9, 10, 11),
                                   __builtin_shufflevector(b1, b5, 0, 1, 2, 3, 8, 9, 10, 11),
                                   __builtin_shufflevector(b2, b6, 0, 1, 2, 3, 8, 9, 10, 11),
                                   __builtin_shufflevector(b3, b7, 0, 1, 2, 3, 8, 9, 10, 11),
                                   __builtin_shufflevector(b0, b4, 4, 5, 6, 7, 12, 13, 14, 15),
                                   __builtin_shufflevector(b1, b5, 4, 5, 6, 7, 12, 13, 14, 15),
                                   __builtin_shufflevector(b2, b6, 4, 5, 6, 7, 12, 13, 14, 15),
                                   __builtin_shufflevector(b3, b7, 4, 5, 6, 7, 12, 13, 14, 15)};
                for (int l = 0; l < 8; ++l) {
                    if (i + 8 <= stored[l]) {
                        std::memcpy(dst[l] + i, &lane[l], sizeof(V));
                    } else {
                        for (std::size_t j = i; j < stored[l]; ++j)
                            dst[l][j] = lanes(rows + j)[l];
                    }
                }
            }
        }
        for (int l = 0; l < Lanes; ++l) {
            for (std::size_t j = i; j < stored[l]; ++j)
                dst[l][j] = lanes(rows + j)[l];
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
    for (V *state : {&m_sum, &m_ema, &m_gain, &m_loss, &m_fast, &m_slow, &m_signal, &m_atr,
                     &m_plusDm, &m_minusDm, &m_range, &m_adx, &m_obv})
        *state = V{};

    for (std::size_t t0 = 0; t0 < longest; t0 += kBlock) {
        const std::size_t count = std::min(kBlock, longest - t0);
        if (t0 > 0)
            shiftHistory();
        gather(series, t0, count, bad);
        if (t0 == 0) {
            // Before the first bar: its own values, so the look-behind reads stay finite.
            for (std::size_t r = 0; r < kHistory; ++r) {
                m_close[r] = m_close[kHistory];
                m_high[r] = m_high2[r] = m_high4[r] = m_high8[r] = m_high[kHistory];
                m_low[r] = m_low2[r] = m_low4[r] = m_low8[r] = m_low[kHistory];
                m_volume[r] = m_volume[kHistory];
                m_rawK[r] = V{};
                m_slowK[r] = V{};
            }
        } else {
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

template class IndicatorSetKernel<8>;

} // namespace cp::engine::detail
