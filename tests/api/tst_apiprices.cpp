#include "apiseed.h"
#include "apitestsupport.h"

#include <testdatabase.h>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>

using namespace cp::test;

namespace {

/** One hourly candle of the test asset, from a formula (so expected values need no server). */
struct Hour
{
    QDateTime time;
    double open, high, low, close, volume;
};

Hour hourly(const QDateTime &start, int i)
{
    const double base = 200.0 + 10.0 * std::sin(i * 0.7);
    return Hour{
        start.addSecs(qint64(i) * 3600), base,    base + 3.0 + (i % 5), base - 2.0 - (i % 3),
        base + 1.0 + 0.25 * (i % 4),     10.0 + i};
}

} // namespace

/** GET assets/{id}/prices: stored candles, daily candles, the window, unknown assets. */
class tst_ApiPrices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dailyCandlesOfTheSeed_data() { addDialectColumn(); }
    void dailyCandlesOfTheSeed();
    void hourlyAndAggregated_data() { addDialectColumn(); }
    void hourlyAndAggregated();
    void refusals();
};

void tst_ApiPrices::dailyCandlesOfTheSeed()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    // The seed has one candle a day for kDays days, the newest at `now` (close btcClose(day)).
    CP_GET(week, api, QStringLiteral("/api/v1/assets/%1/prices?interval=1d&days=7").arg(seed.btc),
           api.casualToken, 200);
    const QJsonObject body = week.object();
    QCOMPARE(body.value(QStringLiteral("crypto_id")).toInt(), seed.btc);
    QCOMPARE(body.value(QStringLiteral("symbol")).toString(), QStringLiteral("BTC"));
    QCOMPARE(body.value(QStringLiteral("interval")).toString(), QStringLiteral("1d"));
    const QJsonArray prices = body.value(QStringLiteral("prices")).toArray();
    QCOMPARE(prices.size(), 7);
    for (int i = 0; i < 7; ++i) {
        const QJsonObject candle = prices.at(i).toObject();
        const double close = SeedData::btcClose(SeedData::kDays - 7 + i);
        for (const char *key : {"open", "high", "low", "close"})
            QVERIFY2(near(candle.value(QLatin1String(key)).toDouble(), close), key);
        QVERIFY(near(candle.value(QStringLiteral("volume")).toDouble(), 1000.0));
        QVERIFY(candle.contains(QStringLiteral("timestamp")));
    }
    // Days beyond the cap are lowered, not refused: the whole seed history comes back.
    CP_GET(all, api, QStringLiteral("/api/v1/assets/%1/prices?days=100000").arg(seed.eth),
           api.professionalToken, 200);
    QCOMPARE(all.object().value(QStringLiteral("interval")).toString(), QStringLiteral("1h"));
    QCOMPARE(all.object().value(QStringLiteral("prices")).toArray().size(), SeedData::kDays);
}

void tst_ApiPrices::hourlyAndAggregated()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    Q_UNUSED(seed);
    const int asset = insertReturningId(
        api.db(), QStringLiteral("INSERT INTO cryptocurrencies (symbol, name, current_price,"
                                 " market_cap) VALUES ('HRS', 'Hourly', 200, 1000000)"));
    QVERIFY(asset > 0);
    // 60 hourly candles from a UTC midnight: days 0 and 1 complete, day 2 has 12 hours.
    const QDateTime start(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC);
    constexpr int kHours = 60;
    for (int i = 0; i < kHours; ++i) {
        const Hour h = hourly(start, i);
        QVERIFY(exec(api.db(),
                     QStringLiteral("INSERT INTO price_data (crypto_id, timestamp, open_price,"
                                    " high_price, low_price, close_price, volume) VALUES (%1,"
                                    " '%2', %3, %4, %5, %6, %7)")
                         .arg(asset)
                         .arg(isoText(h.time))
                         .arg(h.open, 0, 'g', 17)
                         .arg(h.high, 0, 'g', 17)
                         .arg(h.low, 0, 'g', 17)
                         .arg(h.close, 0, 'g', 17)
                         .arg(h.volume, 0, 'g', 17)));
    }

    // Two days back from the newest candle (hour 59): hours 12..59.
    CP_GET(hours, api, QStringLiteral("/api/v1/assets/%1/prices?interval=1h&days=2").arg(asset),
           api.casualToken, 200);
    const QJsonArray stored = hours.object().value(QStringLiteral("prices")).toArray();
    QCOMPARE(stored.size(), 48);
    for (int k = 0; k < stored.size(); ++k) {
        const Hour h = hourly(start, 12 + k);
        const QJsonObject c = stored.at(k).toObject();
        QCOMPARE(
            QDateTime::fromString(c.value(QStringLiteral("timestamp")).toString(), Qt::ISODate),
            h.time);
        QVERIFY(near(c.value(QStringLiteral("open")).toDouble(), h.open));
        QVERIFY(near(c.value(QStringLiteral("high")).toDouble(), h.high));
        QVERIFY(near(c.value(QStringLiteral("low")).toDouble(), h.low));
        QVERIFY(near(c.value(QStringLiteral("close")).toDouble(), h.close));
        QVERIFY(near(c.value(QStringLiteral("volume")).toDouble(), h.volume));
    }

    // Daily candles over everything, against a naive grouping by calendar day.
    std::map<QDate, std::vector<Hour>> byDay;
    for (int i = 0; i < kHours; ++i)
        byDay[hourly(start, i).time.date()].push_back(hourly(start, i));
    CP_GET(days, api, QStringLiteral("/api/v1/assets/%1/prices?interval=1d&days=30").arg(asset),
           api.adminToken, 200);
    const QJsonArray daily = days.object().value(QStringLiteral("prices")).toArray();
    QCOMPARE(daily.size(), int(byDay.size()));
    int k = 0;
    for (const auto &[date, list] : byDay) {
        const QJsonObject c = daily.at(k++).toObject();
        QCOMPARE(
            QDateTime::fromString(c.value(QStringLiteral("timestamp")).toString(), Qt::ISODate),
            QDateTime(date, QTime(0, 0), Qt::UTC));
        double high = list.front().high, low = list.front().low, volume = 0.0;
        for (const Hour &h : list) {
            high = std::max(high, h.high);
            low = std::min(low, h.low);
            volume += h.volume;
        }
        QVERIFY(near(c.value(QStringLiteral("open")).toDouble(), list.front().open));
        QVERIFY(near(c.value(QStringLiteral("close")).toDouble(), list.back().close));
        QVERIFY(near(c.value(QStringLiteral("high")).toDouble(), high));
        QVERIFY(near(c.value(QStringLiteral("low")).toDouble(), low));
        QVERIFY(near(c.value(QStringLiteral("volume")).toDouble(), volume, 1e-6));
    }

    // days=2 of daily candles: the newest (partial) day and the whole day before it, not a
    // 48-hour window that would start mid-day.
    CP_GET(twoDays, api, QStringLiteral("/api/v1/assets/%1/prices?interval=1d&days=2").arg(asset),
           api.casualToken, 200);
    const QJsonArray two = twoDays.object().value(QStringLiteral("prices")).toArray();
    QCOMPARE(two.size(), 2);
    const QJsonObject dayOne = two.first().toObject();
    QCOMPARE(
        QDateTime::fromString(dayOne.value(QStringLiteral("timestamp")).toString(), Qt::ISODate),
        start.addDays(1));
    QVERIFY(near(dayOne.value(QStringLiteral("open")).toDouble(), hourly(start, 24).open));
    QVERIFY(near(dayOne.value(QStringLiteral("close")).toDouble(), hourly(start, 47).close));
}

void tst_ApiPrices::refusals()
{
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    CP_SEEDED_API(api, db);
    CP_GET(unknown, api, QStringLiteral("/api/v1/assets/999999/prices"), api.casualToken, 404);
    CP_GET(anonymous, api, QStringLiteral("/api/v1/assets/%1/prices").arg(seed.btc), QString(),
           401);
    CP_GET(badInterval, api, QStringLiteral("/api/v1/assets/%1/prices?interval=5m").arg(seed.btc),
           api.casualToken, 422);
    CP_GET(badDays, api, QStringLiteral("/api/v1/assets/%1/prices?days=0").arg(seed.btc),
           api.casualToken, 422);
    // An asset without candles: an empty list, not an error.
    const int bare = insertReturningId(
        api.db(), QStringLiteral("INSERT INTO cryptocurrencies (symbol, name, current_price,"
                                 " market_cap) VALUES ('NEW', 'New', 1, 1)"));
    CP_GET(empty, api, QStringLiteral("/api/v1/assets/%1/prices").arg(bare), api.casualToken, 200);
    QVERIFY(empty.object().value(QStringLiteral("prices")).toArray().isEmpty());
}

QTEST_GUILESS_MAIN(tst_ApiPrices)
#include "tst_apiprices.moc"
