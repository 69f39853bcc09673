#include <ui/dialogs/databasepassword.h>
#include <ui/dialogs/firstrun/firstrunwizard.h>
#include <ui/dialogs/signindialog.h>
#include <ui/language.h>
#include <ui/mainwindow.h>
#include <ui/peer/peerdesktop.h>

#include <app/settings/appsettings.h>
#include <app/settings/credentialstore.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

#include <optional>

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CryptoPredict"));
    QApplication::setApplicationName(QStringLiteral("cryptopredict"));
    QApplication::setApplicationDisplayName(QStringLiteral("CryptoPredict"));
    QApplication::setApplicationVersion(QStringLiteral(CRYPTOPREDICT_VERSION));
    // Lets the desktop shell match windows to the installed entry (and so to its icon).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.cryptopredict.CryptoPredict"));
    // Language, layout direction and calendar before the first widget is built.
    cp::ui::Language::applyDisplaySettings(cp::app::AppSettings::load().display);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Four-layer crypto market analysis desktop"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QStringLiteral("Database URL: sqlite:///abs/path.db or postgresql://user@host:port/db."),
        QStringLiteral("url"));
    parser.addOption(dbOption);
    const QCommandLineOption peerOption(
        QStringLiteral("peer"),
        QStringLiteral("Show another CryptoPredict's data through its API: http://host:port."),
        QStringLiteral("url"));
    parser.addOption(peerOption);
    parser.process(application);

    // The first-run wizard (database, first admin, demo data) until it has completed once,
    // unless --db or CRYPTOPREDICT_DB says which database to use.
    const cp::app::AppSettings settings = cp::app::AppSettings::load();
    const bool databaseGiven =
        parser.isSet(dbOption) || qEnvironmentVariableIsSet("CRYPTOPREDICT_DB");
    // Peer mode: another instance's API instead of a database (--peer, or chosen in Settings).
    if (parser.isSet(peerOption) ||
        (!databaseGiven && settings.firstRunDone && settings.mode == cp::app::DataSourceMode::Peer))
        return cp::ui::PeerDesktop::run(parser.value(peerOption));
    std::optional<cp::models::DatabaseUrl> database;
    std::optional<cp::ui::UserSession> session;
    const bool firstRun = !databaseGiven && !settings.firstRunDone;
    if (firstRun) {
        cp::ui::FirstRunWizard wizard;
        if (wizard.exec() != QDialog::Accepted)
            return 0;
        database = wizard.databaseUrl();
        session = wizard.session();
    } else {
        const cp::Result<cp::models::DatabaseUrl> url =
            !databaseGiven && !settings.database.url.isEmpty()
                ? cp::models::DatabaseUrl::parse(settings.database.url)
                : cp::models::DatabaseUrl::resolve(parser.value(dbOption));
        if (!url) {
            QMessageBox::critical(nullptr, QStringLiteral("CryptoPredict"), url.error());
            return 2;
        }
        database = *url;
        // The PostgreSQL password from the keychain, or asked for when there is none.
        cp::app::CredentialStore credentials;
        if (!cp::ui::DatabasePassword::obtain(*database, credentials))
            return 0;
    }
    if (!session) {
        // Sign in first (or create the first admin on a new database); the session decides
        // which pages and actions the window offers.
        cp::ui::SignInDialog signIn(*database);
        const int signedIn = signIn.exec();
        if (signedIn == cp::ui::SignInDialog::PeerRequested)
            return cp::ui::PeerDesktop::run({});
        if (signedIn != QDialog::Accepted)
            return 0;
        session = signIn.session();
    }
    cp::ui::MainWindow window(*database, *session);
    window.show();
    if (firstRun)
        window.showPage(QStringLiteral("homePage"));
    return application.exec();
}
