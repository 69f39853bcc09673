#include <testdatabase.h>

#include <app/settings/appsettings.h>
#include <app/settings/credentialstore.h>
#include <models/appconfig.h>
#include <ui/dialogs/settings/adminsettingssection.h>
#include <ui/dialogs/settings/settingsdialog.h>
#include <ui/mainwindow.h>
#include <ui/theme.h>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using cp::app::AppSettings;
using cp::ui::SettingsDialog;

namespace {

cp::ui::UserSession sessionOf(cp::models::Role role)
{
    cp::ui::UserSession session;
    session.userId = 1;
    session.email = QStringLiteral("someone@example.com");
    session.role = role;
    return session;
}

template<typename T>
T *child(QWidget &parent, const char *name)
{
    T *widget = parent.findChild<T *>(QLatin1String(name));
    if (!widget)
        qWarning("no widget %s", name);
    return widget;
}

void setCombo(QComboBox *box, const QVariant &data)
{
    const int index = box->findData(data);
    QVERIFY2(index >= 0, qPrintable(data.toString()));
    box->setCurrentIndex(index);
}

//! Waits until the admin section has read the shared values.
bool waitForAdmin(SettingsDialog &dialog)
{
    if (!dialog.adminSection())
        return true;
    if (dialog.adminSection()->isLoaded())
        return true;
    QSignalSpy loaded(dialog.adminSection(), &cp::ui::AdminSettingsSection::loaded);
    return loaded.wait(30000) && loaded.at(0).at(0).toBool();
}

} // namespace

/** The settings dialog: every field saved and shown again, admin-only parts, refused values. */
class tst_SettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void savesAndReloadsEveryField_data() { cp::test::addDialectColumn(); }
    void savesAndReloadsEveryField();
    void nonAdminSeesNoAdminSection();
    void invalidValuesAreRefused_data();
    void invalidValuesAreRefused();
    void providerKeyGoesToKeychain();
    void mainWindowOpensSettings();

private:
    QTemporaryDir m_settingsDir;
};

void tst_SettingsDialog::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("CryptoPredict"));
    QCoreApplication::setApplicationName(QStringLiteral("cryptopredict-test-settingsdialog"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
}

void tst_SettingsDialog::init()
{
    QSettings().clear();
    cp::ui::Theme::instance().apply(cp::ui::ThemeMode::Light);
}

void tst_SettingsDialog::savesAndReloadsEveryField()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    {
        SettingsDialog dialog(scratch.databaseUrl(), sessionOf(cp::models::Role::Admin));
        dialog.show();
        QVERIFY(waitForAdmin(dialog));
        setCombo(child<QComboBox>(dialog, "settingsLanguage"), QStringLiteral("fa"));
        setCombo(child<QComboBox>(dialog, "settingsCalendar"),
                 static_cast<int>(cp::app::CalendarSystem::Jalali));
        setCombo(child<QComboBox>(dialog, "settingsTheme"), QStringLiteral("dark"));
        child<QCheckBox>(dialog, "settingsLiveEnabled")->setChecked(true);
        child<QLineEdit>(dialog, "settingsCoinGeckoUrl")
            ->setText(QStringLiteral("https://cg.test/v3"));
        child<QLineEdit>(dialog, "settingsBinanceRestUrl")
            ->setText(QStringLiteral("https://b.test"));
        child<QLineEdit>(dialog, "settingsBinanceStreamUrl")
            ->setText(QStringLiteral("wss://s.test:1"));
        child<QLineEdit>(dialog, "settingsFearGreedUrl")
            ->setText(QStringLiteral("https://fg.test"));
        child<QSpinBox>(dialog, "settingsCoinGeckoRate")->setValue(12);
        setCombo(child<QComboBox>(dialog, "settingsCoinGeckoPlan"), QStringLiteral("public"));
        child<QSpinBox>(dialog, "settingsCoinGeckoMarketCount")->setValue(150);
        setCombo(child<QComboBox>(dialog, "settingsBinanceKlineInterval"), QStringLiteral("1d"));
        child<QLineEdit>(dialog, "settingsBinanceSymbols")
            ->setText(QStringLiteral("btcusdt, ETHUSDT"));
        child<QSpinBox>(dialog, "settingsRefreshMinutes")->setValue(5);
        child<QCheckBox>(dialog, "settingsAnalyzeAfterRefresh")->setChecked(false);
        child<QSpinBox>(dialog, "settingsEvaluateMinutes")->setValue(90);
        child<QCheckBox>(dialog, "settingsServeEnabled")->setChecked(true);
        child<QLineEdit>(dialog, "settingsServeHost")->setText(QStringLiteral("0.0.0.0"));
        child<QSpinBox>(dialog, "settingsServePort")->setValue(9123);
        child<QSpinBox>(dialog, "settingsTier1Max")->setValue(11);
        child<QSpinBox>(dialog, "settingsTier2Max")->setValue(77);
        child<QLineEdit>(dialog, "settingsSuggestionConfidence")->setText(QStringLiteral("0.72"));
        child<QLineEdit>(dialog, "settingsSignalConfidence")->setText(QStringLiteral("0.61"));

        QSignalSpy saved(&dialog, &SettingsDialog::settingsSaved);
        QSignalSpy finished(&dialog, &SettingsDialog::saveFinished);
        dialog.save();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(dialog.messageText()));
        QCOMPARE(saved.size(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    const AppSettings s = AppSettings::load();
    QCOMPARE(s.display.language, QStringLiteral("fa"));
    QCOMPARE(s.display.calendar, cp::app::CalendarSystem::Jalali);
    QCOMPARE(s.display.theme, QStringLiteral("dark"));
    QCOMPARE(cp::ui::Theme::instance().mode(), cp::ui::ThemeMode::Dark);
    QVERIFY(s.providers.liveEnabled);
    QCOMPARE(s.providers.coinGeckoBaseUrl, QStringLiteral("https://cg.test/v3"));
    QCOMPARE(s.providers.binanceRestBaseUrl, QStringLiteral("https://b.test"));
    QCOMPARE(s.providers.binanceStreamBaseUrl, QStringLiteral("wss://s.test:1"));
    QCOMPARE(s.providers.fearGreedBaseUrl, QStringLiteral("https://fg.test"));
    QCOMPARE(s.providers.coinGeckoRequestsPerMinute, 12);
    QCOMPARE(s.providers.coinGeckoPlan, QStringLiteral("public"));
    QCOMPARE(s.providers.coinGeckoMarketCount, 150);
    QCOMPARE(s.providers.binanceKlineInterval, QStringLiteral("1d"));
    QCOMPARE(s.providers.binanceSymbols,
             QStringList({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")}));
    QCOMPARE(s.schedule.marketRefreshMinutes, 5);
    QVERIFY(!s.schedule.analyzeAfterRefresh);
    QCOMPARE(s.schedule.evaluateMinutes, 90);
    QVERIFY(s.serve.enabled);
    QCOMPARE(s.serve.host, QStringLiteral("0.0.0.0"));
    QCOMPARE(s.serve.port, quint16(9123));
    const cp::Result<cp::models::AppConfig> config =
        cp::models::AppConfig::load(scratch.database());
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QCOMPARE(config->tier1Max, 11);
    QCOMPARE(config->tier2Max, 77);
    QCOMPARE(config->suggestionConfidenceMin, 0.72);
    QCOMPARE(config->signalConfidenceMin, 0.61);

    // A new dialog shows what was saved.
    SettingsDialog again(scratch.databaseUrl(), sessionOf(cp::models::Role::Admin));
    QVERIFY(waitForAdmin(again));
    QCOMPARE(child<QComboBox>(again, "settingsLanguage")->currentData().toString(),
             QStringLiteral("fa"));
    QCOMPARE(child<QComboBox>(again, "settingsCalendar")->currentData().toInt(),
             static_cast<int>(cp::app::CalendarSystem::Jalali));
    QCOMPARE(child<QComboBox>(again, "settingsTheme")->currentData().toString(),
             QStringLiteral("dark"));
    QVERIFY(child<QCheckBox>(again, "settingsLiveEnabled")->isChecked());
    QCOMPARE(child<QLineEdit>(again, "settingsCoinGeckoUrl")->text(),
             QStringLiteral("https://cg.test/v3"));
    QCOMPARE(child<QLineEdit>(again, "settingsBinanceSymbols")->text(),
             QStringLiteral("BTCUSDT, ETHUSDT"));
    QCOMPARE(child<QSpinBox>(again, "settingsCoinGeckoRate")->value(), 12);
    QCOMPARE(child<QComboBox>(again, "settingsCoinGeckoPlan")->currentData().toString(),
             QStringLiteral("public"));
    QCOMPARE(child<QSpinBox>(again, "settingsCoinGeckoMarketCount")->value(), 150);
    QCOMPARE(child<QComboBox>(again, "settingsBinanceKlineInterval")->currentData().toString(),
             QStringLiteral("1d"));
    QCOMPARE(child<QSpinBox>(again, "settingsRefreshMinutes")->value(), 5);
    QVERIFY(!child<QCheckBox>(again, "settingsAnalyzeAfterRefresh")->isChecked());
    QCOMPARE(child<QSpinBox>(again, "settingsEvaluateMinutes")->value(), 90);
    QVERIFY(child<QCheckBox>(again, "settingsServeEnabled")->isChecked());
    QCOMPARE(child<QLineEdit>(again, "settingsServeHost")->text(), QStringLiteral("0.0.0.0"));
    QCOMPARE(child<QSpinBox>(again, "settingsServePort")->value(), 9123);
    QCOMPARE(child<QSpinBox>(again, "settingsTier1Max")->value(), 11);
    QCOMPARE(child<QSpinBox>(again, "settingsTier2Max")->value(), 77);
    QCOMPARE(QLocale().toDouble(child<QLineEdit>(again, "settingsSuggestionConfidence")->text()),
             0.72);
    QCOMPARE(QLocale().toDouble(child<QLineEdit>(again, "settingsSignalConfidence")->text()), 0.61);
}

void tst_SettingsDialog::nonAdminSeesNoAdminSection()
{
    CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
    for (const cp::models::Role role : {cp::models::Role::Casual, cp::models::Role::Professional}) {
        SettingsDialog dialog(scratch.databaseUrl(), sessionOf(role));
        QVERIFY(!dialog.adminSection());
        QVERIFY(!dialog.findChild<QWidget *>(QStringLiteral("settingsAdminSection")));
        QVERIFY(!dialog.findChild<QSpinBox *>(QStringLiteral("settingsTier1Max")));
        QVERIFY(!dialog.findChild<QLineEdit *>(QStringLiteral("settingsSuggestionConfidence")));
        // The rest is there.
        QVERIFY(dialog.findChild<QSpinBox *>(QStringLiteral("settingsServePort")));
    }
    SettingsDialog admin(scratch.databaseUrl(), sessionOf(cp::models::Role::Admin));
    QVERIFY(admin.adminSection());
    QVERIFY(admin.findChild<QSpinBox *>(QStringLiteral("settingsTier1Max")));
}

void tst_SettingsDialog::invalidValuesAreRefused_data()
{
    QTest::addColumn<QString>("widget");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("named");
    QTest::newRow("port 0") << "settingsServePort"
                            << "0"
                            << "port";
    QTest::newRow("suggestion 1.5") << "settingsSuggestionConfidence"
                                    << "1.5"
                                    << "Suggestion confidence minimum";
    QTest::newRow("signal -0.1") << "settingsSignalConfidence"
                                 << "-0.1"
                                 << "Signal confidence minimum";
    QTest::newRow("signal text") << "settingsSignalConfidence"
                                 << "high"
                                 << "Signal confidence minimum";
    QTest::newRow("tier1 0") << "settingsTier1Max"
                             << "0"
                             << "Tier 1 watchlist limit";
    QTest::newRow("tier2 20000") << "settingsTier2Max"
                                 << "20000"
                                 << "Tier 2 watchlist limit";
    QTest::newRow("evaluate 0") << "settingsEvaluateMinutes"
                                << "0"
                                << "Evaluation interval";
    QTest::newRow("bad url") << "settingsCoinGeckoUrl"
                             << "cg.test"
                             << "CoinGecko address";
    QTest::newRow("market count 0") << "settingsCoinGeckoMarketCount"
                                    << "0"
                                    << "CoinGecko market count";
}

void tst_SettingsDialog::invalidValuesAreRefused()
{
    QFETCH(QString, widget);
    QFETCH(QString, value);
    QFETCH(QString, named);
    CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
    AppSettings before;
    before.serve.port = 8700;
    before.save();
    SettingsDialog dialog(scratch.databaseUrl(), sessionOf(cp::models::Role::Admin));
    dialog.show();
    QVERIFY(waitForAdmin(dialog));
    child<QSpinBox>(dialog, "settingsTier1Max")->setValue(33); // a valid change, not saved either
    QWidget *field = dialog.findChild<QWidget *>(widget);
    QVERIFY(field);
    if (auto *spin = qobject_cast<QSpinBox *>(field))
        spin->setValue(value.toInt());
    else
        qobject_cast<QLineEdit *>(field)->setText(value);
    QSignalSpy finished(&dialog, &SettingsDialog::saveFinished);
    QSignalSpy saved(&dialog, &SettingsDialog::settingsSaved);
    dialog.save();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY2(dialog.messageText().contains(named), qPrintable(dialog.messageText()));
    QCOMPARE(saved.size(), 0);
    QVERIFY(dialog.isVisible());
    QCOMPARE(AppSettings::load().serve.port, quint16(8700));
    QCOMPARE(cp::models::AppConfig::load(scratch.database())->tier1Max,
             cp::models::AppConfig().tier1Max);
}

void tst_SettingsDialog::providerKeyGoesToKeychain()
{
    if (qEnvironmentVariable("CRYPTOPREDICT_TEST_KEYCHAIN") != QLatin1String("1"))
        QSKIP("no test Secret Service (run through scripts/test.sh)");
    CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
    const QString key = QStringLiteral("cg-") + QUuid::createUuid().toString(QUuid::Id128);
    {
        SettingsDialog dialog(scratch.databaseUrl(), sessionOf(cp::models::Role::Casual));
        dialog.show();
        QLineEdit *field = child<QLineEdit>(dialog, "settingsCoinGeckoKey");
        field->setFocus();
        QTest::keyClicks(field, key); // typed, so the dialog knows it changed
        QSignalSpy finished(&dialog, &SettingsDialog::saveFinished);
        dialog.save();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(dialog.messageText()));
    }
    cp::app::CredentialStore store;
    const QString name = cp::app::CredentialStore::providerKey(QStringLiteral("coingecko"));
    const cp::app::CredentialResult stored = store.readBlocking(name);
    QVERIFY2(stored.ok(), qPrintable(stored.message));
    QCOMPARE(stored.secret, key);
    QSettings().sync();
    QFile file(QSettings().fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(key.toUtf8()));
    QVERIFY(store.removeBlocking(name).ok());
}

void tst_SettingsDialog::mainWindowOpensSettings()
{
    CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
    cp::ui::MainWindow window(scratch.databaseUrl(), sessionOf(cp::models::Role::Admin));
    QSignalSpy ready(&window, &cp::ui::MainWindow::databaseReady);
    window.show();
    QVERIFY(ready.wait(30000) || !ready.isEmpty());
    auto *action = window.findChild<QAction *>(QStringLiteral("actionSettings"));
    QVERIFY(action);
    action->trigger();
    auto *dialog = window.findChild<SettingsDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY(dialog->adminSection());
    QVERIFY(waitForAdmin(*dialog));
    setCombo(child<QComboBox>(*dialog, "settingsTheme"), QStringLiteral("dark"));
    QSignalSpy changed(&window, &cp::ui::MainWindow::settingsChanged);
    dialog->save();
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 30000);
    QCOMPARE(changed.at(0).at(0).value<AppSettings>().display.theme, QStringLiteral("dark"));
    // The View menu's check mark follows a theme chosen in the dialog.
    auto *dark = window.findChild<QAction *>(QStringLiteral("actionDarkTheme"));
    QVERIFY(dark && dark->isChecked());
    QTRY_VERIFY(!window.findChild<SettingsDialog *>()); // deleted on close
}

QTEST_MAIN(tst_SettingsDialog)
#include "tst_settingsdialog.moc"
