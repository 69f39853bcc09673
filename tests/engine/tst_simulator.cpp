#include <engine/simulator.h>

#include <QSet>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
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

void addIntervalRows()
{
    QTest::addColumn<int>("interval");
    QTest::newRow("daily") << int(Interval::Day);
    QTest::newRow("hourly") << int(Interval::Hour);
}

} // namespace
/** Checks the market simulator's determinism, candle invariants, assets and regime periods. */
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
    void regimesDependOnSeed();
    void assetFacts();
    void uniqueSymbols();
    void btcLargestMarketCap();
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
QTEST_MAIN(tst_Simulator)
#include "tst_simulator.moc"
