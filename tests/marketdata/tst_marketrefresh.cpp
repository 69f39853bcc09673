// One refresh against mock CoinGecko, Binance and alternative.me servers on loopback, on both
// dialects: rows land, failures are retried or reported, provider status is honest. Then the
// same through `cryptopredict-cli refresh`.
#include "fixtures.h"
#include "mockhttpserver.h"
#include "mockproviders.h"

#include <testdatabase.h>

#include <app/marketdata/apikeyprovider.h>
#include <app/marketdata/marketrefresher.h>
#include <app/marketdata/providerstatus.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace cp::app::marketdata;

namespace {

int count(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}

QString cliPath()
{
    const QString fromEnv = qEnvironmentVariable("CRYPTOPREDICT_CLI");
    return fromEnv.isEmpty() ? QStringLiteral(CRYPTOPREDICT_CLI_PATH) : fromEnv;
}

quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

void noWaiting(HttpFetcher &fetcher)
{
    fetcher.setSleeper([](qint64) {});
}

} // namespace

class tst_MarketRefresh : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refresh_data() { cp::test::addDialectColumn(); }
    void refresh()
    {
        QFETCH(QString, dialect);
        CP_SCRATCH_DB(scratch, dialect);
        QSqlDatabase db = scratch.database();
        Providers providers;
        QVERIFY(providers.start());
        const FunctionApiKeyProvider keys([](const QString &provider) {
            return provider == QLatin1String("coingecko") ? QStringLiteral("CG-demo-123")
                                                          : QString();
        });
        ProviderStatusBoard status;
        MarketRefresher refresher(db, providers.options(), &keys, &status);
        refresher.setFetcherSetup(noWaiting);
        const auto report = refresher.run();
        QVERIFY2(report.ok(), qPrintable(report.error()));

        QCOMPARE(report->assetsUpdated, 3);
        QCOMPARE(report->dominanceRows, 1);
        QCOMPARE(report->sectorRows, 5);
        QCOMPARE(report->backfilledBars, 4 + 2);
        QCOMPARE(report->binanceBars, 3); // the three exchange bars replace point samples
        QCOMPARE(report->sentimentRows, 3);
        QCOMPARE(report->problems.size(), 1);
        QVERIFY2(report->problems.first().contains(QStringLiteral("tether")),
                 qPrintable(report->problems.first()));

        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM cryptocurrencies WHERE"
                                          " NOT is_simulated")),
                 3);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM price_data")), 6);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM dominance_data")), 1);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM sector_performance")), 5);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM market_sentiment_data")), 3);
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT MAX(high_price) FROM price_data")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toDouble(), 67187.34); // 12:00 from CoinGecko; 66800 from Binance

        // The failures were retried: 429 once, 500 once; the key went with every CoinGecko call.
        QCOMPARE(providers.coinGecko.hits(QStringLiteral("/global")), 2);
        QCOMPARE(providers.coinGecko.hits(QStringLiteral("/coins/categories")), 2);
        QCOMPARE(providers.coinGecko.hits(QStringLiteral("/coins/tether/market_chart")), 3);
        for (const auto &request : providers.coinGecko.requests())
            QCOMPARE(request.headers.value("x-cg-demo-api-key"), QByteArray("CG-demo-123"));
        const QUrlQuery klines(providers.binance.requests().first().query);
        QCOMPARE(klines.queryItemValue(QStringLiteral("symbol")), QStringLiteral("BTCUSDT"));
        QCOMPARE(klines.queryItemValue(QStringLiteral("interval")), QStringLiteral("1h"));
        QVERIFY(!klines.queryItemValue(QStringLiteral("startTime")).isEmpty());

        QCOMPARE(int(status.status(QStringLiteral("coingecko")).state),
                 int(ProviderStatus::State::Degraded));
        QVERIFY(
            status.status(QStringLiteral("coingecko")).reason.contains(QStringLiteral("tether")));
        QCOMPARE(int(status.status(QStringLiteral("binance")).state),
                 int(ProviderStatus::State::Ok));
        QCOMPARE(int(status.status(QStringLiteral("alternative.me")).state),
                 int(ProviderStatus::State::Ok));
        QVERIFY(status.status(QStringLiteral("binance")).lastSuccess.isValid());

        // A second refresh: nothing duplicated (the same snapshot and readings).
        MarketRefresher again(db, providers.options(), &keys, &status);
        again.setFetcherSetup(noWaiting);
        QVERIFY(again.run().ok());
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM cryptocurrencies")), 3);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM dominance_data")), 1);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM market_sentiment_data")), 3);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM price_data")), 6);
    }

    void offline_data() { cp::test::addDialectColumn(); }
    void offline()
    {
        QFETCH(QString, dialect);
        CP_SCRATCH_DB(scratch, dialect);
        RefreshOptions o;
        const QString dead = QStringLiteral("http://127.0.0.1:%1").arg(closedPort());
        o.coinGeckoBaseUrl = o.binanceRestBaseUrl = o.fearGreedBaseUrl = dead;
        o.binanceSymbols = {QStringLiteral("BTCUSDT")};
        o.http.backoff = {1, 10, 2.0, 1};
        o.coinGeckoRequestsPerMinute = 0;
        ProviderStatusBoard status;
        QSignalSpy changes(&status, &ProviderStatusBoard::statusChanged);
        MarketRefresher refresher(scratch.database(), o, nullptr, &status);
        refresher.setFetcherSetup(noWaiting);
        const auto report = refresher.run();
        QVERIFY(report.ok()); // the database is fine; the providers are not
        QVERIFY(!report->anyData());
        QCOMPARE(report->problems.size(), 4); // markets, global, categories, fng
        QCOMPARE(int(status.status(QStringLiteral("coingecko")).state),
                 int(ProviderStatus::State::Offline));
        QCOMPARE(int(status.status(QStringLiteral("alternative.me")).state),
                 int(ProviderStatus::State::Offline));
        QVERIFY(!status.status(QStringLiteral("coingecko")).lastSuccess.isValid());
        // Binance had no asset to fill (BTC does not exist yet): not tried, not claimed ok.
        QCOMPARE(int(status.status(QStringLiteral("binance")).state),
                 int(ProviderStatus::State::Unknown));
        QCOMPARE(changes.count(), 2);
    }

    void cli_data() { cp::test::addDialectColumn(); }
    void cli()
    {
        QFETCH(QString, dialect);
        CP_SCRATCH_DB(scratch, dialect);
        Providers providers;
        QVERIFY(providers.start());
        QTemporaryDir home;
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // No user settings leak in; the key comes from the environment.
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
        env.insert(QStringLiteral("CRYPTOPREDICT_COINGECKO_API_KEY"), QStringLiteral("CG-cli"));
        process.setProcessEnvironment(env);
        const RefreshOptions o = providers.options();
        process.start(cliPath(),
                      {QStringLiteral("--db"), scratch.url(), QStringLiteral("--json"),
                       QStringLiteral("refresh"), QStringLiteral("--coingecko-url"),
                       o.coinGeckoBaseUrl, QStringLiteral("--binance-url"), o.binanceRestBaseUrl,
                       QStringLiteral("--fear-greed-url"), o.fearGreedBaseUrl,
                       QStringLiteral("--symbols"), QStringLiteral("btcusdt"),
                       QStringLiteral("--requests-per-minute"), QStringLiteral("0"),
                       QStringLiteral("--retries"), QStringLiteral("1")});
        // The mocks live in this process: keep its event loop turning while the CLI runs.
        QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 120000);
        const QByteArray err = process.readAllStandardError();
        QCOMPARE(process.exitCode(), 0);
        const QJsonObject out = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        QVERIFY2(!out.isEmpty(), err.constData());
        QCOMPARE(out.value(QStringLiteral("assets_updated")).toInt(), 3);
        QCOMPARE(out.value(QStringLiteral("sentiment_rows")).toInt(), 3);
        QCOMPARE(out.value(QStringLiteral("binance_bars")).toInt(), 3);
        QCOMPARE(out.value(QStringLiteral("providers")).toArray().size(), 3);
        QSqlDatabase db = scratch.database();
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM price_data")), 6);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM sector_performance")), 5);
        QCOMPARE(providers.coinGecko.requests().first().headers.value("x-cg-demo-api-key"),
                 QByteArray("CG-cli"));
    }

    void cliFailsWhenNothingAnswers()
    {
        CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
        QTemporaryDir home;
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
        process.setProcessEnvironment(env);
        const QString dead = QStringLiteral("http://127.0.0.1:%1").arg(closedPort());
        process.start(cliPath(),
                      {QStringLiteral("--db"), scratch.url(), QStringLiteral("refresh"),
                       QStringLiteral("--coingecko-url"), dead, QStringLiteral("--fear-greed-url"),
                       dead, QStringLiteral("--no-binance"), QStringLiteral("--retries"),
                       QStringLiteral("0")});
        QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 60000);
        QCOMPARE(process.exitCode(), 1);
        const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
        QVERIFY2(err.startsWith(QStringLiteral("No provider could be refreshed")), qPrintable(err));
        QVERIFY(!err.contains(QLatin1Char('\n')));

        QProcess bad;
        bad.start(cliPath(), {QStringLiteral("--db"), scratch.url(), QStringLiteral("refresh"),
                              QStringLiteral("--markets"), QStringLiteral("0")});
        QVERIFY(bad.waitForFinished(60000));
        QCOMPARE(bad.exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(tst_MarketRefresh)
#include "tst_marketrefresh.moc"
