#include "viewtestfixture.h"

#include <models/changebus.h>
#include <models/rowinserter.h>
#include <models/views/snapshottablemodel.h>
#include <ui/theme.h>
#include <app/settings/appsettings.h>
#include <ui/uisettings.h>
#include <ui/views/page.h>
#include <ui/widgets/feargreedgauge.h>
#include <ui/widgets/layercardwidget.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using cp::models::Role;
using cp::test::ViewFixture;

/** The desktop's pages against a seeded database: rows, filters, roles, live refresh, theme. */
class tst_Views : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagesShowSeededRows_data() { cp::test::addDialectColumn(); }
    void pagesShowSeededRows();
    void roleGating_data();
    void roleGating();
    void signalFilters();
    void changeFromSecondConnectionAppears_data() { cp::test::addDialectColumn(); }
    void changeFromSecondConnectionAppears();
    void themeIsRemembered();

private:
    QTemporaryDir m_settings;
};

#define OPEN_WINDOW(fixture, scratch, dialect, role)                                               \
    CP_SCRATCH_DB(scratch, dialect);                                                               \
    ViewFixture fixture(scratch, role);                                                            \
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()))

void tst_Views::initTestCase()
{
    cp::test::useTestSettings(m_settings.path());
    QLocale::setDefault(QLocale::c());
}

void tst_Views::pagesShowSeededRows()
{
    QFETCH(QString, dialect);
    OPEN_WINDOW(f, scratch, dialect, Role::Admin);

    QVERIFY(f.openPage(QStringLiteral("homePage")));
    auto *macro = f.window().findChild<cp::ui::LayerCardWidget *>(QStringLiteral("layerCard1"));
    QVERIFY(macro);
    QCOMPARE(macro->card().keyMetric, QStringLiteral("Bull 87%"));
    QCOMPARE(macro->card().indicatorDots, 4); // floor(0.87 x 5)
    auto *timing = f.window().findChild<cp::ui::LayerCardWidget *>(QStringLiteral("layerCard4"));
    QCOMPARE(timing->card().keyMetric, QStringLiteral("4 Signals"));
    auto *gauge = f.window().findChild<cp::ui::FearGreedGauge *>(QStringLiteral("fearGreedGauge"));
    QCOMPARE(gauge->value().value_or(-1), 64.0);

    // The expected rows follow from the seed (uitestseed.cpp), counted by hand.
    struct Expectation
    {
        const char *page, *table;
        int rows;
    };
    const Expectation expectations[] = {{"sectorsPage", "sectorTable", 4},
                                        {"watchlistsPage", "watchlistTable", 2},
                                        {"watchlistsPage", "watchlistItemsTable", 2},
                                        {"suggestionsPage", "suggestionTable", 3},
                                        {"suggestionsPage", "reviewHistoryTable", 0},
                                        {"signalsPage", "signalTable", 4},
                                        {"predictionsPage", "accuracyTable", 2},
                                        {"predictionsPage", "predictionTable", 5},
                                        {"adminPage", "modelTable", 2},
                                        {"adminPage", "healthTable", 1},
                                        {"adminPage", "activityTable", 2}};
    for (const Expectation &e : expectations) {
        QVERIFY2(f.openPage(QLatin1String(e.page)), e.page);
        QTableView *view = f.table(QLatin1String(e.table));
        QVERIFY2(view, e.table);
        QAbstractItemModelTester tester(view->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(view->model()->rowCount(), e.rows);
    }
    // Sectors: strongest momentum first, with the newest 7-day figure.
    QTableView *sectors = f.table(QStringLiteral("sectorTable"));
    QCOMPARE(sectors->model()->index(0, 1).data().toString(), QStringLiteral("DeFi"));
    QCOMPARE(sectors->model()->index(0, 4).data().toString(), QStringLiteral("+15.20%"));
    QCOMPARE(f.window().findChild<QLabel *>(QStringLiteral("leadingSectors"))->text(),
             QStringLiteral("DeFi"));
    // Suggestions: most confident first.
    QTableView *queue = f.table(QStringLiteral("suggestionTable"));
    QCOMPARE(queue->model()->index(0, 3).data().toString(), QStringLiteral("91%"));
    QCOMPARE(queue->model()->index(2, 3).data().toString(), QStringLiteral("78%"));
    // Watchlists: the tier 1 list comes first and its items are assets 4 and 5.
    QTableView *items = f.table(QStringLiteral("watchlistItemsTable"));
    QCOMPARE(items->model()->index(0, 0).data().toString(), QStringLiteral("Tier 1"));
}

void tst_Views::roleGating_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<bool>("admin");
    QTest::newRow("casual") << int(Role::Casual) << false;
    QTest::newRow("professional") << int(Role::Professional) << false;
    QTest::newRow("admin") << int(Role::Admin) << true;
}

void tst_Views::roleGating()
{
    QFETCH(int, role);
    QFETCH(bool, admin);
    OPEN_WINDOW(f, scratch, QStringLiteral("sqlite"), Role(role));
    cp::ui::MainWindow &w = f.window();
    auto *navigation = w.findChild<QListWidget *>(QStringLiteral("navigation"));
    QCOMPARE(navigation->count(), admin ? 7 : 5);
    QCOMPARE(w.page(QStringLiteral("suggestionsPage")) != nullptr, admin);
    QCOMPARE(w.page(QStringLiteral("adminPage")) != nullptr, admin);
    QCOMPARE(w.showPage(QStringLiteral("adminPage")), admin);
    QCOMPARE(w.findChild<QPushButton *>(QStringLiteral("approveButton")) != nullptr, admin);
    QCOMPARE(w.findChild<QAction *>(QStringLiteral("action_adminPage")) != nullptr, admin);
    QVERIFY(f.openPage(QStringLiteral("watchlistsPage")));
    QWidget *adminBar = w.findChild<QWidget *>(QStringLiteral("watchlistAdminBar"));
    QVERIFY(adminBar);
    QCOMPARE(adminBar->isVisible(), admin);
    if (!admin) {
        // Even a click that somehow reached the hidden button changes nothing.
        const int before = f.table(QStringLiteral("watchlistItemsTable"))->model()->rowCount();
        QTest::mouseClick(w.findChild<QPushButton *>(QStringLiteral("removeItemButton")),
                          Qt::LeftButton);
        QTest::qWait(400);
        QCOMPARE(f.table(QStringLiteral("watchlistItemsTable"))->model()->rowCount(), before);
    }
}

void tst_Views::signalFilters()
{
    OPEN_WINDOW(f, scratch, QStringLiteral("sqlite"), Role::Professional);
    QVERIFY(f.openPage(QStringLiteral("signalsPage")));
    QTableView *view = f.table(QStringLiteral("signalTable"));
    auto *minimum = f.window().findChild<QSpinBox *>(QStringLiteral("minConfidence"));
    auto *risk = f.window().findChild<QComboBox *>(QStringLiteral("riskFilter"));
    auto *type = f.window().findChild<QComboBox *>(QStringLiteral("typeFilter"));
    auto *count = f.window().findChild<QLabel *>(QStringLiteral("signalCount"));
    QVERIFY(minimum && risk && type && count);
    // Active signals: long 0.85 low, short 0.72 medium, long 0.65 high, long 0.90 extreme.
    QCOMPARE(view->model()->rowCount(), 4);
    minimum->setValue(80);
    QCOMPARE(view->model()->rowCount(), 2);
    QCOMPARE(count->text(), QStringLiteral("2 of 4 signals"));
    risk->setCurrentIndex(risk->findData(QStringLiteral("low")));
    QCOMPARE(view->model()->rowCount(), 1);
    minimum->setValue(0);
    risk->setCurrentIndex(0);
    type->setCurrentIndex(type->findData(QStringLiteral("short")));
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, 0).data(cp::models::views::SnapshotTableModel::SortRole),
             view->model()->index(0, 0).data());
    type->setCurrentIndex(0);
    QCOMPARE(view->model()->rowCount(), 4);
    // The detail pane describes the selected signal's key factors.
    view->selectRow(0);
    QTRY_VERIFY(f.window()
                    .findChild<QWidget *>(QStringLiteral("signalDetail"))
                    ->property("plainText")
                    .toString()
                    .contains(QStringLiteral("MACD crossed up")));
}

void tst_Views::changeFromSecondConnectionAppears()
{
    QFETCH(QString, dialect);
    OPEN_WINDOW(f, scratch, dialect, Role::Professional);
    QVERIFY(f.openPage(QStringLiteral("signalsPage")));
    QTableView *view = f.table(QStringLiteral("signalTable"));
    QCOMPARE(view->model()->rowCount(), 4);
    view->selectRow(2);
    const qint64 selected =
        view->currentIndex().data(cp::models::views::SnapshotTableModel::RowIdRole).toLongLong();

    // Another writer (the test's own connection, not the window's) adds a very confident signal.
    cp::models::RowInserter insert(scratch.database(), QStringLiteral("trading_signals"));
    const cp::Result<qint64> id = insert.insert({{"crypto_id", f.market().assetIds.at(5)},
                                                 {"signal_type", QStringLiteral("long")},
                                                 {"entry_price", 10.0},
                                                 {"target_price", 12.0},
                                                 {"stop_loss", 9.0},
                                                 {"confidence_score", 0.99},
                                                 {"risk_level", QStringLiteral("low")},
                                                 {"status", QStringLiteral("active")}});
    QVERIFY2(id.ok(), qPrintable(id.error()));
    const int before = f.refreshCount(QStringLiteral("signalsPage"));
    cp::models::ChangeBus::instance().announce(
        {QStringLiteral("trading_signals"), *id, QStringLiteral("insert")});
    QVERIFY(f.waitForRefresh(QStringLiteral("signalsPage"), before));
    QCOMPARE(view->model()->rowCount(), 5);
    QCOMPARE(view->model()->index(0, 2).data().toString(), QStringLiteral("99%"));
    // The selection stayed on the same signal.
    QCOMPARE(
        view->currentIndex().data(cp::models::views::SnapshotTableModel::RowIdRole).toLongLong(),
        selected);
    // A change to a table the page does not show does not reload it.
    const int after = f.refreshCount(QStringLiteral("signalsPage"));
    cp::models::ChangeBus::instance().announce(
        {QStringLiteral("ai_models"), 1, QStringLiteral("update")});
    QTest::qWait(600);
    QCOMPARE(f.refreshCount(QStringLiteral("signalsPage")), after);
}

void tst_Views::themeIsRemembered()
{
    OPEN_WINDOW(f, scratch, QStringLiteral("sqlite"), Role::Casual);
    auto *dark = f.window().findChild<QAction *>(QStringLiteral("actionDarkTheme"));
    QVERIFY(dark && dark->isCheckable());
    dark->setChecked(true);
    QCOMPARE(cp::app::AppSettings::load().display.theme, QStringLiteral("dark"));
    QCOMPARE(QApplication::palette().color(QPalette::Window),
             cp::ui::Theme::palette(cp::ui::ThemeMode::Dark).color(QPalette::Window));
    dark->setChecked(false);
    QCOMPARE(cp::app::AppSettings::load().display.theme, QStringLiteral("light"));
    QVERIFY(QApplication::palette().color(QPalette::Window) !=
            cp::ui::Theme::palette(cp::ui::ThemeMode::Dark).color(QPalette::Window));
}

QTEST_MAIN(tst_Views)
#include "tst_views.moc"
