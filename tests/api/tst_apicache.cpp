#include <app/api/responsecache.h>

#include <QSemaphore>
#include <QTest>
#include <QThreadPool>

#include <atomic>

using cp::app::api::ApiResponse;
using cp::app::api::ResponseCache;

namespace {

ApiResponse okResponse(const QByteArray &body)
{
    ApiResponse response;
    response.status = 200;
    response.body = body;
    return response;
}

const QString kKey = QStringLiteral("GET /api/v1/layer4/signals?limit=20");
const QStringList kTables{QStringLiteral("trading_signals")};

} // namespace

/** ResponseCache stampede protection: one computation per key, the other callers wait for it. */
class tst_ApiCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void concurrentMissesRunTheLoaderOnce_data();
    void concurrentMissesRunTheLoaderOnce();
    void expiredAnswerStandsInWhileRecomputed();
    void failedAnswerIsSharedButNotKept();
};

void tst_ApiCache::concurrentMissesRunTheLoaderOnce_data()
{
    QTest::addColumn<int>("callers");
    QTest::newRow("2") << 2;
    QTest::newRow("16") << 16;
    QTest::newRow("64") << 64;
}

void tst_ApiCache::concurrentMissesRunTheLoaderOnce()
{
    QFETCH(int, callers);
    ResponseCache cache(60000);
    std::atomic<int> calls{0};
    QSemaphore entered;
    QSemaphore release;
    const auto load = [&] {
        ++calls;
        entered.release();
        release.acquire();
        return okResponse("computed");
    };
    const auto now = [] { return qint64(1000); };
    QThreadPool pool;
    pool.setMaxThreadCount(callers);
    std::vector<QByteArray> bodies(static_cast<size_t>(callers), QByteArray());
    pool.start([&] { bodies[0] = cache.fetch(kKey, kTables, now, load).body; });
    QVERIFY(entered.tryAcquire(1, 10000));
    for (int i = 1; i < callers; ++i)
        pool.start([&, i] { bodies[size_t(i)] = cache.fetch(kKey, kTables, now, load).body; });
    // Not needed for correctness: lets the other callers reach fetch() while the first loads,
    // so a cache without stampede protection would call the loader again.
    QTest::qWait(100);
    // Enough permits for every caller: a wrong cache must not hang the test, only fail it.
    release.release(callers);
    QVERIFY(pool.waitForDone(20000));
    QCOMPARE(calls.load(), 1);
    for (const QByteArray &body : bodies)
        QCOMPARE(body, QByteArray("computed"));
    QCOMPARE(cache.size(), 1);
}

void tst_ApiCache::expiredAnswerStandsInWhileRecomputed()
{
    ResponseCache cache(1000);
    std::atomic<qint64> clock{0};
    const auto now = [&] { return clock.load(); };
    QCOMPARE(cache.fetch(kKey, kTables, now, [] { return okResponse("v1"); }).body,
             QByteArray("v1"));
    clock = 5000; // expired
    QVERIFY(!cache.find(kKey, clock));

    QSemaphore entered;
    QSemaphore release;
    QThreadPool pool;
    QByteArray leader;
    pool.start([&] {
        leader = cache
                     .fetch(kKey, kTables, now,
                            [&] {
                                entered.release();
                                release.acquire();
                                return okResponse("v2");
                            })
                     .body;
    });
    QVERIFY(entered.tryAcquire(1, 10000));
    // While the first caller recomputes, the others get the expired answer without waiting.
    const std::optional<ApiResponse> stale = cache.find(kKey, clock);
    QVERIFY(stale);
    QCOMPARE(stale->body, QByteArray("v1"));
    int extraCalls = 0;
    QCOMPARE(cache
                 .fetch(kKey, kTables, now,
                        [&] {
                            ++extraCalls;
                            return okResponse("v3");
                        })
                 .body,
             QByteArray("v1"));
    QCOMPARE(extraCalls, 0);
    release.release();
    QVERIFY(pool.waitForDone(10000));
    QCOMPARE(leader, QByteArray("v2"));
    const std::optional<ApiResponse> fresh = cache.find(kKey, clock);
    QVERIFY(fresh);
    QCOMPARE(fresh->body, QByteArray("v2"));
}

void tst_ApiCache::failedAnswerIsSharedButNotKept()
{
    ResponseCache cache(60000);
    const auto now = [] { return qint64(0); };
    ApiResponse failure;
    failure.status = 503;
    failure.body = "busy";
    QCOMPARE(cache.fetch(kKey, kTables, now, [&] { return failure; }).status, 503);
    QVERIFY(!cache.find(kKey, 0));
    int calls = 0;
    QCOMPARE(cache
                 .fetch(kKey, kTables, now,
                        [&] {
                            ++calls;
                            return okResponse("ok");
                        })
                 .body,
             QByteArray("ok"));
    QCOMPARE(calls, 1);
    // A change to a table the answer was read from drops it.
    cache.invalidate(QStringLiteral("trading_signals"));
    QVERIFY(!cache.find(kKey, 0));
}

QTEST_MAIN(tst_ApiCache)
#include "tst_apicache.moc"
