#pragma once

// Internal to the engine: the one-pass, many-lanes kernel behind indicatorset.h.

#include "candle.h"
#include "indicatorset.h"

#include <array>
#include <cstddef>
#include <span>

namespace cp::engine::detail {

/** The value type of a kernel step: one double, or one GCC/Clang vector of a lane per asset. */
template<int Lanes>
struct LaneVector;
template<>
struct LaneVector<1>
{
    using type = double;
};
template<>
struct LaneVector<8>
{
    using type = double __attribute__((vector_size(8 * sizeof(double))));
};

/**
 * Computes the standard indicator set for up to Lanes series side by side: bar t of every lane
 * is processed in the same step, with the lanes' values interleaved in small blocks, so the
 * compiler turns each arithmetic step into vector instructions across lanes. Each recurrence
 * (EMA, Wilder sums, OBV) is seeded through a time-varying coefficient during the first bars,
 * so all lanes follow one straight-line schedule. Written with vector types (LaneVector), so
 * it does not depend on the auto-vectoriser. Instances are large (block buffers): create
 * one and reuse it for many groups.
 */
template<int Lanes>
class IndicatorSetKernel
{
public:
    //! Computes out[l] from series[l] for the lanes with a non-null out; returns per lane
    //! whether its close, high, low and volume were all finite (otherwise out[l] is invalid).
    std::array<bool, Lanes> run(const std::array<std::span<const Candle>, Lanes> &series,
                                const std::array<IndicatorTable *, Lanes> &out);

    static constexpr std::size_t kHistory = 32;  //!< bars of look-behind kept in each block
    static constexpr std::size_t kBlock = 256;   //!< bars per block
    static constexpr std::size_t kWarmBars = 34; //!< bars until every recurrence is seeded
    static constexpr std::size_t kRows = kHistory + kBlock;

private:
    template<bool Warm>
    void steps(std::size_t t0, std::size_t from, std::size_t to);
    void resumBands();
    void gather(const std::array<std::span<const Candle>, Lanes> &series, std::size_t t0,
                std::size_t count, std::array<unsigned long long, Lanes> &bad);
    void scatter(const std::array<IndicatorTable *, Lanes> &out,
                 const std::array<std::size_t, Lanes> &lengths, std::size_t t0, std::size_t count);
    void shiftHistory();

    using V = typename LaneVector<Lanes>::type;

    // Inputs and stochastic intermediates, one row per bar; rows [0, kHistory) repeat the
    // previous block's last bars.
    V m_close[kRows];
    V m_high[kRows];
    V m_low[kRows];
    V m_volume[kRows];
    V m_high2[kRows];
    V m_high4[kRows];
    V m_high8[kRows];
    V m_low2[kRows];
    V m_low4[kRows];
    V m_low8[kRows];
    V m_rawK[kRows];
    V m_slowK[kRows];
    // Outputs of the current block, [column][bar].
    V m_out[IndicatorTable::ColumnCount][kBlock];

    // Per-lane state.
    V m_sum;
    V m_ema;
    V m_gain;
    V m_loss;
    V m_fast;
    V m_slow;
    V m_signal;
    V m_atr;
    V m_plusDm;
    V m_minusDm;
    V m_range;
    V m_adx;
    V m_obv;
};

extern template class IndicatorSetKernel<8>;

} // namespace cp::engine::detail
