#include <testdatabase.h>

#include <app/analysiscontroller.h>
#include <app/analysispipeline.h>
#include <app/demoloader.h>
#include <app/evaluator.h>
#include <app/modelretrainer.h>
#include <models/changebus.h>
#include <models/rowinserter.h>

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace cp;

/** The analysis pipeline and `evaluate` end to end on a simulated market, on both dialects. */
class tst_Pipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runFillsEveryLayerTable_data() { test::addDialectColumn(); }
    void runFillsEveryLayerTable();
    void secondRunDoesNotDuplicatePendingSuggestions_data() { test::addDialectColumn(); }
    void secondRunDoesNotDuplicatePendingSuggestions();
    void cancelledRunWritesNothing_data() { test::addDialectColumn(); }
    void cancelledRunWritesNothing();
    void badAssetsAreSkippedWithReasons_data() { test::addDialectColumn(); }
    void badAssetsAreSkippedWithReasons();
    void controllerRunsOffThreadAndCancels_data() { test::addDialectColumn(); }
    void controllerRunsOffThreadAndCancels();
    void retrainUpdatesTheRegistry_data() { test::addDialectColumn(); }
    void retrainUpdatesTheRegistry();
    void evaluateRealisesDuePredictionsAndClosesSignals_data() { test::addDialectColumn(); }
    void evaluateRealisesDuePredictionsAndClosesSignals();
};

namespace {

qint64 count(QSqlDatabase db, const QString &table, const QString &where = QString())
{
    QSqlQuery query(db);
    query.exec(QStringLiteral("SELECT COUNT(*) FROM %1 %2").arg(table, where));
    query.next();
    return query.value(0).toLongLong();
}

const QStringList kLayerTables = {QStringLiteral("market_regime_analysis"),
                                  QStringLiteral("market_sentiment_data"),
                                  QStringLiteral("dominance_data"),
                                  QStringLiteral("sector_performance"),
                                  QStringLiteral("sector_rotation_analysis"),
                                  QStringLiteral("ai_suggestions"),
                                  QStringLiteral("trading_signals"),
                                  QStringLiteral("predictions_enhanced"),
                                  QStringLiteral("ai_models"),
                                  QStringLiteral("system_health")};

void loadDemo(QSqlDatabase db, int assets = 30, int days = 400)
{
    engine::SimulationConfig config;
    config.seed = 11;
    config.assetCount = assets;
    config.days = days;
    config.interval = engine::Interval::Day;
    const Result<app::DemoReport> report = app::DemoLoader(db).load(config);
    QVERIFY2(report.ok(), qPrintable(report.error()));
}

} // namespace

void tst_Pipeline::runFillsEveryLayerTable()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    loadDemo(db);
    QSignalSpy changes(&models::ChangeBus::instance(), &models::ChangeBus::changed);

    QList<int> percents;
    const Result<app::AnalysisReport> report = app::AnalysisPipeline(db).run(
        {}, [&](int percent, const QString &) { percents.append(percent); });
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QCOMPARE(report->assets, 30);
    QCOMPARE(report->candles, qint64(30 * 400));
    QVERIFY(std::is_sorted(percents.begin(), percents.end()));
    QCOMPARE(percents.last(), 100);

    QCOMPARE(count(db, QStringLiteral("market_regime_analysis")), 1);
    QCOMPARE(count(db, QStringLiteral("market_sentiment_data")), 1);
    QCOMPARE(count(db, QStringLiteral("dominance_data")), 1);
    QCOMPARE(count(db, QStringLiteral("sector_performance")), qint64(report->sectors));
    QSqlQuery sectors(db);
    QVERIFY(sectors.exec(QStringLiteral("SELECT COUNT(DISTINCT sector_id) FROM cryptocurrencies")));
    QVERIFY(sectors.next());
    QCOMPARE(report->sectors, sectors.value(0).toInt());
    QCOMPARE(count(db, QStringLiteral("sector_rotation_analysis")), 1);
    QCOMPARE(count(db, QStringLiteral("ai_suggestions")), qint64(report->suggestions));
    QVERIFY(report->suggestions > 0);
    QCOMPARE(count(db, QStringLiteral("predictions_enhanced")), qint64(report->predictions));
    QVERIFY(report->predictions > 0);
    QCOMPARE(count(db, QStringLiteral("trading_signals")), qint64(report->signalCount));
    QVERIFY(count(db, QStringLiteral("ai_models")) >= 2);
    QCOMPARE(count(db, QStringLiteral("system_health")), 1);
    QVERIFY(!changes.isEmpty());

    // The regime row carries a real probability and readable drivers.
    QSqlQuery regime(db);
    QVERIFY(regime.exec(QStringLiteral("SELECT market_regime, confidence_score, regime_drivers"
                                       " FROM market_regime_analysis")));
    QVERIFY(regime.next());
    QVERIFY(
        QStringList({"bull", "bear", "neutral", "volatile"}).contains(regime.value(0).toString()));
    QVERIFY(regime.value(1).toDouble() > 0.0 && regime.value(1).toDouble() <= 1.0);
    QVERIFY(regime.value(2).toString().size() > 10);
}

void tst_Pipeline::secondRunDoesNotDuplicatePendingSuggestions()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    loadDemo(db);
    QVERIFY(app::AnalysisPipeline(db).run({}).ok());
    const qint64 first = count(db, QStringLiteral("ai_suggestions"));
    const Result<app::AnalysisReport> second = app::AnalysisPipeline(db).run({});
    QVERIFY2(second.ok(), qPrintable(second.error()));
    QCOMPARE(second->suggestions, 0);
    QCOMPARE(count(db, QStringLiteral("ai_suggestions")), first);
    QCOMPARE(count(db, QStringLiteral("market_regime_analysis")), 2);
    QSqlQuery duplicates(db);
    QVERIFY(duplicates.exec(QStringLiteral(
        "SELECT COUNT(*) FROM (SELECT crypto_id, suggestion_type FROM ai_suggestions WHERE status"
        " = 'pending' GROUP BY crypto_id, suggestion_type HAVING COUNT(*) > 1) AS d")));
    QVERIFY(duplicates.next());
    QCOMPARE(duplicates.value(0).toInt(), 0);
}

void tst_Pipeline::cancelledRunWritesNothing()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    loadDemo(db);
    std::atomic<bool> cancelled = false;
    const Result<app::AnalysisReport> report = app::AnalysisPipeline(db).run(
        {},
        [&](int, const QString &stage) {
            if (stage.startsWith(QLatin1String("Layer 3")))
                cancelled = true;
        },
        &cancelled);
    QVERIFY(!report.ok());
    QVERIFY(report.error().contains(QLatin1String("cancelled")));
    for (const QString &table : kLayerTables)
        QCOMPARE(count(db, table), 0);
}

void tst_Pipeline::badAssetsAreSkippedWithReasons()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    loadDemo(db, 20, 300);
    // Four broken assets beside the simulated market: one bar, constant prices, zero volume,
    // and a history with a negative price in it.
    QSqlQuery insert(db);
    const qint64 start = 1'700'000'000 / 86400 * 86400;
    struct Broken
    {
        const char *symbol;
        int bars;
        double price;
        double volume;
    };
    for (const Broken &b : {Broken{"ONEBAR", 1, 5.0, 10.0}, Broken{"FLAT", 300, 2.0, 10.0},
                            Broken{"NOVOL", 300, 3.0, 0.0}, Broken{"NEG", 300, 4.0, 10.0}}) {
        insert.prepare(
            QStringLiteral("INSERT INTO cryptocurrencies (symbol, name, circulating_supply)"
                           " VALUES (?, ?, 1000) RETURNING id"));
        insert.addBindValue(QString::fromLatin1(b.symbol));
        insert.addBindValue(QString::fromLatin1(b.symbol));
        QVERIFY(insert.exec() && insert.next());
        const int id = insert.value(0).toInt();
        insert.finish();
        models::RowInserter prices(db, QStringLiteral("price_data"));
        for (int i = 0; i < b.bars; ++i) {
            const double close = (QByteArray(b.symbol) == "NEG" && i == 150) ? -1.0 : b.price;
            QVERIFY(prices
                        .insert({{"crypto_id", id},
                                 {"timestamp", models::timestampValue(start + i * 86400)},
                                 {"open_price", close},
                                 {"high_price", close},
                                 {"low_price", close},
                                 {"close_price", close},
                                 {"volume", b.volume}})
                        .ok());
        }
    }
    const Result<app::AnalysisReport> report = app::AnalysisPipeline(db).run({});
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QStringList skipped;
    for (const engine::SkippedAsset &s : report->skipped) {
        QVERIFY2(!s.reason.isEmpty(), qPrintable(s.symbol));
        skipped.append(s.symbol);
    }
    for (const char *symbol : {"ONEBAR", "FLAT", "NOVOL", "NEG"})
        QVERIFY2(skipped.contains(QLatin1String(symbol)), symbol);
    QCOMPARE(count(db, QStringLiteral("market_regime_analysis")), 1);
}

void tst_Pipeline::evaluateRealisesDuePredictionsAndClosesSignals()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral("INSERT INTO cryptocurrencies (symbol, name) VALUES ('TST',"
                                      " 'Test') RETURNING id")) &&
            query.next());
    const int id = query.value(0).toInt();
    query.finish();
    const qint64 t0 = 1'704'067'200; // 2024-01-01
    // Closes 100, 104, 110: highs reach 111 on day 2.
    const double closes[] = {100.0, 104.0, 110.0};
    models::RowInserter prices(db, QStringLiteral("price_data"));
    for (int i = 0; i < 3; ++i) {
        QVERIFY(prices
                    .insert({{"crypto_id", id},
                             {"timestamp", models::timestampValue(t0 + i * 86400)},
                             {"open_price", closes[i]},
                             {"high_price", closes[i] + 1.0},
                             {"low_price", closes[i] - 1.0},
                             {"close_price", closes[i]},
                             {"volume", 5.0}})
                    .ok());
    }
    models::RowInserter predictions(db, QStringLiteral("predictions_enhanced"));
    // Due on day 1 (actual 104): predicted 100 -> error 4 (3.85%), accurate at 5%.
    QVERIFY(predictions
                .insert({{"crypto_id", id},
                         {"model_name", QStringLiteral("m")},
                         {"model_version", QStringLiteral("1")},
                         {"predicted_price", 100.0},
                         {"confidence_score", 0.5},
                         {"prediction_horizon", 24},
                         {"target_datetime", models::timestampValue(t0 + 86400)},
                         {"input_price", 100.0}})
                .ok());
    // Not due: its target lies after the last bar.
    QVERIFY(predictions
                .insert({{"crypto_id", id},
                         {"model_name", QStringLiteral("m")},
                         {"model_version", QStringLiteral("1")},
                         {"predicted_price", 100.0},
                         {"confidence_score", 0.5},
                         {"prediction_horizon", 24},
                         {"target_datetime", models::timestampValue(t0 + 10 * 86400)},
                         {"input_price", 100.0}})
                .ok());
    models::RowInserter signals(db, QStringLiteral("trading_signals"));
    // Long from 100, target 108, stop 95: day 2's high of 111 reaches the target first.
    QVERIFY(signals
                .insert({{"crypto_id", id},
                         {"signal_type", QStringLiteral("long")},
                         {"entry_price", 100.0},
                         {"target_price", 108.0},
                         {"stop_loss", 95.0},
                         {"confidence_score", 0.6},
                         {"risk_level", QStringLiteral("low")},
                         {"risk_reward_ratio", 1.6},
                         {"status", QStringLiteral("active")},
                         {"generated_at", models::timestampValue(t0)},
                         {"expires_at", models::timestampValue(t0 + 5 * 86400)}})
                .ok());

    const Result<app::EvaluationReport> report = app::evaluateDue(db);
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QCOMPARE(report->predictionsRealised, 1);
    QCOMPARE(report->predictionsAccurate, 1);
    QCOMPARE(report->signalsClosed, 1);
    QCOMPARE(report->targetsHit, 1);

    QVERIFY(
        query.exec(QStringLiteral("SELECT actual_price, absolute_error, squared_error, is_accurate,"
                                  " accuracy_percentage FROM predictions_enhanced WHERE is_realized"
                                  " = %1")
                       .arg(dialect == QLatin1String("sqlite") ? "1" : "true")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toDouble(), 104.0);
    QCOMPARE(query.value(1).toDouble(), 4.0);
    QCOMPARE(query.value(2).toDouble(), 16.0);
    QVERIFY(query.value(3).toBool());
    QVERIFY(qAbs(query.value(4).toDouble() - (100.0 - 4.0 / 104.0 * 100.0)) < 0.01);
    QVERIFY(!query.next());
    QVERIFY(query.exec(QStringLiteral("SELECT status, ai_analysis FROM trading_signals")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("expired"));
    QVERIFY(query.value(1).toString().contains(QLatin1String("target_hit")));

    // Idempotent: nothing left to do.
    const Result<app::EvaluationReport> again = app::evaluateDue(db);
    QCOMPARE(again->predictionsRealised, 0);
    QCOMPARE(again->signalsClosed, 0);
}

void tst_Pipeline::controllerRunsOffThreadAndCancels()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    loadDemo(db);
    app::AnalysisController controller(scratch.databaseUrl());
    QSignalSpy progress(&controller, &app::AnalysisController::progressChanged);
    QSignalSpy finished(&controller, &app::AnalysisController::finished);
    QSignalSpy failed(&controller, &app::AnalysisController::failed);
    QVERIFY(controller.start());
    QVERIFY(controller.isRunning());
    QVERIFY(!controller.start()); // one run at a time
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QCOMPARE(failed.size(), 0);
    QVERIFY(progress.size() >= 5);
    QVERIFY(!controller.isRunning());
    QCOMPARE(count(db, QStringLiteral("market_regime_analysis")), 1);

    // Cancelled as soon as it starts: it fails and writes nothing more.
    QObject::connect(&controller, &app::AnalysisController::progressChanged, &controller,
                     [&controller] { controller.cancel(); });
    QVERIFY(controller.start());
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 60000);
    QVERIFY(failed.first().first().toString().contains(QLatin1String("cancelled")));
    QCOMPARE(count(db, QStringLiteral("market_regime_analysis")), 1);
}

void tst_Pipeline::retrainUpdatesTheRegistry()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase db = scratch.database();
    loadDemo(db);
    const auto record = app::retrainModel(db, QStringLiteral("macro_regime_hmm"));
    QVERIFY2(record.ok(), qPrintable(record.error()));
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral("SELECT status, model_type, configuration FROM ai_models"
                                      " WHERE name = 'macro_regime_hmm'")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("active"));
    QCOMPARE(query.value(1).toString(), QStringLiteral("macro"));
    QVERIFY(query.value(2).toString().size() > 20);
    const auto unknown = app::retrainModel(db, QStringLiteral("no_such_model"));
    QVERIFY(!unknown.ok());
    QVERIFY(unknown.error().contains(QLatin1String("no_such_model")));
}

QTEST_GUILESS_MAIN(tst_Pipeline)
#include "tst_pipeline.moc"
