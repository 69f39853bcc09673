#include "clicontext.h"
#include "commandparser.h"

#include <app/api/apiserver.h>
#include <app/api/shutdownsignals.h>
#include <app/marketdata/marketdataservice.h>
#include <app/settings/appsettings.h>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace cp::app::cli {

int runServe(CliContext &context)
{
    // The server shows no local time (the API speaks UTC), but every local-time conversion
    // made on its behalf (e.g. by the SQL drivers) made glibc stat /etc/localtime when TZ is
    // unset: about 80 times per answered cache miss. With TZ set it reads the zone once.
    if (qEnvironmentVariableIsEmpty("TZ"))
        qputenv("TZ", "UTC");
    CommandParser command(QStringLiteral("serve"));
    command.addOption({QStringLiteral("host"),
                       QStringLiteral("Address to listen on (default 127.0.0.1)."),
                       QStringLiteral("address")});
    command.addOption({QStringLiteral("port"), QStringLiteral("Port (default 8000; 0 = any free)."),
                       QStringLiteral("port")});
    command.addOption({QStringLiteral("tls-cert"), QStringLiteral("PEM certificate for HTTPS."),
                       QStringLiteral("file")});
    command.addOption({QStringLiteral("tls-key"), QStringLiteral("PEM private key for HTTPS."),
                       QStringLiteral("file")});
    command.addOption({QStringLiteral("refresh-minutes"),
                       QStringLiteral("Refresh market data every N minutes, then analyse and "
                                      "evaluate (0 = off; default: the settings)."),
                       QStringLiteral("n")});
    command.addOption(
        {QStringLiteral("live-prices"),
         QStringLiteral("Follow Binance's live stream into price_data and ws/prices.")});
    command.addOption({QStringLiteral("workers"),
                       QStringLiteral("Threads running requests (default: one per core)."),
                       QStringLiteral("n")});
    if (!command.parse(context, context.arguments()))
        return BadUsage;
    const QCommandLineParser &parser = command.parser();
    if (!parser.positionalArguments().isEmpty())
        return context.fail(QStringLiteral("serve takes no positional arguments."), BadUsage);

    api::ServeOptions options;
    if (parser.isSet(QStringLiteral("host"))) {
        const QString host = parser.value(QStringLiteral("host"));
        if (host == QLatin1String("localhost"))
            options.host = QHostAddress::LocalHost;
        else if (!options.host.setAddress(host))
            return context.fail(
                QStringLiteral("--host must be an IP address such as 127.0.0.1 or 0.0.0.0, not "
                               "'%1'.")
                    .arg(host),
                BadUsage);
    }
    const std::optional<qint64> port =
        command.integer(context, QStringLiteral("port"), 8000, 0, 65535);
    const std::optional<qint64> workers =
        command.integer(context, QStringLiteral("workers"), 0, 0, 256);
    const std::optional<qint64> refreshMinutes =
        command.integer(context, QStringLiteral("refresh-minutes"), -1, 0, 7 * 24 * 60);
    if (!port || !workers || !refreshMinutes)
        return BadUsage;
    options.port = quint16(*port);
    options.workerThreads = int(*workers);
    options.tlsCertificateFile = parser.value(QStringLiteral("tls-cert"));
    options.tlsKeyFile = parser.value(QStringLiteral("tls-key"));
    if (options.tlsCertificateFile.isEmpty() != options.tlsKeyFile.isEmpty())
        return context.fail(QStringLiteral("--tls-cert and --tls-key go together."), BadUsage);

    // Opening here applies migrations once, before any worker connects.
    if (!context.openDatabase().isValid())
        return context.openFailureCode();

    api::ShutdownSignals shutdownSignals;
    api::ApiServer server(context.databaseUrl(), options);
    const Result<QUrl> url = server.start();
    if (!url)
        return context.fail(url.error());
    QObject::connect(&shutdownSignals, &api::ShutdownSignals::shutdownRequested, &server,
                     &api::ApiServer::shutdown);
    QObject::connect(&server, &api::ApiServer::stopped, qApp, [] { QCoreApplication::exit(0); });
    // Scheduled refresh, analysis and evaluation, and the live feed, when configured.
    marketdata::MarketDataService marketData(context.databaseUrl());
    marketdata::MarketDataService::Overrides overrides;
    overrides.refreshMinutes = int(*refreshMinutes);
    overrides.livePrices = parser.isSet(QStringLiteral("live-prices"));
    marketData.keys().setKey(QStringLiteral("coingecko"),
                             qEnvironmentVariable("CRYPTOPREDICT_COINGECKO_API_KEY"));
    marketData.apply(AppSettings::load(), overrides);
    const QString base = url->toString();
    if (context.json()) {
        context.out() << QJsonDocument(QJsonObject{{QStringLiteral("url"), base}})
                             .toJson(QJsonDocument::Compact)
                      << Qt::endl;
    } else {
        context.out() << "Serving on " << base << " (API under " << base << "/api/v1)" << Qt::endl;
    }
    const int code = QCoreApplication::exec();
    return code == 0 ? Success : Failure;
}

} // namespace cp::app::cli
