#include <app/cli/cli.h>

#include <QCoreApplication>

#include <cstdio>

namespace {

// stderr carries one sentence per failure (the CLI contract). Qt's own diagnostics would break
// that, e.g. QPSQL's two-line "Unable to free statement" warning after a refused statement in a
// transaction; they are shown only when CRYPTOPREDICT_DEBUG is set. Qt aborts after fatal ones.
void cliMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    static const bool verbose = qEnvironmentVariableIsSet("CRYPTOPREDICT_DEBUG");
    if (type != QtFatalMsg && !verbose)
        return;
    const QByteArray text = qFormatLogMessage(type, context, message).toLocal8Bit();
    std::fprintf(stderr, "%s\n", text.constData());
    std::fflush(stderr);
}

} // namespace

int main(int argc, char *argv[])
{
    qInstallMessageHandler(cliMessageHandler);
    QCoreApplication application(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("CryptoPredict"));
    QCoreApplication::setApplicationName(QStringLiteral("cryptopredict"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CRYPTOPREDICT_VERSION));
    return cp::app::cli::run(QCoreApplication::arguments());
}
