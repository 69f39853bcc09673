// One analysis at a time in a process: the desktop's Analysis menu (AnalysisController) is
// refused while the scheduler's analysis runs, and the scheduler's analysis waits (is queued)
// while one from the menu runs. Providers are loopback mocks.
#include "mockproviders.h"

#include <testdatabase.h>

#include <app/analysiscontroller.h>
#include <app/analysisguard.h>
#include <app/demoloader.h>
#include <app/marketdata/marketscheduler.h>

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using cp::Result;
using namespace cp::app;
using namespace cp::app::marketdata;

namespace {

//! The busy message for a run started at one of the given local minutes (a test may straddle one).
bool isBusyMessage(const QString &message, const QString &by, const QDateTime &before,
                   const QDateTime &after)
{
    for (const QDateTime &t : {before, after}) {
        const QString expected =
            QStringLiteral("An analysis is already running (started %1 at %2).")
                .arg(by, t.toLocalTime().toString(QStringLiteral("HH:mm")));
        if (message == expected)
            return true;
    }
    return false;
}

int rows(QSqlDatabase db, const QString &table)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)) && q.next()
               ? q.value(0).toInt()
               : -1;
}

} // namespace

class tst_AnalysisGuard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void slotIsExclusive()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        Result<AnalysisLease> first = AnalysisGuard::tryAcquire(AnalysisStarter::Api);
        const QDateTime after = QDateTime::currentDateTimeUtc();
        QVERIFY(first);
        QVERIFY(AnalysisGuard::current().has_value());
        QCOMPARE(int(AnalysisGuard::current()->starter), int(AnalysisStarter::Api));
        const Result<AnalysisLease> second = AnalysisGuard::tryAcquire(AnalysisStarter::Scheduler);
        QVERIFY(!second);
        QVERIFY2(isBusyMessage(second.error(), QStringLiteral("through the API"), before, after),
                 qPrintable(second.error()));
        {
            // Moving the lease keeps the slot held; destroying the holder frees it.
            AnalysisLease moved = std::move(first).value();
            QVERIFY(moved.isHeld());
            QVERIFY(!AnalysisGuard::tryAcquire(AnalysisStarter::Scheduler));
        }
        QVERIFY(!AnalysisGuard::current().has_value());
        Result<AnalysisLease> third = AnalysisGuard::tryAcquire(AnalysisStarter::Scheduler);
        QVERIFY(third);
        third.value().release();
        QVERIFY(!AnalysisGuard::current().has_value());
    }

    void menuRefusedWhileSchedulerRuns_data() { cp::test::addDialectColumn(); }
    void menuRefusedWhileSchedulerRuns()
    {
        QFETCH(QString, dialect);
        CP_SCRATCH_DB(scratch, dialect);
        cp::engine::SimulationConfig config;
        config.assetCount = 12;
        config.days = 150;
        QVERIFY(DemoLoader(scratch.database()).load(config).ok());

        AnalysisController controller(scratch.databaseUrl());
        QSignalSpy refused(&controller, &AnalysisController::refused);
        QSignalSpy finished(&controller, &AnalysisController::finished);
        QSignalSpy failed(&controller, &AnalysisController::failed);
        {
            // What the scheduler's worker holds while its analysis runs.
            const QDateTime before = QDateTime::currentDateTimeUtc();
            Result<AnalysisLease> scheduler = AnalysisGuard::tryAcquire(AnalysisStarter::Scheduler);
            const QDateTime after = QDateTime::currentDateTimeUtc();
            QVERIFY(scheduler);
            QVERIFY(!controller.start());
            QVERIFY(!controller.isRunning());
            QCOMPARE(refused.count(), 1);
            const QString message = refused.at(0).at(0).toString();
            QVERIFY2(isBusyMessage(message, QStringLiteral("by the scheduler"), before, after),
                     qPrintable(message));
        }
        QCOMPARE(rows(scratch.database(), QStringLiteral("market_regime_analysis")), 0);

        // Slot free again: the menu's run starts, and holds the slot until it ends.
        const QDateTime before = QDateTime::currentDateTimeUtc();
        QVERIFY(controller.start());
        const QDateTime after = QDateTime::currentDateTimeUtc();
        const Result<AnalysisLease> other = AnalysisGuard::tryAcquire(AnalysisStarter::Scheduler);
        QVERIFY(!other);
        QVERIFY2(
            isBusyMessage(other.error(), QStringLiteral("from the Analysis menu"), before, after),
            qPrintable(other.error()));
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() == 1, 120000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QCOMPARE(refused.count(), 1);
        QCOMPARE(rows(scratch.database(), QStringLiteral("market_regime_analysis")), 1);
        QVERIFY(!AnalysisGuard::current().has_value());
    }

    void schedulerQueuesBehindMenu_data() { cp::test::addDialectColumn(); }
    void schedulerQueuesBehindMenu()
    {
        QFETCH(QString, dialect);
        CP_SCRATCH_DB(scratch, dialect);
        Providers providers;
        QVERIFY(providers.start());
        SchedulerOptions o;
        o.refresh = providers.options();
        o.refreshIntervalMs = 0;
        o.evaluateIntervalMs = 0;
        o.analyzeAfterRefresh = true;
        MarketScheduler scheduler(scratch.databaseUrl(), o);
        scheduler.setFetcherSetup([](HttpFetcher &f) { f.setSleeper([](qint64) {}); });
        QSignalSpy finished(&scheduler, &MarketScheduler::jobFinished);

        // What the Analysis menu's worker holds while its run is in progress.
        Result<AnalysisLease> menu = AnalysisGuard::tryAcquire(AnalysisStarter::AnalysisMenu);
        QVERIFY(menu);
        QVERIFY(scheduler.refreshNow());
        // The refresh itself is not held up; its analysis waits for the slot.
        QTRY_COMPARE_WITH_TIMEOUT(AnalysisGuard::waitingCount(), 1, 120000);
        QVERIFY(finished.isEmpty());
        QVERIFY(scheduler.isRunning());
        QCOMPARE(rows(scratch.database(), QStringLiteral("price_data")), 6);
        QCOMPARE(int(AnalysisGuard::current()->starter), int(AnalysisStarter::AnalysisMenu));

        menu.value().release();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        QCOMPARE(AnalysisGuard::waitingCount(), 0);
        const QString summary = finished.at(0).at(2).toString();
        QVERIFY2(summary.contains(QLatin1String("; analysis done")) ||
                     summary.contains(QLatin1String("; analysis failed")),
                 qPrintable(summary));
        QVERIFY(!AnalysisGuard::current().has_value());
    }

    void stoppingWhileQueuedDoesNotHang()
    {
        CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
        Providers providers;
        QVERIFY(providers.start());
        SchedulerOptions o;
        o.refresh = providers.options();
        o.refreshIntervalMs = 0;
        o.evaluateIntervalMs = 0;
        Result<AnalysisLease> menu = AnalysisGuard::tryAcquire(AnalysisStarter::AnalysisMenu);
        QVERIFY(menu);
        {
            auto scheduler = std::make_unique<MarketScheduler>(scratch.databaseUrl(), o);
            scheduler->setFetcherSetup([](HttpFetcher &f) { f.setSleeper([](qint64) {}); });
            QVERIFY(scheduler->refreshNow());
            QTRY_COMPARE_WITH_TIMEOUT(AnalysisGuard::waitingCount(), 1, 120000);
            // The destructor cancels: the waiting run gives up instead of blocking it.
        }
        QCOMPARE(AnalysisGuard::waitingCount(), 0);
        QCOMPARE(int(AnalysisGuard::current()->starter), int(AnalysisStarter::AnalysisMenu));
    }
};

QTEST_GUILESS_MAIN(tst_AnalysisGuard)
#include "tst_analysisguard.moc"
