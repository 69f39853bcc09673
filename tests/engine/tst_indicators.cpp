#include "indicatortestdata.h"

#include <engine/indicators.h>
#include <engine/indicatorset.h>

#include <QTest>

#include <cmath>
#include <cstdint>
#include <random>
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
    QTest::newRow("btc-like 50000") << 50000.0 << 3000 << quint64(1);
    QTest::newRow("unit price") << 1.0 << 3000 << quint64(2);
    QTest::newRow("sub-cent 1e-6") << 1e-6 << 3000 << quint64(3);
    // Longer than one re-summation block of the rolling sums (2048 outputs).
    QTest::newRow("long 7000 bars") << 300.0 << 7000 << quint64(4);
}

void tst_Indicators::agreesWithReference()
{
    QFETCH(double, price);
    QFETCH(int, length);
    QFETCH(quint64, seed);
    const Series s = makeSeries(std::size_t(length), price, seed);
    const std::size_t n = s.close.size();
    const double osc = 1e-3;

    QVERIFY(agrees(run1(&sma, s.close, 20), reference::sma(s.close, 20), 0.0, "sma"));
    QVERIFY(agrees(run1(&ema, s.close, 20), reference::ema(s.close, 20), 0.0, "ema"));
    QVERIFY(agrees(run1(&rsi, s.close, 14), reference::rsi(s.close, 14), osc, "rsi"));

    Vec line(n), signal(n), hist(n);
    QVERIFY(macd(s.close, {line, signal, hist}, 12, 26, 9));
    const auto m = reference::macd(s.close, 12, 26, 9);
    QVERIFY(agrees(line, m.line, 1e-6 * price, "macd"));
    QVERIFY(agrees(signal, m.signal, 1e-6 * price, "signal"));
    QVERIFY(agrees(hist, m.hist, 1e-6 * price, "hist"));

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
    QVERIFY(agrees(sd, sdRef, 1e-6 * price, "bb width"));

    Vec out(n);
    QVERIFY(atr(s.high, s.low, s.close, out, 14));
    QVERIFY(agrees(out, reference::atr(s.high, s.low, s.close, 14), 1e-6 * price, "atr"));
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
        QVERIFY(agrees(run1(&rsi, s.close, period), reference::rsi(s.close, period), 1e-3,
                       "rsi"));
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

@@CASES@@

QTEST_MAIN(tst_Indicators)
#include "tst_indicators.moc"
