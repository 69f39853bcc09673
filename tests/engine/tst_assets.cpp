#include "assetfixtures.h"

#include <engine/assetscorer.h>

#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace cp::engine;
using namespace fixtures;

namespace {

QString signedText(double fraction, int decimals)
{
    const double pct = 100.0 * fraction;
    return (pct >= 0 ? QStringLiteral("+") : QString()) + QString::number(pct, 'f', decimals) + "%";
}

QByteArray serialise(const AssetAnalysis &a)
{
    QJsonArray out;
    for (const AssetScore &s : a.scores)
        out.append(QJsonArray{s.cryptoId, s.score, s.confidence, int(s.riskLevel), s.momentum,
                              s.volumeSurge, s.trend, s.liquidity, s.performance24h});
    for (const SuggestionResult &s : a.suggestions)
        out.append(QJsonObject{{"id", s.cryptoId},
                               {"type", suggestionTypeName(s.type)},
                               {"c", s.confidence},
                               {"r", s.aiReasoning},
                               {"d", s.supportingData},
                               {"m", s.performanceMetrics},
                               {"e", s.expiresAt}});
    for (const SkippedAsset &s : a.skipped)
        out.append(QJsonArray{s.cryptoId, s.reason});
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

} // namespace

/** Layer 3 scoring: robust z, ranks, confidence, reasoning figures, skipped assets. */
class tst_Assets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void robustZKnownAnswer();
    void ranksFollowConstructedDrift();
    void strongScoresAboveWeak();
    void reasoningQuotesRealNumbers();
    void badAssetsSkippedWithReasons_data();
    void badAssetsSkippedWithReasons();
    void simulatedMarketProperties();
    void deterministic();
};

void tst_Assets::robustZKnownAnswer()
{
    // Median 3, absolute deviations {2, 1, 0, 1, 97}: MAD 1, scale 1.4826.
    const std::vector<double> z = robustZ(std::vector<double>{1, 2, 3, 4, 100});
    QVERIFY(qAbs(z[0] + 2.0 / 1.4826) < 1e-12);
    QVERIFY(qAbs(z[1] + 1.0 / 1.4826) < 1e-12);
    QCOMPARE(z[2], 0.0);
    QVERIFY(qAbs(z[3] - 1.0 / 1.4826) < 1e-12);
    QCOMPARE(z[4], 3.0); // 97 / 1.4826 clipped
    // MAD 0: scale 1.2533 x mean absolute deviation (0.8) instead.
    const std::vector<double> m = robustZ(std::vector<double>{5, 5, 5, 5, 6}, 10.0);
    QVERIFY(qAbs(m[4] - 1.0 / (1.2533 * 0.2)) < 1e-12);
    QCOMPARE(m[0], 0.0);
    QCOMPARE(robustZ(std::vector<double>{5, 5, 5, 5, 6})[4], 3.0);
    for (double x : robustZ(std::vector<double>{2, 2, 2}))
        QCOMPARE(x, 0.0);
    QVERIFY(robustZ(std::vector<double>{}).empty());
    QVERIFY(qAbs(normalCdf(1.959963985) - 0.975) < 1e-9);
}

void tst_Assets::ranksFollowConstructedDrift()
{
    const auto assets = rankedUniverse(30, 90);
    const Run run = analyze(assets);
    QCOMPARE(run.assets.scores.size(), std::size_t(30));
    for (int i = 0; i < 30; ++i)
        QCOMPARE(run.assets.scores[std::size_t(i)].cryptoId, i + 1);
    // Identical volume and sector: those components carry no information.
    for (const AssetScore &s : run.assets.scores) {
        QCOMPARE(s.volumeSurge, 0.0);
        QCOMPARE(s.liquidity, 0.0);
        QCOMPARE(s.sectorStrength, 0.0);
    }
    // Confidence that an asset beats the median falls with the rank.
    const auto &scores = run.assets.scores;
    QVERIFY(scores.front().confidence > 0.9);
    QVERIFY(scores.back().confidence < 0.1);
    for (std::size_t i = 1; i < scores.size(); ++i)
        QVERIFY(scores[i].score < scores[i - 1].score);
}

void tst_Assets::strongScoresAboveWeak()
{
    auto assets = noisyUniverse(40, 120);
    auto strong = pricePath(20.0, 120, [](int d) { return 0.015 + 0.5 * wobble(d); });
    auto weak = pricePath(20.0, 120, [](int d) { return -0.015 + 0.5 * wobble(d); });
    std::vector<double> rising, flat;
    for (int d = 0; d < 120; ++d) {
        rising.push_back(2e6 * (1.0 + d / 30.0) / strong[std::size_t(d)]);
        flat.push_back(2e6 / weak[std::size_t(d)]);
    }
    assets.push_back(dailyAsset(100, "STRONG", 1, "Sector1", 1e6, strong, rising));
    assets.push_back(dailyAsset(101, "WEAK", 2, "Sector2", 1e6, weak, flat));
    const Run run = analyze(assets);
    const AssetScore *s = scoreOf(run.assets, 100);
    const AssetScore *w = scoreOf(run.assets, 101);
    QVERIFY(s && w);
    QVERIFY(s->score > w->score);
    QCOMPARE(run.assets.scores.front().cryptoId, 100);
    QCOMPARE(run.assets.scores.back().cryptoId, 101);
    QVERIFY(s->momentum > 2.0 && s->trend > 2.0);
    QVERIFY(s->confidence > 0.9 && w->confidence < 0.1);
    QCOMPARE(s->performance24h, 100.0 * (strong[119] / strong[118] - 1.0));
}

void tst_Assets::reasoningQuotesRealNumbers()
{
    auto assets = noisyUniverse(40, 120, 3);
    const auto closes = pricePath(8.0, 120, [](int d) { return 0.012 + 0.5 * wobble(d); });
    std::vector<double> volumes;
    for (int d = 0; d < 120; ++d)
        volumes.push_back((d == 119 ? 4.4 : 1.0 + 0.2 * std::sin(d)) * 5e6 /
                          closes[std::size_t(d)]);
    assets.push_back(dailyAsset(77, "SPIKE", 2, "Sector2", 1e6, closes, volumes));
    const Run run = analyze(assets);
    const SuggestionResult *s = suggestionFor(run.assets, 77);
    QVERIFY(s);
    QCOMPARE(s->type, SuggestionType::AddTier1);
    const QJsonObject why = s->aiReasoning;

    // 30-day momentum excluding the last day, from the closes directly.
    const std::size_t last = closes.size() - 1;
    const double momentum = closes[last - 1] / closes[last - 31] - 1.0;
    QVERIFY2(why.value("momentum").toString().contains(signedText(momentum, 1)),
             qPrintable(why.value("momentum").toString()));
    // Volume of the last day vs the median of the 30 days before.
    std::vector<double> dollar;
    for (std::size_t d = last - 30; d < last; ++d)
        dollar.push_back(volumes[d] * closes[d]);
    std::sort(dollar.begin(), dollar.end());
    const double median = 0.5 * (dollar[14] + dollar[15]);
    const double surge = volumes[last] * closes[last] / median - 1.0;
    QVERIFY2(why.value("volume_surge").toString().startsWith("volume " + signedText(surge, 0)),
             qPrintable(why.value("volume_surge").toString()));
    // Sample standard deviation of the last 30 daily log-returns.
    double sum = 0.0, sumSq = 0.0;
    for (std::size_t d = last - 29; d <= last; ++d) {
        const double r = std::log(closes[d] / closes[d - 1]);
        sum += r;
        sumSq += r * r;
    }
    const double vol = std::sqrt((sumSq - sum * sum / 30.0) / 29.0);
    const QString volText = QString::number(100.0 * vol, 'f', 1) + "%/day";
    QVERIFY2(why.value("risk").toString().contains(volText),
             qPrintable(why.value("risk").toString()));
    const SectorPerformanceResult *sector = nullptr;
    for (const SectorPerformanceResult &p : run.sectors.sectors)
        if (p.sectorId == 2)
            sector = &p;
    QVERIFY(sector);
    const QString sectorText = QStringLiteral("Sector2 momentum %1, rank %2 of 3")
                                   .arg(QString::number(sector->momentumScore, 'f', 2))
                                   .arg(sector->rank);
    QCOMPARE(why.value("sector").toString(), sectorText);
    QVERIFY(why.value("market").toString().contains("bull"));

    // The chart series is the last 30 closes; metrics quote the same returns.
    const QJsonArray series =
        s->supportingData.value("price_series").toObject().value("closes").toArray();
    QCOMPARE(series.size(), 30);
    for (int i = 0; i < 30; ++i)
        QVERIFY(qAbs(series.at(i).toDouble() - closes[last - 29 + std::size_t(i)]) < 1e-6);
    QVERIFY(qAbs(s->performanceMetrics.value("return_7d").toDouble() -
                 100.0 * (closes[last] / closes[last - 7] - 1.0)) < 1e-4);
    QVERIFY(allFinite(s->supportingData) && allFinite(s->performanceMetrics));
}

void tst_Assets::badAssetsSkippedWithReasons_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("keyword");
    QTest::addColumn<bool>("removedFromTier2");
    QTest::newRow("empty") << "empty"
                           << "no price data" << true;
    QTest::newRow("short history") << "short"
                                   << "days of price history" << false;
    QTest::newRow("single candle") << "single"
                                   << "days of price history" << false;
    QTest::newRow("constant price") << "constant"
                                    << "did not change" << true;
    QTest::newRow("nan close") << "nan"
                               << "NaN" << true;
    QTest::newRow("negative close") << "negative"
                                    << "non-positive" << true;
    QTest::newRow("zero volume") << "zerovolume"
                                 << "no trading volume" << true;
    QTest::newRow("gappy volume") << "gappy"
                                  << "no trading volume" << true;
    QTest::newRow("stale") << "stale"
                           << "no price since" << true;
    QTest::newRow("stablecoin") << "stablecoin"
                                << "stablecoin" << false;
}

void tst_Assets::badAssetsSkippedWithReasons()
{
    QFETCH(QString, kind);
    QFETCH(QString, keyword);
    QFETCH(bool, removedFromTier2);
    auto assets = noisyUniverse(30, 90, 21);
    auto healthy = pricePath(3.0, 90, [](int d) { return 0.01 * std::sin(0.7 * d); });
    AssetHistory bad = dailyAsset(500, "BAD", 1, "Sector1", 1e6, healthy);
    if (kind == "empty")
        bad.candles.clear();
    else if (kind == "short")
        bad = dailyAsset(500, "BAD", 1, "Sector1", 1e6, std::vector<double>(10, 2.0), {}, 80);
    else if (kind == "single")
        bad = dailyAsset(500, "BAD", 1, "Sector1", 1e6, {2.0}, {}, 89);
    else if (kind == "constant")
        bad = dailyAsset(500, "BAD", 1, "Sector1", 1e6, std::vector<double>(90, 2.0));
    else if (kind == "nan")
        bad.candles[50].close = std::nan("");
    else if (kind == "negative")
        bad.candles[70].close = -1.0;
    else if (kind == "zerovolume")
        for (Candle &c : bad.candles)
            c.volume = 0.0;
    else if (kind == "gappy")
        for (std::size_t i = 0; i < bad.candles.size(); ++i)
            bad.candles[i].volume = i % 3 == 0 ? 1000.0 : 0.0;
    else if (kind == "stale")
        bad.candles.resize(80);
    else if (kind == "stablecoin")
        bad.isStablecoin = true;
    bad.tier = Tier::Tier2;
    assets.push_back(bad);
    const Run run = analyze(assets);
    QVERIFY(!scoreOf(run.assets, 500));
    const auto skipped = std::find_if(run.assets.skipped.begin(), run.assets.skipped.end(),
                                      [](const SkippedAsset &s) { return s.cryptoId == 500; });
    QVERIFY(skipped != run.assets.skipped.end());
    QVERIFY2(skipped->reason.contains(keyword), qPrintable(skipped->reason));
    QCOMPARE(skipped->symbol, QStringLiteral("BAD"));
    const SuggestionResult *s = suggestionFor(run.assets, 500);
    QCOMPARE(bool(s), removedFromTier2);
    if (s) {
        QCOMPARE(s->type, SuggestionType::Remove);
        QCOMPARE(s->confidence, 1.0);
        QCOMPARE(s->aiReasoning.value("data").toString(), skipped->reason);
    }
    QCOMPARE(run.assets.scores.size(), std::size_t(30));
    for (const AssetScore &a : run.assets.scores)
        QVERIFY(std::isfinite(a.score) && a.confidence >= 0.0 && a.confidence <= 1.0);
}

void tst_Assets::simulatedMarketProperties()
{
    const auto assets = simulatedMarket(13, 120, 365);
    AssetConfig config;
    config.tier1Limit = 8;
    config.tier2Limit = 30;
    const Run run = analyze(assets, config);
    QVERIFY(run.assets.scores.size() > 90);
    int stablecoins = 0;
    for (const AssetHistory &a : assets)
        stablecoins += a.isStablecoin ? 1 : 0;
    QCOMPARE(int(run.assets.scores.size() + run.assets.skipped.size()), int(assets.size()));
    QVERIFY(int(run.assets.skipped.size()) >= stablecoins);
    for (const AssetScore &s : run.assets.scores)
        QVERIFY(std::isfinite(s.score) && s.confidence >= 0.0 && s.confidence <= 1.0);
    const auto tiers = applied(assets, run.assets.suggestions);
    QVERIFY(countTier(tiers, Tier::Tier1) <= 8);
    QVERIFY(countTier(tiers, Tier::Tier2) <= 30);
    QVERIFY(!run.assets.suggestions.empty());
    for (const SuggestionResult &s : run.assets.suggestions) {
        QVERIFY(allFinite(s.aiReasoning) && allFinite(s.supportingData) &&
                allFinite(s.performanceMetrics));
        QVERIFY(!assets[std::size_t(s.cryptoId - 1)].isStablecoin);
    }
}

void tst_Assets::deterministic()
{
    const auto assets = simulatedMarket(4, 80, 200);
    const QByteArray first = serialise(analyze(assets).assets);
    QCOMPARE(serialise(analyze(assets).assets), first);
}

QTEST_MAIN(tst_Assets)
#include "tst_assets.moc"
