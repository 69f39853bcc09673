#include <engine/simulator.h>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <span>

using namespace cp::engine;

namespace {

SimulationConfig makeConfig(quint64 seed, int assets, int days, Interval interval)
{
    SimulationConfig config;
    config.seed = seed;
    config.assetCount = assets;
    config.days = days;
    config.interval = interval;
    return config;
}

std::vector<double> logReturns(const std::vector<Candle> &candles)
{
    std::vector<double> out;
    out.reserve(candles.size());
    for (size_t i = 1; i < candles.size(); ++i)
        out.push_back(std::log(candles[i].close / candles[i - 1].close));
    return out;
}

double mean(const std::vector<double> &v)
{
    double sum = 0.0;
    for (double x : v)
        sum += x;
    return v.empty() ? 0.0 : sum / double(v.size());
}

double stddev(const std::vector<double> &v)
{
    const double m = mean(v);
    double sum = 0.0;
    for (double x : v)
        sum += (x - m) * (x - m);
    return v.size() < 2 ? 0.0 : std::sqrt(sum / double(v.size() - 1));
}

double correlation(const std::vector<double> &a, const std::vector<double> &b)
{
    const double ma = mean(a);
    const double mb = mean(b);
    double sab = 0.0;
    double saa = 0.0;
    double sbb = 0.0;
    for (size_t i = 0; i < a.size(); ++i) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / std::sqrt(saa * sbb);
}

std::vector<double> centered(std::span<const double> v)
{
    std::vector<double> out(v.begin(), v.end());
    const double m = mean(out);
    for (double &x : out)
        x -= m;
    return out;
}

double dot(const std::vector<double> &a, const std::vector<double> &b)
{
    double sum = 0.0;
    for (size_t i = 0; i < a.size(); ++i)
        sum += a[i] * b[i];
    return sum;
}

//! a - (a.b / b.b) b: removes from `a` what a least-squares fit on `b` explains.
std::vector<double> withoutProjection(std::vector<double> a, const std::vector<double> &b)
{
    const double k = dot(a, b) / dot(b, b);
    for (size_t i = 0; i < a.size(); ++i)
        a[i] -= k * b[i];
    return a;
}

void addIntervalRows()
{
    QTest::addColumn<int>("interval");
    QTest::newRow("daily") << int(Interval::Day);
    QTest::newRow("hourly") << int(Interval::Hour);
}

} // namespace
/**
 * Checks the simulated market's statistical character: pegs hold, meme coins swing hardest,
 * sectors move together, regimes steer the market factor, volume follows large moves.
 */
class tst_SimulatorStatistics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stablecoinsStayPegged_data() { addIntervalRows(); }
    void stablecoinsStayPegged();
    void memeMoreVolatileThanLayer1_data() { addIntervalRows(); }
    void memeMoreVolatileThanLayer1();
    void sameSectorMoreCorrelated();
    void factorModelStructure();
    void bullBeatsBear();
    void volatileRegimeIsVolatile();
    void volumeRisesWithLargeMoves();
};

void tst_SimulatorStatistics::stablecoinsStayPegged()
{
    QFETCH(int, interval);
    const MarketSimulator sim(makeConfig(21, 120, 365, Interval(interval)));
    std::vector<Candle> candles;
    int stablecoins = 0;
    for (const SimulatedAsset &a : sim.assets()) {
        if (!a.isStablecoin)
            continue;
        ++stablecoins;
        sim.generateCandles(a.index, candles);
        for (const Candle &c : candles) {
            QVERIFY2(c.low >= 0.95 && c.high <= 1.05, qPrintable(a.symbol));
        }
        // Not frozen either: the peg wobbles.
        QVERIFY(stddev(logReturns(candles)) > 0.0);
    }
    QVERIFY(stablecoins >= 3);
}

void tst_SimulatorStatistics::memeMoreVolatileThanLayer1()
{
    QFETCH(int, interval);
    for (quint64 seed : {quint64(1), quint64(2), quint64(3)}) {
        const MarketSimulator sim(makeConfig(seed, 120, 180, Interval(interval)));
        std::vector<Candle> candles;
        std::vector<double> meme;
        std::vector<double> layer1;
        for (const SimulatedAsset &a : sim.assets()) {
            if (a.sector != QStringLiteral("Meme") && a.sector != QStringLiteral("Layer1"))
                continue;
            sim.generateCandles(a.index, candles);
            (a.sector == QStringLiteral("Meme") ? meme : layer1)
                .push_back(stddev(logReturns(candles)));
        }
        QVERIFY(meme.size() >= 3 && layer1.size() >= 3);
        QVERIFY2(mean(meme) > 1.3 * mean(layer1),
                 qPrintable(QStringLiteral("meme %1 layer1 %2").arg(mean(meme)).arg(mean(layer1))));
    }
}

void tst_SimulatorStatistics::sameSectorMoreCorrelated()
{
    for (quint64 seed : {quint64(4), quint64(5)}) {
        const MarketSimulator sim(makeConfig(seed, 100, 365, Interval::Day));
        std::vector<std::vector<double>> returns;
        std::vector<QString> sectors;
        std::vector<Candle> candles;
        for (const SimulatedAsset &a : sim.assets()) {
            if (a.isStablecoin)
                continue;
            sim.generateCandles(a.index, candles);
            returns.push_back(logReturns(candles));
            sectors.push_back(a.sector);
        }
        double within = 0.0;
        double across = 0.0;
        int withinCount = 0;
        int acrossCount = 0;
        for (size_t i = 0; i < returns.size(); ++i) {
            for (size_t j = i + 1; j < returns.size(); ++j) {
                const double rho = correlation(returns[i], returns[j]);
                if (sectors[i] == sectors[j]) {
                    within += rho;
                    ++withinCount;
                } else {
                    across += rho;
                    ++acrossCount;
                }
            }
        }
        QVERIFY(withinCount > 20 && acrossCount > 20);
        within /= withinCount;
        across /= acrossCount;
        QVERIFY2(within > across + 0.05,
                 qPrintable(QStringLiteral("within %1 across %2").arg(within).arg(across)));
        QVERIFY(across > 0.2); // the market factor ties everything together
    }
}

// Regress each asset's bar returns on the public market and sector factors (ordinary least
// squares by Gram-Schmidt): assets must load on their own sector, and what is left must be
// each asset's own noise, unrelated to any other asset's.
void tst_SimulatorStatistics::factorModelStructure()
{
    const MarketSimulator sim(makeConfig(6, 100, 365, Interval::Day));
    const QStringList sectorNames = MarketSimulator::sectorNames();
    const std::vector<double> market = centered(sim.marketReturns());
    std::vector<std::vector<double>> residuals;
    std::vector<QString> sectors;
    std::vector<Candle> candles;
    for (const SimulatedAsset &a : sim.assets()) {
        if (a.isStablecoin)
            continue;
        sim.generateCandles(a.index, candles);
        std::vector<double> r;
        for (const Candle &c : candles)
            r.push_back(std::log(c.close / c.open));
        const int sectorIndex = int(sectorNames.indexOf(a.sector));
        const std::vector<double> sector =
            withoutProjection(centered(sim.sectorReturns(sectorIndex)), market);
        const std::vector<double> afterMarket = withoutProjection(centered(r), market);
        // Loading on the own sector: clearly positive (t-statistic of the regression slope).
        const std::vector<double> residual = withoutProjection(afterMarket, sector);
        const double slope = dot(afterMarket, sector) / dot(sector, sector);
        const double slopeSe =
            std::sqrt(dot(residual, residual) / double(r.size() - 3) / dot(sector, sector));
        QVERIFY2(slope / slopeSe > 3.0, qPrintable(a.symbol));
        QVERIFY(dot(residual, residual) > 0.0);
        residuals.push_back(residual);
        sectors.push_back(a.sector);
    }
    QVERIFY(sim.sectorReturns(-1).empty());
    QVERIFY(sim.sectorReturns(10).empty());

    double sumAbs = 0.0;
    int pairs = 0;
    for (size_t i = 0; i < residuals.size(); ++i) {
        for (size_t j = i + 1; j < residuals.size(); ++j) {
            if (sectors[i] != sectors[j])
                continue;
            sumAbs += std::fabs(correlation(residuals[i], residuals[j]));
            ++pairs;
        }
    }
    QVERIFY(pairs > 20);
    // Independent series of 365 points: |rho| averages about 0.04.
    QVERIFY2(sumAbs / pairs < 0.1, qPrintable(QString::number(sumAbs / pairs)));
}

void tst_SimulatorStatistics::bullBeatsBear()
{
    // Pooled over seeds, so the comparison rests on thousands of days per regime.
    std::map<Regime, std::vector<double>> byRegime;
    for (quint64 seed = 100; seed < 106; ++seed) {
        const SimulationConfig config = makeConfig(seed, 1, 730, Interval::Day);
        const MarketSimulator sim(config);
        const auto market = sim.marketReturns();
        QCOMPARE(int(market.size()), sim.barCount());
        for (int b = 0; b < sim.barCount(); ++b)
            byRegime[sim.regimeAt(config.startTime + qint64(b) * 86400)].push_back(
                market[size_t(b)]);
    }
    QVERIFY(byRegime[Regime::Bull].size() > 300);
    QVERIFY(byRegime[Regime::Bear].size() > 300);
    const double bull = mean(byRegime[Regime::Bull]);
    const double bear = mean(byRegime[Regime::Bear]);
    QVERIFY2(bull > 0.0 && bear < 0.0 && bull > bear,
             qPrintable(QStringLiteral("bull %1 bear %2").arg(bull).arg(bear)));
}

void tst_SimulatorStatistics::volatileRegimeIsVolatile()
{
    std::map<Regime, std::vector<double>> byRegime;
    for (quint64 seed = 200; seed < 204; ++seed) {
        const SimulationConfig config = makeConfig(seed, 1, 730, Interval::Hour);
        const MarketSimulator sim(config);
        const auto market = sim.marketReturns();
        for (int b = 0; b < sim.barCount(); ++b)
            byRegime[sim.regimeAt(config.startTime + qint64(b) * 3600)].push_back(
                market[size_t(b)]);
    }
    const double volatileSd = stddev(byRegime[Regime::Volatile]);
    QVERIFY(volatileSd > 1.5 * stddev(byRegime[Regime::Neutral]));
    QVERIFY(volatileSd > stddev(byRegime[Regime::Bull]));
    QVERIFY(volatileSd > stddev(byRegime[Regime::Bear]));
}

void tst_SimulatorStatistics::volumeRisesWithLargeMoves()
{
    const MarketSimulator sim(makeConfig(8, 30, 730, Interval::Day));
    std::vector<Candle> candles;
    int higher = 0;
    int tested = 0;
    for (const SimulatedAsset &a : sim.assets()) {
        if (a.isStablecoin)
            continue;
        sim.generateCandles(a.index, candles);
        std::vector<std::pair<double, double>> moves; // |log return|, volume
        for (const Candle &c : candles)
            moves.emplace_back(std::fabs(std::log(c.close / c.open)), c.volume);
        std::sort(moves.begin(), moves.end());
        const size_t fifth = moves.size() / 5;
        double calm = 0.0;
        double wild = 0.0;
        for (size_t k = 0; k < fifth; ++k) {
            calm += moves[k].second;
            wild += moves[moves.size() - 1 - k].second;
        }
        ++tested;
        if (wild > calm)
            ++higher;
    }
    QCOMPARE(higher, tested);
}
QTEST_MAIN(tst_SimulatorStatistics)
#include "tst_simulatorstatistics.moc"
