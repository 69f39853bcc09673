#include "marketfixtures.h"

#include <engine/dailymarket.h>
#include <engine/sectoranalyzer.h>

#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>

using namespace cp::engine;
using namespace fixtures;

namespace {

/** Piecewise-constant closes: value for days [from, to]. */
std::vector<double> steps(std::initializer_list<std::tuple<int, int, double>> pieces)
{
    std::vector<double> out;
    for (const auto &[from, to, value] : pieces) {
        for (int d = from; d <= to; ++d)
            out.push_back(value);
    }
    return out;
}

const SectorPerformanceResult *find(const SectorAnalysis &a, const QString &name)
{
    for (const SectorPerformanceResult &s : a.sectors)
        if (s.sectorName == name)
            return &s;
    return nullptr;
}

double allocationSum(const QJsonObject &allocation)
{
    double sum = 0.0;
    for (auto it = allocation.begin(); it != allocation.end(); ++it)
        sum += it.value().toDouble();
    return sum;
}

MarketRegimeResult regimeWithExposure(double exposure)
{
    MarketRegimeResult r;
    r.recommendedExposure = exposure;
    return r;
}

/**
 * Three sectors of three assets: Up gains 1.5%/day, Down loses 1.5%/day, Flat has no drift;
 * every asset adds its own noise of about 2%/day (fixed-seed mt19937, own uniform transform).
 */
std::vector<AssetHistory> trendingMarket(int days)
{
    std::vector<AssetHistory> assets;
    const QString names[] = {QStringLiteral("Up"), QStringLiteral("Down"), QStringLiteral("Flat")};
    const double drift[] = {0.015, -0.015, 0.0};
    std::mt19937 gen(2024);
    auto noise = [&] { return 0.02 * 3.46 * ((double(gen()) + 0.5) / 4294967296.0 - 0.5); };
    int id = 1;
    for (int s = 0; s < 3; ++s) {
        for (int k = 0; k < 3; ++k, ++id) {
            const auto path = pricePath(10.0 + id, days, [&](int) { return drift[s] + noise(); });
            assets.push_back(dailyAsset(id, QStringLiteral("A%1").arg(id), s + 1, names[s],
                                        1e6 * (k + 1), path));
        }
    }
    return assets;
}

QByteArray serialise(const SectorAnalysis &a)
{
    QJsonArray rows;
    for (const SectorPerformanceResult &s : a.sectors) {
        rows.append(QJsonObject{{"id", s.sectorId},
                                {"cap", s.totalMarketCap},
                                {"vol", s.totalVolume},
                                {"dom", s.dominancePercentage},
                                {"mom", s.momentumScore},
                                {"p24", s.performance24h},
                                {"p7", s.performance7d},
                                {"p30", s.performance30d},
                                {"top", s.topPerformers},
                                {"metrics", s.performanceMetrics},
                                {"rank", s.rank}});
    }
    const SectorRotationResult &r = a.rotation;
    rows.append(QJsonObject{{"flows", r.flowDirections},
                            {"signals", r.rotationSignals},
                            {"leading", QJsonArray::fromStringList(r.leadingSectors)},
                            {"declining", QJsonArray::fromStringList(r.decliningSectors)},
                            {"p", r.rotationProbability},
                            {"alloc", r.recommendedAllocation}});
    return QJsonDocument(rows).toJson(QJsonDocument::Compact);
}

} // namespace

class tst_Sectors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handComputedIndex();
    void allocationSumsToOne_data();
    void allocationSumsToOne();
    void cappedSoftmaxRespectsCap();
    void momentumInRange();
    void risingSectorLeadsFallingDeclines();
    void rotationProbability();
    void matchesNaiveReferenceOnSimulator();
    void momentumTracksSimulatedSectorFactors();
    void badInputStaysFinite();
    void deterministic();
};

// Two sectors, three assets plus a listing three days before "now"; every expected number
// below is worked out by hand from the closes and supplies.
void tst_Sectors::handComputedIndex()
{
    // Days 0..31; now = day 31, 24h ago = day 30, 7d ago = day 24, 30d ago = day 1.
    const auto a = steps({{0, 1, 10}, {2, 24, 12}, {25, 30, 14}, {31, 31, 15}});
    const auto b = steps({{0, 1, 20}, {2, 24, 18}, {25, 30, 16}, {31, 31, 16}});
    const auto c = steps({{0, 1, 100}, {2, 24, 110}, {25, 30, 99}, {31, 31, 90}});
    std::vector<AssetHistory> assets = {
        dailyAsset(1, "AAA", 1, "DeFi", 100, a, std::vector<double>(32, 2.0)),
        dailyAsset(2, "BBB", 1, "DeFi", 50, b, std::vector<double>(32, 3.0)),
        dailyAsset(3, "CCC", 2, "Layer1", 10, c, std::vector<double>(32, 1.0)),
        // Listed on day 28 at 1, jumps to 5 on day 31: +400% in 24h, no part in 7d/30d.
        dailyAsset(4, "NEW", 1, "DeFi", 1000, {1, 1, 1, 5}, {10, 10, 10, 10}, 28)};
    const DailyMarket market(assets);
    const SectorAnalysis result = analyzeSectors(market, assets, regimeWithExposure(0.5));

    QCOMPARE(result.sectors.size(), std::size_t(2));
    const SectorPerformanceResult *defi = find(result, "DeFi");
    const SectorPerformanceResult *l1 = find(result, "Layer1");
    QVERIFY(defi && l1);
    QCOMPARE(defi->sectorId, 1);
    QCOMPARE(l1->sectorId, 2);
    QCOMPARE(defi->analysisTime, kStart + 31 * kDay);

    // DeFi caps now: 100*15 + 50*16 + 1000*5 = 7300. 24h ago: 1400 + 800 + 1000 = 3200.
    QCOMPARE(defi->totalMarketCap, 7300.0);
    QVERIFY(qAbs(defi->performance24h - 100.0 * (7300.0 / 3200.0 - 1.0)) < 1e-9);
    // 7d: NEW did not exist on day 24: (1500 + 800) / (1200 + 900) - 1.
    QVERIFY(qAbs(defi->performance7d - 100.0 * (2300.0 / 2100.0 - 1.0)) < 1e-9);
    // 30d: (1500 + 800) / (1000 + 1000) - 1 = 15%.
    QVERIFY(qAbs(defi->performance30d - 15.0) < 1e-9);
    QCOMPARE(defi->performanceMetrics.value("members_7d").toInt(), 2);
    QCOMPARE(defi->performanceMetrics.value("members_24h").toInt(), 3);

    QCOMPARE(l1->totalMarketCap, 900.0);
    QVERIFY(qAbs(l1->performance24h - 100.0 * (90.0 / 99.0 - 1.0)) < 1e-9);
    QVERIFY(qAbs(l1->performance7d - 100.0 * (90.0 / 110.0 - 1.0)) < 1e-9);
    QVERIFY(qAbs(l1->performance30d - (-10.0)) < 1e-9);

    // Dominance of the 8200 total; volumes are the last day's volume x close.
    QVERIFY(qAbs(defi->dominancePercentage - 100.0 * 7300.0 / 8200.0) < 1e-9);
    QVERIFY(qAbs(l1->dominancePercentage - 100.0 * 900.0 / 8200.0) < 1e-9);
    QCOMPARE(defi->totalVolume, 2.0 * 15 + 3.0 * 16 + 10.0 * 5);
    QCOMPARE(l1->totalVolume, 90.0);

    // Top performers by 24h: NEW +400%, AAA +7.14%, BBB 0%.
    QCOMPARE(defi->topPerformers.size(), 3);
    const QJsonObject first = defi->topPerformers.at(0).toObject();
    QCOMPARE(first.value("crypto_id").toInt(), 4);
    QCOMPARE(first.value("symbol").toString(), QStringLiteral("NEW"));
    QVERIFY(qAbs(first.value("performance_24h").toDouble() - 400.0) < 1e-3);
    QCOMPARE(defi->topPerformers.at(1).toObject().value("symbol").toString(),
             QStringLiteral("AAA"));
    QVERIFY(qAbs(defi->topPerformers.at(1).toObject().value("performance_24h").toDouble() -
                 100.0 * (15.0 / 14.0 - 1.0)) < 1e-3);
    QCOMPARE(defi->topPerformers.at(2).toObject().value("symbol").toString(),
             QStringLiteral("BBB"));

    // The daily cap-weighted DeFi index over its last 30 returns (days 2..31): 2000 -> 2100 on
    // day 2, 2100 -> 2200 on day 25, 3200 -> 7300 on day 31 (NEW counts from day 29, its first
    // day with a price the day before), unchanged otherwise.
    std::vector<double> daily(30, 0.0);
    daily[0] = std::log(2100.0 / 2000.0);
    daily[23] = std::log(2200.0 / 2100.0);
    daily[29] = std::log(7300.0 / 3200.0);
    const double mean = std::accumulate(daily.begin(), daily.end(), 0.0) / 30.0;
    double ss = 0.0;
    for (double r : daily)
        ss += (r - mean) * (r - mean);
    QVERIFY(qAbs(defi->performanceMetrics.value("volatility_30d").toDouble() -
                 100.0 * std::sqrt(ss / 29.0)) < 1e-4);

    // DeFi beat the market on both horizons, Layer1 lagged it.
    QVERIFY(defi->momentumScore > 0.0);
    QVERIFY(l1->momentumScore < 0.0);
    QCOMPARE(defi->rank, 1);
    QCOMPARE(l1->rank, 2);
}

void tst_Sectors::allocationSumsToOne_data()
{
    QTest::addColumn<double>("exposure");
    QTest::newRow("none") << 0.0;
    QTest::newRow("third") << 0.35;
    QTest::newRow("full") << 1.0;
    QTest::newRow("above one") << 1.7;
    QTest::newRow("negative") << -0.2;
    QTest::newRow("nan") << std::nan("");
}

void tst_Sectors::allocationSumsToOne()
{
    QFETCH(double, exposure);
    const auto assets = simulatedMarket(7, 60, 200);
    const DailyMarket market(assets);
    const SectorAnalysis result = analyzeSectors(market, assets, regimeWithExposure(exposure));
    const QJsonObject allocation = result.rotation.recommendedAllocation;
    QVERIFY(allocation.contains("Stablecoins"));
    QVERIFY(qAbs(allocationSum(allocation) - 1.0) < 1e-12);
    double risky = 0.0;
    for (auto it = allocation.begin(); it != allocation.end(); ++it) {
        QVERIFY2(it.value().toDouble() >= 0.0, qPrintable(it.key()));
        if (it.key() != "Stablecoins")
            risky += it.value().toDouble();
    }
    const double budget = std::isfinite(exposure) ? std::clamp(exposure, 0.0, 1.0) : 0.0;
    QVERIFY(qAbs(risky - budget) < 1e-12);
}

void tst_Sectors::cappedSoftmaxRespectsCap()
{
    const std::vector<double> scores = {0.9, 0.8, -0.5, 0.0, 0.95};
    const std::vector<double> w = cappedSoftmax(scores, 0.5, 0.3);
    QCOMPARE(w.size(), scores.size());
    QVERIFY(qAbs(std::accumulate(w.begin(), w.end(), 0.0) - 1.0) < 1e-12);
    for (double x : w)
        QVERIFY(x >= 0.0 && x <= 0.3 + 1e-12);
    // Uncapped weights keep the softmax ratio exp((s_i - s_j) / T).
    QVERIFY(qAbs(w[3] / w[2] - std::exp((0.0 + 0.5) / 0.5)) < 1e-9);
    // A cap below 1/n is raised to 1/n: equal weights.
    const std::vector<double> even = cappedSoftmax(scores, 0.5, 0.1);
    for (double x : even)
        QVERIFY(qAbs(x - 0.2) < 1e-12);
}

void tst_Sectors::momentumInRange()
{
    for (quint64 seed : {1u, 2u, 3u}) {
        const auto assets = simulatedMarket(seed, 80, 400);
        const DailyMarket market(assets);
        const SectorAnalysis result = analyzeSectors(market, assets, regimeWithExposure(0.6));
        QCOMPARE(result.sectors.size(), std::size_t(10));
        std::vector<int> ranks;
        for (const SectorPerformanceResult &s : result.sectors) {
            QVERIFY(s.momentumScore >= -1.0 && s.momentumScore <= 1.0);
            QVERIFY(s.dominancePercentage >= 0.0 && s.dominancePercentage <= 100.0);
            ranks.push_back(s.rank);
        }
        std::sort(ranks.begin(), ranks.end());
        for (int i = 0; i < int(ranks.size()); ++i)
            QCOMPARE(ranks[std::size_t(i)], i + 1);
        QVERIFY(result.rotation.rotationProbability >= 0.0 &&
                result.rotation.rotationProbability <= 1.0);
    }
}

void tst_Sectors::risingSectorLeadsFallingDeclines()
{
    const auto assets = trendingMarket(90);
    const DailyMarket market(assets);
    SectorConfig config;
    config.rotation.maxSectorWeight = 1.0; // three sectors: a 35% cap would force equal weights
    const SectorAnalysis result = analyzeSectors(market, assets, regimeWithExposure(1.0), config);
    const SectorRotationResult &r = result.rotation;
    QVERIFY2(r.leadingSectors.contains("Up"), qPrintable(r.leadingSectors.join(',')));
    QVERIFY(!r.leadingSectors.contains("Down"));
    QVERIFY2(r.decliningSectors.contains("Down"), qPrintable(r.decliningSectors.join(',')));
    QVERIFY(!r.decliningSectors.contains("Up"));
    QCOMPARE(find(result, "Up")->rank, 1);
    QCOMPARE(find(result, "Down")->rank, 3);

    // Cap share flows into Up only (the losers' points are split over the gainers); the share
    // changes sum to zero.
    const QJsonObject flows = r.flowDirections;
    bool downToUp = false;
    for (const QJsonValue &v : flows.value("flows").toArray()) {
        const QJsonObject flow = v.toObject();
        QCOMPARE(flow.value("to").toString(), QStringLiteral("Up"));
        QVERIFY(flow.value("share_points").toDouble() > 0.0);
        downToUp = downToUp || flow.value("from").toString() == "Down";
    }
    QVERIFY(downToUp);
    const QJsonObject change = flows.value("share_change").toObject();
    QVERIFY(change.value("Up").toDouble() > 0.0);
    QVERIFY(change.value("Down").toDouble() < 0.0);
    QVERIFY(qAbs(change.value("Up").toDouble() + change.value("Down").toDouble() +
                 change.value("Flat").toDouble()) < 1e-3);

    // The strongest sector gets the largest share of the risk budget.
    const QJsonObject alloc = r.recommendedAllocation;
    QVERIFY(alloc.value("Up").toDouble() > alloc.value("Flat").toDouble());
    QVERIFY(alloc.value("Flat").toDouble() > alloc.value("Down").toDouble());
    QVERIFY(qAbs(allocationSum(alloc) - 1.0) < 1e-12);
}

void tst_Sectors::rotationProbability()
{
    // The same sector has led every day of a long history: a change after similar days was
    // never seen, so the estimate is the prior's (0 + 1) / (k + 2) with k >= 20.
    {
        const auto assets = trendingMarket(300);
        const DailyMarket market(assets);
        const SectorAnalysis result = analyzeSectors(market, assets, regimeWithExposure(0.5));
        const QJsonObject signals = result.rotation.rotationSignals;
        const int k = signals.value("similar_days").toInt();
        QVERIFY(k >= 20);
        QCOMPARE(signals.value("leadership_changes_after_similar_days").toInt(), 0);
        QVERIFY(qAbs(result.rotation.rotationProbability - 1.0 / (k + 2.0)) < 1e-12);
        QCOMPARE(signals.value("current_leader").toString(), QStringLiteral("Up"));
    }
    // One sector cannot rotate.
    {
        auto assets = trendingMarket(60);
        for (AssetHistory &a : assets) {
            a.sectorId = 1;
            a.sector = "Up";
        }
        const DailyMarket market(assets);
        const SectorAnalysis result = analyzeSectors(market, assets, regimeWithExposure(0.5));
        QCOMPARE(result.sectors.size(), std::size_t(1));
        QCOMPARE(result.rotation.rotationProbability, 0.0);
    }
    // Leadership that alternates every 20 days: a different leader 7 days later on about
    // 7 days of every 20. Using the whole history (no dispersion conditioning) the estimate is
    // that frequency.
    {
        std::vector<AssetHistory> assets;
        for (int s = 0; s < 2; ++s) {
            const auto path = pricePath(10.0, 400, [&](int d) {
                const bool mine = (d / 20) % 2 == s;
                return (mine ? 0.02 : -0.02) + 0.003 * std::sin(1.3 * d + s);
            });
            assets.push_back(dailyAsset(s + 1, QStringLiteral("S%1").arg(s), s + 1,
                                        QStringLiteral("Sector%1").arg(s), 1e6, path));
        }
        const DailyMarket market(assets);
        SectorConfig config;
        config.rotation.minNeighbours = 100000;
        const SectorAnalysis result =
            analyzeSectors(market, assets, regimeWithExposure(0.5), config);
        const double p = result.rotation.rotationProbability;
        QVERIFY2(p > 0.25 && p < 0.45, qPrintable(QString::number(p)));
        QCOMPARE(result.rotation.rotationSignals.value("similar_days").toInt(),
                 result.rotation.rotationSignals.value("history_days").toInt());
    }
}

// Every performance figure against a naive loop over the raw candles of a simulated market.
void tst_Sectors::matchesNaiveReferenceOnSimulator()
{
    const auto assets = simulatedMarket(11, 70, 120, Interval::Hour);
    const DailyMarket market(assets);
    const SectorAnalysis result = analyzeSectors(market, assets, regimeWithExposure(0.5));
    qint64 now = 0;
    for (const AssetHistory &a : assets)
        now = std::max(now, a.candles.back().time);
    auto closeAt = [](const AssetHistory &a, qint64 t) {
        double price = std::nan("");
        for (const Candle &c : a.candles)
            if (c.time <= t)
                price = c.close;
        return price;
    };
    double total = 0.0;
    for (const AssetHistory &a : assets)
        total += a.candles.back().close * a.circulatingSupply;
    double dominance = 0.0;
    for (const SectorPerformanceResult &s : result.sectors) {
        double capNow = 0.0, cap24 = 0.0, cap7 = 0.0, volume = 0.0;
        for (const AssetHistory &a : assets) {
            if (a.sectorId != s.sectorId)
                continue;
            capNow += a.candles.back().close * a.circulatingSupply;
            cap24 += closeAt(a, now - kDay) * a.circulatingSupply;
            cap7 += closeAt(a, now - 7 * kDay) * a.circulatingSupply;
            for (const Candle &c : a.candles)
                if (c.time > now - kDay)
                    volume += c.volume * c.close;
        }
        QVERIFY(qAbs(s.totalMarketCap / capNow - 1.0) < 1e-12);
        QVERIFY(qAbs(s.totalVolume / volume - 1.0) < 1e-9);
        QVERIFY(qAbs(s.performance24h - 100.0 * (capNow / cap24 - 1.0)) < 1e-9);
        QVERIFY(qAbs(s.performance7d - 100.0 * (capNow / cap7 - 1.0)) < 1e-9);
        QVERIFY(qAbs(s.dominancePercentage - 100.0 * capNow / total) < 1e-9);
        dominance += s.dominancePercentage;
    }
    QVERIFY(qAbs(dominance - 100.0) < 1e-9);
}

// The simulator drives each sector with its own factor: sectors whose factor rose most over
// the last 30 days (relative to the others) should carry the highest momentum.
void tst_Sectors::momentumTracksSimulatedSectorFactors()
{
    double sumCorrelation = 0.0;
    const int seeds = 6;
    for (int seed = 1; seed <= seeds; ++seed) {
        SimulationConfig config;
        config.seed = quint64(seed);
        config.assetCount = 120;
        config.days = 200;
        const MarketSimulator sim(config);
        const auto assets = simulatedMarket(quint64(seed), 120, 200);
        const DailyMarket market(assets);
        const SectorAnalysis result = analyzeSectors(market, assets, regimeWithExposure(0.5));
        std::vector<double> factor, momentum;
        for (const SectorPerformanceResult &s : result.sectors) {
            if (s.sectorName == "Stablecoins")
                continue;
            const auto r = sim.sectorReturns(s.sectorId - 1);
            factor.push_back(std::accumulate(r.end() - 30, r.end(), 0.0));
            momentum.push_back(s.momentumScore);
        }
        // Spearman rank correlation, computed directly.
        auto ranks = [](const std::vector<double> &v) {
            std::vector<double> r(v.size());
            for (std::size_t i = 0; i < v.size(); ++i)
                for (std::size_t j = 0; j < v.size(); ++j)
                    r[i] += v[j] < v[i] ? 1.0 : 0.0;
            return r;
        };
        const auto ra = ranks(factor), rb = ranks(momentum);
        const double n = double(ra.size());
        double d2 = 0.0;
        for (std::size_t i = 0; i < ra.size(); ++i)
            d2 += (ra[i] - rb[i]) * (ra[i] - rb[i]);
        sumCorrelation += 1.0 - 6.0 * d2 / (n * (n * n - 1.0));
    }
    const double mean = sumCorrelation / seeds;
    // Chance gives a mean of 0 with a standard error of about 1/sqrt(8 * 6) = 0.14.
    QVERIFY2(mean > 0.5, qPrintable(QString::number(mean)));
}

void tst_Sectors::badInputStaysFinite()
{
    auto assets = trendingMarket(45);
    AssetHistory empty;
    empty.cryptoId = 90;
    empty.sectorId = 1;
    empty.sector = "Up";
    assets.push_back(empty);
    auto nanAsset = dailyAsset(91, "NAN", 2, "Down", 1e6, std::vector<double>(45, 5.0));
    nanAsset.candles[44].close = std::nan("");
    nanAsset.candles[40].close = -3.0;
    assets.push_back(nanAsset);
    assets.push_back(dailyAsset(92, "ONE", 3, "Flat", 1e6, {7.0}, {}, 44));
    assets.push_back(dailyAsset(93, "NOSUP", 4, "Ghost", 0.0, std::vector<double>(45, 2.0)));
    assets.push_back(dailyAsset(94, "NOSEC", 0, "", 1e6, std::vector<double>(45, 2.0)));
    const DailyMarket market(assets);
    const SectorAnalysis result = analyzeSectors(market, assets, regimeWithExposure(0.5));
    QCOMPARE(result.sectors.size(), std::size_t(4)); // no row for sector id 0
    for (const SectorPerformanceResult &s : result.sectors) {
        for (double x : {s.totalMarketCap, s.totalVolume, s.dominancePercentage, s.momentumScore,
                         s.performance24h, s.performance7d, s.performance30d})
            QVERIFY2(std::isfinite(x), qPrintable(s.sectorName));
        QVERIFY(allFinite(s.performanceMetrics));
        QVERIFY(allFinite(s.topPerformers));
    }
    QVERIFY(allFinite(result.rotation.flowDirections));
    QVERIFY(allFinite(result.rotation.rotationSignals));
    QVERIFY(qAbs(allocationSum(result.rotation.recommendedAllocation) - 1.0) < 1e-12);

    // Nothing at all, and a market of one candle.
    const std::vector<AssetHistory> none;
    const SectorAnalysis nothing = analyzeSectors(DailyMarket(none), none, regimeWithExposure(1));
    QVERIFY(nothing.sectors.empty());
    QVERIFY(qAbs(allocationSum(nothing.rotation.recommendedAllocation) - 1.0) < 1e-12);
    const std::vector<AssetHistory> single = {dailyAsset(1, "X", 1, "DeFi", 1, {3.0})};
    const SectorAnalysis one = analyzeSectors(DailyMarket(single), single, regimeWithExposure(1));
    QCOMPARE(one.sectors.size(), std::size_t(1));
    QCOMPARE(one.sectors.front().momentumScore, 0.0);
}

void tst_Sectors::deterministic()
{
    const auto assets = simulatedMarket(5, 60, 180);
    const DailyMarket market(assets);
    const QByteArray first = serialise(analyzeSectors(market, assets, regimeWithExposure(0.4)));
    const QByteArray second = serialise(analyzeSectors(market, assets, regimeWithExposure(0.4)));
    QCOMPARE(first, second);
    const DailyMarket rebuilt(assets);
    QCOMPARE(serialise(analyzeSectors(rebuilt, assets, regimeWithExposure(0.4))), first);
}

QTEST_MAIN(tst_Sectors)
#include "tst_sectors.moc"
