#include "indicatorset.h"

#include "indicators.h"
#include "indicatorsetkernel.h"

#include <algorithm>
#include <memory>
#include <numeric>
#include <utility>

namespace cp::engine {

namespace {

using Col = IndicatorTable::Column;

// Indicator by indicator, with the gap rules of indicators.h: one series on its own, or one with
// non-finite values from a lock-step group.
void computeBySeries(std::span<const Candle> candles, IndicatorTable &t)
{
    const std::size_t n = candles.size();
    t.resize(n);
    // The candles' fields as columns, in buffers kept per thread: repeated calls (one asset
    // after another) then touch no fresh memory.
    thread_local std::vector<double> close, high, low, volume;
    close.resize(n);
    high.resize(n);
    low.resize(n);
    volume.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        close[i] = candles[i].close;
        high[i] = candles[i].high;
        low[i] = candles[i].low;
        volume[i] = candles[i].volume;
    }
    sma(close, t.sma20, 20);
    ema(close, t.ema20, 20);
    rsi(close, t.rsi14, 14);
    macd(close, {t.macd, t.macdSignal, t.macdHist}, 12, 26, 9);
    bollinger(close, {t.bbUpper, t.bbMiddle, t.bbLower}, 20, 2.0);
    atr(high, low, close, t.atr14, 14);
    adx(high, low, close, t.adx14, 14);
    stochastic(high, low, close, {t.stochK, t.stochD}, 14, 3, 3);
    obv(close, volume, t.obv);
}

} // namespace

const char *IndicatorTable::columnName(Column column)
{
    static constexpr const char *names[ColumnCount] = {
        "sma_20",    "ema_20",   "rsi_14", "macd",   "macd_signal", "macd_hist", "bb_upper",
        "bb_middle", "bb_lower", "atr_14", "adx_14", "stoch_k",     "stoch_d",   "obv"};
    return names[int(column)];
}

int IndicatorTable::lookback(Column column)
{
    switch (column) {
    case Column::Sma20:
        return smaLookback(20);
    case Column::Ema20:
        return emaLookback(20);
    case Column::Rsi14:
        return rsiLookback(14);
    case Column::Macd:
    case Column::MacdSignal:
    case Column::MacdHist:
        return macdLookback(26, 9);
    case Column::BbUpper:
    case Column::BbMiddle:
    case Column::BbLower:
        return bollingerLookback(20);
    case Column::Atr14:
        return atrLookback(14);
    case Column::Adx14:
        return adxLookback(14);
    case Column::StochK:
    case Column::StochD:
        return stochasticLookback(14, 3, 3);
    case Column::Obv:
        return obvLookback();
    }
    return 0;
}

std::vector<double> &IndicatorTable::column(Column c)
{
    return const_cast<std::vector<double> &>(std::as_const(*this).column(c));
}

const std::vector<double> &IndicatorTable::column(Column c) const
{
    switch (c) {
    case Column::Sma20:
        return sma20;
    case Column::Ema20:
        return ema20;
    case Column::Rsi14:
        return rsi14;
    case Column::Macd:
        return macd;
    case Column::MacdSignal:
        return macdSignal;
    case Column::MacdHist:
        return macdHist;
    case Column::BbUpper:
        return bbUpper;
    case Column::BbMiddle:
        return bbMiddle;
    case Column::BbLower:
        return bbLower;
    case Column::Atr14:
        return atr14;
    case Column::Adx14:
        return adx14;
    case Column::StochK:
        return stochK;
    case Column::StochD:
        return stochD;
    case Column::Obv:
        break;
    }
    return obv;
}

void IndicatorTable::resize(std::size_t n)
{
    for (Column c : kIndicatorColumns)
        column(c).resize(n);
}

void computeIndicatorTable(std::span<const Candle> candles, IndicatorTable &out)
{
    // For one series the vectorised single-series functions beat a one-lane lock-step pass.
    computeBySeries(candles, out);
}

IndicatorTable computeIndicatorTable(std::span<const Candle> candles)
{
    IndicatorTable table;
    computeIndicatorTable(candles, table);
    return table;
}

void computeIndicatorTables(std::span<const std::span<const Candle>> series,
                            std::span<IndicatorTable> out)
{
    constexpr int kLanes = 8;
    const std::size_t count = std::min(series.size(), out.size());
    // Longest first, so the series sharing a lock-step group have similar lengths.
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return series[a].size() > series[b].size();
    });
    auto kernel = std::make_unique<detail::IndicatorSetKernel<kLanes>>();
    for (std::size_t g = 0; g < count; g += kLanes) {
        std::array<std::span<const Candle>, kLanes> lanes{};
        std::array<IndicatorTable *, kLanes> tables{};
        for (int l = 0; l < kLanes && g + l < count; ++l) {
            lanes[l] = series[order[g + l]];
            tables[l] = &out[order[g + l]];
        }
        const std::array<bool, kLanes> finite = kernel->run(lanes, tables);
        for (int l = 0; l < kLanes; ++l) {
            if (tables[l] && !finite[l])
                computeBySeries(lanes[l], *tables[l]);
        }
    }
}

std::vector<IndicatorTable> computeIndicatorTables(std::span<const std::span<const Candle>> series)
{
    std::vector<IndicatorTable> out(series.size());
    computeIndicatorTables(series, out);
    return out;
}

} // namespace cp::engine
