// The live write path (issue 5): how many coalesced tick batches per second MarketDataWriter
// writes into each dialect. A batch is what LiveFeed flushes every 2 s: per symbol, the hourly
// bar in progress (upserted over itself until the hour closes) and the last price for
// cryptocurrencies.current_price, in one transaction. Also a REST gap fill: 1,000 closed bars
// of one pair. PostgreSQL runs when CRYPTOPREDICT_TEST_PG is set (scripts/with-postgres.sh).
// Rates are per wall-clock second (UseRealTime): PostgreSQL's work happens in the server.
#include <testdatabase.h>

#include <app/marketdata/marketdatawriter.h>

#include <QCoreApplication>
#include <QHash>

#include <benchmark/benchmark.h>

#include <memory>

using cp::app::marketdata::MarketDataWriter;

namespace {

// 2024-01-01T00:00:00Z.
constexpr qint64 kStart = 1704067200;
// Flushes per hourly bar at one flush every 2 s.
constexpr qint64 kFlushesPerBar = 1800;

struct Batch
{
    QHash<QString, std::vector<cp::engine::Candle>> bars;
    QHash<QString, double> prices;
    qint64 time = 0;
};

// Flush number `n` for `symbols` pairs: the bar of its hour, its close moving with n.
Batch liveBatch(int symbols, qint64 n)
{
    Batch batch;
    batch.time = kStart + n * 2;
    const qint64 bar = kStart + (n / kFlushesPerBar) * 3600;
    for (int s = 0; s < symbols; ++s) {
        const QString symbol = QStringLiteral("S%1").arg(s);
        const double close = 100.0 + s + double(n % 97) * 0.01;
        batch.bars[symbol] = {{bar, 100.0 + s, close + 1.0, 99.0 + s, close, 1.0 + double(n % 13)}};
        batch.prices[symbol] = close;
    }
    return batch;
}

std::unique_ptr<cp::test::ScratchDatabase> scratch(benchmark::State &state, const QString &dialect)
{
    auto db = std::make_unique<cp::test::ScratchDatabase>(dialect);
    if (db->isUnavailable()) {
        state.SkipWithError("no PostgreSQL server (CRYPTOPREDICT_TEST_PG)");
        return nullptr;
    }
    if (!db->isValid()) {
        state.SkipWithError(qPrintable(db->errorString()));
        return nullptr;
    }
    return db;
}

void liveFlushes(benchmark::State &state, const QString &dialect)
{
    const int symbols = int(state.range(0));
    const auto db = scratch(state, dialect);
    if (!db)
        return;
    MarketDataWriter writer(db->database());
    // The first flush creates the assets: not what is measured.
    qint64 n = 0;
    {
        const Batch first = liveBatch(symbols, n++);
        if (!writer.writeLiveBatch(first.bars, first.prices, first.time)) {
            state.SkipWithError("first batch failed");
            return;
        }
    }
    qint64 bars = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const Batch batch = liveBatch(symbols, n++);
        state.ResumeTiming();
        const auto written = writer.writeLiveBatch(batch.bars, batch.prices, batch.time);
        if (!written) {
            state.SkipWithError(qPrintable(written.error()));
            return;
        }
        bars += symbols;
    }
    state.counters["batches/s"] =
        benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["bars/s"] = benchmark::Counter(double(bars), benchmark::Counter::kIsRate);
}

void gapFill(benchmark::State &state, const QString &dialect)
{
    const auto db = scratch(state, dialect);
    if (!db)
        return;
    MarketDataWriter writer(db->database());
    qint64 round = 0;
    qint64 bars = 0;
    for (auto _ : state) {
        state.PauseTiming();
        // New hours each round, as after a reconnect.
        std::vector<cp::engine::Candle> candles;
        candles.reserve(1000);
        for (int i = 0; i < 1000; ++i) {
            const qint64 t = kStart + (round * 1000 + i) * 3600;
            candles.push_back({t, 100.0, 101.0, 99.0, 100.5, 10.0});
        }
        ++round;
        const QHash<QString, std::vector<cp::engine::Candle>> batch{
            {QStringLiteral("BTC"), candles}};
        state.ResumeTiming();
        const auto written = writer.writeLiveBatch(batch, {}, 0);
        if (!written) {
            state.SkipWithError(qPrintable(written.error()));
            return;
        }
        bars += 1000;
    }
    state.counters["bars/s"] = benchmark::Counter(double(bars), benchmark::Counter::kIsRate);
}

} // namespace

BENCHMARK_CAPTURE(liveFlushes, sqlite, QStringLiteral("sqlite"))
    ->Arg(2)
    ->Arg(20)
    ->Arg(200)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(liveFlushes, postgresql, QStringLiteral("postgresql"))
    ->Arg(2)
    ->Arg(20)
    ->Arg(200)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(gapFill, sqlite, QStringLiteral("sqlite"))
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(gapFill, postgresql, QStringLiteral("postgresql"))
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

int main(int argc, char **argv)
{
    // The SQL drivers are plugins: a QCoreApplication finds them like the application does.
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
