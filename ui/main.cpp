#include <ui/dialogs/signindialog.h>
#include <ui/mainwindow.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CryptoPredict"));
    QApplication::setApplicationName(QStringLiteral("cryptopredict"));
    QApplication::setApplicationDisplayName(QStringLiteral("CryptoPredict"));
    QApplication::setApplicationVersion(QStringLiteral(CRYPTOPREDICT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Four-layer crypto market analysis desktop"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QStringLiteral("Database URL: sqlite:///abs/path.db or postgresql://user@host:port/db."),
        QStringLiteral("url"));
    parser.addOption(dbOption);
    parser.process(application);

    const cp::Result<cp::models::DatabaseUrl> url =
        cp::models::DatabaseUrl::resolve(parser.value(dbOption));
    if (!url) {
        QMessageBox::critical(nullptr, QStringLiteral("CryptoPredict"), url.error());
        return 2;
    }
    // Sign in first (or create the first admin on a new database); the session decides which
    // pages and actions the window offers.
    cp::ui::SignInDialog signIn(*url);
    if (signIn.exec() != QDialog::Accepted)
        return 0;
    cp::ui::MainWindow window(*url, signIn.session());
    window.show();
    return application.exec();
}
