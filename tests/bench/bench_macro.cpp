#include <engine/dailymarket.h>
#include <engine/macroanalyzer.h>
#include <engine/simulator.h>

#include <benchmark/benchmark.h>

#include <memory>

using namespace cp::engine;

namespace {

/**
 * 200 assets x 730 days on the daily grid. Layer 1 only reads the DailyMarket and the assets'
 * static facts, so daily bars give the same work as the pipeline's hourly ones (the grid's
 * construction from hourly bars is timed separately, as BM_DailyMarketFromHourly).
 */
struct Market
{
    std::vector<AssetHistory> assets;
    std::unique_ptr<DailyMarket> daily;
};

std::vector<AssetHistory> simulate(Interval interval)
{
    SimulationConfig config;
    config.seed = 42;
    config.assetCount = 200;
    config.days = 730;
    config.interval = interval;
    const MarketSimulator sim(config);
    std::vector<AssetHistory> assets;
    for (const SimulatedAsset &s : sim.assets()) {
        AssetHistory a;
        a.cryptoId = s.index + 1;
        a.symbol = s.symbol;
        a.sector = s.sector;
        a.circulatingSupply = s.circulatingSupply;
        a.isStablecoin = s.isStablecoin;
        sim.generateCandles(s.index, a.candles);
        assets.push_back(std::move(a));
    }
    return assets;
}

const Market &market()
{
    static std::unique_ptr<Market> cache;
    if (!cache) {
        cache = std::make_unique<Market>();
        cache->assets = simulate(Interval::Day);
        cache->daily = std::make_unique<DailyMarket>(cache->assets);
    }
    return *cache;
}

} // namespace

// The whole layer as the pipeline runs it: series, dominance, sentiment, HMM training
// (all starts) and decoding, risk, drivers.
static void BM_AnalyzeMacro(benchmark::State &state)
{
    const Market &m = market();
    for (auto _ : state) {
        MacroReport report = analyzeMacro(*m.daily, m.assets);
        benchmark::DoNotOptimize(report.analysis.regime.confidence);
    }
}
BENCHMARK(BM_AnalyzeMacro)->Unit(benchmark::kMillisecond);

// The same with a stored model: no Baum-Welch, only the forward filter and Viterbi.
static void BM_AnalyzeMacroStoredModel(benchmark::State &state)
{
    const Market &m = market();
    MacroOptions options;
    options.model = analyzeMacro(*m.daily, m.assets).regimeModel;
    for (auto _ : state) {
        MacroReport report = analyzeMacro(*m.daily, m.assets, options);
        benchmark::DoNotOptimize(report.analysis.regime.confidence);
    }
}
BENCHMARK(BM_AnalyzeMacroStoredModel)->Unit(benchmark::kMillisecond);

// Retraining alone (the model registry's "retrain").
static void BM_TrainRegimeModel(benchmark::State &state)
{
    const Market &m = market();
    for (auto _ : state) {
        auto model = trainRegimeModel(*m.daily, m.assets);
        benchmark::DoNotOptimize(model.ok());
    }
}
BENCHMARK(BM_TrainRegimeModel)->Unit(benchmark::kMillisecond);

// Regime history without look-ahead for backtests: a refit every 30 days (about 23 fits).
static void BM_WalkForwardRegimeHistory(benchmark::State &state)
{
    const Market &m = market();
    for (auto _ : state) {
        std::vector<Regime> history = walkForwardRegimeHistory(*m.daily, m.assets);
        benchmark::DoNotOptimize(history.data());
    }
}
BENCHMARK(BM_WalkForwardRegimeHistory)->Unit(benchmark::kMillisecond);

// The daily grid built from the pipeline's hourly input (3.5M candles); not layer 1's own
// cost, but what the pipeline pays before it.
static void BM_DailyMarketFromHourly(benchmark::State &state)
{
    static const std::vector<AssetHistory> hourly = simulate(Interval::Hour);
    for (auto _ : state) {
        DailyMarket daily(hourly);
        benchmark::DoNotOptimize(daily.totalMarketCap().data());
    }
}
BENCHMARK(BM_DailyMarketFromHourly)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
