#include "cli.h"

#include "clicontext.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <functional>
#include <map>

namespace cp::app::cli {

namespace {

struct Command
{
    const char *usage;
    std::function<int(CliContext &)> run;
};

const std::map<QString, Command> &commands()
{
    static const std::map<QString, Command> table{
        {QStringLiteral("evaluate"),
         {"evaluate                  realise due predictions and close finished signals",
          runEvaluate}},
        {QStringLiteral("import"),
         {"import FILE... --format binance-klines|coingecko-market-chart|ohlcv-csv\n"
          "                          --symbol SYM [--name NAME] [--sector NAME]\n"
          "                          import market data (one transaction; re-imports upsert)",
          runImport}},
        {QStringLiteral("indicators"),
         {"indicators --input OHLCV.csv [--output OUT.csv]\n"
          "                          offline: OHLCV in, indicator columns out (no database)",
          runIndicators}},
        {QStringLiteral("init"),
         {"init                      create or migrate the schema", runInit}},
        {QStringLiteral("analyze"),
         {"analyze [--layers 1,2,3,4] [--no-predictions]\n"
          "                          run the engine, write the results in one transaction",
          runAnalyze}},
        {QStringLiteral("backtest"),
         {"backtest [--from DATE] [--to DATE]\n"
          "                          replay the signal model out of sample",
          runBacktest}},
        {QStringLiteral("demo"),
         {"demo [--assets N] [--days D] [--interval 1h|1d] [--seed S]\n"
          "                          write simulated market history",
          runDemo}},
        {QStringLiteral("refresh"),
         {"refresh [--coingecko-url U] [--binance-url U] [--fear-greed-url U] [--symbols P,...]\n"
          "                          fetch live market data once (CoinGecko, Binance, fear & "
          "greed)",
          runRefresh}},
        {QStringLiteral("serve"),
         {"serve [--host H] [--port P] [--tls-cert F --tls-key F] [--workers N]\n"
          "      [--refresh-minutes N] [--live-prices]\n"
          "                          serve the REST + WebSocket API (127.0.0.1:8000), optionally\n"
          "                          refreshing market data and streaming live prices",
          runServe}},
        {QStringLiteral("status"),
         {"status                    schema version and what the database holds", runStatus}},
        {QStringLiteral("user"),
         {"user add EMAIL --role admin|professional|casual --password-stdin\n"
          "                          add a user (argon2id password hash)",
          runUser}},
    };
    return table;
}

QString helpText()
{
    QString text = QStringLiteral(
        "Usage: cryptopredict-cli [--db URL] [--json] COMMAND [options]\n\n"
        "Global options:\n"
        "  --db URL     sqlite:///abs/path.db or postgresql://user@host:port/db\n"
        "               (default: env CRYPTOPREDICT_DB, else the local SQLite file)\n"
        "  --json       machine-readable output\n"
        "  --help       this text\n"
        "  --version    the program version\n\n"
        "Commands:\n");
    for (const auto &[name, command] : commands())
        text += QStringLiteral("  ") + QString::fromLatin1(command.usage) + QLatin1Char('\n');
    text += QStringLiteral("\nExit codes: 0 success, 1 failure, 2 bad usage.\n");
    return text;
}

} // namespace

int run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption dbOption(QStringLiteral("db"), QString(), QStringLiteral("url"));
    const QCommandLineOption jsonOption(QStringLiteral("json"));
    const QCommandLineOption helpOption(QStringList{QStringLiteral("help"), QStringLiteral("h")});
    const QCommandLineOption versionOption(QStringLiteral("version"));
    parser.addOptions({dbOption, jsonOption, helpOption, versionOption});

    CliContext bare({}, {}, false);
    if (!parser.parse(arguments))
        return bare.fail(parser.errorText(), BadUsage);
    if (parser.isSet(helpOption)) {
        bare.out() << helpText();
        return Success;
    }
    if (parser.isSet(versionOption)) {
        bare.out() << "cryptopredict-cli " << QCoreApplication::applicationVersion() << Qt::endl;
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return bare.fail(QStringLiteral("No command given; see cryptopredict-cli --help."),
                         BadUsage);
    const auto found = commands().find(positional.constFirst());
    if (found == commands().end()) {
        return bare.fail(QStringLiteral("Unknown command '%1'; see cryptopredict-cli --help.")
                             .arg(positional.constFirst()),
                         BadUsage);
    }
    // Global options may also follow the command name.
    QStringList rest;
    QString db = parser.value(dbOption);
    bool json = parser.isSet(jsonOption);
    const QStringList afterCommand = positional.mid(1);
    for (qsizetype i = 0; i < afterCommand.size(); ++i) {
        const QString &argument = afterCommand[i];
        if (argument == QLatin1String("--json")) {
            json = true;
        } else if (argument == QLatin1String("--db") && i + 1 < afterCommand.size()) {
            db = afterCommand[++i];
        } else if (argument.startsWith(QLatin1String("--db="))) {
            db = argument.mid(5);
        } else {
            rest.append(argument);
        }
    }
    CliContext context(rest, db, json);
    if (rest.contains(QLatin1String("--help")) || rest.contains(QLatin1String("-h"))) {
        context.out() << "Usage: cryptopredict-cli [--db URL] [--json] "
                      << QString::fromLatin1(found->second.usage) << Qt::endl;
        return Success;
    }
    return found->second.run(context);
}

} // namespace cp::app::cli
