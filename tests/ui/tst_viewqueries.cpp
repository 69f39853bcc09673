#include "uitestseed.h"

#include <testdatabase.h>

#include <models/connectionpool.h>
#include <models/views/adminqueries.h>
#include <models/views/markethistory.h>
#include <models/views/overviewsnapshot.h>
#include <models/views/reviewqueries.h>
#include <models/views/sectorqueries.h>
#include <models/views/signalfilterproxymodel.h>
#include <models/views/signalqueries.h>
#include <models/views/snapshotjobs.h>
#include <models/views/snapshottablemodel.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace cp::models::views;
using cp::test::SeededMarket;

/** The view loaders on both dialects, the snapshot model, the signal filter and the job runner. */
class tst_ViewQueries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void latestSectorPerformance_data() { cp::test::addDialectColumn(); }
    void latestSectorPerformance();
    void overviewAndHistory_data() { cp::test::addDialectColumn(); }
    void overviewAndHistory();
    void signalsSuggestionsWatchlists_data() { cp::test::addDialectColumn(); }
    void signalsSuggestionsWatchlists();
    void predictionAccuracy_data() { cp::test::addDialectColumn(); }
    void predictionAccuracy();
    void adminTables_data() { cp::test::addDialectColumn(); }
    void adminTables();
    void snapshotModelKeepsRows();
    void signalFilter_data();
    void signalFilter();
    void latestRequestWins();
};

#define SEEDED(scratch, market)                                                                    \
    QFETCH(QString, dialect);                                                                      \
    CP_SCRATCH_DB(scratch, dialect);                                                               \
    const cp::Result<SeededMarket> market = cp::test::seedAnalysedMarket(scratch.database());      \
    QVERIFY2(market.ok(), qPrintable(market.error()))

void tst_ViewQueries::latestSectorPerformance()
{
    SEEDED(scratch, market);
    const cp::Result<SnapshotTable> table = loadLatestSectorPerformance(scratch.database());
    QVERIFY2(table.ok(), qPrintable(table.error()));
    // One row per sector, the newest only (the older rows all hold 9.9), by momentum.
    QCOMPARE(table->rowCount(), 4);
    const QStringList expected{QStringLiteral("DeFi"), QStringLiteral("Layer1"),
                               QStringLiteral("Stablecoins"), QStringLiteral("Meme")};
    for (int r = 0; r < 4; ++r) {
        QCOMPARE(table->value(r, QStringLiteral("name")).toString(), expected[r]);
        QVERIFY(table->value(r, QStringLiteral("performance_7d")).toDouble() != 9.9);
        QVERIFY(
            table->value(r, QStringLiteral("color_code")).toString().startsWith(QLatin1Char('#')));
    }
    QCOMPARE(table->value(0, QStringLiteral("performance_7d")).toDouble(), 15.2);
    const cp::Result<RotationSnapshot> rotation = loadRotation(scratch.database());
    QVERIFY(rotation.ok());
    QCOMPARE(rotation->leadingSectors, QStringList{QStringLiteral("DeFi")});
    QCOMPARE(rotation->allocation.size(), size_t(3));
    QCOMPARE(rotation->allocation.front().first, QStringLiteral("Layer1"));
    const cp::Result<SnapshotTable> history =
        loadSectorHistory(scratch.database(), market->sectorIds.value(QStringLiteral("DeFi")));
    QVERIFY(history.ok());
    QCOMPARE(history->rowCount(), 2);
    // Members: every asset whose primary sector is Layer1, counted independently.
    const int layer1 = market->sectorIds.value(QStringLiteral("Layer1"));
    QSqlQuery count(scratch.database());
    QVERIFY(count.exec(
        QStringLiteral("SELECT COUNT(*) FROM cryptocurrencies WHERE sector_id = %1").arg(layer1)));
    QVERIFY(count.next());
    const cp::Result<SnapshotTable> members = loadSectorMembers(scratch.database(), layer1);
    QVERIFY2(members.ok(), qPrintable(members.error()));
    QCOMPARE(members->rowCount(), count.value(0).toInt());
    QVERIFY(members->fields.contains(QStringLiteral("performance_24h")));
}

void tst_ViewQueries::overviewAndHistory()
{
    SEEDED(scratch, market);
    const cp::Result<OverviewSnapshot> s = loadOverviewSnapshot(scratch.database());
    QVERIFY2(s.ok(), qPrintable(s.error()));
    QVERIFY(s->regime.has_value());
    QCOMPARE(s->regime->regime, QStringLiteral("bull"));
    QCOMPARE(s->regime->confidence, 0.87);
    QCOMPARE(s->regime->drivers.size(), 2);
    QCOMPARE(*s->fearGreedIndex, 64.0);
    QCOMPARE(s->dominance->btc, 52.3);
    QCOMPARE(s->sectors.size(), size_t(4));
    QCOMPARE(*s->rotationProbability, 0.72);
    QCOMPARE(s->tier1Assets, 2);
    QCOMPARE(s->tier2Assets, 1);
    QCOMPARE(s->pendingSuggestions, 3);
    QVERIFY(qAbs(s->meanSuggestionConfidence - (0.91 + 0.78 + 0.83) / 3) < 1e-9);
    QCOMPARE(s->activeSignals, 4);
    QVERIFY(qAbs(s->meanSignalConfidence - (0.85 + 0.72 + 0.65 + 0.90) / 4) < 1e-9);
    QCOMPARE(s->lastAnalysis.toSecsSinceEpoch(), market->endTime);

    const cp::Result<MarketHistory> history = loadMarketHistory(scratch.database());
    QVERIFY2(history.ok(), qPrintable(history.error()));
    QCOMPARE(history->days.size(), size_t(60));
    for (const MarketDay &day : history->days) {
        QVERIFY(day.totalMarketCap > 0);
        QVERIFY(qAbs(day.btcDominance + day.ethDominance + day.stablecoinDominance +
                     day.altDominance - 100.0) < 1e-6);
    }
    // bear -> neutral -> bull, the last to the end of the price history.
    QCOMPARE(history->regimes.size(), size_t(3));
    QCOMPARE(history->regimes.back().regime, QStringLiteral("bull"));
    QCOMPARE(history->regimes.back().endMsecs, history->days.back().msecsSinceEpoch);
}

void tst_ViewQueries::signalsSuggestionsWatchlists()
{
    SEEDED(scratch, market);
    const cp::Result<SnapshotTable> signals = loadActiveSignals(scratch.database());
    QVERIFY2(signals.ok(), qPrintable(signals.error()));
    QCOMPARE(signals->rowCount(), 4); // the expired one is not shown
    QCOMPARE(signals->value(0, QStringLiteral("confidence_score")).toDouble(), 0.90);
    for (int r = 0; r < 4; ++r) {
        // entry 100: long targets 110 (+10%), short targets 92 (+8% for the short).
        const bool isLong =
            signals->value(r, QStringLiteral("signal_type")).toString() == QLatin1String("long");
        QVERIFY(qAbs(signals->value(r, QStringLiteral("expected_return")).toDouble() -
                     (isLong ? 10.0 : 8.0)) < 1e-9);
    }
    const cp::Result<SnapshotTable> suggestions = loadPendingSuggestions(scratch.database());
    QVERIFY(suggestions.ok());
    QCOMPARE(suggestions->rowCount(), 3);
    QCOMPARE(suggestions->value(0, QStringLiteral("confidence_score")).toDouble(), 0.91);
    QCOMPARE(suggestions->value(2, QStringLiteral("confidence_score")).toDouble(), 0.78);

    const cp::Result<SnapshotTable> lists = loadWatchlists(scratch.database(), market->casualId);
    QVERIFY(lists.ok());
    QCOMPARE(lists->rowCount(), 2);
    const cp::Result<SnapshotTable> items =
        loadWatchlistItems(scratch.database(), market->tier1WatchlistId);
    QVERIFY2(items.ok(), qPrintable(items.error()));
    QCOMPARE(items->rowCount(), 2);
    QCOMPARE(items->value(0, QStringLiteral("crypto_id")).toInt(), market->assetIds.at(4));
    // Asset 4 has the expired low-risk short signal as its newest.
    QCOMPARE(items->value(0, QStringLiteral("risk_level")).toString(), QStringLiteral("low"));
    const cp::Result<SnapshotTable> addable =
        loadAddableAssets(scratch.database(), market->tier1WatchlistId);
    QVERIFY(addable.ok());
    QCOMPARE(addable->rowCount(), market->assetIds.size() - 2);
    const cp::Result<std::vector<cp::engine::Candle>> candles =
        loadCandles(scratch.database(), market->assetIds.at(0), 30);
    QVERIFY(candles.ok());
    QCOMPARE(candles->size(), size_t(30));
    QVERIFY(candles->front().time < candles->back().time);
    QCOMPARE(candles->back().time, market->endTime);
}

void tst_ViewQueries::predictionAccuracy()
{
    SEEDED(scratch, market);
    const cp::Result<SnapshotTable> table = loadPredictionAccuracy(scratch.database());
    QVERIFY2(table.ok(), qPrintable(table.error()));
    QCOMPARE(table->rowCount(), 2);
    // Row 1 = layer1/macro_hmm: 200 -> predicted 190, actual 210: error 20/210; naive 10/210.
    QCOMPARE(table->value(0, QStringLiteral("model_name")).toString(), QStringLiteral("macro_hmm"));
    QVERIFY(qAbs(table->value(0, QStringLiteral("mean_error_pct")).toDouble() - 2000.0 / 210) <
            1e-9);
    QVERIFY(qAbs(table->value(0, QStringLiteral("naive_error_pct")).toDouble() - 1000.0 / 210) <
            1e-9);
    QCOMPARE(table->value(0, QStringLiteral("naive_hit_rate")).toDouble(), 1.0);
    // Row 2 = layer4/timing_logit: 4 predictions, 3 realised, 2 accurate.
    QCOMPARE(table->value(1, QStringLiteral("predictions")).toInt(), 4);
    QCOMPARE(table->value(1, QStringLiteral("realized")).toInt(), 3);
    QVERIFY(qAbs(table->value(1, QStringLiteral("hit_rate")).toDouble() - 2.0 / 3) < 1e-9);
    // Errors 1/103, 1/99, 10/100 in percent; naive 3/103, 1/99, 0.
    const double error = (100.0 / 103 + 100.0 / 99 + 10.0) / 3;
    QVERIFY(qAbs(table->value(1, QStringLiteral("mean_error_pct")).toDouble() - error) < 1e-9);
    const double naive = (300.0 / 103 + 100.0 / 99 + 0.0) / 3;
    QVERIFY(qAbs(table->value(1, QStringLiteral("naive_error_pct")).toDouble() - naive) < 1e-9);
}

void tst_ViewQueries::adminTables()
{
    SEEDED(scratch, market);
    const cp::Result<SnapshotTable> models = loadModels(scratch.database());
    QVERIFY(models.ok());
    QCOMPARE(models->rowCount(), 2);
    QCOMPARE(models->value(1, QStringLiteral("metrics_summary")).toString(),
             QStringLiteral("Brier: 0.21"));
    const cp::Result<SnapshotTable> health = loadSystemHealth(scratch.database());
    QVERIFY(health.ok());
    QCOMPARE(health->rowCount(), 1);
    QCOMPARE(health->value(0, QStringLiteral("overall_health_score")).toDouble(), 96.5);
    const cp::Result<SnapshotTable> activities = loadUserActivities(scratch.database());
    QVERIFY(activities.ok());
    QCOMPARE(activities->rowCount(), 2);
    QCOMPARE(activities->value(0, QStringLiteral("email")).toString(),
             QStringLiteral("casual@example.com"));
}

namespace {

SnapshotTable signalTable()
{
    SnapshotTable t;
    t.fields = {QStringLiteral("id"), QStringLiteral("signal_type"), QStringLiteral("risk_level"),
                QStringLiteral("confidence_score")};
    const char *types[] = {"long", "short"};
    const char *risks[] = {"low", "medium", "high", "extreme"};
    for (int i = 0; i < 40; ++i)
        t.rows.append({i + 1, QString::fromLatin1(types[i % 2]), QString::fromLatin1(risks[i % 4]),
                       (i % 10) / 10.0});
    return t;
}

QList<SnapshotColumn> signalColumns()
{
    return {
        {QStringLiteral("signal_type"), QStringLiteral("Type"), ColumnFormat::Label},
        {QStringLiteral("risk_level"), QStringLiteral("Risk"), ColumnFormat::Label},
        {QStringLiteral("confidence_score"), QStringLiteral("Confidence"), ColumnFormat::Fraction}};
}

} // namespace

void tst_ViewQueries::snapshotModelKeepsRows()
{
    SnapshotTableModel model(signalColumns());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    SnapshotTable table = signalTable();
    model.setSnapshot(table);
    QCOMPARE(model.rowCount(), 40);
    QCOMPARE(resets.count(), 1);
    // Same ids in the same order: cells update, no reset (selections survive).
    table.rows[0][3] = 0.55;
    model.setSnapshot(table);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(changes.count(), 1);
    QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("55%"));
    QCOMPARE(model.index(0, 2).data(SnapshotTableModel::SortRole).toDouble(), 0.55);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Long"));
    QCOMPARE(model.rowOfId(7), 6);
    table.rows.removeFirst();
    model.setSnapshot(table);
    QCOMPARE(resets.count(), 2);
    QCOMPARE(model.rowCount(), 39);
}

void tst_ViewQueries::signalFilter_data()
{
    QTest::addColumn<double>("minimum");
    QTest::addColumn<QString>("risk");
    QTest::addColumn<QString>("type");
    QTest::newRow("all") << 0.0 << QString() << QString();
    QTest::newRow("confident") << 0.7 << QString() << QString();
    QTest::newRow("low risk longs") << 0.0 << "low"
                                    << "long";
    QTest::newRow("medium shorts") << 0.3 << "medium"
                                   << "short";
    QTest::newRow("none") << 0.95 << QString() << QString();
}

void tst_ViewQueries::signalFilter()
{
    QFETCH(double, minimum);
    QFETCH(QString, risk);
    QFETCH(QString, type);
    SnapshotTableModel model(signalColumns());
    const SnapshotTable table = signalTable();
    model.setSnapshot(table);
    SignalFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setMinimumConfidence(minimum);
    proxy.setRiskLevel(risk);
    proxy.setSignalType(type);
    // A naive count over the same rows.
    int expected = 0;
    for (const QVariantList &row : table.rows) {
        expected += row[3].toDouble() >= minimum - 1e-9 && (risk.isEmpty() || row[2] == risk) &&
                    (type.isEmpty() || row[1] == type);
    }
    QCOMPARE(proxy.rowCount(), expected);
    proxy.sort(2, Qt::DescendingOrder);
    for (int r = 1; r < proxy.rowCount(); ++r)
        QVERIFY(proxy.index(r - 1, 2).data(SnapshotTableModel::SortRole).toDouble() >=
                proxy.index(r, 2).data(SnapshotTableModel::SortRole).toDouble());
}

void tst_ViewQueries::latestRequestWins()
{
    CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
    SnapshotJobs jobs(std::make_shared<cp::models::ConnectionPool>(scratch.databaseUrl()));
    QObject context;
    QList<int> delivered;
    auto slow = [](QSqlDatabase) {
        QThread::msleep(300);
        return cp::Result<int>(1);
    };
    auto fast = [](QSqlDatabase db) {
        QSqlQuery q(db);
        return q.exec(QStringLiteral("SELECT 2")) && q.next()
                   ? cp::Result<int>(q.value(0).toInt())
                   : cp::Result<int>::failure(QStringLiteral("x"));
    };
    auto record = [&](const cp::Result<int> &r) { delivered.append(r.ok() ? *r : -1); };
    jobs.run<int>(QStringLiteral("k"), &context, slow, record);
    jobs.run<int>(QStringLiteral("k"), &context, fast, record);
    jobs.run<int>(QStringLiteral("other"), &context, slow, record);
    QTRY_VERIFY(!jobs.isBusy());
    QCOMPARE(delivered.size(), 2);
    QVERIFY(delivered.contains(2));
    QVERIFY(delivered.contains(1)); // the "other" key is independent
    QCOMPARE(delivered.count(1), 1);
}

QTEST_MAIN(tst_ViewQueries)
#include "tst_viewqueries.moc"
