// Indicator throughput: each indicator over one 10M-bar series (items = bars), and the whole
// standard set over many assets at once (items = candles). Targets (million items/s, one
// thread): the faster of TA-Lib and Tulip Indicators: SMA 600, EMA 400, RSI 154, MACD 358,
// BBANDS 378, ATR 401, ADX 66, OBV 186, STOCH 61; the set over many assets >= 40.

#include <engine/indicators.h>
#include <engine/indicatorset.h>

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

using namespace cp::engine;

namespace {

constexpr std::size_t kBars = 10'000'000;

std::vector<Candle> makeCandles(std::size_t n, double price, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    const auto uniform = [&] { return (double(rng() >> 11) + 0.5) * 0x1.0p-53; };
    std::vector<Candle> out(n);
    double prev = price;
    for (std::size_t t = 0; t < n; ++t) {
        const double close = prev * std::exp(0.01 * (uniform() - 0.5));
        out[t] = Candle{std::int64_t(t) * 3600,
                        prev,
                        std::max(prev, close) * (1.0 + 0.005 * uniform()),
                        std::min(prev, close) * (1.0 - 0.005 * uniform()),
                        close,
                        1000.0 * (0.5 + uniform())};
        prev = close;
    }
    return out;
}

/** One 10M-bar series in column form, built once for all single-series benchmarks. */
struct Columns
{
    std::vector<double> high, low, close, volume;
    std::vector<double> a, b, c; // outputs, pre-faulted
};

const Columns &columns()
{
    static const Columns data = [] {
        Columns d;
        const std::vector<Candle> candles = makeCandles(kBars, 30000.0, 1);
        for (const Candle &c : candles) {
            d.high.push_back(c.high);
            d.low.push_back(c.low);
            d.close.push_back(c.close);
            d.volume.push_back(c.volume);
        }
        d.a.assign(kBars, 0.0);
        d.b.assign(kBars, 0.0);
        d.c.assign(kBars, 0.0);
        return d;
    }();
    return data;
}

template<typename F>
void runSeries(benchmark::State &state, F &&f)
{
    Columns &d = const_cast<Columns &>(columns());
    for (auto _ : state) {
        f(d);
        benchmark::DoNotOptimize(d.a.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(std::int64_t(state.iterations()) * std::int64_t(kBars));
}

void BM_Sma(benchmark::State &s)
{
    runSeries(s, [](Columns &d) { sma(d.close, d.a, 20); });
}
void BM_Ema(benchmark::State &s)
{
    runSeries(s, [](Columns &d) { ema(d.close, d.a, 20); });
}
void BM_Rsi(benchmark::State &s)
{
    runSeries(s, [](Columns &d) { rsi(d.close, d.a, 14); });
}
void BM_Macd(benchmark::State &s)
{
    runSeries(s, [](Columns &d) { macd(d.close, {d.a, d.b, d.c}, 12, 26, 9); });
}
void BM_Bbands(benchmark::State &s)
{
    runSeries(s, [](Columns &d) { bollinger(d.close, {d.a, d.b, d.c}, 20, 2.0); });
}
void BM_Atr(benchmark::State &s)
{
    runSeries(s, [](Columns &d) { atr(d.high, d.low, d.close, d.a, 14); });
}
void BM_Adx(benchmark::State &s)
{
    runSeries(s, [](Columns &d) { adx(d.high, d.low, d.close, d.a, 14); });
}
void BM_Obv(benchmark::State &s)
{
    runSeries(s, [](Columns &d) { obv(d.close, d.volume, d.a); });
}
void BM_Stoch(benchmark::State &s)
{
    runSeries(s, [](Columns &d) { stochastic(d.high, d.low, d.close, {d.a, d.b}, 14, 3, 3); });
}
void BM_Volatility(benchmark::State &s)
{
    runSeries(s, [](Columns &d) { rollingVolatility(d.close, d.a, 20); });
}

BENCHMARK(BM_Sma)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Ema)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Rsi)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Macd)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Bbands)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Atr)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Adx)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Obv)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Stoch)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Volatility)->Unit(benchmark::kMillisecond);

// The whole standard set (14 columns) of one series, one pass per candle.
void BM_IndicatorTableOneAsset(benchmark::State &state)
{
    const std::size_t n = std::size_t(state.range(0));
    const std::vector<Candle> candles = makeCandles(n, 30000.0, 2);
    IndicatorTable table;
    computeIndicatorTable(candles, table); // fault the output pages in
    for (auto _ : state) {
        computeIndicatorTable(candles, table);
        benchmark::DoNotOptimize(table.obv.data());
    }
    state.SetItemsProcessed(std::int64_t(state.iterations()) * std::int64_t(n));
}
BENCHMARK(BM_IndicatorTableOneAsset)->Arg(2'000'000)->Unit(benchmark::kMillisecond);

// The standard set of many assets side by side (eight per lock-step group); args: assets,
// bars per asset. 50 x 8760 is a year of hourly candles for the default universe.
void BM_IndicatorTablesManyAssets(benchmark::State &state)
{
    const std::size_t assets = std::size_t(state.range(0));
    const std::size_t bars = std::size_t(state.range(1));
    std::vector<std::vector<Candle>> data;
    std::vector<std::span<const Candle>> series;
    for (std::size_t i = 0; i < assets; ++i)
        data.push_back(makeCandles(bars, 10.0 * double(i + 1), 100 + i));
    for (const auto &d : data)
        series.emplace_back(d);
    std::vector<IndicatorTable> tables(assets);
    computeIndicatorTables(series, tables);
    for (auto _ : state) {
        computeIndicatorTables(series, tables);
        benchmark::DoNotOptimize(tables.data());
    }
    state.SetItemsProcessed(std::int64_t(state.iterations()) * std::int64_t(assets * bars));
}
BENCHMARK(BM_IndicatorTablesManyAssets)
    ->Args({64, 65'536})
    ->Args({50, 8'760})
    ->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
