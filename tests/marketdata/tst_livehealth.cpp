// Provider status in the API's system health: GET /api/v1/admin/system-health and the
// admin/system-status WebSocket channel report the live market data of the serving process
// (its MarketDataService), and report "not live" when none runs. Providers are loopback mocks;
// both dialects.
#include "mockproviders.h"

#include <apitestsupport.h>
#include <testdatabase.h>

#include <app/marketdata/marketdataservice.h>
#include <app/marketdata/marketscheduler.h>
#include <app/settings/appsettings.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace cp::app::marketdata;

namespace {

QJsonObject provider(const QJsonObject &marketData, const QString &name)
{
    for (const QJsonValue &p : marketData.value(QStringLiteral("providers")).toArray()) {
        if (p.toObject().value(QStringLiteral("provider")).toString() == name)
            return p.toObject();
    }
    return {};
}

//! What the mocks make of a refresh (see tst_marketrefresh): tether's history is always broken.
void verifyRefreshed(const QJsonObject &marketData)
{
    QCOMPARE(marketData.value(QStringLiteral("live")).toBool(), true);
    const QJsonObject coinGecko = provider(marketData, QStringLiteral("coingecko"));
    QCOMPARE(coinGecko.value(QStringLiteral("status")).toString(), QStringLiteral("degraded"));
    QVERIFY2(coinGecko.value(QStringLiteral("reason")).toString().contains(QLatin1String("tether")),
             qPrintable(coinGecko.value(QStringLiteral("reason")).toString()));
    for (const char *name : {"binance", "alternative.me"}) {
        const QJsonObject p = provider(marketData, QLatin1String(name));
        QCOMPARE(p.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        const QDateTime success =
            QDateTime::fromString(p.value(QStringLiteral("last_success")).toString(), Qt::ISODate);
        QVERIFY(success.isValid());
    }
}

} // namespace

class tst_LiveHealth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void providerStatusInSystemHealth_data() { cp::test::addDialectColumn(); }
    void providerStatusInSystemHealth()
    {
        QFETCH(QString, dialect);
        CP_SCRATCH_DB(scratch, dialect);
        cp::app::api::ServeOptions serve;
        serve.cacheMaxAgeMs = 0; // each GET reads the current state
        cp::test::ApiFixture api(scratch, serve);
        QVERIFY2(api.start(), qPrintable(api.error()));
        QVERIFY(api.addRoleUsers());
        const QString path = QStringLiteral("/api/v1/admin/system-health");

        {
            CP_GET(health, api, path, api.adminToken, 200);
            QCOMPARE(health.object().value(QStringLiteral("market_data")).toObject(),
                     (QJsonObject{{QStringLiteral("live"), false}}));
        }

        Providers providers;
        QVERIFY(providers.start());
        const RefreshOptions mock = providers.options();
        cp::app::AppSettings settings;
        settings.providers.coinGeckoBaseUrl = mock.coinGeckoBaseUrl;
        settings.providers.binanceRestBaseUrl = mock.binanceRestBaseUrl;
        settings.providers.fearGreedBaseUrl = mock.fearGreedBaseUrl;
        settings.providers.coinGeckoRequestsPerMinute = 0;
        settings.providers.binanceSymbols = mock.binanceSymbols;
        settings.schedule.analyzeAfterRefresh = false;
        settings.schedule.evaluateMinutes = 0;
        MarketDataService service(scratch.databaseUrl());
        MarketDataService::Overrides overrides;
        overrides.refreshMinutes = 60; // what `serve --refresh-minutes 60` asks for
        service.apply(settings, overrides);
        QVERIFY(service.scheduler());
        service.scheduler()->setFetcherSetup([](HttpFetcher &f) { f.setSleeper([](qint64) {}); });

        {
            // Running, nothing tried yet: no provider is claimed to be ok.
            CP_GET(health, api, path, api.adminToken, 200);
            const QJsonObject m = health.object().value(QStringLiteral("market_data")).toObject();
            QCOMPARE(m.value(QStringLiteral("live")).toBool(), true);
            QCOMPARE(m.value(QStringLiteral("scheduler")).toBool(), true);
            QCOMPARE(m.value(QStringLiteral("live_prices")).toBool(), false);
            QVERIFY(m.value(QStringLiteral("last_refresh")).isNull());
            QVERIFY(QDateTime::fromString(m.value(QStringLiteral("next_refresh")).toString(),
                                          Qt::ISODate)
                        .isValid());
            for (const QJsonValue &p : m.value(QStringLiteral("providers")).toArray())
                QVERIFY(p.toObject().value(QStringLiteral("status")).toString() != "ok");
        }

        QSignalSpy finished(service.scheduler(), &MarketScheduler::jobFinished);
        service.scheduler()->refreshNow();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 120000);
        QVERIFY2(finished.first().at(1).toBool(), qPrintable(finished.first().at(2).toString()));

        {
            CP_GET(health, api, path, api.adminToken, 200);
            const QJsonObject m = health.object().value(QStringLiteral("market_data")).toObject();
            verifyRefreshed(m);
            QVERIFY(QDateTime::fromString(m.value(QStringLiteral("last_refresh")).toString(),
                                          Qt::ISODate)
                        .isValid());
            QVERIFY(!m.value(QStringLiteral("last_message")).toString().isEmpty());
        }

        // The admin channel's snapshot carries the same.
        QList<QJsonObject> received;
        QWebSocket client;
        connect(&client, &QWebSocket::textMessageReceived, this, [&](const QString &text) {
            received.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        QUrl url = api.client().base();
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/api/v1/ws/admin/system-status"));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + api.adminToken.toLatin1());
        client.open(request);
        QTRY_VERIFY_WITH_TIMEOUT(!received.isEmpty(), 10000);
        QCOMPARE(received.first().value(QStringLiteral("type")).toString(),
                 QStringLiteral("snapshot"));
        verifyRefreshed(received.first()
                            .value(QStringLiteral("data"))
                            .toObject()
                            .value(QStringLiteral("market_data"))
                            .toObject());
        client.close();

        // A drop reported by the stream shows with its reason.
        service.status().reportOffline(QStringLiteral("binance-stream"),
                                       QStringLiteral("connection refused"));
        {
            CP_GET(health, api, path, api.adminToken, 200);
            const QJsonObject stream =
                provider(health.object().value(QStringLiteral("market_data")).toObject(),
                         QStringLiteral("binance-stream"));
            QCOMPARE(stream.value(QStringLiteral("status")).toString(), QStringLiteral("offline"));
            QCOMPARE(stream.value(QStringLiteral("reason")).toString(),
                     QStringLiteral("connection refused"));
        }

        // Stopped: no longer live; and only admins see any of it.
        service.stop();
        {
            CP_GET(health, api, path, api.adminToken, 200);
            QCOMPARE(health.object().value(QStringLiteral("market_data")).toObject(),
                     (QJsonObject{{QStringLiteral("live"), false}}));
            CP_GET(refused, api, path, api.casualToken, 403);
        }
    }
};

QTEST_GUILESS_MAIN(tst_LiveHealth)
#include "tst_livehealth.moc"
