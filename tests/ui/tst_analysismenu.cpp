#include "viewtestfixture.h"

#include <app/analysiscontroller.h>
#include <app/analysisguard.h>
#include <app/demoloader.h>
#include <app/modelretrainer.h>
#include <ui/mainwindow.h>
#include <ui/views/adminpage.h>
#include <ui/views/page.h>
#include <ui/widgets/layercardwidget.h>

#include <QAction>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using cp::ui::MainWindow;

namespace {

int regimeRows(QSqlDatabase db)
{
    QSqlQuery query(db);
    return query.exec(QStringLiteral("SELECT COUNT(*) FROM market_regime_analysis")) && query.next()
               ? query.value(0).toInt()
               : -1;
}

cp::ui::UserSession sessionFor(cp::models::Role role)
{
    cp::ui::UserSession session;
    session.userId = 1;
    session.email = QStringLiteral("someone@example.com");
    session.role = role;
    return session;
}

} // namespace

/** The engine run from the desktop: off the GUI thread, with progress, cancellable, admins only. */
class tst_AnalysisMenu : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { cp::test::useTestSettings(m_settings.path()); }
    void runRefreshesTheHome();
    void cancelWritesNothing();
    void onlyAdminsRunIt();
    void refusedWhileSchedulerRuns();

private:
    QTemporaryDir m_settings;
};

void tst_AnalysisMenu::runRefreshesTheHome()
{
    CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
    cp::engine::SimulationConfig config;
    config.assetCount = 12;
    config.days = 150;
    QVERIFY(cp::app::DemoLoader(scratch.database()).load(config).ok());
    MainWindow window(scratch.databaseUrl(), sessionFor(cp::models::Role::Admin));
    QSignalSpy ready(&window, &MainWindow::databaseReady);
    window.show();
    QVERIFY(ready.wait(30000));
    QVERIFY(window.showPage(QStringLiteral("homePage")));
    auto *macro = window.findChild<cp::ui::LayerCardWidget *>(QStringLiteral("layerCard1"));
    QTRY_COMPARE(window.page(QStringLiteral("homePage"))->refreshCount(), 1);
    QCOMPARE(macro->card().status, QStringLiteral("no_data"));

    QSignalSpy finished(window.analysisController(), &cp::app::AnalysisController::finished);
    QSignalSpy failed(window.analysisController(), &cp::app::AnalysisController::failed);
    QSignalSpy progress(window.analysisController(), &cp::app::AnalysisController::progressChanged);
    window.findChild<QAction *>(QStringLiteral("actionRunAnalysis"))->trigger();
    QVERIFY(window.findChild<QProgressBar *>(QStringLiteral("engineProgress"))->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() == 1, 120000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QVERIFY(progress.count() >= 3);
    QVERIFY(!window.findChild<QProgressBar *>(QStringLiteral("engineProgress"))->isVisible());
    QCOMPARE(regimeRows(scratch.database()), 1);
    // The pipeline announced its rows: the home page shows the new regime without a restart.
    QTRY_VERIFY_WITH_TIMEOUT(macro->card().status != QLatin1String("no_data"), 5000);

    // The run registered its models; an admin refits one from the Admin page.
    QVERIFY(window.showPage(QStringLiteral("adminPage")));
    auto *admin = qobject_cast<cp::ui::AdminPage *>(window.page(QStringLiteral("adminPage")));
    QTRY_VERIFY_WITH_TIMEOUT(admin->refreshCount() > 0 && !admin->isLoading(), 30000);
    auto *models = window.findChild<QTableView *>(QStringLiteral("modelTable"));
    QVERIFY(models->model()->rowCount() >= 1);
    int row = -1;
    for (int r = 0; r < models->model()->rowCount(); ++r) {
        if (cp::app::retrainableModels().contains(models->model()->index(r, 0).data().toString()))
            row = r;
    }
    QVERIFY(row >= 0);
    models->selectRow(row);
    QSignalSpy retrained(admin, &cp::ui::AdminPage::retrained);
    QVERIFY(admin->retrainSelected());
    QVERIFY(retrained.wait(120000));
    QCOMPARE(retrained.at(0).at(0).toString(), models->model()->index(row, 0).data().toString());
}

void tst_AnalysisMenu::cancelWritesNothing()
{
    CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
    cp::engine::SimulationConfig config;
    config.assetCount = 12;
    config.days = 150;
    QVERIFY(cp::app::DemoLoader(scratch.database()).load(config).ok());
    MainWindow window(scratch.databaseUrl(), sessionFor(cp::models::Role::Admin));
    QSignalSpy ready(&window, &MainWindow::databaseReady);
    window.show();
    QVERIFY(ready.wait(30000));
    QSignalSpy failed(window.analysisController(), &cp::app::AnalysisController::failed);
    window.findChild<QAction *>(QStringLiteral("actionRunAnalysis"))->trigger();
    window.findChild<QAction *>(QStringLiteral("actionCancelAnalysis"))->trigger();
    QVERIFY(failed.wait(120000));
    QVERIFY2(failed.at(0).at(0).toString().contains(QLatin1String("cancelled")),
             qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(regimeRows(scratch.database()), 0);
}

void tst_AnalysisMenu::onlyAdminsRunIt()
{
    CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
    for (cp::models::Role role : {cp::models::Role::Casual, cp::models::Role::Professional}) {
        MainWindow window(scratch.databaseUrl(), sessionFor(role));
        QVERIFY(!window.analysisController());
        QVERIFY(!window.findChild<QAction *>(QStringLiteral("actionRunAnalysis")));
    }
}

void tst_AnalysisMenu::refusedWhileSchedulerRuns()
{
    CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
    MainWindow window(scratch.databaseUrl(), sessionFor(cp::models::Role::Admin));
    QSignalSpy ready(&window, &MainWindow::databaseReady);
    window.show();
    QVERIFY(ready.wait(30000));
    // What the scheduler's worker holds while its analysis runs.
    const QString before = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm"));
    cp::Result<cp::app::AnalysisLease> scheduler =
        cp::app::AnalysisGuard::tryAcquire(cp::app::AnalysisStarter::Scheduler);
    const QString after = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm"));
    QVERIFY(scheduler);
    QSignalSpy refused(window.analysisController(), &cp::app::AnalysisController::refused);
    auto *run = window.findChild<QAction *>(QStringLiteral("actionRunAnalysis"));
    run->trigger();
    QCOMPARE(refused.count(), 1);
    const QString message = window.statusBar()->currentMessage();
    const auto expected = [](const QString &at) {
        return QStringLiteral("An analysis is already running (started by the scheduler at %1).")
            .arg(at);
    };
    QVERIFY2(message == expected(before) || message == expected(after), qPrintable(message));
    // Nothing started: the menu is ready for another try, no progress is shown.
    QVERIFY(run->isEnabled());
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("actionCancelAnalysis"))->isEnabled());
    QVERIFY(!window.findChild<QProgressBar *>(QStringLiteral("engineProgress"))->isVisible());
    QVERIFY(!window.analysisController()->isRunning());
    QCOMPARE(regimeRows(scratch.database()), 0);
}

QTEST_MAIN(tst_AnalysisMenu)
#include "tst_analysismenu.moc"
