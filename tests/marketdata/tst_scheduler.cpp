// MarketScheduler: jobs run one at a time on a worker (queued, never concurrent), periodic
// timers fire, refreshes write through to the database. Providers are loopback mocks.
#include "mockproviders.h"

#include <testdatabase.h>

#include <app/marketdata/marketscheduler.h>
#include <app/marketdata/providerstatus.h>

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace cp::app::marketdata;
using Job = MarketScheduler::Job;

namespace {

/** Watches a scheduler's signals for overlapping jobs. */
struct Watch
{
    explicit Watch(MarketScheduler &scheduler)
    {
        QObject::connect(&scheduler, &MarketScheduler::jobStarted, [this](Job job) {
            overlapped = overlapped || running;
            running = true;
            started.append(job);
        });
        QObject::connect(&scheduler, &MarketScheduler::jobFinished,
                         [this](Job job, bool ok, const QString &summary) {
                             running = false;
                             finished.append(job);
                             results.append(ok);
                             summaries.append(summary);
                         });
    }
    bool running = false;
    bool overlapped = false;
    QList<Job> started, finished;
    QList<bool> results;
    QStringList summaries;
};

SchedulerOptions options(const Providers &providers)
{
    SchedulerOptions o;
    o.refresh = providers.options();
    o.refreshIntervalMs = 0;
    o.evaluateIntervalMs = 0;
    return o;
}

} // namespace

class tst_Scheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneAtATime_data() { cp::test::addDialectColumn(); }
    void oneAtATime()
    {
        QFETCH(QString, dialect);
        CP_SCRATCH_DB(scratch, dialect);
        Providers providers;
        QVERIFY(providers.start());
        ProviderStatusBoard status;
        SchedulerOptions o = options(providers);
        o.analyzeAfterRefresh = true;
        MarketScheduler scheduler(scratch.databaseUrl(), o, nullptr, &status);
        scheduler.setFetcherSetup([](HttpFetcher &f) { f.setSleeper([](qint64) {}); });
        Watch watch(scheduler);

        QVERIFY(scheduler.refreshNow()); // starts at once
        QVERIFY(scheduler.isRunning());
        QVERIFY(scheduler.refreshNow());  // due while running: queued
        QVERIFY(!scheduler.refreshNow()); // already queued: nothing more
        QVERIFY(scheduler.evaluateNow());
        QTRY_COMPARE_WITH_TIMEOUT(watch.finished.size(), 3, 120000);
        QVERIFY(!watch.overlapped);
        QCOMPARE(watch.started, (QList<Job>{Job::Refresh, Job::Refresh, Job::Evaluate}));
        QCOMPARE(watch.finished, watch.started);
        QCOMPARE(watch.results, (QList<bool>{true, true, true}));
        QVERIFY2(watch.summaries.first().contains(QStringLiteral("3 assets")),
                 qPrintable(watch.summaries.first()));
        QVERIFY2(watch.summaries.first().contains(QStringLiteral("analysis")),
                 qPrintable(watch.summaries.first()));
        QVERIFY(!scheduler.isRunning());
        QVERIFY(scheduler.lastRefresh().isValid());
        QVERIFY(!scheduler.nextRefresh().isValid()); // periodic refresh is off

        QSqlQuery q(scratch.database());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM price_data")) && q.next());
        QCOMPARE(q.value(0).toInt(), 6);
        QCOMPARE(int(status.status(QStringLiteral("alternative.me")).state),
                 int(ProviderStatus::State::Ok));
    }

    void periodic()
    {
        CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
        Providers providers;
        QVERIFY(providers.start());
        SchedulerOptions o = options(providers);
        o.analyzeAfterRefresh = false;
        o.refreshIntervalMs = 150;
        o.firstRefreshDelayMs = 10;
        o.evaluateIntervalMs = 100;
        MarketScheduler scheduler(scratch.databaseUrl(), o);
        scheduler.setFetcherSetup([](HttpFetcher &f) { f.setSleeper([](qint64) {}); });
        Watch watch(scheduler);
        scheduler.start();
        QVERIFY(scheduler.nextRefresh().isValid());
        QVERIFY(scheduler.nextEvaluate().isValid());
        QTRY_VERIFY_WITH_TIMEOUT(watch.finished.count(Job::Refresh) >= 2 &&
                                     watch.finished.count(Job::Evaluate) >= 2,
                                 60000);
        QVERIFY(!watch.overlapped);
        scheduler.stop();
        QVERIFY(!scheduler.nextRefresh().isValid());
        // A job in flight finishes; nothing new starts.
        QTRY_VERIFY_WITH_TIMEOUT(!scheduler.isRunning(), 60000);
        const qsizetype done = watch.finished.size();
        QTest::qWait(400);
        QCOMPARE(watch.finished.size(), done);
    }
};

QTEST_GUILESS_MAIN(tst_Scheduler)
#include "tst_scheduler.moc"
