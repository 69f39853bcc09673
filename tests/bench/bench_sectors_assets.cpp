#include <engine/dailymarket.h>
#include <engine/sectoranalyzer.h>
#include <engine/simulator.h>
#include <engine/suggestionengine.h>

#include <benchmark/benchmark.h>

#include <memory>

using namespace cp::engine;

namespace {

/** The lead's pipeline input: 200 assets x 730 days, hourly (3.5M candles) or daily. */
struct Market
{
    std::vector<AssetHistory> assets;
    std::unique_ptr<DailyMarket> daily;
    SectorAnalysis sectors;
    MacroAnalysis macro;
};

const Market &market(Interval interval)
{
    static std::unique_ptr<Market> cache[2];
    std::unique_ptr<Market> &slot = cache[interval == Interval::Hour ? 0 : 1];
    if (slot)
        return *slot;
    SimulationConfig config;
    config.seed = 42;
    config.assetCount = 200;
    config.days = 730;
    config.interval = interval;
    const MarketSimulator sim(config);
    const QStringList sectors = MarketSimulator::sectorNames();
    slot = std::make_unique<Market>();
    for (const SimulatedAsset &s : sim.assets()) {
        AssetHistory a;
        a.cryptoId = s.index + 1;
        a.symbol = s.symbol;
        a.sector = s.sector;
        a.sectorId = int(sectors.indexOf(s.sector)) + 1;
        a.circulatingSupply = s.circulatingSupply;
        a.isStablecoin = s.isStablecoin;
        // A realistic watchlist: some assets already tracked.
        a.tier = s.index % 10 == 0 ? Tier::Tier1 : s.index % 4 == 0 ? Tier::Tier2 : Tier::None;
        sim.generateCandles(s.index, a.candles);
        slot->assets.push_back(std::move(a));
    }
    slot->daily = std::make_unique<DailyMarket>(slot->assets);
    slot->macro.regime.regime = Regime::Bull;
    slot->macro.regime.recommendedExposure = 0.7;
    slot->sectors = analyzeSectors(*slot->daily, slot->assets, slot->macro.regime);
    return *slot;
}

Interval intervalOf(const benchmark::State &state)
{
    return state.range(0) == 0 ? Interval::Hour : Interval::Day;
}

} // namespace

// Layer 2 alone: sector indices, momentum history for the rotation probability, allocation.
static void BM_AnalyzeSectors(benchmark::State &state)
{
    const Market &m = market(intervalOf(state));
    for (auto _ : state) {
        SectorAnalysis result = analyzeSectors(*m.daily, m.assets, m.macro.regime);
        benchmark::DoNotOptimize(result.sectors.data());
    }
    state.SetLabel(state.range(0) == 0 ? "hourly" : "daily");
}
BENCHMARK(BM_AnalyzeSectors)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Layer 3 alone: features of every asset, cross-sectional scores, suggestions with reasoning.
static void BM_AnalyzeAssets(benchmark::State &state)
{
    const Market &m = market(intervalOf(state));
    std::size_t suggestions = 0;
    for (auto _ : state) {
        AssetAnalysis result = analyzeAssets(m.assets, *m.daily, m.sectors, m.macro, {});
        suggestions = result.suggestions.size();
        benchmark::DoNotOptimize(result.scores.data());
    }
    state.counters["suggestions"] = double(suggestions);
    state.SetLabel(state.range(0) == 0 ? "hourly" : "daily");
}
BENCHMARK(BM_AnalyzeAssets)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Layers 2 + 3 with the daily grid they share (built once per run by the pipeline).
static void BM_SectorsAndAssetsWithGrid(benchmark::State &state)
{
    const Market &m = market(intervalOf(state));
    for (auto _ : state) {
        const DailyMarket daily(m.assets);
        const SectorAnalysis sectors = analyzeSectors(daily, m.assets, m.macro.regime);
        AssetAnalysis assets = analyzeAssets(m.assets, daily, sectors, m.macro, {});
        benchmark::DoNotOptimize(assets.scores.data());
    }
    state.SetLabel(state.range(0) == 0 ? "hourly" : "daily");
}
BENCHMARK(BM_SectorsAndAssetsWithGrid)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
