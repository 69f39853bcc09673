#include <models/views/jsontext.h>
#include <models/views/layeroverview.h>
#include <models/views/markethistory.h>
#include <models/views/valueformat.h>
#include <ui/charts/downsample.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QTest>

#include <algorithm>

using namespace cp::models::views;

/** Pure read-side computations: layer cards, formatting, JSON sentences, regime periods,
 * downsampling. */
class tst_LayerOverview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void reproducesSeedExample();
    void emptySnapshotHasNoData();
    void sectorCard_data();
    void sectorCard();
    void dots_data();
    void dots();
    void formats_data();
    void formats();
    void sentences();
    void regimePeriodsMerge();
    void downsampleKeepsExtremes_data();
    void downsampleKeepsExtremes();
};

namespace {

OverviewSnapshot seedLikeSnapshot()
{
    // The values behind the seed's GET /api/v1/ui/layer-overview example.
    OverviewSnapshot s;
    RegimeReading regime;
    regime.regime = QStringLiteral("bull");
    regime.confidence = 0.87;
    s.regime = regime;
    s.sectors = {{QStringLiteral("DeFi"), 3.0, 15.0, 0.6},
                 {QStringLiteral("Layer1"), 1.0, 4.0, 0.8}};
    s.rotationProbability = 0.72;
    s.leadingSectors = {QStringLiteral("DeFi")};
    s.tier1Assets = 5;
    s.tier2Assets = 10;
    s.pendingSuggestions = 4;
    s.meanSuggestionConfidence = 0.81;
    s.activeSignals = 5;
    s.meanSignalConfidence = 0.76;
    return s;
}

} // namespace

void tst_LayerOverview::reproducesSeedExample()
{
    const QJsonArray cards = layerOverview(seedLikeSnapshot());
    QCOMPARE(cards.size(), 4);
    struct Expected
    {
        int layer;
        const char *name, *status;
        double confidence;
        const char *metric;
        int dots;
    };
    // Copied from the seed document (17_Database_ERD_Design.md, /api/v1/ui/layer-overview).
    const Expected expected[] = {{1, "Macro", "bullish", 0.87, "Bull 87%", 4},
                                 {2, "Sectors", "rotating", 0.72, "DeFi+15%", 3},
                                 {3, "Assets", "active", 0.81, "15 Active", 4},
                                 {4, "Timing", "signals_ready", 0.76, "5 Signals", 3}};
    for (int i = 0; i < 4; ++i) {
        const QJsonObject card = cards.at(i).toObject();
        QCOMPARE(card.value(QLatin1String("layer")).toInt(), expected[i].layer);
        QCOMPARE(card.value(QLatin1String("name")).toString(), QLatin1String(expected[i].name));
        QCOMPARE(card.value(QLatin1String("status")).toString(), QLatin1String(expected[i].status));
        QCOMPARE(card.value(QLatin1String("confidence")).toDouble(), expected[i].confidence);
        QCOMPARE(card.value(QLatin1String("key_metric")).toString(),
                 QLatin1String(expected[i].metric));
        QCOMPARE(card.value(QLatin1String("indicator_dots")).toInt(), expected[i].dots);
    }
}

void tst_LayerOverview::emptySnapshotHasNoData()
{
    const std::vector<LayerCard> cards = layerCards(OverviewSnapshot());
    QCOMPARE(cards.size(), size_t(4));
    for (const LayerCard &card : cards) {
        QCOMPARE(card.status, QStringLiteral("no_data"));
        QCOMPARE(card.confidence, 0.0);
        QCOMPARE(card.indicatorDots, 0);
    }
}

void tst_LayerOverview::sectorCard_data()
{
    QTest::addColumn<double>("probability");
    QTest::addColumn<QString>("leader");
    QTest::addColumn<QString>("status");
    QTest::addColumn<double>("confidence");
    QTest::addColumn<QString>("metric");
    // Without a named leader the strongest momentum (Layer1, 4% over 7 days) is the metric.
    QTest::newRow("stable") << 0.3 << QString() << "stable" << 0.7 << "Layer1+4%";
    QTest::newRow("threshold") << 0.5 << "DeFi"
                               << "rotating" << 0.5 << "DeFi+15%";
    QTest::newRow("unknown leader") << 0.9 << "Gaming"
                                    << "rotating" << 0.9 << "Layer1+4%";
}

void tst_LayerOverview::sectorCard()
{
    QFETCH(double, probability);
    QFETCH(QString, leader);
    QFETCH(QString, status);
    QFETCH(double, confidence);
    QFETCH(QString, metric);
    OverviewSnapshot s = seedLikeSnapshot();
    s.rotationProbability = probability;
    s.leadingSectors = leader.isEmpty() ? QStringList() : QStringList{leader};
    const LayerCard card = layerCards(s).at(1);
    QCOMPARE(card.status, status);
    QVERIFY(qAbs(card.confidence - confidence) < 1e-12);
    QCOMPARE(card.keyMetric, metric);
}

void tst_LayerOverview::dots_data()
{
    QTest::addColumn<double>("confidence");
    QTest::addColumn<int>("dots");
    QTest::newRow("0") << 0.0 << 0;
    QTest::newRow("0.19") << 0.19 << 0;
    QTest::newRow("0.2") << 0.2 << 1;
    QTest::newRow("0.6") << 0.6 << 3;
    QTest::newRow("0.99") << 0.99 << 4;
    QTest::newRow("1") << 1.0 << 5;
}

void tst_LayerOverview::dots()
{
    QFETCH(double, confidence);
    QFETCH(int, dots);
    OverviewSnapshot s = seedLikeSnapshot();
    s.regime->confidence = confidence;
    QCOMPARE(layerCards(s).at(0).indicatorDots, dots);
}

void tst_LayerOverview::formats_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("text");
    QTest::newRow("btc price") << QVariant(64210.5) << int(ColumnFormat::Price) << "64210.50";
    QTest::newRow("pepe price") << QVariant(0.000001234) << int(ColumnFormat::Price)
                                << "0.000001234";
    QTest::newRow("unit price") << QVariant(1.5) << int(ColumnFormat::Price) << "1.500";
    QTest::newRow("gain") << QVariant(2.5) << int(ColumnFormat::Percent) << "+2.50%";
    QTest::newRow("loss") << QVariant(-0.126) << int(ColumnFormat::Percent) << "-0.13%";
    QTest::newRow("fraction") << QVariant(0.874) << int(ColumnFormat::Fraction) << "87%";
    QTest::newRow("trillions") << QVariant(2.1e12) << int(ColumnFormat::Money) << "$2.10T";
    QTest::newRow("millions") << QVariant(95.0e6) << int(ColumnFormat::Money) << "$95.00M";
    QTest::newRow("small money") << QVariant(12.0) << int(ColumnFormat::Money) << "$12.00";
    QTest::newRow("label") << QVariant(QStringLiteral("add_tier1")) << int(ColumnFormat::Label)
                           << "Add to Tier 1";
    QTest::newRow("unknown label")
        << QVariant(QStringLiteral("some_state")) << int(ColumnFormat::Label) << "Some state";
    QTest::newRow("null") << QVariant() << int(ColumnFormat::Number) << "";
}

void tst_LayerOverview::formats()
{
    QFETCH(QVariant, value);
    QFETCH(int, format);
    QFETCH(QString, text);
    QCOMPARE(formatValue(value, ColumnFormat(format)), text);
}

void tst_LayerOverview::sentences()
{
    const QStringList fromObject = JsonText::sentences(
        QStringLiteral(R"({"volume_surge": "volume +340% in 24h", "score": 1.5})"));
    QCOMPARE(fromObject, (QStringList{QStringLiteral("Score: 1.5."),
                                      QStringLiteral("Volume surge: volume +340% in 24h.")}));
    const QStringList fromArray =
        JsonText::sentences(QStringLiteral(R"(["rsi recovered from 28", "Done!"])"));
    QCOMPARE(fromArray,
             (QStringList{QStringLiteral("Rsi recovered from 28."), QStringLiteral("Done!")}));
    QVERIFY(JsonText::sentences(QStringLiteral("not json")).isEmpty());
    QCOMPARE(JsonText::member(QStringLiteral(R"({"a": {"b": 1}})"), QStringLiteral("a")).toString(),
             QStringLiteral(R"({"b":1})"));
}

void tst_LayerOverview::regimePeriodsMerge()
{
    const std::vector<RegimePeriod> periods = regimePeriods({{10, QStringLiteral("bear")},
                                                             {20, QStringLiteral("bear")},
                                                             {30, QStringLiteral("bull")},
                                                             {40, QStringLiteral("neutral")}},
                                                            100);
    QCOMPARE(periods.size(), size_t(3));
    QCOMPARE(periods[0].startMsecs, 10);
    QCOMPARE(periods[0].endMsecs, 30);
    QCOMPARE(periods[1].regime, QStringLiteral("bull"));
    QCOMPARE(periods[1].endMsecs, 40);
    QCOMPARE(periods[2].endMsecs, 100);
    QVERIFY(regimePeriods({}, 100).empty());

    // "In this regime for 2 days" (1 day = 86,400,000 ms) stretches the newest period back.
    constexpr qint64 day = 86400000;
    std::vector<RegimePeriod> stretched = regimePeriods({{0, QStringLiteral("bear")},
                                                         {day, QStringLiteral("neutral")},
                                                         {4 * day, QStringLiteral("bull")}},
                                                        5 * day);
    applyRegimeIndicators(stretched, QJsonObject{{QStringLiteral("days_in_regime"), 2}}, 4 * day);
    QCOMPARE(stretched.size(), size_t(3));
    QCOMPARE(stretched[2].startMsecs, 2 * day);
    QCOMPARE(stretched[1].endMsecs, 2 * day);
    applyRegimeIndicators(stretched, QJsonObject{{QStringLiteral("days_in_regime"), 3}}, 4 * day);
    QCOMPARE(stretched.size(), size_t(2)); // the neutral period [1, 2) days is covered entirely
    QCOMPARE(stretched[0].regime, QStringLiteral("bear"));
    QCOMPARE(stretched[0].endMsecs, day);
    QCOMPARE(stretched[1].startMsecs, day);
    const QJsonArray explicitPeriods{
        QJsonObject{{QStringLiteral("start"), QStringLiteral("2024-01-01T00:00:00.000Z")},
                    {QStringLiteral("end"), QStringLiteral("2024-01-03T00:00:00.000Z")},
                    {QStringLiteral("regime"), QStringLiteral("volatile")}}};
    applyRegimeIndicators(stretched,
                          QJsonObject{{QStringLiteral("regime_periods"), explicitPeriods}}, 0);
    QCOMPARE(stretched.size(), size_t(1));
    QCOMPARE(stretched[0].endMsecs - stretched[0].startMsecs, 2 * day);
    QCOMPARE(stretched[0].regime, QStringLiteral("volatile"));
}

void tst_LayerOverview::downsampleKeepsExtremes_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("buckets");
    QTest::newRow("small") << 50 << 100;
    QTest::newRow("100k into 400") << 100000 << 400;
    QTest::newRow("uneven") << 12345 << 77;
}

void tst_LayerOverview::downsampleKeepsExtremes()
{
    QFETCH(int, count);
    QFETCH(int, buckets);
    QList<QPointF> points;
    for (int i = 0; i < count; ++i)
        points.append(QPointF(i, std::sin(i * 0.01) * 100 + ((i * 7919) % 13)));
    points[count / 3].setY(1e6); // a spike must survive
    const QList<QPointF> out = cp::ui::charts::minMaxDownsample(points, buckets);
    QVERIFY(out.size() <= std::max<qsizetype>(count, 4 * buckets));
    QCOMPARE(out.first(), points.first());
    QCOMPARE(out.last(), points.last());
    QVERIFY(std::is_sorted(out.begin(), out.end(),
                           [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
    auto byY = [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); };
    QCOMPARE(std::max_element(out.begin(), out.end(), byY)->y(),
             std::max_element(points.begin(), points.end(), byY)->y());
    QCOMPARE(std::min_element(out.begin(), out.end(), byY)->y(),
             std::min_element(points.begin(), points.end(), byY)->y());
    // Every output point is an input point.
    for (const QPointF &p : out)
        QCOMPARE(points.at(int(p.x())), p);
}

QTEST_MAIN(tst_LayerOverview)
#include "tst_layeroverview.moc"
