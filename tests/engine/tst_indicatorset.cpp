#include "indicatortestdata.h"

#include <engine/indicatorset.h>

#include <QTest>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

using namespace cp::engine;
using namespace testdata;

class tst_IndicatorSet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void columnNames();
    void lookbackIndices_data();
    void lookbackIndices();
    void tableMatchesReference_data();
    void tableMatchesReference();
    void batchMatchesReference();
    void nonFiniteSeriesUseGapRules();
    void constantSeries();
    void batchBandsDoNotDrift();
};

void tst_IndicatorSet::columnNames()
{
    const char *expected[] = {"sma_20",    "ema_20",   "rsi_14",    "macd",     "macd_signal",
                              "macd_hist", "bb_upper", "bb_middle", "bb_lower", "atr_14",
                              "adx_14",    "stoch_k",  "stoch_d",   "obv"};
    QCOMPARE(int(kIndicatorColumns.size()), IndicatorTable::ColumnCount);
    for (int i = 0; i < IndicatorTable::ColumnCount; ++i) {
        QCOMPARE(int(kIndicatorColumns[i]), i);
        QCOMPARE(IndicatorTable::columnName(kIndicatorColumns[i]), expected[i]);
    }
    IndicatorTable t;
    t.resize(7);
    for (IndicatorTable::Column c : kIndicatorColumns)
        QCOMPARE(t.column(c).size(), std::size_t(7));
    QVERIFY(&t.column(IndicatorTable::Column::StochD) == &t.stochD);
    QVERIFY(&t.column(IndicatorTable::Column::Obv) == &t.obv);
}

void tst_IndicatorSet::lookbackIndices_data()
{
    // TA-Lib's TA_xxx_Lookback for the standard parameters.
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("first");
    const int first[] = {19, 19, 14, 33, 33, 33, 19, 19, 19, 14, 27, 17, 17, 0};
    for (int i = 0; i < IndicatorTable::ColumnCount; ++i)
        QTest::newRow(IndicatorTable::columnName(IndicatorTable::Column(i))) << i << first[i];
}

void tst_IndicatorSet::lookbackIndices()
{
    QFETCH(int, column);
    QFETCH(int, first);
    const auto c = IndicatorTable::Column(column);
    const Series s = makeSeries(200, 10.0, 77);
    const IndicatorTable single = computeIndicatorTable(s.candles);
    const std::span<const Candle> one(s.candles);
    const std::vector<IndicatorTable> batch = computeIndicatorTables({&one, 1});
    QCOMPARE(IndicatorTable::lookback(c), first);
    for (const IndicatorTable *t : {&single, &batch[0]}) {
        const std::vector<double> &v = t->column(c);
        QCOMPARE(firstDefined(v), std::size_t(first));
        QCOMPARE(std::count_if(v.begin(), v.end(), [](double q) { return std::isnan(q); }),
                 std::ptrdiff_t(first));
    }
}

void tst_IndicatorSet::tableMatchesReference_data()
{
    QTest::addColumn<double>("price");
    QTest::addColumn<int>("length");
    QTest::newRow("50000") << 50000.0 << 3000;
    QTest::newRow("1") << 1.0 << 3000;
    QTest::newRow("1e-6") << 1e-6 << 3000;
    QTest::newRow("crosses re-sum blocks") << 700.0 << 6200;
    QTest::newRow("crash") << -1e4 << 6000; // negative price: falls 1% a bar from 1e4
}

void tst_IndicatorSet::tableMatchesReference()
{
    QFETCH(double, price);
    QFETCH(int, length);
    const Series s = price < 0 ? makeSeries(std::size_t(length), -price, 11, -0.01)
                               : makeSeries(std::size_t(length), price, quint64(length));
    QVERIFY(tableAgrees(computeIndicatorTable(s.candles), s));
    const std::span<const Candle> one(s.candles);
    QVERIFY(tableAgrees(computeIndicatorTables({&one, 1})[0], s));
}

void tst_IndicatorSet::batchMatchesReference()
{
    // Lengths around the look-backs, the 128-bar blocks and the 2048-bar re-sums; more series
    // than one lock-step group, so groups are partly filled and lanes end at different bars.
    const std::size_t lengths[] = {0,   1,   17,   33,   34,   35,   100,  127, 128, 129,
                                   300, 999, 2047, 2048, 2100, 4500, 5000, 64,  3};
    std::vector<Series> data;
    std::vector<std::span<const Candle>> spans;
    quint64 seed = 100;
    for (std::size_t n : lengths) {
        data.push_back(makeSeries(n, seed % 3 == 0 ? 0.002 : 30000.0 / double(seed), seed));
        ++seed;
    }
    for (const Series &s : data)
        spans.emplace_back(s.candles);
    const std::vector<IndicatorTable> tables = computeIndicatorTables(spans);
    QCOMPARE(tables.size(), data.size());
    for (std::size_t i = 0; i < data.size(); ++i) {
        QCOMPARE(tables[i].size(), data[i].candles.size());
        QVERIFY2(tableAgrees(tables[i], data[i]), qPrintable(QString::number(lengths[i])));
    }
}

void tst_IndicatorSet::nonFiniteSeriesUseGapRules()
{
    // A NaN volume touches only OBV; a NaN close restarts every close-based column.
    Series clean = makeSeries(500, 20.0, 5);
    Series gappy = clean;
    gappy.candles[120].volume = std::numeric_limits<double>::quiet_NaN();
    Series gappyClose = clean;
    gappyClose.candles[300].close = std::numeric_limits<double>::infinity();

    const std::span<const Candle> spans[] = {clean.candles, gappy.candles, gappyClose.candles};
    const std::vector<IndicatorTable> batch = computeIndicatorTables(spans);
    const IndicatorTable single = computeIndicatorTable(gappy.candles);
    for (const IndicatorTable *t : {&batch[1], &single}) {
        QVERIFY(agrees(t->rsi14, batch[0].rsi14, 1e-3, "rsi"));
        QVERIFY(agrees(t->adx14, batch[0].adx14, 1e-3, "adx"));
        QVERIFY(std::isnan(t->obv[120]));
        QCOMPARE(t->obv[121], clean.volume[121]);
        QCOMPARE(t->obv[119], batch[0].obv[119]);
    }
    const IndicatorTable &c = batch[2];
    QVERIFY(std::isnan(c.sma20[300]) && std::isnan(c.atr14[300]) && std::isnan(c.obv[300]));
    QVERIFY(std::isnan(c.sma20[300 + 19]) && !std::isnan(c.sma20[301 + 19]));
    QVERIFY(std::isnan(c.adx14[301 + 26]) && !std::isnan(c.adx14[301 + 27]));
    QCOMPARE(c.sma20[299], batch[0].sma20[299]);
}

void tst_IndicatorSet::constantSeries()
{
    std::vector<Candle> candles(100, Candle{0, 7.5, 7.5, 7.5, 7.5, 2.0});
    const std::span<const Candle> one(candles);
    for (const IndicatorTable &t :
         {computeIndicatorTable(candles), computeIndicatorTables({&one, 1})[0]}) {
        for (std::size_t i = 40; i < 100; ++i) {
            QCOMPARE(t.rsi14[i], 0.0);
            QCOMPARE(t.atr14[i], 0.0);
            QCOMPARE(t.adx14[i], 0.0);
            QCOMPARE(t.stochK[i], 0.0);
            QCOMPARE(t.stochD[i], 0.0);
            QCOMPARE(t.obv[i], 2.0);
            QCOMPARE(t.sma20[i], 7.5);
            QCOMPARE(t.bbUpper[i], 7.5);
            QCOMPARE(t.bbLower[i], 7.5);
            QCOMPARE(t.macd[i], 0.0);
        }
    }
}

void tst_IndicatorSet::batchBandsDoNotDrift()
{
    // One million bars through the lock-step kernel: first near 1e5 with a deviation of about
    // 1 (cancellation in sums of squares), then a crash to 0.1 (a running sum keeps the
    // rounding of the 1e5 era, large against the prices at the end).
    const std::size_t n = 1'000'000;
    std::vector<Candle> candles(n);
    std::mt19937_64 rng(8);
    for (std::size_t t = 0; t < n; ++t) {
        const double noise = double(rng() >> 11) * 0x1.0p-53 - 0.5;
        const double x = t < n / 2 ? 1e5 + noise * 3.0
                                   : 1e5 * std::exp(-13.8 * double(t - n / 2) / double(n / 2)) *
                                         (1.0 + 0.01 * noise);
        candles[t] = Candle{qint64(t), x, x * 1.001, x * 0.999, x, 1.0};
    }
    const std::span<const Candle> one(candles);
    const IndicatorTable t = computeIndicatorTables({&one, 1})[0];
    std::vector<std::size_t> ends;
    for (std::size_t end = n / 2 - 50; end < n / 2; ++end)
        ends.push_back(end);
    for (std::size_t end = n - 50; end < n; ++end)
        ends.push_back(end);
    for (std::size_t end : ends) {
        double mean = 0.0;
        for (std::size_t i = end - 19; i <= end; ++i)
            mean += candles[i].close;
        mean /= 20;
        double ss = 0.0;
        for (std::size_t i = end - 19; i <= end; ++i)
            ss += (candles[i].close - mean) * (candles[i].close - mean);
        const double sd = std::sqrt(ss / 20);
        QVERIFY(std::fabs((t.bbUpper[end] - t.bbLower[end]) / 4.0 - sd) <= 1e-9 * sd);
        QVERIFY(std::fabs(t.bbMiddle[end] - mean) <= 1e-12 * mean);
    }
}

QTEST_MAIN(tst_IndicatorSet)
#include "tst_indicatorset.moc"
