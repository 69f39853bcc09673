// Backoff, jitter, rate limiting and Retry-After parsing: pure calculations, no waiting.
#include <app/marketdata/backoffpolicy.h>
#include <app/marketdata/httpfetcher.h>
#include <app/marketdata/ratelimiter.h>

#include <QDateTime>
#include <QTest>

#include <cmath>

using namespace cp::app::marketdata;

class tst_Backoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ceilingGrowsAndCaps()
    {
        const BackoffPolicy policy({100, 5000, 2.0, 10});
        // Reference: min(max, initial * 2^n), computed independently.
        for (int n = 0; n < 12; ++n) {
            const qint64 expected = std::min<qint64>(5000, qint64(100 * std::pow(2.0, n)));
            QCOMPARE(policy.ceilingMs(n), expected);
        }
        // Far past the cap, no overflow.
        QCOMPARE(policy.ceilingMs(5000), qint64(5000));
    }

    void jitterBounds_data()
    {
        QTest::addColumn<double>("u");
        QTest::newRow("low") << 0.0;
        QTest::newRow("mid") << 0.5;
        QTest::newRow("high") << 0.999999;
    }

    void jitterBounds()
    {
        QFETCH(double, u);
        const BackoffPolicy policy({1000, 60000, 2.0, 5}, [u] { return u; });
        for (int n = 0; n < 8; ++n) {
            const qint64 ceiling = policy.ceilingMs(n);
            const qint64 d = policy.delayMs(n);
            QVERIFY(d >= ceiling / 2);
            QVERIFY(d <= ceiling);
            // Equal jitter: half fixed, half uniform.
            QVERIFY(std::abs(double(d) - (ceiling / 2 + u * (ceiling - ceiling / 2))) <= 1.0);
        }
    }

    void jitterSpreads()
    {
        // With the real random source, 200 delays for the same retry are not all equal.
        const BackoffPolicy policy({1000, 60000, 2.0, 5});
        QSet<qint64> seen;
        for (int i = 0; i < 200; ++i)
            seen.insert(policy.delayMs(3));
        QVERIFY(seen.size() > 10);
    }

    void retryAfterIsAFloor()
    {
        const BackoffPolicy policy({100, 1000, 2.0, 5}, [] { return 0.0; });
        QCOMPARE(policy.delayMs(0, 30000), qint64(30000));  // above our own cap: still honoured
        QCOMPARE(policy.delayMs(3, 10), policy.delayMs(3)); // below the backoff: backoff wins
        QVERIFY(policy.mayRetry(4));
        QVERIFY(!policy.mayRetry(5));
    }

    void rateLimiterSpacing()
    {
        RateLimiter limiter(30); // one every 2000 ms
        QCOMPARE(limiter.intervalMs(), qint64(2000));
        QCOMPARE(limiter.reserve(10000), qint64(0));
        QCOMPARE(limiter.reserve(10000), qint64(2000)); // back-to-back: waits a slot
        QCOMPARE(limiter.reserve(10500), qint64(3500)); // queued behind the second
        QCOMPARE(limiter.reserve(20000), qint64(0));    // long idle: at once, no burst credit
        QCOMPARE(limiter.reserve(20001), qint64(1999));
        limiter.blockUntil(40000);
        QCOMPARE(limiter.reserve(30000), qint64(10000));
    }

    void rateLimiterRespectsRate()
    {
        // Property: however requests arrive, no two start closer than the interval.
        RateLimiter limiter(25);
        qint64 previousStart = -1;
        qint64 now = 0;
        for (int i = 0; i < 100; ++i) {
            now += (i * 7919) % 3000; // irregular arrivals
            const qint64 start = now + limiter.reserve(now);
            if (previousStart >= 0)
                QVERIFY(start - previousStart >= limiter.intervalMs());
            previousStart = start;
        }
        RateLimiter unlimited(0);
        QCOMPARE(unlimited.reserve(5), qint64(0));
        QCOMPARE(unlimited.reserve(5), qint64(0));
    }

    void retryAfterHeader_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expectedMs");
        QTest::newRow("seconds") << QByteArray("120") << qint64(120000);
        QTest::newRow("zero") << QByteArray(" 0 ") << qint64(0);
        QTest::newRow("date") << QByteArray("Wed, 01 May 2024 13:00:30 GMT") << qint64(30000);
        QTest::newRow("past date") << QByteArray("Wed, 01 May 2024 12:00:00 GMT") << qint64(0);
        QTest::newRow("absent") << QByteArray() << qint64(-1);
        QTest::newRow("junk") << QByteArray("soon") << qint64(-1);
        QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
    }

    void retryAfterHeader()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, expectedMs);
        const QDateTime now =
            QDateTime::fromString(QStringLiteral("2024-05-01T13:00:00Z"), Qt::ISODate);
        const auto parsed = HttpFetcher::parseRetryAfter(value, now);
        QCOMPARE(parsed.value_or(-1), expectedMs);
    }
};

QTEST_GUILESS_MAIN(tst_Backoff)
#include "tst_backoff.moc"
