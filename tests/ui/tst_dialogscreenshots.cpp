#include <testdatabase.h>

#include <ui/dialogs/firstrun/databasepage.h>
#include <ui/dialogs/firstrun/firstrunwizard.h>
#include <ui/dialogs/importdialog.h>
#include <ui/dialogs/settings/adminsettingssection.h>
#include <ui/dialogs/settings/settingsdialog.h>
#include <ui/peer/peersignindialog.h>
#include <ui/theme.h>

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

namespace {

template<typename T>
T *child(QWidget &parent, const char *name)
{
    return parent.findChild<T *>(QLatin1String(name));
}

//! A short Binance kline file with a header, open times in milliseconds, one hour apart.
QByteArray klines(int count)
{
    constexpr qint64 start = 1704067200; // 2024-01-01T00:00:00Z
    QByteArray out = "open_time,open,high,low,close,volume,close_time,quote_volume,count,"
                     "taker_buy_volume,taker_buy_quote_volume,ignore\n";
    for (int i = 0; i < count; ++i) {
        const double open = 42000.0 + i * 37.5;
        const qint64 openTime = (start + i * 3600) * 1000;
        out += QByteArray::number(openTime) + ',' + QByteArray::number(open) + ',' +
               QByteArray::number(open + 120) + ',' + QByteArray::number(open - 80) + ',' +
               QByteArray::number(open + 37.5) + ",812.5," +
               QByteArray::number(openTime + 3599999) + ",0,0,0,0,0\n";
    }
    return out;
}

} // namespace

/**
 * Renders the dialogs users meet outside the main window (first-run wizard, settings, import,
 * peer sign-in) in the light palette and saves PNGs to $CRYPTOPREDICT_SCREENSHOT_DIR when it is
 * set. Without the variable it still checks that each dialog renders with its key widgets shown.
 */
class tst_DialogScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void firstRunDatabasePage();
    void settingsTabs();
    void importPreview();
    void peerSignIn();

private:
    //! Grabs `dialog`, checks the picture, and saves it as `name`.png when a directory is set.
    void shoot(QWidget &dialog, const QString &name);

    QTemporaryDir m_settingsDir;
    //! Named so the path in the import picture reads sensibly.
    QTemporaryDir m_files{QDir::tempPath() + QStringLiteral("/binance-XXXXXX")};
};

void tst_DialogScreenshots::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QVERIFY(m_files.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("CryptoPredict"));
    QCoreApplication::setApplicationName(QStringLiteral("cryptopredict-test-dialogshots"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    cp::ui::Theme::instance().apply(cp::ui::ThemeMode::Light);
}

void tst_DialogScreenshots::cleanupTestCase()
{
    QSettings().clear();
}

void tst_DialogScreenshots::shoot(QWidget &dialog, const QString &name)
{
    QTest::qWait(100); // let word-wrapped labels settle after their text changed
    const QPixmap shot = dialog.grab();
    QVERIFY(!shot.isNull());
    QCOMPARE(shot.size(), dialog.size());
    // Not a blank canvas: the picture holds more than one colour.
    const QImage image = shot.toImage();
    const QRgb first = image.pixel(0, 0);
    bool varied = false;
    for (int y = 0; y < image.height() && !varied; y += 7)
        for (int x = 0; x < image.width() && !varied; x += 7)
            varied = image.pixel(x, y) != first;
    QVERIFY2(varied, qPrintable(name));
    const QString dir = qEnvironmentVariable("CRYPTOPREDICT_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(shot.save(QDir(dir).filePath(name + QStringLiteral(".png"))));
}

void tst_DialogScreenshots::firstRunDatabasePage()
{
    cp::ui::FirstRunWizard wizard;
    wizard.resize(720, 520);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QCOMPARE(wizard.currentId(), int(cp::ui::FirstRunWizard::DatabasePageId));
    cp::ui::DatabasePage *page = wizard.databasePage();
    QSignalSpy keychain(page, &cp::ui::DatabasePage::keychainKnown);
    // A typical home-directory path rather than this test's own data location.
    child<QLineEdit>(wizard, "wizardSqlitePath")
        ->setText(QStringLiteral("/home/alice/.local/share/CryptoPredict/cryptopredict.db"));
    child<QRadioButton>(wizard, "wizardShared")->setChecked(true);
    // Nothing listens on port 1: the test fails with an explanation, without a server.
    child<QLineEdit>(wizard, "wizardPostgresUrl")
        ->setText(QStringLiteral("postgresql://cryptopredict@localhost:1/cryptopredict"));
    child<QLineEdit>(wizard, "wizardPostgresPassword")->setText(QStringLiteral("secret"));
    QSignalSpy done(page, &cp::ui::DatabasePage::checkFinished);
    page->testConnection();
    QVERIFY(done.wait(30000));
    QCOMPARE(done.at(0).at(0).toBool(), false);
    QVERIFY(!page->resultText().isEmpty());
    if (keychain.isEmpty())
        QVERIFY(keychain.wait(30000));
    auto *result = child<QLabel>(wizard, "wizardConnectionResult");
    QVERIFY(result->isVisible());
    QCOMPARE(result->text(), page->resultText());
    QVERIFY(child<QLineEdit>(wizard, "wizardPostgresUrl")->isVisible());
    QVERIFY(child<QPushButton>(wizard, "wizardTestConnection")->isVisible());
    shoot(wizard, QStringLiteral("firstrun-database-light"));
}

void tst_DialogScreenshots::settingsTabs()
{
    CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
    cp::ui::UserSession session;
    session.userId = 1;
    session.email = QStringLiteral("admin@example.com");
    session.role = cp::models::Role::Admin;
    cp::ui::SettingsDialog dialog(scratch.databaseUrl(), session);
    QSignalSpy keychain(&dialog, &cp::ui::SettingsDialog::keychainKnown);
    dialog.resize(720, dialog.sizeHint().height());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    if (keychain.isEmpty())
        QVERIFY(keychain.wait(30000));
    // The admin tab reads the shared values on a worker: let it finish before closing.
    QVERIFY(dialog.adminSection());
    if (!dialog.adminSection()->isLoaded()) {
        QSignalSpy loaded(dialog.adminSection(), &cp::ui::AdminSettingsSection::loaded);
        QVERIFY(loaded.wait(30000));
    }
    auto *tabs = dialog.findChild<QTabWidget *>();
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 5);

    tabs->setCurrentIndex(0);
    QVERIFY(child<QComboBox>(dialog, "settingsLanguage")->isVisible());
    QVERIFY(child<QComboBox>(dialog, "settingsTheme")->isVisible());
    shoot(dialog, QStringLiteral("settings-general-light"));

    tabs->setCurrentIndex(2);
    QVERIFY(!child<QComboBox>(dialog, "settingsLanguage")->isVisible());
    const QList<QLineEdit *> urls = tabs->currentWidget()->findChildren<QLineEdit *>();
    QVERIFY(!urls.isEmpty());
    QVERIFY(urls.first()->isVisible());
    shoot(dialog, QStringLiteral("settings-marketdata-light"));
}

void tst_DialogScreenshots::importPreview()
{
    CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
    const QString path = m_files.filePath(QStringLiteral("BTCUSDT-1h-2024-01.csv"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        const QByteArray data = klines(48);
        QCOMPARE(file.write(data), data.size());
    }
    cp::ui::ImportDialog dialog(scratch.databaseUrl());
    QSignalSpy sectors(&dialog, &cp::ui::ImportDialog::sectorsLoaded);
    dialog.resize(880, 600);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy previewed(&dialog, &cp::ui::ImportDialog::previewUpdated);
    dialog.setFiles({path});
    dialog.setSymbol(QStringLiteral("BTC"));
    QVERIFY(previewed.wait(20000));
    QCOMPARE(previewed.last().first().toBool(), true);
    if (sectors.isEmpty())
        QVERIFY(sectors.wait(20000));
    QTableWidget *table = dialog.previewTable();
    QVERIFY(table->isVisible());
    QVERIFY(table->rowCount() > 0);
    // The first row, line 2 after the header, opens at 2024-01-01 00:00 UTC.
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("2"));
    QVERIFY2(table->item(0, 1)->text().startsWith(QLatin1String("2024-01-01T00:00")),
             qPrintable(table->item(0, 1)->text()));
    QVERIFY(dialog.columnsLabel()->isVisible());
    // The files row holds a layout, so its label needs an explicit buddy to show "Files:".
    bool filesLabel = false;
    for (QLabel *label : dialog.findChildren<QLabel *>())
        if (label->text() == QLatin1String("&Files:"))
            filesLabel = label->buddy() == child<QLineEdit>(dialog, "filesEdit");
    QVERIFY(filesLabel);
    QVERIFY(!dialog.columnsLabel()->text().isEmpty());
    QVERIFY2(dialog.errorLabel()->isHidden(), qPrintable(dialog.errorLabel()->text()));
    shoot(dialog, QStringLiteral("import-preview-light"));
}

void tst_DialogScreenshots::peerSignIn()
{
    // Port 1 does not answer: the dialog explains it.
    cp::ui::PeerSignInDialog dialog(QStringLiteral("http://localhost:1"),
                                    QStringLiteral("analyst@example.com"));
    dialog.resize(520, dialog.sizeHint().height());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    child<QLineEdit>(dialog, "peerPassword")->setText(QStringLiteral("not the password"));
    QSignalSpy attempted(&dialog, &cp::ui::PeerSignInDialog::attempted);
    dialog.submit();
    if (attempted.isEmpty())
        QVERIFY(attempted.wait(30000));
    const QString error = attempted.last().first().toString();
    QVERIFY(!error.isEmpty());
    auto *message = child<QLabel>(dialog, "peerSignInMessage");
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(), error);
    QVERIFY(child<QLineEdit>(dialog, "peerUrl")->isVisible());
    QVERIFY(child<QPushButton>(dialog, "peerConnectButton")->isEnabled());
    dialog.resize(dialog.width(), dialog.sizeHint().height());
    shoot(dialog, QStringLiteral("peer-signin-light"));
}

QTEST_MAIN(tst_DialogScreenshots)
#include "tst_dialogscreenshots.moc"
