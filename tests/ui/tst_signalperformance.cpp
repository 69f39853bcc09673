#include "viewtestfixture.h"

#include <models/metadatarepository.h>
#include <models/rowinserter.h>
#include <ui/views/page.h>

#include <QJsonObject>
#include <QLabel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using cp::models::Role;
using cp::test::ViewFixture;

namespace {

QJsonObject stats(int total, int successful, double averageReturnPct)
{
    return QJsonObject{{QStringLiteral("total_signals"), total},
                       {QStringLiteral("successful_signals"), successful},
                       {QStringLiteral("success_rate"), double(successful) / total},
                       {QStringLiteral("average_return_pct"), averageReturnPct}};
}

QJsonObject slice(int total, int successful, double averageReturnPct)
{
    return QJsonObject{
        {QStringLiteral("model_signals"), stats(total, successful, averageReturnPct)},
        {QStringLiteral("all_candidates"), stats(total * 3, successful, 0.0)}};
}

// Hand-formatted, C locale: the panel shows rates with one decimal, returns signed with two.
QString rate(int successful, int total)
{
    return QString::number(100.0 * successful / total, 'f', 1) + QLatin1Char('%');
}

} // namespace

/** The Signals page's Performance tab: stored backtest figures and the live closed-signal record.
 */
class tst_SignalPerformance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsBacktestAndLiveRecord_data() { cp::test::addDialectColumn(); }
    void showsBacktestAndLiveRecord();

private:
    QTemporaryDir m_settings;
};

void tst_SignalPerformance::initTestCase()
{
    cp::test::useTestSettings(m_settings.path());
    QLocale::setDefault(QLocale::c());
}

void tst_SignalPerformance::showsBacktestAndLiveRecord()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    ViewFixture f(scratch, Role::Casual);
    QVERIFY2(f.error().isEmpty(), qPrintable(f.error()));
    const QString pageName = QStringLiteral("signalsPage");
    QVERIFY(f.openPage(pageName));
    auto *panel = f.window().findChild<QWidget *>(QStringLiteral("signalPerformance"));
    QVERIFY(panel);
    auto *summary = panel->findChild<QLabel *>(QStringLiteral("performanceSummary"));
    auto *table = panel->findChild<QTableWidget *>(QStringLiteral("performanceTable"));
    auto *live = panel->findChild<QLabel *>(QStringLiteral("livePerformance"));
    QVERIFY(summary && table && live);

    // Before any backtest: the hint, no figures; the seed's expired signal has no outcome.
    QVERIFY2(summary->text().contains(QStringLiteral("No backtest has been run yet")),
             qPrintable(summary->text()));
    QVERIFY(summary->text().contains(QStringLiteral("cryptopredict-cli backtest")));
    QCOMPARE(table->rowCount(), 0);
    QVERIFY2(live->text().contains(QStringLiteral("no closed signals")), qPrintable(live->text()));

    // A stored report (the shape of BacktestReport::toJson()) and three evaluated signals.
    const QJsonObject report{
        {QStringLiteral("model_name"), QStringLiteral("timing_signal_logit")},
        {QStringLiteral("model_version"), QStringLiteral("1.0")},
        {QStringLiteral("confidence_min"), 0.6},
        {QStringLiteral("overall"), slice(10, 6, 1.25)},
        {QStringLiteral("performance_by_risk_level"),
         QJsonObject{{QStringLiteral("low"), slice(4, 3, 2.5)},
                     {QStringLiteral("high"), slice(6, 3, -0.5)}}},
        {QStringLiteral("performance_by_model"),
         QJsonObject{{QStringLiteral("timing_signal_logit"), stats(10, 6, 1.25)},
                     {QStringLiteral("rules_only"), stats(30, 9, -0.75)}}}};
    const cp::Status stored = cp::models::MetadataRepository(scratch.database())
                                  .set(QStringLiteral("last_backtest"), report);
    QVERIFY2(stored.ok(), qPrintable(stored.error()));
    struct Closed
    {
        const char *result;
        double returnPct;
    };
    const Closed closed[] = {{"target_hit", 8.0}, {"stop_hit", -4.0}, {"expired", 1.0}};
    cp::models::RowInserter insert(scratch.database(), QStringLiteral("trading_signals"));
    for (const Closed &c : closed) {
        const QJsonObject outcome{{QStringLiteral("result"), QString::fromLatin1(c.result)},
                                  {QStringLiteral("return_pct"), c.returnPct}};
        const cp::Result<qint64> id = insert.insert(
            {{"crypto_id", f.market().assetIds.at(5)},
             {"signal_type", QStringLiteral("long")},
             {"entry_price", 10.0},
             {"target_price", 12.0},
             {"stop_loss", 9.0},
             {"confidence_score", 0.7},
             {"risk_level", QStringLiteral("medium")},
             {"ai_analysis",
              cp::models::jsonValue(QJsonObject{{QStringLiteral("outcome"), outcome}})},
             {"status", QStringLiteral("expired")}});
        QVERIFY2(id.ok(), qPrintable(id.error()));
    }
    const int before = f.refreshCount(pageName);
    f.window().page(pageName)->refresh();
    QVERIFY(f.waitForRefresh(pageName, before));

    QVERIFY2(summary->text().contains(QStringLiteral("timing_signal_logit")),
             qPrintable(summary->text()));
    // Overall, the two risk levels present in schema order, then the models.
    const QStringList expected[] = {
        {QStringLiteral("Overall"), QStringLiteral("10"), rate(6, 10), QStringLiteral("+1.25%")},
        {QStringLiteral("Risk: Low"), QStringLiteral("4"), rate(3, 4), QStringLiteral("+2.50%")},
        {QStringLiteral("Risk: High"), QStringLiteral("6"), rate(3, 6), QStringLiteral("-0.50%")},
        {QStringLiteral("Model: Rules only"), QStringLiteral("30"), rate(9, 30),
         QStringLiteral("-0.75%")},
        {QStringLiteral("Model: Timing signal logit"), QStringLiteral("10"), rate(6, 10),
         QStringLiteral("+1.25%")}};
    QCOMPARE(table->rowCount(), int(std::size(expected)));
    for (int row = 0; row < table->rowCount(); ++row) {
        for (int column = 0; column < 4; ++column)
            QCOMPARE(table->item(row, column)->text(), expected[row].at(column));
    }
    // Live: one of each outcome, average (8 - 4 + 1) / 3.
    const QString average =
        QLatin1Char('+') + QString::number((8.0 - 4.0 + 1.0) / 3.0, 'f', 2) + QLatin1Char('%');
    QVERIFY2(live->text().contains(QStringLiteral("3 closed signal")), qPrintable(live->text()));
    QVERIFY2(live->text().contains(QStringLiteral("1 target hit, 1 stopped, 1 expired")),
             qPrintable(live->text()));
    QVERIFY2(live->text().contains(average), qPrintable(live->text()));
}

QTEST_MAIN(tst_SignalPerformance)
#include "tst_signalperformance.moc"
