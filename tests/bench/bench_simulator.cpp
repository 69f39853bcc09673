#include <engine/simulator.h>

#include <benchmark/benchmark.h>

using namespace cp::engine;

namespace {

SimulationConfig demoConfig()
{
    SimulationConfig config;
    config.seed = 42;
    config.assetCount = 200;
    config.days = 730;
    config.interval = Interval::Hour;
    return config;
}

} // namespace

// The `demo` command's worst case: 200 assets x 730 days of hourly bars (3.5M candles), one
// thread, one reused buffer, simulator construction included.
static void BM_SimulateDemoMarket(benchmark::State &state)
{
    const SimulationConfig config = demoConfig();
    std::vector<Candle> candles;
    qint64 generated = 0;
    for (auto _ : state) {
        const MarketSimulator sim(config);
        for (int i = 0; i < config.assetCount; ++i) {
            sim.generateCandles(i, candles);
            benchmark::DoNotOptimize(candles.data());
            generated += qint64(candles.size());
        }
        benchmark::ClobberMemory();
    }
    state.counters["candles/s"] =
        benchmark::Counter(double(generated), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SimulateDemoMarket)->Unit(benchmark::kMillisecond)->UseRealTime();

// Construction alone: asset catalog, regimes and the factor paths shared by all assets.
static void BM_SimulatorConstruction(benchmark::State &state)
{
    const SimulationConfig config = demoConfig();
    for (auto _ : state) {
        MarketSimulator sim(config);
        benchmark::DoNotOptimize(sim.marketReturns().data());
    }
}
BENCHMARK(BM_SimulatorConstruction)->Unit(benchmark::kMillisecond);

// One asset's path: the per-candle cost without the constructor.
static void BM_GenerateOneAsset(benchmark::State &state)
{
    const SimulationConfig config = demoConfig();
    const MarketSimulator sim(config);
    std::vector<Candle> candles;
    qint64 generated = 0;
    for (auto _ : state) {
        sim.generateCandles(int(state.iterations() % config.assetCount), candles);
        benchmark::DoNotOptimize(candles.data());
        generated += qint64(candles.size());
    }
    state.counters["candles/s"] =
        benchmark::Counter(double(generated), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_GenerateOneAsset)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
