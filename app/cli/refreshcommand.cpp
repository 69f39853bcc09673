#include "clicontext.h"
#include "commandparser.h"

#include <app/analysispipeline.h>
#include <app/marketdata/apikeyprovider.h>
#include <app/marketdata/marketrefresher.h>
#include <app/marketdata/providerstatus.h>
#include <app/settings/appsettings.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cp::app::cli {

namespace {

QCommandLineOption valueOption(const char *name, const char *description, const char *value)
{
    return {QString::fromLatin1(name), QString::fromLatin1(description),
            QString::fromLatin1(value)};
}

} // namespace

int runRefresh(CliContext &context)
{
    CommandParser command(QStringLiteral("refresh"));
    command.addOption(valueOption("coingecko-url", "CoinGecko API base URL.", "url"));
    command.addOption(valueOption("binance-url", "Binance REST base URL.", "url"));
    command.addOption(valueOption("fear-greed-url", "alternative.me base URL.", "url"));
    command.addOption(
        valueOption("symbols", "Binance pairs, comma-separated (BTCUSDT,...).", "pairs"));
    command.addOption(valueOption("interval", "Binance bar length (1m, 1h, 1d, ...).", "interval"));
    command.addOption(valueOption("markets", "Coins from /coins/markets (1-250).", "n"));
    command.addOption(valueOption("backfill-assets", "Assets topped up from market_chart.", "n"));
    command.addOption(valueOption("backfill-days", "How far a backfill reaches.", "days"));
    command.addOption(valueOption("retries", "Retries per request (429, 5xx, timeouts).", "n"));
    command.addOption(valueOption("timeout", "Per-request timeout in milliseconds.", "ms"));
    command.addOption(valueOption("requests-per-minute",
                                  "CoinGecko request budget (0 = no limit; default from settings).",
                                  "n"));
    command.addOption({QStringLiteral("no-coingecko"), QStringLiteral("Skip CoinGecko.")});
    command.addOption({QStringLiteral("no-binance"), QStringLiteral("Skip Binance.")});
    command.addOption({QStringLiteral("no-fear-greed"), QStringLiteral("Skip alternative.me.")});
    command.addOption({QStringLiteral("analyze"), QStringLiteral("Run the analysis afterwards.")});
    if (!command.parse(context, context.arguments()))
        return BadUsage;
    const QCommandLineParser &parser = command.parser();
    if (!parser.positionalArguments().isEmpty())
        return context.fail(QStringLiteral("refresh takes no positional arguments."), BadUsage);

    marketdata::RefreshOptions options =
        marketdata::RefreshOptions::fromSettings(AppSettings::load().providers);
    const auto text = [&](const char *name, QString &target) {
        if (parser.isSet(QString::fromLatin1(name)))
            target = parser.value(QString::fromLatin1(name));
    };
    text("coingecko-url", options.coinGeckoBaseUrl);
    text("binance-url", options.binanceRestBaseUrl);
    text("fear-greed-url", options.fearGreedBaseUrl);
    text("interval", options.klineInterval);
    if (parser.isSet(QStringLiteral("symbols")))
        options.binanceSymbols = parser.value(QStringLiteral("symbols"))
                                     .toUpper()
                                     .split(QLatin1Char(','), Qt::SkipEmptyParts);
    const auto markets =
        command.integer(context, QStringLiteral("markets"), options.marketCount, 1, 250);
    const auto assets = command.integer(context, QStringLiteral("backfill-assets"),
                                        options.backfillAssetsPerRun, 0, 250);
    const auto days =
        command.integer(context, QStringLiteral("backfill-days"), options.backfillDays, 1, 3650);
    const auto retries =
        command.integer(context, QStringLiteral("retries"), options.http.backoff.maxRetries, 0, 20);
    const auto timeout =
        command.integer(context, QStringLiteral("timeout"), options.http.timeoutMs, 100, 600000);
    const auto rate = command.integer(context, QStringLiteral("requests-per-minute"),
                                      options.coinGeckoRequestsPerMinute, 0, 10000);
    if (!markets || !assets || !days || !retries || !timeout || !rate)
        return BadUsage;
    options.coinGeckoRequestsPerMinute = int(*rate);
    options.marketCount = int(*markets);
    options.backfillAssetsPerRun = int(*assets);
    options.backfillDays = int(*days);
    options.http.backoff.maxRetries = int(*retries);
    options.http.timeoutMs = int(*timeout);
    options.coinGecko = !parser.isSet(QStringLiteral("no-coingecko"));
    options.binance = !parser.isSet(QStringLiteral("no-binance"));
    options.fearGreed = !parser.isSet(QStringLiteral("no-fear-greed"));

    const QSqlDatabase db = context.openDatabase();
    if (!db.isValid())
        return context.openFailureCode();
    // The command line has no keychain session: the key comes from the environment.
    const marketdata::FunctionApiKeyProvider keys([](const QString &provider) {
        return provider == QLatin1String("coingecko")
                   ? qEnvironmentVariable("CRYPTOPREDICT_COINGECKO_API_KEY")
                   : QString();
    });
    marketdata::ProviderStatusBoard status;
    marketdata::MarketRefresher refresher(db, options, &keys, &status);
    const Result<marketdata::RefreshReport> report = refresher.run();
    if (!report)
        return context.fail(report.error());
    QString analysisNote;
    if (parser.isSet(QStringLiteral("analyze")) && report->anyData()) {
        const Result<AnalysisReport> analysis = AnalysisPipeline(db).run(AnalysisOptions{});
        if (!analysis)
            return context.fail(QStringLiteral("The refresh worked, but the analysis failed: %1")
                                    .arg(analysis.error()));
        analysisNote = QStringLiteral("done");
    }
    bool anyOk = false;
    QJsonArray providers;
    for (const marketdata::ProviderStatus &s : status.all()) {
        anyOk = anyOk || s.state == marketdata::ProviderStatus::State::Ok;
        providers.append(s.toJson());
    }
    if (context.json()) {
        QJsonObject out = report->toJson();
        out.insert(QStringLiteral("providers"), providers);
        if (!analysisNote.isEmpty())
            out.insert(QStringLiteral("analysis"), analysisNote);
        context.out() << QJsonDocument(out).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        context.out() << "Assets updated:   " << report->assetsUpdated << "\n"
                      << "Dominance rows:   " << report->dominanceRows << "\n"
                      << "Sector rows:      " << report->sectorRows << "\n"
                      << "Bars (CoinGecko): " << report->backfilledBars << "\n"
                      << "Bars (Binance):   " << report->binanceBars << "\n"
                      << "Fear & greed:     " << report->sentimentRows << "\n";
        for (const marketdata::ProviderStatus &s : status.all())
            context.out() << "  " << s.provider << ": "
                          << marketdata::ProviderStatus::stateName(s.state)
                          << (s.reason.isEmpty()
                                  ? QString()
                                  : QStringLiteral(" (") + s.reason + QLatin1Char(')'))
                          << "\n";
        context.out().flush();
    }
    // Partial data is still a refresh; nothing at all from any provider is a failure.
    if (!anyOk && !report->problems.isEmpty())
        return context.fail(QStringLiteral("No provider could be refreshed: %1")
                                .arg(report->problems.constFirst()));
    return Success;
}

} // namespace cp::app::cli
