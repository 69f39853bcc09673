// The desktop's market-data status entry: hidden while live data is off, honest about each
// provider (ok / degraded with its reason / offline), last and next refresh.
#include "mockproviders.h"

#include <testdatabase.h>

#include <app/marketdata/marketdataservice.h>
#include <app/marketdata/marketscheduler.h>
#include <app/settings/appsettings.h>
#include <ui/widgets/marketstatuslabel.h>

#include <QApplication>
#include <QTest>

using namespace cp::app::marketdata;

class tst_MarketStatusLabel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("CryptoPredict-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_marketstatuslabel"));
    }

    void showsProviders()
    {
        CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
        Providers providers;
        QVERIFY(providers.start());
        MarketDataService service(scratch.databaseUrl());
        cp::ui::MarketStatusLabel label(&service);
        QVERIFY(label.isHidden()); // nothing configured

        cp::app::AppSettings settings;
        settings.providers.liveEnabled = true;
        const RefreshOptions o = providers.options();
        settings.providers.coinGeckoBaseUrl = o.coinGeckoBaseUrl;
        settings.providers.binanceRestBaseUrl = o.binanceRestBaseUrl;
        settings.providers.fearGreedBaseUrl = o.fearGreedBaseUrl;
        settings.providers.coinGeckoRequestsPerMinute = 0;
        settings.providers.binanceSymbols = {QStringLiteral("BTCUSDT")};
        // The stream goes nowhere: it reports itself offline/degraded, which the label shows.
        settings.providers.binanceStreamBaseUrl = QStringLiteral("ws://127.0.0.1:1");
        settings.schedule.analyzeAfterRefresh = false;
        service.apply(settings);
        QVERIFY(service.scheduler());
        QVERIFY(service.liveFeed());
        QVERIFY(!label.isHidden());
        QVERIFY2(label.text().contains(QStringLiteral("next")), qPrintable(label.text()));

        service.scheduler()->setFetcherSetup([](HttpFetcher &f) { f.setSleeper([](qint64) {}); });
        QVERIFY(service.scheduler()->refreshNow());
        QTRY_VERIFY_WITH_TIMEOUT(service.scheduler()->lastRefresh().isValid(), 60000);
        QTRY_VERIFY(label.text().contains(QStringLiteral("alternative.me ok")));
        QVERIFY2(label.text().contains(QStringLiteral("coingecko degraded")),
                 qPrintable(label.text()));
        QVERIFY2(label.text().contains(QStringLiteral("last ")), qPrintable(label.text()));
        // Why it is degraded is one hover away.
        QVERIFY2(label.toolTip().contains(QStringLiteral("tether")), qPrintable(label.toolTip()));

        service.stop();
        QVERIFY(label.isHidden());
    }
};

QTEST_MAIN(tst_MarketStatusLabel)
#include "tst_marketstatuslabel.moc"
