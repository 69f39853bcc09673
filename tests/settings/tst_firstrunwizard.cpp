#include <testdatabase.h>

#include <app/settings/appsettings.h>
#include <app/settings/credentialstore.h>
#include <models/connection.h>
#include <ui/dialogs/databasepassword.h>
#include <ui/dialogs/firstrun/accountpage.h>
#include <ui/dialogs/firstrun/databasepage.h>
#include <ui/dialogs/firstrun/datapage.h>
#include <ui/dialogs/firstrun/firstrunwizard.h>
#include <ui/signin.h>

#include <QApplication>
#include <QDirIterator>
#include <QFile>
#include <QLineEdit>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using cp::ui::FirstRunWizard;

namespace {

const QString kAdminEmail = QStringLiteral("first.admin@example.com");
const QString kAdminPassword = QStringLiteral("a long admin password");

QString authPassword()
{
    return qEnvironmentVariable("CRYPTOPREDICT_TEST_PG_AUTH_PASSWORD");
}

template<typename T>
T *child(QWidget &parent, const char *name)
{
    return parent.findChild<T *>(QLatin1String(name));
}

bool anyFileContains(const QString &dir, const QByteArray &needle)
{
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            return true;
    }
    return false;
}

//! Goes through the account page to the data page.
void createAdmin(FirstRunWizard &wizard)
{
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(FirstRunWizard::AccountPageId), 30000);
    child<QLineEdit>(wizard, "wizardAdminEmail")->setText(kAdminEmail);
    child<QLineEdit>(wizard, "wizardAdminPassword")->setText(kAdminPassword);
    child<QLineEdit>(wizard, "wizardAdminConfirm")->setText(kAdminPassword);
    wizard.next();
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(FirstRunWizard::DataPageId), 30000);
    QVERIFY(wizard.session().isAdmin());
}

//! Goes through the account and data pages (small demo) and finishes the wizard.
void completeFromAccountPage(FirstRunWizard &wizard, bool loadDemo)
{
    createAdmin(wizard);
    if (QTest::currentTestFailed())
        return;
    cp::engine::SimulationConfig demo;
    demo.assetCount = 3;
    demo.days = 40;
    wizard.dataPage()->setDemoConfig(demo);
    child<QRadioButton>(wizard, loadDemo ? "wizardDemoData" : "wizardEmptyData")->setChecked(true);
    QSignalSpy completed(&wizard, &FirstRunWizard::completed);
    wizard.accept();
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 60000);
    QCOMPARE(wizard.result(), int(QDialog::Accepted));
}

} // namespace

/** The first-run wizard driven page by page, on SQLite and on a password-protected server. */
class tst_FirstRunWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void localSqlite();
    void wrongConfirmationIsRefused();
    void importChoiceOpensImportDialog();
    void postgresConnectionTestExplains();
    void postgresPasswordGoesToKeychain();

private:
    QTemporaryDir m_settingsDir;
};

void tst_FirstRunWizard::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("CryptoPredict"));
    QCoreApplication::setApplicationName(QStringLiteral("cryptopredict-test-wizard"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
}

void tst_FirstRunWizard::init()
{
    QSettings().clear();
    QSettings().sync();
}

void tst_FirstRunWizard::localSqlite()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/first.db"));
    FirstRunWizard wizard;
    wizard.show();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::DatabasePageId));
    child<QRadioButton>(wizard, "wizardLocal")->setChecked(true);
    child<QLineEdit>(wizard, "wizardSqlitePath")->setText(path);
    wizard.next();
    completeFromAccountPage(wizard, true);

    // Settings: the database, first run done.
    const cp::app::AppSettings settings = cp::app::AppSettings::load();
    QVERIFY(settings.firstRunDone);
    QCOMPARE(settings.mode, cp::app::DataSourceMode::Database);
    QCOMPARE(settings.database.url, QStringLiteral("sqlite://") + path);
    QCOMPARE(wizard.databaseUrl().filePath, path);

    // The database: created, the admin can sign in, the demo assets are there and simulated.
    QVERIFY(QFile::exists(path));
    {
        const cp::Result<QSqlDatabase> db =
            cp::models::openConnection(wizard.databaseUrl(), QStringLiteral("check"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        const cp::Result<cp::ui::UserSession> session =
            cp::ui::SignIn::authenticate(*db, kAdminEmail, kAdminPassword);
        QVERIFY2(session.ok(), qPrintable(session.error()));
        QCOMPARE(session->role, cp::models::Role::Admin);
        QSqlQuery query(*db);
        QVERIFY2(
            query.exec(QStringLiteral("SELECT COUNT(*), SUM(is_simulated) FROM cryptocurrencies")),
            qPrintable(query.lastError().text()));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 3);
        QCOMPARE(query.value(1).toInt(), 3);
    }
    cp::models::closeConnection(QStringLiteral("check"));
}

void tst_FirstRunWizard::wrongConfirmationIsRefused()
{
    QTemporaryDir dir;
    FirstRunWizard wizard;
    wizard.show();
    child<QLineEdit>(wizard, "wizardSqlitePath")->setText(dir.filePath(QStringLiteral("x.db")));
    wizard.next();
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(FirstRunWizard::AccountPageId), 30000);
    child<QLineEdit>(wizard, "wizardAdminEmail")->setText(kAdminEmail);
    child<QLineEdit>(wizard, "wizardAdminPassword")->setText(kAdminPassword);
    child<QLineEdit>(wizard, "wizardAdminConfirm")->setText(kAdminPassword + QLatin1Char('x'));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::AccountPageId));
    QVERIFY(wizard.accountPage()->messageText().contains(QLatin1String("differ")));
    // A weak password is refused by the same rules as the sign-in dialog.
    child<QLineEdit>(wizard, "wizardAdminPassword")->setText(QStringLiteral("short"));
    child<QLineEdit>(wizard, "wizardAdminConfirm")->setText(QStringLiteral("short"));
    QSignalSpy finished(wizard.accountPage(), &cp::ui::AccountPage::accountFinished);
    wizard.next();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::AccountPageId));
    QVERIFY(!cp::app::AppSettings::load().firstRunDone);
}

void tst_FirstRunWizard::importChoiceOpensImportDialog()
{
    QTemporaryDir dir;
    FirstRunWizard wizard;
    wizard.show();
    child<QLineEdit>(wizard, "wizardSqlitePath")->setText(dir.filePath(QStringLiteral("i.db")));
    wizard.next();
    createAdmin(wizard);
    child<QRadioButton>(wizard, "wizardImportData")->setChecked(true);
    QSignalSpy opened(wizard.dataPage(), &cp::ui::DataPage::importOpened);
    QSignalSpy completed(&wizard, &FirstRunWizard::completed);
    wizard.accept();
    QCOMPARE(opened.size(), 1);
    auto *dialog = opened.at(0).at(0).value<QDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    QCOMPARE(completed.size(), 0); // waits for the import dialog
    dialog->reject();
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 30000);
    QVERIFY(cp::app::AppSettings::load().firstRunDone);
}

void tst_FirstRunWizard::postgresConnectionTestExplains()
{
    const QString authUrl = qEnvironmentVariable("CRYPTOPREDICT_TEST_PG_AUTH_URL");
    if (authUrl.isEmpty()) {
        if (cp::test::postgresRequired())
            QFAIL("CRYPTOPREDICT_TEST_PG_AUTH_URL is not set but PostgreSQL tests are required");
        QSKIP("no password-protected PostgreSQL user (scripts/with-postgres.sh)");
    }
    QUrl base(authUrl);
    FirstRunWizard wizard;
    wizard.show();
    child<QRadioButton>(wizard, "wizardShared")->setChecked(true);
    auto *url = child<QLineEdit>(wizard, "wizardPostgresUrl");
    auto *password = child<QLineEdit>(wizard, "wizardPostgresPassword");
    cp::ui::DatabasePage *page = wizard.databasePage();

    auto test = [&](const QString &text, const QString &secret) -> std::pair<bool, QString> {
        url->setText(text);
        password->setText(secret);
        QSignalSpy done(page, &cp::ui::DatabasePage::checkFinished);
        page->testConnection();
        if (!done.wait(30000))
            return {false, QStringLiteral("(no answer)")};
        return {done.at(0).at(0).toBool(), page->resultText()};
    };
    const auto wrong = test(authUrl, authPassword() + QStringLiteral("-wrong"));
    QVERIFY(!wrong.first);
    QVERIFY2(wrong.second.startsWith(QLatin1String("Authentication failed")),
             qPrintable(wrong.second));
    QUrl missingUrl = base;
    missingUrl.setPath(QStringLiteral("/cp_wizard_missing_db"));
    const auto missing = test(missingUrl.toString(), authPassword());
    QVERIFY(!missing.first);
    QVERIFY2(missing.second.startsWith(QLatin1String("Database missing")),
             qPrintable(missing.second));
    QVERIFY(missing.second.contains(QLatin1String("cp_wizard_missing_db")));
    QUrl closedPort = base;
    closedPort.setPort(1);
    const auto unreachable = test(closedPort.toString(), authPassword());
    QVERIFY(!unreachable.first);
    QVERIFY2(unreachable.second.startsWith(QLatin1String("Host unreachable")),
             qPrintable(unreachable.second));
    const auto good = test(authUrl, authPassword());
    QVERIFY2(good.first, qPrintable(good.second));
    QVERIFY(good.second.startsWith(QLatin1String("Connected")));
    // Testing never leaves the page nor saves anything.
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::DatabasePageId));
    QVERIFY(!cp::app::AppSettings::load().firstRunDone);
}

void tst_FirstRunWizard::postgresPasswordGoesToKeychain()
{
    const QString authUrl = qEnvironmentVariable("CRYPTOPREDICT_TEST_PG_AUTH_URL");
    if (authUrl.isEmpty()) {
        if (cp::test::postgresRequired())
            QFAIL("CRYPTOPREDICT_TEST_PG_AUTH_URL is not set but PostgreSQL tests are required");
        QSKIP("no password-protected PostgreSQL user (scripts/with-postgres.sh)");
    }
    // A database of the password user's own (PostgreSQL 15 lets only the owner create tables).
    const QString name = QStringLiteral("cp_wizard_") + QUuid::createUuid().toString(QUuid::Id128);
    cp::models::DatabaseUrl admin = *cp::models::DatabaseUrl::parse(authUrl);
    admin.password = authPassword();
    {
        const cp::Result<QSqlDatabase> db =
            cp::models::openConnection(admin, QStringLiteral("own"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QSqlQuery query(*db);
        QVERIFY(query.exec(QStringLiteral("CREATE DATABASE %1").arg(name)));
    }
    cp::models::closeConnection(QStringLiteral("own"));
    QUrl target(authUrl);
    target.setPath(QLatin1Char('/') + name);

    bool keychain = false;
    {
        FirstRunWizard wizard;
        wizard.show();
        QSignalSpy known(wizard.databasePage(), &cp::ui::DatabasePage::keychainKnown);
        QVERIFY(known.wait(30000));
        keychain = known.at(0).at(0).toBool();
        if (qEnvironmentVariable("CRYPTOPREDICT_TEST_KEYCHAIN") == QLatin1String("1"))
            QVERIFY(keychain);
        child<QRadioButton>(wizard, "wizardShared")->setChecked(true);
        child<QLineEdit>(wizard, "wizardPostgresUrl")->setText(target.toString());
        child<QLineEdit>(wizard, "wizardPostgresPassword")->setText(authPassword());
        wizard.next();
        completeFromAccountPage(wizard, false);
        QCOMPARE(wizard.keychainNotice().isEmpty(), keychain);
    }
    const cp::app::AppSettings settings = cp::app::AppSettings::load();
    QVERIFY(settings.firstRunDone);
    QCOMPARE(settings.database.url, QStringLiteral("postgresql://cp_password_user@%1:%2/%3")
                                        .arg(target.host())
                                        .arg(target.port())
                                        .arg(name));
    QSettings().sync();
    QVERIFY(!anyFileContains(m_settingsDir.path(), authPassword().toUtf8()));

    // The next start finds the password again (keychain, or this session's memory).
    cp::models::DatabaseUrl saved = *cp::models::DatabaseUrl::parse(settings.database.url);
    QVERIFY(saved.password.isEmpty());
    cp::app::CredentialStore store;
    QVERIFY(cp::ui::DatabasePassword::obtain(saved, store));
    QCOMPARE(saved.password, authPassword());
    if (keychain) {
        const cp::app::CredentialResult stored =
            store.readBlocking(cp::app::CredentialStore::databaseKey(saved));
        QVERIFY2(stored.ok(), qPrintable(stored.message));
        QCOMPARE(stored.secret, authPassword());
        QVERIFY(store.removeBlocking(cp::app::CredentialStore::databaseKey(saved)).ok());
    }
    {
        const cp::Result<QSqlDatabase> db =
            cp::models::openConnection(admin, QStringLiteral("own"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QSqlQuery query(*db);
        QVERIFY2(query.exec(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(name)),
                 qPrintable(query.lastError().text()));
    }
    cp::models::closeConnection(QStringLiteral("own"));
}

QTEST_MAIN(tst_FirstRunWizard)
#include "tst_firstrunwizard.moc"
