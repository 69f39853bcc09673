#pragma once

// Internal to the engine: the one-pass, many-lanes kernel behind indicatorset.h.

#include "candle.h"
#include "indicatorset.h"

#include <array>
#include <cstddef>
#include <span>

namespace cp::engine::detail {

/**
 * Computes the standard indicator set for up to Lanes series side by side: bar t of every lane
 * is processed in the same step, with the lanes' values interleaved in small blocks, so the
 * compiler turns each arithmetic step into vector instructions across lanes. Each recurrence
 * (EMA, Wilder sums, OBV) is seeded through a time-varying coefficient during the first bars,
 * so all lanes follow one straight-line schedule. Instances are large (block buffers): create
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
    static constexpr std::size_t kBlock = 128;   //!< bars per block
    static constexpr std::size_t kWarmBars = 34; //!< bars until every recurrence is seeded
    static constexpr std::size_t kRows = kHistory + kBlock;

private:
    template<bool Warm>
    void steps(std::size_t t0, std::size_t from, std::size_t to);
    void resumBands();
    void gather(const std::array<std::span<const Candle>, Lanes> &series, std::size_t t0,
                std::size_t count, std::array<unsigned long long, Lanes> &bad);
    void scatter(const std::array<IndicatorTable *, Lanes> &out,
                 const std::array<std::size_t, Lanes> &lengths, std::size_t t0,
                 std::size_t count);
    void shiftHistory();

    // Inputs and stochastic intermediates, row-major [row][lane]; rows [0, kHistory) repeat the
    // previous block's last bars.
    alignas(64) double m_close[kRows * Lanes];
    alignas(64) double m_high[kRows * Lanes];
    alignas(64) double m_low[kRows * Lanes];
    alignas(64) double m_volume[kRows * Lanes];
    alignas(64) double m_high2[kRows * Lanes];
    alignas(64) double m_high4[kRows * Lanes];
    alignas(64) double m_high8[kRows * Lanes];
    alignas(64) double m_low2[kRows * Lanes];
    alignas(64) double m_low4[kRows * Lanes];
    alignas(64) double m_low8[kRows * Lanes];
    alignas(64) double m_rawK[kRows * Lanes];
    alignas(64) double m_slowK[kRows * Lanes];
    // Outputs of the current block, [column][bar][lane].
    alignas(64) double m_out[IndicatorTable::ColumnCount][kBlock * Lanes];

    // Per-lane state.
    alignas(64) double m_sum[Lanes];
    alignas(64) double m_ema[Lanes];
    alignas(64) double m_gain[Lanes];
    alignas(64) double m_loss[Lanes];
    alignas(64) double m_fast[Lanes];
    alignas(64) double m_slow[Lanes];
    alignas(64) double m_signal[Lanes];
    alignas(64) double m_atr[Lanes];
    alignas(64) double m_plusDm[Lanes];
    alignas(64) double m_minusDm[Lanes];
    alignas(64) double m_range[Lanes];
    alignas(64) double m_adx[Lanes];
    alignas(64) double m_obv[Lanes];
};

extern template class IndicatorSetKernel<1>;
extern template class IndicatorSetKernel<8>;

} // namespace cp::engine::detail
