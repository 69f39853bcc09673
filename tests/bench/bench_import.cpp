// Importer parsing alone (issue 5): how fast Binance klines and OHLCV CSV text become validated
// candles, without a database. The database side is measured by import_write.sh.
#include <app/importers/candlereader.h>

#include <QBuffer>

#include <benchmark/benchmark.h>

namespace {

QByteArray klineText(int rows)
{
    QByteArray out;
    out.reserve(rows * 110);
    qint64 t = 1577836800000;
    double p = 30000.0;
    for (int i = 0; i < rows; ++i) {
        const double o = p;
        p *= 1.0 + ((i * 7919 % 1000) - 500) * 2e-6;
        const double h = std::max(o, p) * 1.0002;
        const double l = std::min(o, p) * 0.9998;
        out += QByteArray::number(t) + ',' + QByteArray::number(o, 'f', 2) + ',' +
               QByteArray::number(h, 'f', 2) + ',' + QByteArray::number(l, 'f', 2) + ',' +
               QByteArray::number(p, 'f', 2) + ",12.34567," + QByteArray::number(t + 59999) +
               ",370000.123456,321,6.17283,185000.061728,0\n";
        t += 60000;
    }
    return out;
}

QByteArray csvText(int rows)
{
    QByteArray out = "Date;Open;High;Low;Close;Volume\n";
    for (int i = 0; i < rows; ++i) {
        const qint64 t = 1577836800 + i * 60LL;
        const int s = static_cast<int>(t % 86400);
        out += "2020-01-" + QByteArray::number(1 + i / 1440).rightJustified(2, '0') + 'T' +
               QByteArray::number(s / 3600).rightJustified(2, '0') + ':' +
               QByteArray::number(s / 60 % 60).rightJustified(2, '0') +
               ":00Z;30000,5;30010,25;"
               "29990;30005,75;12,5\n";
    }
    return out;
}

void readAll(benchmark::State &state, cp::app::importers::ImportFormat format, QByteArray text)
{
    qint64 rows = 0;
    for (auto _ : state) {
        QBuffer buffer(&text);
        buffer.open(QIODevice::ReadOnly);
        const auto reader = cp::app::importers::makeCandleReader(format, buffer);
        cp::app::importers::ImportBatch batch;
        while (reader->read(batch, 8192) && batch.size() > 0)
            rows += static_cast<qint64>(batch.size());
        benchmark::DoNotOptimize(batch);
    }
    state.counters["rows/s"] =
        benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsRate);
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * text.size());
}

void BM_BinanceKlines(benchmark::State &state)
{
    readAll(state, cp::app::importers::ImportFormat::BinanceKlines,
            klineText(static_cast<int>(state.range(0))));
}
BENCHMARK(BM_BinanceKlines)->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_OhlcvCsvIsoSemicolon(benchmark::State &state)
{
    // 20 days of minutes per month-day field above, so rows stay within January.
    readAll(state, cp::app::importers::ImportFormat::OhlcvCsv,
            csvText(static_cast<int>(state.range(0))));
}
BENCHMARK(BM_OhlcvCsvIsoSemicolon)->Arg(28800)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
