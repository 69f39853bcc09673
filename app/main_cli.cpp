#include <app/cli/cli.h>

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("CryptoPredict"));
    QCoreApplication::setApplicationName(QStringLiteral("cryptopredict"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CRYPTOPREDICT_VERSION));
    return cp::app::cli::run(QCoreApplication::arguments());
}
