#include "viewtestfixture.h"

#include <models/rowinserter.h>
#include <models/sqltimestamp.h>
#include <models/views/snapshottablemodel.h>
#include <ui/dialogs/executesignaldialog.h>
#include <ui/views/page.h>
#include <ui/views/signalspage.h>
#include <ui/views/tableviews.h>

#include <QCheckBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using cp::models::Role;
using cp::test::ViewFixture;

namespace {

int executions(QSqlDatabase db)
{
    QSqlQuery query(db);
    return query.exec(QStringLiteral("SELECT COUNT(*) FROM signal_executions")) && query.next()
               ? query.value(0).toInt()
               : -1;
}

} // namespace

/** Executing a signal from the desktop within the user's risk limits. */
class tst_SignalExecution : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { cp::test::useTestSettings(m_settings.path()); }
    void limitsAreEnforced_data() { cp::test::addDialectColumn(); }
    void limitsAreEnforced();
    void guestCannotExecute();

private:
    QTemporaryDir m_settings;
};

void tst_SignalExecution::limitsAreEnforced()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    ViewFixture f(scratch, Role::Professional);
    QVERIFY2(f.error().isEmpty(), qPrintable(f.error()));
    QSqlDatabase db = scratch.database();
    // An open long signal (entry 100, stop 95: a 5% stop distance) and the user's limits.
    const QString tomorrow =
        cp::models::SqlTimestamp::fromDateTime(QDateTime::currentDateTimeUtc().addDays(1));
    cp::models::RowInserter signal(db, QStringLiteral("trading_signals"));
    const cp::Result<qint64> id = signal.insert({{"crypto_id", f.market().assetIds.at(6)},
                                                 {"signal_type", QStringLiteral("long")},
                                                 {"entry_price", 100.0},
                                                 {"target_price", 110.0},
                                                 {"stop_loss", 95.0},
                                                 {"confidence_score", 0.5},
                                                 {"risk_level", QStringLiteral("medium")},
                                                 {"status", QStringLiteral("active")},
                                                 {"expires_at", tomorrow}});
    QVERIFY2(id.ok(), qPrintable(id.error()));
    cp::models::RowInserter risk(db, QStringLiteral("risk_management"));
    QVERIFY(risk.insert({{"user_id", f.market().professionalId},
                         {"max_position_size", 500.0},
                         {"max_portfolio_risk", 0.02}})
                .ok());

    QVERIFY(f.openPage(QStringLiteral("signalsPage")));
    auto *page =
        qobject_cast<cp::ui::SignalsPage *>(f.window().page(QStringLiteral("signalsPage")));
    QTableView *view = f.table(QStringLiteral("signalTable"));
    QVERIFY(cp::ui::TableViews::selectId(view, *id));
    cp::ui::ExecuteSignalDialog *dialog = page->openExecuteDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->limits().maxPositionSize, 500.0);
    auto *size = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("positionSize"));
    auto *share = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("portfolioPercentage"));
    auto *confirm = dialog->findChild<QCheckBox *>(QStringLiteral("riskConfirmed"));
    QVERIFY(size && share && confirm);
    // Proposed: the whole position limit, and the share that loses 2% at a 5% stop = 40%.
    QCOMPARE(size->value(), 500.0);
    QVERIFY(qAbs(share->value() - 40.0) < 0.01);
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("executeConfirmButton"))->isEnabled());

    struct Attempt
    {
        double size, share;
        bool confirmed, accepted;
    };
    const Attempt attempts[] = {{400.0, 40.0, false, false}, // risk not confirmed
                                {800.0, 40.0, true, false},  // above the position limit
                                {400.0, 60.0, true, false},  // 3% of the portfolio at the stop
                                {400.0, 40.0, true, true}};
    for (const Attempt &a : attempts) {
        size->setValue(a.size);
        share->setValue(a.share);
        confirm->setChecked(a.confirmed);
        const QString error = dialog->submit();
        QCOMPARE(error.isEmpty(), a.accepted);
        QCOMPARE(executions(db), a.accepted ? 1 : 0);
    }
    dialog->close();
    // The new execution shows under "My executions".
    QTRY_COMPARE(f.table(QStringLiteral("executionsTable"))->model()->rowCount(), 1);
}

void tst_SignalExecution::guestCannotExecute()
{
    CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
    QVERIFY(cp::test::seedAnalysedMarket(scratch.database()).ok());
    cp::ui::MainWindow window(scratch.databaseUrl());
    window.show();
    QTRY_VERIFY(window.page(QStringLiteral("signalsPage")));
    QVERIFY(window.showPage(QStringLiteral("signalsPage")));
    auto *page = qobject_cast<cp::ui::SignalsPage *>(window.page(QStringLiteral("signalsPage")));
    QTRY_VERIFY_WITH_TIMEOUT(page->refreshCount() > 0 && !page->isLoading(), 30000);
    window.findChild<QTableView *>(QStringLiteral("signalTable"))->selectRow(0);
    QVERIFY(!window.findChild<QPushButton *>(QStringLiteral("executeButton"))->isEnabled());
    QVERIFY(!page->openExecuteDialog());
}

QTEST_MAIN(tst_SignalExecution)
#include "tst_signalexecution.moc"
