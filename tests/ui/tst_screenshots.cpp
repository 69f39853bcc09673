#include <testdatabase.h>

#include <app/analysispipeline.h>
#include <app/demoloader.h>
#include <models/appconfig.h>
#include <models/rowinserter.h>
#include <models/suggestionreviewservice.h>
#include <ui/language.h>
#include <ui/mainwindow.h>
#include <ui/theme.h>
#include <ui/views/page.h>

#include <QDir>
#include <QSettings>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using cp::ui::MainWindow;
using cp::ui::Page;

/**
 * Renders every page of an admin's window, light and dark, from a simulated market after one
 * analysis run, and saves PNGs to $CRYPTOPREDICT_SCREENSHOT_DIR when it is set (docs/screenshots
 * holds the committed set). Without the variable it still checks that every page renders.
 */
class tst_Screenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyPage();

private:
    QTemporaryDir m_settingsDir;
};

void tst_Screenshots::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("CryptoPredict"));
    QCoreApplication::setApplicationName(QStringLiteral("cryptopredict-test"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_Screenshots::cleanupTestCase()
{
    QSettings().clear();
}

void tst_Screenshots::everyPage()
{
    CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
    QSqlDatabase db = scratch.database();
    cp::engine::SimulationConfig config;
    config.seed = 11;
    config.assetCount = 40;
    config.days = 400;
    const cp::Result<cp::app::DemoReport> demo = cp::app::DemoLoader(db).load(config);
    QVERIFY2(demo.ok(), qPrintable(demo.error()));
    // Lower thresholds than the defaults, as an admin may set them, so every page has rows.
    cp::models::AppConfig thresholds;
    thresholds.signalConfidenceMin = 0.55;
    thresholds.suggestionConfidenceMin = 0.6;
    QVERIFY(thresholds.save(db).ok());
    const cp::Result<cp::app::AnalysisReport> run = cp::app::AnalysisPipeline(db).run({});
    QVERIFY2(run.ok(), qPrintable(run.error()));
    qInfo("analysis: %d suggestions, %d signals, %d predictions", run->suggestions,
          run->signalCount, run->predictions);

    cp::models::RowInserter users(db, QStringLiteral("users"));
    const cp::Result<qint64> admin = users.insert(
        {{"email", QStringLiteral("admin@example.com")}, {"role", QStringLiteral("admin")}});
    QVERIFY(admin.ok());
    // Approve the three most confident suggestions so the watchlists hold something.
    QSqlQuery top(db);
    QVERIFY(top.exec(QStringLiteral("SELECT id FROM ai_suggestions WHERE status = 'pending'"
                                    " ORDER BY confidence_score DESC LIMIT 3")));
    QList<int> ids;
    while (top.next())
        ids.append(top.value(0).toInt());
    top.finish();
    cp::models::SuggestionReviewService reviews(db);
    for (int id : std::as_const(ids))
        reviews.review(id, int(*admin), cp::models::ReviewDecision::Approve,
                       QStringLiteral("Screenshot set"));

    cp::ui::UserSession session;
    session.userId = int(*admin);
    session.email = QStringLiteral("admin@example.com");
    session.role = cp::models::Role::Admin;
    MainWindow window(scratch.databaseUrl(), session);
    window.resize(1440, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const QString dir = qEnvironmentVariable("CRYPTOPREDICT_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(QDir().mkpath(dir));
    for (const cp::ui::ThemeMode mode : {cp::ui::ThemeMode::Light, cp::ui::ThemeMode::Dark}) {
        cp::ui::Theme::instance().apply(mode);
        const QString suffix =
            mode == cp::ui::ThemeMode::Dark ? QStringLiteral("dark") : QStringLiteral("light");
        for (Page *page : window.pages()) {
            const int before = page->refreshCount();
            QVERIFY(window.showPage(page->objectName()));
            QTRY_VERIFY_WITH_TIMEOUT(page->refreshCount() > 0 && !page->isLoading(), 30000);
            Q_UNUSED(before)
            QTest::qWait(150); // let charts lay out after their data arrived
            const QPixmap shot = window.grab();
            QVERIFY(!shot.isNull());
            QCOMPARE(shot.size(), window.size());
            if (!dir.isEmpty()) {
                const QString name = page->objectName().chopped(4) + QLatin1Char('-') + suffix;
                QVERIFY(shot.save(QDir(dir).filePath(name + QStringLiteral(".png"))));
            }
        }
    }

    // The Persian window: right to left, Persian digits, Jalali dates (files named fa-*.png).
    cp::ui::Theme::instance().apply(cp::ui::ThemeMode::Light);
    cp::ui::Language::apply(QStringLiteral("fa"));
    cp::ui::Language::applyCalendar(cp::app::CalendarSystem::Jalali);
    {
        MainWindow persian(scratch.databaseUrl(), session);
        persian.resize(1440, 900);
        persian.show();
        QVERIFY(QTest::qWaitForWindowExposed(&persian));
        QCOMPARE(persian.layoutDirection(), Qt::RightToLeft);
        for (const char *name :
             {"homePage", "sectorsPage", "suggestionsPage", "signalsPage", "watchlistsPage"}) {
            Page *page = persian.page(QLatin1String(name));
            QVERIFY(page);
            QVERIFY(persian.showPage(page->objectName()));
            QTRY_VERIFY_WITH_TIMEOUT(page->refreshCount() > 0 && !page->isLoading(), 30000);
            QTest::qWait(150);
            const QPixmap shot = persian.grab();
            QVERIFY(!shot.isNull());
            if (!dir.isEmpty()) {
                const QString file = QStringLiteral("fa-") + page->objectName().chopped(4) +
                                     QStringLiteral("-light.png");
                QVERIFY(shot.save(QDir(dir).filePath(file)));
            }
        }
    }
    cp::ui::Language::apply(QStringLiteral("en"));
    cp::ui::Language::applyCalendar(cp::app::CalendarSystem::Gregorian);
}

QTEST_MAIN(tst_Screenshots)
#include "tst_screenshots.moc"
