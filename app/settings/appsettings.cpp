#include "appsettings.h"

#include <QCoreApplication>
#include <QSettings>
#include <QUrl>

namespace cp::app {

namespace {

template<typename T>
void read(const QSettings &settings, const QString &key, T &value)
{
    if (settings.contains(key))
        value = settings.value(key).value<T>();
}

// A password typed into a URL belongs in the keychain, never in the settings file.
QString withoutPassword(const QString &text)
{
    QUrl url(text);
    if (!url.isValid() || url.password().isEmpty())
        return text;
    url.setPassword(QString());
    return url.toString();
}

} // namespace

AppSettings AppSettings::load()
{
    const QSettings settings;
    AppSettings s;
    QString mode;
    read(settings, QStringLiteral("dataSource/mode"), mode);
    s.mode = mode == QLatin1String("peer") ? DataSourceMode::Peer : DataSourceMode::Database;
    read(settings, QStringLiteral("database/url"), s.database.url);

    read(settings, QStringLiteral("display/language"), s.display.language);
    QString calendar;
    read(settings, QStringLiteral("display/calendar"), calendar);
    s.display.calendar =
        calendar == QLatin1String("jalali") ? CalendarSystem::Jalali : CalendarSystem::Gregorian;
    // Before AppSettings the desktop kept the theme under appearance/theme.
    read(settings, QStringLiteral("appearance/theme"), s.display.theme);
    read(settings, QStringLiteral("display/theme"), s.display.theme);

    read(settings, QStringLiteral("providers/liveEnabled"), s.providers.liveEnabled);
    read(settings, QStringLiteral("providers/coinGeckoBaseUrl"), s.providers.coinGeckoBaseUrl);
    read(settings, QStringLiteral("providers/binanceRestBaseUrl"), s.providers.binanceRestBaseUrl);
    read(settings, QStringLiteral("providers/binanceStreamBaseUrl"),
         s.providers.binanceStreamBaseUrl);
    read(settings, QStringLiteral("providers/fearGreedBaseUrl"), s.providers.fearGreedBaseUrl);
    read(settings, QStringLiteral("providers/coinGeckoRequestsPerMinute"),
         s.providers.coinGeckoRequestsPerMinute);
    read(settings, QStringLiteral("providers/binanceSymbols"), s.providers.binanceSymbols);
    read(settings, QStringLiteral("providers/coinGeckoPlan"), s.providers.coinGeckoPlan);
    read(settings, QStringLiteral("providers/coinGeckoMarketCount"),
         s.providers.coinGeckoMarketCount);
    read(settings, QStringLiteral("providers/binanceKlineInterval"),
         s.providers.binanceKlineInterval);

    read(settings, QStringLiteral("schedule/marketRefreshMinutes"),
         s.schedule.marketRefreshMinutes);
    read(settings, QStringLiteral("schedule/analyzeAfterRefresh"), s.schedule.analyzeAfterRefresh);
    read(settings, QStringLiteral("schedule/evaluateMinutes"), s.schedule.evaluateMinutes);

    read(settings, QStringLiteral("serve/enabled"), s.serve.enabled);
    read(settings, QStringLiteral("serve/host"), s.serve.host);
    read(settings, QStringLiteral("serve/port"), s.serve.port);

    read(settings, QStringLiteral("peer/url"), s.peer.url);
    read(settings, QStringLiteral("peer/email"), s.peer.email);
    read(settings, QStringLiteral("firstRun/done"), s.firstRunDone);
    return s;
}

void AppSettings::save() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("dataSource/mode"), mode == DataSourceMode::Peer
                                                             ? QStringLiteral("peer")
                                                             : QStringLiteral("database"));
    settings.setValue(QStringLiteral("database/url"), withoutPassword(database.url));

    settings.setValue(QStringLiteral("display/language"), display.language);
    settings.setValue(QStringLiteral("display/calendar"), display.calendar == CalendarSystem::Jalali
                                                              ? QStringLiteral("jalali")
                                                              : QStringLiteral("gregorian"));
    settings.setValue(QStringLiteral("display/theme"), display.theme);

    settings.setValue(QStringLiteral("providers/liveEnabled"), providers.liveEnabled);
    settings.setValue(QStringLiteral("providers/coinGeckoBaseUrl"), providers.coinGeckoBaseUrl);
    settings.setValue(QStringLiteral("providers/binanceRestBaseUrl"), providers.binanceRestBaseUrl);
    settings.setValue(QStringLiteral("providers/binanceStreamBaseUrl"),
                      providers.binanceStreamBaseUrl);
    settings.setValue(QStringLiteral("providers/fearGreedBaseUrl"), providers.fearGreedBaseUrl);
    settings.setValue(QStringLiteral("providers/coinGeckoRequestsPerMinute"),
                      providers.coinGeckoRequestsPerMinute);
    settings.setValue(QStringLiteral("providers/binanceSymbols"), providers.binanceSymbols);
    settings.setValue(QStringLiteral("providers/coinGeckoPlan"), providers.coinGeckoPlan);
    settings.setValue(QStringLiteral("providers/coinGeckoMarketCount"),
                      providers.coinGeckoMarketCount);
    settings.setValue(QStringLiteral("providers/binanceKlineInterval"),
                      providers.binanceKlineInterval);

    settings.setValue(QStringLiteral("schedule/marketRefreshMinutes"),
                      schedule.marketRefreshMinutes);
    settings.setValue(QStringLiteral("schedule/analyzeAfterRefresh"), schedule.analyzeAfterRefresh);
    settings.setValue(QStringLiteral("schedule/evaluateMinutes"), schedule.evaluateMinutes);

    settings.setValue(QStringLiteral("serve/enabled"), serve.enabled);
    settings.setValue(QStringLiteral("serve/host"), serve.host);
    settings.setValue(QStringLiteral("serve/port"), serve.port);

    settings.setValue(QStringLiteral("peer/url"), withoutPassword(peer.url));
    settings.setValue(QStringLiteral("peer/email"), peer.email);
    settings.setValue(QStringLiteral("firstRun/done"), firstRunDone);
}

std::optional<QString> AppSettings::validate() const
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("cp::app::AppSettings", text);
    };
    if (display.theme != QLatin1String("light") && display.theme != QLatin1String("dark"))
        return tr("Theme must be light or dark.");
    const QList<std::pair<QString, QString>> urls = {
        {tr("CoinGecko address"), providers.coinGeckoBaseUrl},
        {tr("Binance REST address"), providers.binanceRestBaseUrl},
        {tr("Binance stream address"), providers.binanceStreamBaseUrl},
        {tr("Fear & Greed address"), providers.fearGreedBaseUrl}};
    for (const auto &[field, text] : urls) {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty())
            return tr("%1 must be a full address such as https://example.com (got '%2').")
                .arg(field, text);
    }
    if (providers.coinGeckoRequestsPerMinute < 1 || providers.coinGeckoRequestsPerMinute > 1000)
        return tr("CoinGecko requests per minute must be from 1 to 1000.");
    if (!QStringList{QStringLiteral("public"), QStringLiteral("demo"), QStringLiteral("pro")}
             .contains(providers.coinGeckoPlan))
        return tr("CoinGecko plan must be public, demo or pro.");
    if (providers.coinGeckoMarketCount < 1 || providers.coinGeckoMarketCount > 250)
        return tr("CoinGecko market count must be from 1 to 250.");
    if (providers.binanceKlineInterval.trimmed().isEmpty())
        return tr("Binance bar length must not be empty.");
    if (schedule.marketRefreshMinutes < 0 || schedule.marketRefreshMinutes > 24 * 60)
        return tr("Market refresh interval must be from 0 (off) to 1440 minutes.");
    if (schedule.evaluateMinutes < 1 || schedule.evaluateMinutes > 24 * 60)
        return tr("Evaluation interval must be from 1 to 1440 minutes.");
    if (serve.port < 1)
        return tr("Serve-to-peers port must be from 1 to 65535.");
    if (serve.host.trimmed().isEmpty())
        return tr("Serve-to-peers address must not be empty.");
    return std::nullopt;
}

} // namespace cp::app
