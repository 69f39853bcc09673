#include "apiseed.h"
#include "apitestsupport.h"

#include <testdatabase.h>

#include <app/api/regimeforecast.h>

#include <QTest>

using namespace cp::test;

/** Layer 1 and layer 2 endpoints: the seed's shapes and values from seeded tables. */
class tst_ApiMarket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layer1Endpoints_data() { addDialectColumn(); }
    void layer1Endpoints();
    void layer1BeforeAnyAnalysis();
    void regimeForecast_data() { addDialectColumn(); }
    void regimeForecast();
    void layer2Endpoints_data() { addDialectColumn(); }
    void layer2Endpoints();
    void queryValidation_data();
    void queryValidation();
    void cachedAnswersFollowWrites();
};

void tst_ApiMarket::layer1Endpoints()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    const QString token = api.casualToken;

    CP_GET(regime, api, QStringLiteral("/api/v1/layer1/market-regime"), token, 200);
    const QJsonObject r = regime.object();
    QCOMPARE(r.value(QStringLiteral("regime")).toString(), QStringLiteral("bull"));
    QVERIFY(near(r.value(QStringLiteral("confidence")).toDouble(), 0.87));
    QCOMPARE(r.value(QStringLiteral("risk_level")).toString(), QStringLiteral("medium"));
    QVERIFY(near(r.value(QStringLiteral("trend_strength")).toDouble(), 0.73));
    QVERIFY(near(r.value(QStringLiteral("recommended_exposure")).toDouble(), 0.65));
    QCOMPARE(r.value(QStringLiteral("last_updated")).toString(), seed.now.toString(Qt::ISODate));
    QCOMPARE(r.value(QStringLiteral("regime_drivers")).toArray().size(), 1);

    CP_GET(sentiment, api, QStringLiteral("/api/v1/layer1/sentiment"), token, 200);
    QVERIFY(near(sentiment.object().value(QStringLiteral("fear_greed_index")).toDouble(), 72));
    QVERIFY(near(sentiment.object().value(QStringLiteral("composite_sentiment")).toDouble(), 0.68));
    for (const char *key : {"funding_rates", "social_sentiment", "news_sentiment", "last_updated"})
        QVERIFY2(sentiment.object().contains(QLatin1String(key)), key);

    CP_GET(dominance, api, QStringLiteral("/api/v1/layer1/dominance"), token, 200);
    const QJsonObject d = dominance.object();
    QVERIFY(near(d.value(QStringLiteral("btc_dominance")).toDouble(), 52.3));
    QVERIFY(near(d.value(QStringLiteral("eth_dominance")).toDouble(), 18.7));
    QVERIFY(near(d.value(QStringLiteral("alt_dominance")).toDouble(), 23.8));
    QVERIFY(near(d.value(QStringLiteral("stablecoin_dominance")).toDouble(), 5.2));
    QVERIFY(near(d.value(QStringLiteral("total_market_cap")).toDouble(), 2.45e12, 1.0));
    QVERIFY(near(d.value(QStringLiteral("total_volume")).toDouble(), 1.25e11, 1.0));

    CP_GET(history, api, QStringLiteral("/api/v1/layer1/history?days=30&interval=1d"), token, 200);
    const QJsonArray points = history.object().value(QStringLiteral("points")).toArray();
    QCOMPARE(points.size(), 3);
    QCOMPARE(points.first().toObject().value(QStringLiteral("regime")).toString(),
             QStringLiteral("bear"));
    QCOMPARE(points.last().toObject().value(QStringLiteral("regime")).toString(),
             QStringLiteral("bull"));
    QVERIFY(
        near(points.last().toObject().value(QStringLiteral("fear_greed_index")).toDouble(), 72));
    QVERIFY(
        near(points.first().toObject().value(QStringLiteral("btc_dominance")).toDouble(), 52.3));
    // One day back from the newest analysis holds two of the three days.
    CP_GET(shortHistory, api, QStringLiteral("/api/v1/layer1/history?days=1"), token, 200);
    QCOMPARE(shortHistory.object().value(QStringLiteral("points")).toArray().size(), 2);
}

void tst_ApiMarket::layer1BeforeAnyAnalysis()
{
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    ApiFixture api(db);
    QVERIFY2(api.start(), qPrintable(api.error()));
    QVERIFY(api.addRoleUsers());
    for (const char *path :
         {"/api/v1/layer1/market-regime", "/api/v1/layer1/sentiment", "/api/v1/layer1/dominance",
          "/api/v1/layer1/regime-forecast", "/api/v1/layer2/rotation"}) {
        const HttpResult result = api.client().get(QLatin1String(path), api.casualToken);
        QVERIFY2(result.status == 404, qPrintable(result.describe()));
        QCOMPARE(result.errorCode(), QStringLiteral("no_data"));
    }
    CP_GET(history, api, QStringLiteral("/api/v1/layer1/history"), api.casualToken, 200);
    QCOMPARE(history.object().value(QStringLiteral("points")).toArray().size(), 0);
}

void tst_ApiMarket::regimeForecast()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    CP_GET(result, api, QStringLiteral("/api/v1/layer1/regime-forecast?horizon=7d"),
           api.casualToken, 200);
    const QJsonObject f = result.object();
    QCOMPARE(f.value(QStringLiteral("horizon_days")).toInt(), 7);
    // bear -> bull -> bull on consecutive days: two transitions observed.
    QCOMPARE(f.value(QStringLiteral("observed_transitions")).toInt(), 2);
    const QJsonArray days = f.value(QStringLiteral("forecast")).toArray();
    QCOMPARE(days.size(), 7);
    for (const QJsonValue &day : days) {
        double sum = 0.0;
        const QJsonObject p = day.toObject().value(QStringLiteral("probabilities")).toObject();
        for (const QString &regime : p.keys())
            sum += p.value(regime).toDouble();
        QVERIFY(near(sum, 1.0, 1e-9));
    }
    // By hand: rows are counts + prior (9 to stay, 1/3 to each other regime), normalised.
    // bull row: bull->bull 1 + 9 of 11; bear row: bear->bull 1 + 1/3 of 11; others 1/3 of 10.
    const double day1Bull = 0.87 * (10.0 / 11.0) + 0.03 * ((4.0 / 3.0) / 11.0) +
                            0.06 * (1.0 / 30.0) + 0.04 * (1.0 / 30.0);
    QVERIFY(near(days.first()
                     .toObject()
                     .value(QStringLiteral("probabilities"))
                     .toObject()
                     .value(QStringLiteral("bull"))
                     .toDouble(),
                 day1Bull, 1e-9));
    QVERIFY(near(f.value(QStringLiteral("transition_matrix"))
                     .toObject()
                     .value(QStringLiteral("bull"))
                     .toObject()
                     .value(QStringLiteral("bull"))
                     .toDouble(),
                 10.0 / 11.0, 1e-12));
    // A sticky chain drifts towards its stationary mix: bull fades day by day from 0.87.
    double previous = 1.0;
    for (const QJsonValue &day : days) {
        const double bull = day.toObject()
                                .value(QStringLiteral("probabilities"))
                                .toObject()
                                .value(QStringLiteral("bull"))
                                .toDouble();
        QVERIFY(bull < previous);
        previous = bull;
    }
}

void tst_ApiMarket::layer2Endpoints()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    const QString token = api.professionalToken;

    CP_GET(sectors, api, QStringLiteral("/api/v1/layer2/sectors"), token, 200);
    const QJsonArray list = sectors.array();
    QCOMPARE(list.size(), 10); // the seed's ten default sectors
    const QJsonObject first = list.first().toObject();
    QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("DeFi"));
    QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("leading"));
    QVERIFY(near(first.value(QStringLiteral("performance_24h")).toDouble(), 8.5));
    QVERIFY(near(first.value(QStringLiteral("performance_7d")).toDouble(), 17.0));
    QVERIFY(near(first.value(QStringLiteral("dominance")).toDouble(), 12.3));
    QVERIFY(near(first.value(QStringLiteral("momentum_score")).toDouble(), 0.75));
    QCOMPARE(list.at(1).toObject().value(QStringLiteral("status")).toString(),
             QStringLiteral("neutral"));
    QCOMPARE(list.last().toObject().value(QStringLiteral("status")).toString(),
             QStringLiteral("no_data"));

    CP_GET(sector, api, QStringLiteral("/api/v1/layer2/sectors/%1").arg(seed.defiSector), token,
           200);
    const QJsonObject s = sector.object();
    QCOMPARE(s.value(QStringLiteral("name")).toString(), QStringLiteral("DeFi"));
    QVERIFY(!s.value(QStringLiteral("description")).toString().isEmpty());
    QVERIFY(near(s.value(QStringLiteral("total_market_cap")).toDouble(), 8.95e10, 1.0));
    QVERIFY(near(s.value(QStringLiteral("total_volume")).toDouble(), 1.56e10, 1.0));
    QCOMPARE(s.value(QStringLiteral("top_performers")).toArray().size(), 1);
    QVERIFY(s.value(QStringLiteral("performance_metrics")).isObject());
    QCOMPARE(s.value(QStringLiteral("assets")).toArray().size(), 1);
    QCOMPARE(s.value(QStringLiteral("assets"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("symbol"))
                 .toString(),
             QStringLiteral("UNI"));
    CP_GET(missing, api, QStringLiteral("/api/v1/layer2/sectors/9999"), token, 404);
    CP_GET(notNumeric, api, QStringLiteral("/api/v1/layer2/sectors/defi"), token, 404);

    CP_GET(rotation, api, QStringLiteral("/api/v1/layer2/rotation"), token, 200);
    QVERIFY(near(rotation.object().value(QStringLiteral("rotation_probability")).toDouble(), 0.72));
    QCOMPARE(rotation.object().value(QStringLiteral("leading_sectors")).toArray(),
             QJsonArray{QStringLiteral("DeFi")});
    QVERIFY(near(rotation.object()
                     .value(QStringLiteral("recommended_allocation"))
                     .toObject()
                     .value(QStringLiteral("DeFi"))
                     .toDouble(),
                 0.6));

    CP_GET(history, api,
           QStringLiteral("/api/v1/layer2/sectors/%1/history?days=30").arg(seed.layer1Sector),
           token, 200);
    const QJsonArray points = history.object().value(QStringLiteral("points")).toArray();
    QCOMPARE(points.size(), 2);
    QVERIFY(points.first().toObject().value(QStringLiteral("timestamp")).toString() <
            points.last().toObject().value(QStringLiteral("timestamp")).toString());

    CP_GET(compare, api,
           QStringLiteral("/api/v1/layer2/compare?sectors=%1,%2&timeframe=24h")
               .arg(seed.defiSector)
               .arg(seed.layer1Sector),
           token, 200);
    const QJsonObject c = compare.object();
    QCOMPARE(c.value(QStringLiteral("sectors")).toArray().size(), 2);
    QCOMPARE(c.value(QStringLiteral("best")).toInt(), seed.defiSector);
    QCOMPARE(c.value(QStringLiteral("worst")).toInt(), seed.layer1Sector);
    QVERIFY(near(c.value(QStringLiteral("spread")).toDouble(), 8.5 - 1.5));
    CP_GET(compareMissing, api,
           QStringLiteral("/api/v1/layer2/compare?sectors=%1,9999").arg(seed.defiSector), token,
           404);
}

void tst_ApiMarket::queryValidation_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("field");
    QTest::newRow("days zero") << "/api/v1/layer1/history?days=0"
                               << "days";
    QTest::newRow("days text") << "/api/v1/layer1/history?days=many"
                               << "days";
    QTest::newRow("days too many") << "/api/v1/layer1/history?days=366"
                                   << "days";
    QTest::newRow("interval") << "/api/v1/layer1/history?interval=2d"
                              << "interval";
    QTest::newRow("horizon") << "/api/v1/layer1/regime-forecast?horizon=31d"
                             << "horizon";
    QTest::newRow("horizon unit") << "/api/v1/layer1/regime-forecast?horizon=7w"
                                  << "horizon";
    QTest::newRow("compare without sectors") << "/api/v1/layer2/compare"
                                             << "sectors";
    QTest::newRow("compare bad list") << "/api/v1/layer2/compare?sectors=1,x"
                                      << "sectors";
    QTest::newRow("timeframe") << "/api/v1/layer2/compare?sectors=1&timeframe=1y"
                               << "timeframe";
    QTest::newRow("limit zero") << "/api/v1/layer4/signals?limit=0"
                                << "limit";
    QTest::newRow("confidence") << "/api/v1/layer4/signals?confidence_min=1.5"
                                << "confidence_min";
    QTest::newRow("status") << "/api/v1/layer3/suggestions?status=maybe"
                            << "status";
}

void tst_ApiMarket::queryValidation()
{
    QFETCH(QString, path);
    QFETCH(QString, field);
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    ApiFixture api(db);
    QVERIFY2(api.start(), qPrintable(api.error()));
    QVERIFY(api.addRoleUsers());
    const HttpResult result = api.client().get(path, api.casualToken);
    QVERIFY2(result.status == 422, qPrintable(result.describe()));
    QCOMPARE(result.errorCode(), QStringLiteral("validation_failed"));
    QVERIFY2(result.object()
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("fields"))
                 .toObject()
                 .contains(field),
             qPrintable(result.describe()));
}

void tst_ApiMarket::cachedAnswersFollowWrites()
{
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    CP_SEEDED_API(api, db);
    const QString path = QStringLiteral("/api/v1/layer3/suggestions?status=pending");
    CP_GET(before, api, path, api.adminToken, 200);
    QCOMPARE(before.array().size(), 2);
    // Served from memory now; a review through the API changes ai_suggestions and must be seen.
    CP_GET(again, api, path, api.adminToken, 200);
    QCOMPARE(again.body, before.body);
    const HttpResult review = api.client().post(
        QStringLiteral("/api/v1/layer3/suggestions/%1/review").arg(seed.pendingSuggestion),
        {{QStringLiteral("decision"), QStringLiteral("reject")}}, api.adminToken);
    QVERIFY2(review.status == 200, qPrintable(review.describe()));
    CP_GET(after, api, path, api.adminToken, 200);
    QCOMPARE(after.array().size(), 1);
}

QTEST_MAIN(tst_ApiMarket)
#include "tst_apimarket.moc"
