#include <engine/backtester.h>
#include <engine/forecaster.h>
#include <engine/simulator.h>
#include <engine/timinganalyzer.h>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <optional>
#include <thread>

using namespace cp::engine;

namespace {

constexpr int kThreads = 2; // the target machine's cores

// 200 assets x 730 days of hourly bars (3.5M candles), generated once.
struct Market
{
    MarketSimulator sim{[] {
        SimulationConfig c;
        c.seed = 42;
        c.assetCount = 200;
        c.days = 730;
        c.interval = Interval::Hour;
        return c;
    }()};
    std::vector<AssetHistory> assets;
    TimingHistory history;

    Market()
    {
        assets.resize(std::size_t(sim.config().assetCount));
        for (int i = 0; i < sim.config().assetCount; ++i) {
            AssetHistory &a = assets[std::size_t(i)];
            a.cryptoId = i + 1;
            a.symbol = sim.assets()[std::size_t(i)].symbol;
            a.isStablecoin = sim.assets()[std::size_t(i)].isStablecoin;
            sim.generateCandles(i, a.candles);
        }
        history.regimeByDay = [this](qint64 day) -> std::optional<Regime> {
            return sim.regimeAt(day);
        };
    }
};

const Market &market()
{
    static const Market m;
    return m;
}

// Runs f(i) for every asset index on kThreads threads (the pipeline's thread pool in miniature).
template<typename F>
void forEachAsset(int count, int threads, F f)
{
    std::vector<std::thread> pool;
    for (int w = 1; w < threads; ++w)
        pool.emplace_back([&, w] {
            for (int i = w; i < count; i += threads)
                f(i);
        });
    for (int i = 0; i < count; i += threads)
        f(i);
    for (std::thread &t : pool)
        t.join();
}

} // namespace

// The whole of layer 4's signal work: scan every asset (rules, features, outcome labels) on two
// threads, pooled walk-forward training with per-fold penalty selection and calibration, the final
// model, then the current signal of every asset. Training candidates are thinned to
// WalkForwardOptions::maxTrainRows (40k) per fit.
static void BM_TimingSignalsWalkForward(benchmark::State &state)
{
    const Market &m = market();
    const int threads = int(state.range(0));
    TimingConfig config;
    config.confidenceMin = 0.4;
    const TimingAnalyzer analyzer(config, m.history);
    std::size_t candidates = 0, signals = 0;
    for (auto _ : state) {
        std::vector<AssetCandidates> scanned(m.assets.size());
        forEachAsset(int(m.assets.size()), threads, [&](int i) {
            scanned[std::size_t(i)] = analyzer.scan(m.assets[std::size_t(i)]);
        });
        const SignalModel model = analyzer.train(scanned);
        std::vector<std::optional<SignalResult>> out(m.assets.size());
        forEachAsset(int(m.assets.size()), threads, [&](int i) {
            out[std::size_t(i)] = analyzer.signalFor(
                m.assets[std::size_t(i)], scanned[std::size_t(i)], model, TimingContext{});
        });
        candidates = std::size_t(model.data.size());
        signals = std::size_t(
            std::count_if(out.begin(), out.end(), [](auto &s) { return s.has_value(); }));
        benchmark::DoNotOptimize(out.data());
    }
    state.counters["candidates"] = double(candidates);
    state.counters["signals"] = double(signals);
    state.counters["bars/s"] =
        benchmark::Counter(double(state.iterations()) * 200.0 * double(m.assets[0].candles.size()),
                           benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TimingSignalsWalkForward)
    ->Arg(1)
    ->Arg(kThreads)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Step 1 alone, one thread: indicators, rules, features and outcome labels of 3.5M bars.
static void BM_TimingScan(benchmark::State &state)
{
    const Market &m = market();
    const TimingAnalyzer analyzer(TimingConfig{}, m.history);
    for (auto _ : state)
        for (const AssetHistory &a : m.assets) {
            AssetCandidates c = analyzer.scan(a);
            benchmark::DoNotOptimize(c.candidates.data());
        }
}
BENCHMARK(BM_TimingScan)->Unit(benchmark::kMillisecond);

// Step 2 alone: the walk-forward (10 folds, 5 penalties each) and the final fit.
static void BM_TimingWalkForwardTraining(benchmark::State &state)
{
    const Market &m = market();
    const TimingAnalyzer analyzer(TimingConfig{}, m.history);
    std::vector<AssetCandidates> scanned;
    for (const AssetHistory &a : m.assets)
        scanned.push_back(analyzer.scan(a));
    for (auto _ : state) {
        const SignalModel model = analyzer.train(scanned);
        benchmark::DoNotOptimize(model.latest.trainRows);
    }
}
BENCHMARK(BM_TimingWalkForwardTraining)->Unit(benchmark::kMillisecond);

// The backtest report over the walk-forward predictions (after training).
static void BM_TimingBacktest(benchmark::State &state)
{
    const Market &m = market();
    const TimingAnalyzer analyzer(TimingConfig{}, m.history);
    std::vector<AssetCandidates> scanned;
    for (const AssetHistory &a : m.assets)
        scanned.push_back(analyzer.scan(a));
    const SignalModel model = analyzer.train(scanned);
    BacktestOptions options;
    options.regimeByDay = m.history.regimeByDay;
    for (auto _ : state) {
        const BacktestReport r = runBacktest(scanned, model, options);
        benchmark::DoNotOptimize(r.overall.allCandidates.signals);
    }
}
BENCHMARK(BM_TimingBacktest)->Unit(benchmark::kMillisecond);

// Price forecasts (24 h and 168 h, walk-forward ridge with the naive baseline) for 200 assets.
static void BM_Forecast(benchmark::State &state)
{
    const Market &m = market();
    const Forecaster forecaster;
    const int threads = int(state.range(0));
    for (auto _ : state) {
        std::vector<AssetForecast> out(m.assets.size());
        forEachAsset(int(m.assets.size()), threads, [&](int i) {
            out[std::size_t(i)] = forecaster.forecast(m.assets[std::size_t(i)]);
        });
        benchmark::DoNotOptimize(out.data());
    }
}
BENCHMARK(BM_Forecast)->Arg(1)->Arg(kThreads)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
