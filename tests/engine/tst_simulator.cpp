#include <engine/simulator.h>

#include <QSet>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <span>
#include <thread>

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

bool sameCandles(const std::vector<Candle> &a, const std::vector<Candle> &b)
{
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(Candle)) == 0);
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

/** Checks the market simulator's determinism, candle invariants and statistical character. */
class tst_Simulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sectorNames();
    void determinism_data() { addIntervalRows(); }
    void determinism();
    void differentSeedDiffers();
    void orderIndependence();
    void assetCountDoesNotChangeOtherAssets();
    void candleInvariants_data() { addIntervalRows(); }
    void candleInvariants();
    void emptyAndInvalid();
    void regimesCoverHistory_data();
    void regimesCoverHistory();
    void regimesIndependentOfInterval();
    void assetFacts();
    void uniqueSymbols();
    void btcLargestMarketCap();
    void stablecoinsStayPegged_data() { addIntervalRows(); }
    void stablecoinsStayPegged();
    void memeMoreVolatileThanLayer1_data() { addIntervalRows(); }
    void memeMoreVolatileThanLayer1();
    void sameSectorMoreCorrelated();
    void factorModelStructure();
    void regimesDependOnSeed();
    void bullBeatsBear();
    void volatileRegimeIsVolatile();
    void volumeRisesWithLargeMoves();
};

void tst_Simulator::sectorNames()
{
    const QStringList expected = {"DeFi",           "Layer1", "Layer2",   "Gaming",  "NFT",
                                  "Infrastructure", "Meme",   "Payments", "Privacy", "Stablecoins"};
    QCOMPARE(MarketSimulator::sectorNames(), expected);
}

void tst_Simulator::determinism()
{
    QFETCH(int, interval);
    const SimulationConfig config = makeConfig(7, 70, 60, Interval(interval));
    const MarketSimulator a(config);
    const MarketSimulator b(config);
    QCOMPARE(a.barCount(), b.barCount());
    QCOMPARE(a.regimes().size(), b.regimes().size());
    for (size_t i = 0; i < a.regimes().size(); ++i) {
        QCOMPARE(a.regimes()[i].start, b.regimes()[i].start);
        QCOMPARE(a.regimes()[i].regime, b.regimes()[i].regime);
    }
    std::vector<Candle> ca;
    std::vector<Candle> cb;
    for (int i = 0; i < config.assetCount; ++i) {
        QCOMPARE(a.assets()[size_t(i)].symbol, b.assets()[size_t(i)].symbol);
        QCOMPARE(a.assets()[size_t(i)].circulatingSupply, b.assets()[size_t(i)].circulatingSupply);
        a.generateCandles(i, ca);
        b.generateCandles(i, cb);
        QVERIFY2(sameCandles(ca, cb), qPrintable(QString::number(i)));
    }
}

void tst_Simulator::differentSeedDiffers()
{
    const MarketSimulator a(makeConfig(1, 70, 30, Interval::Day));
    const MarketSimulator b(makeConfig(2, 70, 30, Interval::Day));
    std::vector<Candle> ca;
    std::vector<Candle> cb;
    for (int i = 0; i < 70; ++i) {
        a.generateCandles(i, ca);
        b.generateCandles(i, cb);
        QCOMPARE(ca.size(), cb.size());
        // Every asset's path must depend on the seed, not only some of them.
        QVERIFY2(!sameCandles(ca, cb), qPrintable(a.assets()[size_t(i)].symbol));
    }
}

void tst_Simulator::orderIndependence()
{
    const SimulationConfig config = makeConfig(11, 40, 30, Interval::Hour);
    const MarketSimulator sim(config);
    std::vector<std::vector<Candle>> forward(40);
    for (int i = 0; i < 40; ++i)
        sim.generateCandles(i, forward[size_t(i)]);

    // Reverse order, one reused buffer, and a fresh simulator.
    const MarketSimulator other(config);
    std::vector<Candle> buffer;
    for (int i = 39; i >= 0; --i) {
        other.generateCandles(i, buffer);
        QVERIFY(sameCandles(buffer, forward[size_t(i)]));
    }
    // Twice in a row gives the same again.
    other.generateCandles(5, buffer);
    other.generateCandles(5, buffer);
    QVERIFY(sameCandles(buffer, forward[5]));

    // Two threads generating interleaved halves concurrently from one simulator.
    std::vector<std::vector<Candle>> parallel(40);
    auto work = [&](int parity) {
        for (int i = parity; i < 40; i += 2)
            sim.generateCandles(i, parallel[size_t(i)]);
    };
    std::thread t1(work, 0);
    std::thread t2(work, 1);
    t1.join();
    t2.join();
    for (int i = 0; i < 40; ++i)
        QVERIFY(sameCandles(parallel[size_t(i)], forward[size_t(i)]));
}

void tst_Simulator::assetCountDoesNotChangeOtherAssets()
{
    const MarketSimulator small(makeConfig(3, 10, 45, Interval::Day));
    const MarketSimulator large(makeConfig(3, 90, 45, Interval::Day));
    std::vector<Candle> a;
    std::vector<Candle> b;
    for (int i = 0; i < 10; ++i) {
        QCOMPARE(small.assets()[size_t(i)].symbol, large.assets()[size_t(i)].symbol);
        small.generateCandles(i, a);
        large.generateCandles(i, b);
        QVERIFY(sameCandles(a, b));
    }
}

void tst_Simulator::candleInvariants()
{
    QFETCH(int, interval);
    const SimulationConfig config = makeConfig(5, 80, 90, Interval(interval));
    const MarketSimulator sim(config);
    const qint64 step = intervalSeconds(config.interval);
    const int perDay = config.interval == Interval::Hour ? 24 : 1;
    QCOMPARE(sim.barCount(), config.days * perDay);

    std::vector<Candle> candles;
    for (int i = 0; i < config.assetCount; ++i) {
        sim.generateCandles(i, candles);
        QCOMPARE(int(candles.size()), config.days * perDay);
        for (size_t k = 0; k < candles.size(); ++k) {
            const Candle &c = candles[k];
            QCOMPARE(c.time, config.startTime + qint64(k) * step);
            QVERIFY(std::isfinite(c.open) && std::isfinite(c.high) && std::isfinite(c.low) &&
                    std::isfinite(c.close) && std::isfinite(c.volume));
            QVERIFY(c.low > 0.0);
            QVERIFY(c.open > 0.0 && c.close > 0.0);
            QVERIFY(c.high >= std::max(c.open, c.close));
            QVERIFY(c.low <= std::min(c.open, c.close));
            QVERIFY(c.volume > 0.0);
            if (k > 0)
                QCOMPARE(c.open, candles[k - 1].close);
        }
    }
}

void tst_Simulator::emptyAndInvalid()
{
    const MarketSimulator none(makeConfig(1, 5, 0, Interval::Hour));
    QCOMPARE(none.barCount(), 0);
    QVERIFY(none.regimes().empty());
    std::vector<Candle> candles(3);
    none.generateCandles(0, candles);
    QVERIFY(candles.empty());

    const MarketSimulator sim(makeConfig(1, 5, 10, Interval::Day));
    candles.resize(3);
    sim.generateCandles(5, candles);
    QVERIFY(candles.empty());
    sim.generateCandles(-1, candles);
    QVERIFY(candles.empty());

    const MarketSimulator negative(makeConfig(1, -4, -2, Interval::Day));
    QVERIFY(negative.assets().empty());
    QCOMPARE(negative.barCount(), 0);
}

void tst_Simulator::regimesCoverHistory_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<int>("days");
    QTest::newRow("1 day") << quint64(1) << 1;
    QTest::newRow("90 days") << quint64(2) << 90;
    QTest::newRow("730 days") << quint64(3) << 730;
    QTest::newRow("3650 days") << quint64(4) << 3650;
}

void tst_Simulator::regimesCoverHistory()
{
    QFETCH(quint64, seed);
    QFETCH(int, days);
    const SimulationConfig config = makeConfig(seed, 3, days, Interval::Day);
    const MarketSimulator sim(config);
    const auto &regimes = sim.regimes();
    QVERIFY(!regimes.empty());
    QCOMPARE(regimes.front().start, config.startTime);
    QCOMPARE(regimes.back().end, config.startTime + qint64(days) * 86400);
    QSet<int> seen;
    for (size_t i = 0; i < regimes.size(); ++i) {
        QVERIFY(regimes[i].start < regimes[i].end);
        if (i > 0)
            QCOMPARE(regimes[i].start, regimes[i - 1].end);
        // Weeks long: every period but the truncated last one lasts at least a week.
        if (i + 1 < regimes.size())
            QVERIFY(regimes[i].end - regimes[i].start >= 7 * 86400);
        QCOMPARE(sim.regimeAt(regimes[i].start), regimes[i].regime);
        QCOMPARE(sim.regimeAt(regimes[i].end - 1), regimes[i].regime);
        seen.insert(int(regimes[i].regime));
    }
    if (days >= 3650)
        QCOMPARE(seen.size(), 4); // ten years visit every regime
}

void tst_Simulator::regimesIndependentOfInterval()
{
    const MarketSimulator daily(makeConfig(9, 3, 400, Interval::Day));
    const MarketSimulator hourly(makeConfig(9, 3, 400, Interval::Hour));
    QCOMPARE(daily.regimes().size(), hourly.regimes().size());
    for (size_t i = 0; i < daily.regimes().size(); ++i) {
        QCOMPARE(daily.regimes()[i].start, hourly.regimes()[i].start);
        QCOMPARE(daily.regimes()[i].end, hourly.regimes()[i].end);
        QCOMPARE(daily.regimes()[i].regime, hourly.regimes()[i].regime);
    }
}

void tst_Simulator::assetFacts()
{
    const MarketSimulator sim(makeConfig(42, 300, 10, Interval::Day));
    const auto &assets = sim.assets();
    QCOMPARE(assets[0].symbol, QStringLiteral("BTC"));
    QCOMPARE(assets[0].name, QStringLiteral("Bitcoin"));
    QCOMPARE(assets[0].sector, QStringLiteral("Layer1"));
    QCOMPARE(assets[0].maxSupply, 21e6);
    QVERIFY(assets[0].circulatingSupply > 19e6 && assets[0].circulatingSupply < 21e6);
    QCOMPARE(assets[1].symbol, QStringLiteral("ETH"));
    QCOMPARE(assets[1].sector, QStringLiteral("Layer1"));
    QCOMPARE(assets[1].maxSupply, 0.0);
    QVERIFY(assets[1].circulatingSupply > 100e6 && assets[1].circulatingSupply < 140e6);

    std::map<QString, QString> sectorOf;
    for (const SimulatedAsset &a : assets) {
        QCOMPARE(a.index, int(&a - assets.data()));
        sectorOf[a.symbol] = a.sector;
        QVERIFY2(a.circulatingSupply > 0.0, qPrintable(a.symbol));
        QVERIFY2(a.totalSupply >= a.circulatingSupply, qPrintable(a.symbol));
        QVERIFY2(a.maxSupply == 0.0 || a.maxSupply >= a.totalSupply, qPrintable(a.symbol));
        QCOMPARE(a.isStablecoin, a.sector == QStringLiteral("Stablecoins"));
    }
    QCOMPARE(sectorOf["USDT"], QStringLiteral("Stablecoins"));
    QCOMPARE(sectorOf["USDC"], QStringLiteral("Stablecoins"));
    QCOMPARE(sectorOf["DOGE"], QStringLiteral("Meme"));
    QCOMPARE(sectorOf["UNI"], QStringLiteral("DeFi"));
    QCOMPARE(sectorOf["LINK"], QStringLiteral("Infrastructure"));
    QCOMPARE(sectorOf["XMR"], QStringLiteral("Privacy"));
    QCOMPARE(sectorOf["LTC"], QStringLiteral("Payments"));

    // Three hundred assets cover all ten sectors.
    QSet<QString> sectors;
    for (const SimulatedAsset &a : assets)
        sectors.insert(a.sector);
    QCOMPARE(sectors.size(), 10);
    const QStringList names = MarketSimulator::sectorNames();
    QCOMPARE(sectors, QSet<QString>(names.begin(), names.end()));
}

void tst_Simulator::uniqueSymbols()
{
    const MarketSimulator sim(makeConfig(42, 1000, 1, Interval::Day));
    QSet<QString> symbols;
    QSet<QString> names;
    const QStringList sectorNames = MarketSimulator::sectorNames();
    for (const SimulatedAsset &a : sim.assets()) {
        QVERIFY(!a.symbol.isEmpty());
        QVERIFY(a.symbol.size() <= 20);
        QVERIFY(!a.name.isEmpty());
        QVERIFY(sectorNames.contains(a.sector));
        symbols.insert(a.symbol);
        names.insert(a.name);
    }
    QCOMPARE(symbols.size(), 1000);
    QCOMPARE(names.size(), 1000);
}

void tst_Simulator::btcLargestMarketCap()
{
    for (quint64 seed : {quint64(1), quint64(42), quint64(1234567)}) {
        const MarketSimulator sim(makeConfig(seed, 200, 2, Interval::Day));
        std::vector<Candle> candles;
        double btcCap = 0.0;
        double otherMax = 0.0;
        for (int i = 0; i < 200; ++i) {
            sim.generateCandles(i, candles);
            const double cap = candles.front().open * sim.assets()[size_t(i)].circulatingSupply;
            QVERIFY(cap > 0.0);
            if (i == 0)
                btcCap = cap;
            else
                otherMax = std::max(otherMax, cap);
        }
        QVERIFY(btcCap > otherMax);
    }
}

void tst_Simulator::stablecoinsStayPegged()
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

void tst_Simulator::memeMoreVolatileThanLayer1()
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

void tst_Simulator::sameSectorMoreCorrelated()
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
void tst_Simulator::factorModelStructure()
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

void tst_Simulator::regimesDependOnSeed()
{
    const MarketSimulator a(makeConfig(1, 1, 730, Interval::Day));
    const MarketSimulator b(makeConfig(2, 1, 730, Interval::Day));
    bool differ = a.regimes().size() != b.regimes().size();
    for (size_t i = 0; !differ && i < a.regimes().size(); ++i)
        differ = a.regimes()[i].end != b.regimes()[i].end ||
                 a.regimes()[i].regime != b.regimes()[i].regime;
    QVERIFY(differ);
}

void tst_Simulator::bullBeatsBear()
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

void tst_Simulator::volatileRegimeIsVolatile()
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

void tst_Simulator::volumeRisesWithLargeMoves()
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

QTEST_MAIN(tst_Simulator)
#include "tst_simulator.moc"
