#include "viewtestfixture.h"

#include <app/demoloader.h>
#include <ui/analysisrunner.h>
#include <ui/mainwindow.h>
#include <ui/views/page.h>
#include <ui/widgets/layercardwidget.h>

#include <QAction>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSqlQuery>
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
class tst_AnalysisRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { cp::test::useTestSettings(m_settings.path()); }
    void runRefreshesTheHome();
    void cancelWritesNothing();
    void onlyAdminsRunIt();

private:
    QTemporaryDir m_settings;
};

void tst_AnalysisRunner::runRefreshesTheHome()
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

    QSignalSpy finished(window.analysisRunner(), &cp::ui::AnalysisRunner::finished);
    QSignalSpy progress(window.analysisRunner(), &cp::ui::AnalysisRunner::progressChanged);
    window.findChild<QAction *>(QStringLiteral("actionRunAnalysis"))->trigger();
    QVERIFY(window.findChild<QProgressBar *>(QStringLiteral("engineProgress"))->isVisible());
    QVERIFY(finished.wait(120000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QVERIFY(progress.count() >= 3);
    QVERIFY(!window.findChild<QProgressBar *>(QStringLiteral("engineProgress"))->isVisible());
    QCOMPARE(regimeRows(scratch.database()), 1);
    // The pipeline announced its rows: the home page shows the new regime without a restart.
    QTRY_VERIFY_WITH_TIMEOUT(macro->card().status != QLatin1String("no_data"), 5000);
}

void tst_AnalysisRunner::cancelWritesNothing()
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
    QSignalSpy finished(window.analysisRunner(), &cp::ui::AnalysisRunner::finished);
    window.findChild<QAction *>(QStringLiteral("actionRunAnalysis"))->trigger();
    window.findChild<QAction *>(QStringLiteral("actionCancelAnalysis"))->trigger();
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY2(finished.at(0).at(1).toString().contains(QLatin1String("cancelled")),
             qPrintable(finished.at(0).at(1).toString()));
    QCOMPARE(regimeRows(scratch.database()), 0);
}

void tst_AnalysisRunner::onlyAdminsRunIt()
{
    CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
    for (cp::models::Role role : {cp::models::Role::Casual, cp::models::Role::Professional}) {
        MainWindow window(scratch.databaseUrl(), sessionFor(role));
        QVERIFY(!window.analysisRunner());
        QVERIFY(!window.findChild<QAction *>(QStringLiteral("actionRunAnalysis")));
    }
}

QTEST_MAIN(tst_AnalysisRunner)
#include "tst_analysisrunner.moc"
