#include <app/settings/appsettings.h>

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using cp::app::AppSettings;

/** AppSettings: every field survives save/load, bad values are named, no password is stored. */
class tst_AppSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { QSettings().clear(); }
    void defaultsWhenEmpty();
    void roundTripEveryField();
    void legacyThemeKeyIsRead();
    void passwordInUrlIsNotStored();
    void validateNamesTheField_data();
    void validateNamesTheField();

private:
    QTemporaryDir m_dir;
};

void tst_AppSettings::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("CryptoPredict"));
    QCoreApplication::setApplicationName(QStringLiteral("cryptopredict-test-appsettings"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
}

void tst_AppSettings::defaultsWhenEmpty()
{
    const AppSettings loaded = AppSettings::load();
    QCOMPARE(loaded.mode, cp::app::DataSourceMode::Database);
    QVERIFY(loaded.database.url.isEmpty());
    QCOMPARE(loaded.display.theme, QStringLiteral("light"));
    QCOMPARE(loaded.serve.port, quint16(8600));
    QCOMPARE(loaded.serve.host, QStringLiteral("127.0.0.1"));
    QVERIFY(!loaded.firstRunDone);
    QVERIFY(!loaded.validate().has_value());
}

void tst_AppSettings::roundTripEveryField()
{
    // Every field differs from its default, so a field save() or load() forgets shows up.
    AppSettings s;
    s.mode = cp::app::DataSourceMode::Peer;
    s.database.url = QStringLiteral("postgresql://alice@db.example.com:6543/markets");
    s.display.language = QStringLiteral("fa");
    s.display.calendar = cp::app::CalendarSystem::Jalali;
    s.display.theme = QStringLiteral("dark");
    s.providers.liveEnabled = true;
    s.providers.coinGeckoBaseUrl = QStringLiteral("https://cg.example.com/v3");
    s.providers.binanceRestBaseUrl = QStringLiteral("https://rest.example.com");
    s.providers.binanceStreamBaseUrl = QStringLiteral("wss://stream.example.com:9443");
    s.providers.fearGreedBaseUrl = QStringLiteral("https://fng.example.com");
    s.providers.coinGeckoRequestsPerMinute = 7;
    s.providers.binanceSymbols = {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")};
    s.providers.coinGeckoPlan = QStringLiteral("pro");
    s.providers.coinGeckoMarketCount = 42;
    s.providers.binanceKlineInterval = QStringLiteral("1d");
    s.schedule.marketRefreshMinutes = 0;
    s.schedule.analyzeAfterRefresh = false;
    s.schedule.evaluateMinutes = 240;
    s.serve.enabled = true;
    s.serve.host = QStringLiteral("0.0.0.0");
    s.serve.port = 9911;
    s.peer.url = QStringLiteral("https://peer.example.com:8600");
    s.peer.email = QStringLiteral("bob@example.com");
    s.firstRunDone = true;
    QVERIFY(!s.validate().has_value());
    s.save();

    const AppSettings r = AppSettings::load();
    QCOMPARE(r.mode, s.mode);
    QCOMPARE(r.database.url, s.database.url);
    QCOMPARE(r.display.language, s.display.language);
    QCOMPARE(r.display.calendar, s.display.calendar);
    QCOMPARE(r.display.theme, s.display.theme);
    QCOMPARE(r.providers.liveEnabled, s.providers.liveEnabled);
    QCOMPARE(r.providers.coinGeckoBaseUrl, s.providers.coinGeckoBaseUrl);
    QCOMPARE(r.providers.binanceRestBaseUrl, s.providers.binanceRestBaseUrl);
    QCOMPARE(r.providers.binanceStreamBaseUrl, s.providers.binanceStreamBaseUrl);
    QCOMPARE(r.providers.fearGreedBaseUrl, s.providers.fearGreedBaseUrl);
    QCOMPARE(r.providers.coinGeckoRequestsPerMinute, s.providers.coinGeckoRequestsPerMinute);
    QCOMPARE(r.providers.binanceSymbols, s.providers.binanceSymbols);
    QCOMPARE(r.providers.coinGeckoPlan, s.providers.coinGeckoPlan);
    QCOMPARE(r.providers.coinGeckoMarketCount, s.providers.coinGeckoMarketCount);
    QCOMPARE(r.providers.binanceKlineInterval, s.providers.binanceKlineInterval);
    QCOMPARE(r.schedule.marketRefreshMinutes, s.schedule.marketRefreshMinutes);
    QCOMPARE(r.schedule.analyzeAfterRefresh, s.schedule.analyzeAfterRefresh);
    QCOMPARE(r.schedule.evaluateMinutes, s.schedule.evaluateMinutes);
    QCOMPARE(r.serve.enabled, s.serve.enabled);
    QCOMPARE(r.serve.host, s.serve.host);
    QCOMPARE(r.serve.port, s.serve.port);
    QCOMPARE(r.peer.url, s.peer.url);
    QCOMPARE(r.peer.email, s.peer.email);
    QCOMPARE(r.firstRunDone, s.firstRunDone);
}

void tst_AppSettings::legacyThemeKeyIsRead()
{
    QSettings().setValue(QStringLiteral("appearance/theme"), QStringLiteral("dark"));
    QCOMPARE(AppSettings::load().display.theme, QStringLiteral("dark"));
    AppSettings s = AppSettings::load();
    s.display.theme = QStringLiteral("light");
    s.save();
    QCOMPARE(AppSettings::load().display.theme, QStringLiteral("light"));
}

void tst_AppSettings::passwordInUrlIsNotStored()
{
    const QString secret = QStringLiteral("Sup3rSecretPw");
    AppSettings s;
    s.database.url =
        QStringLiteral("postgresql://alice:%1@db.example.com:5432/markets").arg(secret);
    s.peer.url = QStringLiteral("https://bob:%1@peer.example.com").arg(secret);
    s.save();
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
    const QByteArray content = file.readAll();
    QVERIFY(content.contains("db.example.com"));
    QVERIFY2(!content.contains(secret.toUtf8()), content.constData());
    const AppSettings r = AppSettings::load();
    QCOMPARE(r.database.url, QStringLiteral("postgresql://alice@db.example.com:5432/markets"));
    QVERIFY(!r.peer.url.contains(secret));
}

void tst_AppSettings::validateNamesTheField_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("field");
    QTest::newRow("port 0") << 0 << QStringLiteral("port");
    QTest::newRow("theme") << 1 << QStringLiteral("Theme");
    QTest::newRow("rate 0") << 2 << QStringLiteral("requests per minute");
    QTest::newRow("refresh") << 3 << QStringLiteral("Market refresh");
    QTest::newRow("evaluate") << 4 << QStringLiteral("Evaluation interval");
    QTest::newRow("coingecko url") << 5 << QStringLiteral("CoinGecko address");
    QTest::newRow("empty host") << 6 << QStringLiteral("address must not be empty");
    QTest::newRow("plan") << 7 << QStringLiteral("CoinGecko plan");
    QTest::newRow("market count") << 8 << QStringLiteral("CoinGecko market count");
}

void tst_AppSettings::validateNamesTheField()
{
    QFETCH(int, which);
    QFETCH(QString, field);
    AppSettings s;
    switch (which) {
    case 0:
        s.serve.port = 0;
        break;
    case 1:
        s.display.theme = QStringLiteral("purple");
        break;
    case 2:
        s.providers.coinGeckoRequestsPerMinute = 0;
        break;
    case 3:
        s.schedule.marketRefreshMinutes = -5;
        break;
    case 4:
        s.schedule.evaluateMinutes = 0;
        break;
    case 5:
        s.providers.coinGeckoBaseUrl = QStringLiteral("not a url");
        break;
    case 6:
        s.serve.host = QStringLiteral("  ");
        break;
    case 7:
        s.providers.coinGeckoPlan = QStringLiteral("enterprise");
        break;
    case 8:
        s.providers.coinGeckoMarketCount = 251;
        break;
    }
    const std::optional<QString> error = s.validate();
    QVERIFY(error.has_value());
    QVERIFY2(error->contains(field), qPrintable(*error));
}

QTEST_GUILESS_MAIN(tst_AppSettings)
#include "tst_appsettings.moc"
