#include "indicatortestdata.h"

#include <engine/indicators.h>
#include <engine/indicatorset.h>

#include <QTest>

#include <array>
#include <cmath>
#include <limits>
#include <random>
#include <utility>
#include <vector>

using namespace cp::engine;
using Vec = std::vector<double>;

using namespace testdata;

class tst_Indicators : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreesWithReference_data();
    void agreesWithReference();
    void otherPeriods_data();
    void otherPeriods();
    void handComputedExamples();
    void shortSeries();
    void constantPrices();
    void gapsRestartIndicators();
    void rollingStdDevDoesNotDrift();
    void badArguments();
};

void tst_Indicators::agreesWithReference_data()
{
    QTest::addColumn<double>("price");
    QTest::addColumn<int>("length");
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<double>("drift");
    QTest::newRow("btc-like 50000") << 50000.0 << 3000 << quint64(1) << 0.0;
    QTest::newRow("unit price") << 1.0 << 3000 << quint64(2) << 0.0;
    QTest::newRow("sub-cent 1e-6") << 1e-6 << 3000 << quint64(3) << 0.0;
    // Longer than one re-summation block of the rolling sums (2048 outputs).
    QTest::newRow("long 7000 bars") << 300.0 << 7000 << quint64(4) << 0.0;
    // Every window below the previous ones: stale values from an earlier block would show.
    QTest::newRow("crash") << 1e4 << 6000 << quint64(6) << -0.01;
    QTest::newRow("rally") << 1e-3 << 6000 << quint64(7) << 0.01;
}

void tst_Indicators::agreesWithReference()
{
    QFETCH(double, price);
    QFETCH(int, length);
    QFETCH(quint64, seed);
    QFETCH(double, drift);
    const Series s = makeSeries(std::size_t(length), price, seed, drift);
    const std::size_t n = s.close.size();
    const double osc = 1e-3;
    const Vec *scale = &s.close; // MACD and ATR are compared against the price at the bar

    QVERIFY(agrees(run1(&sma, s.close, 20), reference::sma(s.close, 20), 0.0, "sma"));
    QVERIFY(agrees(run1(&ema, s.close, 20), reference::ema(s.close, 20), 0.0, "ema"));
    QVERIFY(agrees(run1(&rsi, s.close, 14), reference::rsi(s.close, 14), osc, "rsi"));

    Vec line(n), signal(n), hist(n);
    QVERIFY(macd(s.close, {line, signal, hist}, 12, 26, 9));
    const auto m = reference::macd(s.close, 12, 26, 9);
    QVERIFY(agrees(line, m.line, 1e-6, "macd", scale));
    QVERIFY(agrees(signal, m.signal, 1e-6, "signal", scale));
    QVERIFY(agrees(hist, m.hist, 1e-6, "hist", scale));

    Vec up(n), mid(n), low(n);
    QVERIFY(bollinger(s.close, {up, mid, low}, 20, 2.0));
    const auto b = reference::bollinger(s.close, 20, 2.0);
    QVERIFY(agrees(up, b.upper, 0.0, "bb upper"));
    QVERIFY(agrees(mid, b.middle, 0.0, "bb middle"));
    QVERIFY(agrees(low, b.lower, 0.0, "bb lower"));
    // The deviation itself, not only the bands it is small against.
    Vec sd(n), sdRef(n);
    for (std::size_t t = 0; t < n; ++t) {
        sd[t] = up[t] - mid[t];
        sdRef[t] = b.upper[t] - b.middle[t];
    }
    QVERIFY(agrees(sd, sdRef, 1e-6, "bb width", scale));

    Vec out(n);
    QVERIFY(atr(s.high, s.low, s.close, out, 14));
    QVERIFY(agrees(out, reference::atr(s.high, s.low, s.close, 14), 1e-6, "atr", scale));
    QVERIFY(adx(s.high, s.low, s.close, out, 14));
    QVERIFY(agrees(out, reference::adx(s.high, s.low, s.close, 14), osc, "adx"));

    Vec k(n), d(n);
    QVERIFY(stochastic(s.high, s.low, s.close, {k, d}, 14, 3, 3));
    const auto st = reference::stochastic(s.high, s.low, s.close, 14, 3, 3);
    QVERIFY(agrees(k, st.k, osc, "stoch k"));
    QVERIFY(agrees(d, st.d, osc, "stoch d"));

    QVERIFY(obv(s.close, s.volume, out));
    QVERIFY(agrees(out, reference::obv(s.close, s.volume), 1000.0, "obv"));

    QVERIFY(rollingVolatility(s.close, out, 20));
    QVERIFY(agrees(out, reference::volatility(s.close, 20), 1e-6, "volatility"));
}

void tst_Indicators::otherPeriods_data()
{
    QTest::addColumn<int>("period");
    for (int p : {1, 2, 3, 5, 9, 50, 200})
        QTest::newRow(qPrintable(QString::number(p))) << p;
}

void tst_Indicators::otherPeriods()
{
    QFETCH(int, period);
    const Series s = makeSeries(2500, 80.0, 10 + quint64(period));
    const std::size_t n = s.close.size();
    QVERIFY(agrees(run1(&sma, s.close, period), reference::sma(s.close, period), 0.0, "sma"));
    QVERIFY(agrees(run1(&ema, s.close, period), reference::ema(s.close, period), 0.0, "ema"));
    Vec out(n);
    QVERIFY(atr(s.high, s.low, s.close, out, period));
    QVERIFY(agrees(out, reference::atr(s.high, s.low, s.close, period), 1e-4, "atr"));
    Vec up(n), mid(n), low(n);
    QVERIFY(bollinger(s.close, {up, mid, low}, period, 1.5));
    QVERIFY(agrees(low, reference::bollinger(s.close, period, 1.5).lower, 0.0, "bb lower"));
    Vec k(n), d(n);
    QVERIFY(stochastic(s.high, s.low, s.close, {k, d}, period, 2, 4));
    const auto st = reference::stochastic(s.high, s.low, s.close, period, 2, 4);
    QVERIFY(agrees(k, st.k, 1e-3, "stoch k"));
    QVERIFY(agrees(d, st.d, 1e-3, "stoch d"));
    if (period >= 2) {
        QVERIFY(agrees(run1(&rsi, s.close, period), reference::rsi(s.close, period), 1e-3, "rsi"));
        QVERIFY(adx(s.high, s.low, s.close, out, period));
        QVERIFY(agrees(out, reference::adx(s.high, s.low, s.close, period), 1e-3, "adx"));
        QVERIFY(rollingVolatility(s.close, out, period));
        QVERIFY(agrees(out, reference::volatility(s.close, period), 1e-6, "volatility"));
        Vec line(n), signal(n), hist(n);
        const int slow = period + 3;
        QVERIFY(macd(s.close, {line, signal, hist}, period, slow, period));
        const auto m = reference::macd(s.close, period, slow, period);
        QVERIFY(agrees(line, m.line, 1e-4, "macd"));
        QVERIFY(agrees(hist, m.hist, 1e-4, "macd hist"));
    }
}

void tst_Indicators::handComputedExamples()
{
    const double nan = reference::NaN;
    const auto near = [](const Vec &a, const Vec &e) { return agrees(a, e, 1e-9, "hand"); };

    // SMA(3) of 1..5: (1+2+3)/3 = 2, then 3, 4.
    QVERIFY(near(run1(&sma, {1, 2, 3, 4, 5}, 3), {nan, nan, 2, 3, 4}));
    // EMA(3), k = 1/2: seed mean(1,2,3) = 2; 2 + (4-2)/2 = 3; 3 + (5-3)/2 = 4; 4 + (8-4)/2 = 6.
    QVERIFY(near(run1(&ema, {1, 2, 3, 4, 5, 8}, 3), {nan, nan, 2, 3, 4, 6}));
    // RSI(2) of 1, 2, 1, 3, 3: changes +1, -1, +2, 0.
    //   t=2: gain (1+0)/2 = 0.5, loss (0+1)/2 = 0.5 -> 50.
    //   t=3: gain (0.5*1 + 2)/2 = 1.25, loss (0.5*1 + 0)/2 = 0.25 -> 100*1.25/1.5 = 83.33...
    //   t=4: gain (1.25 + 0)/2 = 0.625, loss 0.125 -> 100*0.625/0.75 = 83.33...
    QVERIFY(near(run1(&rsi, {1, 2, 1, 3, 3}, 2), {nan, nan, 50, 250.0 / 3, 250.0 / 3}));

    // MACD(2, 3, 2) of 1, 3, 2, 5, 4, 8 (k = 2/3 fast, 1/2 slow, 2/3 signal), in fractions:
    //   t=2: slow = mean(1,3,2) = 2, fast = mean(3,2) = 5/2, line = 1/2.
    //   t=3: fast = 5/2 + 2/3(5 - 5/2) = 25/6, slow = 2 + 1/2(5-2) = 7/2, line = 2/3;
    //        signal = mean(1/2, 2/3) = 7/12, hist = 1/12.
    //   t=4: fast = 73/18, slow = 15/4, line = 11/36, signal = 43/108, hist = -5/54.
    //   t=5: fast = 361/54, slow = 47/8, line = 175/216, signal = 109/162, hist = 89/648.
    {
        const Vec x = {1, 3, 2, 5, 4, 8};
        Vec line(6), signal(6), hist(6);
        QVERIFY(macd(x, {line, signal, hist}, 2, 3, 2));
        QVERIFY(near(line, {nan, nan, nan, 2.0 / 3, 11.0 / 36, 175.0 / 216}));
        QVERIFY(near(signal, {nan, nan, nan, 7.0 / 12, 43.0 / 108, 109.0 / 162}));
        QVERIFY(near(hist, {nan, nan, nan, 1.0 / 12, -5.0 / 54, 89.0 / 648}));
    }
    // Bollinger(4, 2) of 1, 2, 3, 4: mean 2.5, population variance 1.25, so 2.5 +- sqrt(5).
    {
        Vec up(4), mid(4), low(4);
        QVERIFY(bollinger(Vec{1, 2, 3, 4}, {up, mid, low}, 4, 2.0));
        QVERIFY(near(up, {nan, nan, nan, 2.5 + std::sqrt(5.0)}));
        QVERIFY(near(mid, {nan, nan, nan, 2.5}));
        QVERIFY(near(low, {nan, nan, nan, 2.5 - std::sqrt(5.0)}));
    }
    // ATR(2) of (h, l, c) = (10,8,9), (11,9,10), (12,9,11), (11,10,10):
    //   TR1 = max(2, |11-9|, |9-9|) = 2, TR2 = max(3, |12-10|, |9-10|) = 3,
    //   TR3 = max(1, |11-11|, |10-11|) = 1; ATR2 = (2+3)/2 = 2.5, ATR3 = (2.5 + 1)/2 = 1.75.
    {
        Vec out(4);
        QVERIFY(atr(Vec{10, 11, 12, 11}, Vec{8, 9, 9, 10}, Vec{9, 10, 11, 10}, out, 2));
        QVERIFY(near(out, {nan, nan, 2.5, 1.75}));
    }
    // ADX(2) of (h, l, c) = (10,8,9), (12,9,11), (13,11,12), (12,10,10), (11,8,9):
    //   t=1: +DM 2, -DM 0, TR 3 (sums of the first p-1 = 1 bar).
    //   t=2: +DM 1, TR 2: +DM2 = 2 - 2/2 + 1 = 2, -DM2 = 0, TR2 = 3 - 3/2 + 2 = 3.5; DX = 100.
    //   t=3: -DM 1, TR 2: +DM2 = 1, -DM2 = 1, TR2 = 3.75; DX = 0. ADX = (100 + 0)/2 = 50.
    //   t=4: -DM 2, TR 3: +DM2 = 0.5, -DM2 = 2.5; DX = 100*2/3; ADX = (50 + 200/3)/2 = 175/3.
    {
        Vec out(5);
        QVERIFY(adx(Vec{10, 12, 13, 12, 11}, Vec{8, 9, 11, 10, 8}, Vec{9, 11, 12, 10, 9}, out, 2));
        QVERIFY(near(out, {nan, nan, nan, 50, 175.0 / 3}));
    }
    // Stochastic(3, 2, 2) of highs 3,4,5,6,5,4, lows 1,2,3,4,3,2, closes 2,3,4,5,4,3:
    //   raw %K t=2..5: (4-1)/(5-1) = 75, (5-2)/(6-2) = 75, (4-3)/(6-3) = 33.33, (3-2)/(6-2) = 25.
    //   %K = mean of 2: t=3 75, t=4 54.1667, t=5 29.1667; %D = mean of 2 %K: t=4 64.5833,
    //   t=5 41.6667. Look-back 2 + 1 + 1 = 4.
    {
        Vec k(6), d(6);
        QVERIFY(stochastic(Vec{3, 4, 5, 6, 5, 4}, Vec{1, 2, 3, 4, 3, 2}, Vec{2, 3, 4, 5, 4, 3},
                           {k, d}, 3, 2, 2));
        const double third = 100.0 / 3;
        QVERIFY(near(k, {nan, nan, nan, nan, (75 + third) / 2, (third + 25) / 2}));
        QVERIFY(near(d, {nan, nan, nan, nan, (75 + (75 + third) / 2) / 2,
                         ((75 + third) / 2 + (third + 25) / 2) / 2}));
    }
    // OBV: starts at the first volume; up +200, flat +0, down -50.
    {
        Vec out(4);
        QVERIFY(obv(Vec{10, 11, 11, 9}, Vec{100, 200, 300, 50}, out));
        QVERIFY(near(out, {100, 300, 300, 250}));
    }
    // Volatility(2): log returns ln2, ln2, 0 -> sample sd of (ln2, ln2) = 0, of (ln2, 0) =
    // ln2/sqrt(2).
    QVERIFY(near(run1(&rollingVolatility, {1, 2, 4, 4}, 2),
                 {nan, nan, 0, std::log(2.0) / std::sqrt(2.0)}));
}

void tst_Indicators::shortSeries()
{
    // Up to and including the look-back: all NaN; one bar more: exactly one value.
    const Series s = makeSeries(40, 5.0, 9);
    for (std::size_t len = 0; len <= 40; ++len) {
        const std::span<const double> c(s.close.data(), len), h(s.high.data(), len),
            l(s.low.data(), len), v(s.volume.data(), len);
        Vec a(len), b(len), x(len);
        const auto nans = [](const Vec &o) {
            return std::size_t(
                std::count_if(o.begin(), o.end(), [](double q) { return std::isnan(q); }));
        };
        const auto expect = [&](const Vec &o, int lookback) {
            return nans(o) == std::min(len, std::size_t(lookback));
        };
        QVERIFY(sma(c, a, 20) && expect(a, 19));
        QVERIFY(ema(c, a, 20) && expect(a, 19));
        QVERIFY(rsi(c, a, 14) && expect(a, 14));
        QVERIFY(macd(c, {a, b, x}, 12, 26, 9) && expect(a, 33) && expect(b, 33) && expect(x, 33));
        QVERIFY(bollinger(c, {a, b, x}, 20, 2.0) && expect(a, 19) && expect(x, 19));
        QVERIFY(atr(h, l, c, a, 14) && expect(a, 14));
        QVERIFY(adx(h, l, c, a, 14) && expect(a, 27));
        QVERIFY(stochastic(h, l, c, {a, b}, 14, 3, 3) && expect(a, 17) && expect(b, 17));
        QVERIFY(obv(c, v, a) && expect(a, 0));
        QVERIFY(rollingVolatility(c, a, 20) && expect(a, 20));
    }
}

void tst_Indicators::constantPrices()
{
    const std::size_t n = 120;
    const double p = 0.1; // not exact in binary: sums of it round
    const Vec c(n, p), v(n, 5.0), wide_h(n, p + 0.01), wide_l(n, p - 0.01);
    Vec a(n), b(n), x(n);
    const auto all = [](const Vec &o, std::size_t from, auto pred) {
        return std::all_of(o.begin() + from, o.end(), pred);
    };
    const auto is = [](double want) { return [want](double q) { return q == want; }; };

    QVERIFY(sma(c, a, 20) && all(a, 19, [&](double q) { return std::fabs(q - p) <= 1e-15; }));
    QVERIFY(ema(c, a, 20) && all(a, 19, [&](double q) { return std::fabs(q - p) <= 1e-15; }));
    // A flat window has no gain and no loss: TA-Lib's RSI is 0 there (not 50).
    QVERIFY(rsi(c, a, 14) && all(a, 14, is(0.0)));
    QVERIFY(macd(c, {a, b, x}, 12, 26, 9));
    QVERIFY(all(a, 33, [](double q) { return std::fabs(q) <= 1e-15; }));
    QVERIFY(all(x, 33, [](double q) { return std::fabs(q) <= 1e-15; }));
    QVERIFY(bollinger(c, {a, b, x}, 20, 2.0));
    QVERIFY(all(a, 19, [&](double q) { return std::fabs(q - p) <= 1e-15; }));
    QVERIFY(all(x, 19, [&](double q) { return std::fabs(q - p) <= 1e-15; }));
    // High = low = close: no range at all.
    QVERIFY(atr(c, c, c, a, 14) && all(a, 14, is(0.0)));
    QVERIFY(adx(c, c, c, a, 14) && all(a, 27, is(0.0)));
    QVERIFY(stochastic(c, c, c, {a, b}, 14, 3, 3) && all(a, 17, is(0.0)) && all(b, 17, is(0.0)));
    QVERIFY(obv(c, v, a) && all(a, 0, is(5.0)));
    QVERIFY(rollingVolatility(c, a, 20) && all(a, 20, is(0.0)));
    // A constant range around a constant close: ATR is the range, no direction, %K mid-range.
    QVERIFY(atr(wide_h, wide_l, c, a, 14) &&
            all(a, 14, [](double q) { return std::fabs(q - 0.02) < 1e-15; }));
    QVERIFY(adx(wide_h, wide_l, c, a, 14) && all(a, 27, is(0.0)));
    QVERIFY(stochastic(wide_h, wide_l, c, {a, b}, 14, 3, 3));
    QVERIFY(all(a, 17, [](double q) { return std::fabs(q - 50.0) < 1e-12; }));
    QVERIFY(all(b, 17, [](double q) { return std::fabs(q - 50.0) < 1e-12; }));
}

void tst_Indicators::gapsRestartIndicators()
{
    // A non-finite bar is NaN in the output, and the indicator restarts after it exactly as
    // if the series began at the next bar.
    Series s = makeSeries(400, 50.0, 21);
    Vec c = s.close, h = s.high, l = s.low, v = s.volume;
    c[100] = reference::NaN;
    c[250] = std::numeric_limits<double>::infinity();
    h[180] = reference::NaN;
    v[300] = -std::numeric_limits<double>::infinity();
    const std::size_t n = c.size();
    const auto same = [](const Vec &whole, std::size_t from, const Vec &part) {
        for (std::size_t i = 0; i < part.size(); ++i) {
            const double a = whole[from + i];
            if (!(a == part[i] || (std::isnan(a) && std::isnan(part[i]))))
                return false;
        }
        return true;
    };
    const auto slice = [](const Vec &x, std::size_t b, std::size_t e) {
        return Vec(x.begin() + std::ptrdiff_t(b), x.begin() + std::ptrdiff_t(e));
    };
    // Close-only indicators: runs [0,100), [101,250), [251,400).
    for (auto f : {&sma, &ema, &rsi, &rollingVolatility}) {
        const Vec whole = run1(f, c, 14);
        QVERIFY(std::isnan(whole[100]) && std::isnan(whole[250]));
        QVERIFY(same(whole, 0, run1(f, slice(c, 0, 100), 14)));
        QVERIFY(same(whole, 101, run1(f, slice(c, 101, 250), 14)));
        QVERIFY(same(whole, 251, run1(f, slice(c, 251, n), 14)));
    }
    // High/low/close indicators also restart at the high gap (180); OBV at the volume gap.
    const auto hlc = [&](std::size_t b, std::size_t e) {
        const Vec hs = slice(h, b, e), ls = slice(l, b, e), cs = slice(c, b, e);
        Vec a(e - b), k(e - b), d(e - b);
        atr(hs, ls, cs, a, 14);
        stochastic(hs, ls, cs, {k, d}, 14, 3, 3);
        return std::array<Vec, 3>{a, k, d};
    };
    Vec a(n), k(n), d(n);
    QVERIFY(atr(h, l, c, a, 14));
    QVERIFY(stochastic(h, l, c, {k, d}, 14, 3, 3));
    for (auto [b, e] :
         {std::pair<std::size_t, std::size_t>{0, 100}, {101, 180}, {181, 250}, {251, n}}) {
        const auto part = hlc(b, e);
        QVERIFY(same(a, b, part[0]));
        QVERIFY(same(k, b, part[1]));
        QVERIFY(same(d, b, part[2]));
    }
    QVERIFY(std::isnan(a[180]) && std::isnan(k[180]) && std::isnan(a[100]));
    Vec o(n), op(n - 301);
    QVERIFY(obv(c, v, o));
    QVERIFY(std::isnan(o[300]) && std::isnan(o[250]) && !std::isnan(o[180]));
    QVERIFY(obv(slice(c, 301, n), slice(v, 301, n), op));
    QVERIFY(same(o, 301, op));
}

void tst_Indicators::rollingStdDevDoesNotDrift()
{
    // 10M bars near 1e5 with a deviation of about 1: a running sum of squares (TA-Lib's
    // BBANDS/STDDEV) cancels ten digits here and drifts further with every bar.
    const std::size_t n = 10'000'000;
    Vec x(n);
    std::mt19937_64 rng(5);
    double level = 1e5;
    for (std::size_t t = 0; t < n; ++t) {
        level += 0.001 * (double(rng() >> 11) * 0x1.0p-53 - 0.5);
        x[t] = level + (double(rng() >> 11) * 0x1.0p-53 - 0.5) * 3.0;
    }
    Vec sd(n);
    QVERIFY(rollingStdDev(x, sd, 20, 0));
    const auto exact = [&](std::size_t t) {
        double mean = 0.0;
        for (std::size_t i = t - 19; i <= t; ++i)
            mean += x[i];
        mean /= 20;
        double ss = 0.0;
        for (std::size_t i = t - 19; i <= t; ++i)
            ss += (x[i] - mean) * (x[i] - mean);
        return std::sqrt(ss / 20);
    };
    double worst = 0.0;
    for (std::size_t t = 19; t < n; t += 997)
        worst = std::max(worst, std::fabs(sd[t] - exact(t)) / exact(t));
    for (std::size_t t = n - 3000; t < n; ++t)
        worst = std::max(worst, std::fabs(sd[t] - exact(t)) / exact(t));
    // What a plain running sum of x and x^2 gives at the end, for the log.
    double s1 = 0.0, s2 = 0.0;
    for (std::size_t t = 0; t < n; ++t) {
        s1 += x[t];
        s2 += x[t] * x[t];
        if (t >= 20) {
            s1 -= x[t - 20];
            s2 -= x[t - 20] * x[t - 20];
        }
    }
    const double naive = std::sqrt(std::max(0.0, s2 / 20 - (s1 / 20) * (s1 / 20)));
    qInfo("worst relative error %.3g; a running sum of squares ends %.3g off", worst,
          std::fabs(naive - exact(n - 1)) / exact(n - 1));
    QVERIFY2(worst < 1e-9, qPrintable(QString::number(worst)));

    // A crash from 1e5 to 0.1: a running sum keeps the rounding of the 1e5 era, which is
    // large against today's prices; re-summed windows do not.
    Vec crash(n);
    for (std::size_t t = 0; t < n; ++t)
        crash[t] = 1e5 * std::exp(-13.8 * double(t) / double(n)) *
                   (1.0 + 0.01 * (double(rng() >> 11) * 0x1.0p-53 - 0.5));
    Vec smaCrash(n);
    QVERIFY(sma(crash, smaCrash, 20));
    for (std::size_t t = n - 100; t < n; ++t) {
        double mean = 0.0;
        for (std::size_t i = t - 19; i <= t; ++i)
            mean += crash[i];
        mean /= 20;
        QVERIFY2(std::fabs(smaCrash[t] - mean) <= 1e-12 * mean,
                 qPrintable(QString::number(std::fabs(smaCrash[t] - mean) / mean)));
    }

    // Windows longer than the exact-sum limit use shifted running sums: check one.
    Vec sd100(n);
    QVERIFY(rollingStdDev(x, sd100, 100, 1));
    for (std::size_t t = n - 50; t < n; ++t) {
        double mean = 0.0;
        for (std::size_t i = t - 99; i <= t; ++i)
            mean += x[i];
        mean /= 100;
        double ss = 0.0;
        for (std::size_t i = t - 99; i <= t; ++i)
            ss += (x[i] - mean) * (x[i] - mean);
        const double expected = std::sqrt(ss / 99);
        QVERIFY(std::fabs(sd100[t] - expected) <= 1e-9 * expected);
    }

    // The Bollinger width: check its end too.
    Vec up(n), mid(n), low(n);
    QVERIFY(bollinger(x, {up, mid, low}, 20, 2.0));
    for (std::size_t t = n - 100; t < n; ++t)
        QVERIFY(std::fabs((up[t] - low[t]) / 4.0 - exact(t)) <= 1e-9 * exact(t));
}

void tst_Indicators::badArguments()
{
    const Vec in(50, 1.0);
    Vec out(50, 7.0), shortOut(49, 7.0);
    QVERIFY(!sma(in, shortOut, 5));
    QVERIFY(!sma(in, out, 0));
    QVERIFY(!ema(in, out, -3));
    QVERIFY(!rsi(in, out, 1));
    QVERIFY(!adx(in, in, in, out, 1));
    QVERIFY(!atr(in, Vec(49, 1.0), in, out, 14));
    QVERIFY(!macd(in, {out, out, shortOut}, 12, 26, 9));
    QVERIFY(!macd(in, {out, out, out}, 26, 12, 9));
    QVERIFY(!stochastic(in, in, in, {out, out}, 14, 0, 3));
    QVERIFY(!rollingStdDev(in, out, 1, 1));
    QVERIFY(!rollingVolatility(in, out, 1));
    QVERIFY(std::all_of(out.begin(), out.end(), [](double q) { return q == 7.0; }));
    // Empty input is fine.
    Vec none;
    QVERIFY(sma(none, none, 5));
}

QTEST_MAIN(tst_Indicators)
#include "tst_indicators.moc"
