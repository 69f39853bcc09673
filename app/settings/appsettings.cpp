#include "appsettings.h"

#include <QSettings>

namespace cp::app {

namespace {

template<typename T>
void read(const QSettings &settings, const QString &key, T &value)
{
    if (settings.contains(key))
        value = settings.value(key).value<T>();
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
    settings.setValue(QStringLiteral("database/url"), database.url);

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

    settings.setValue(QStringLiteral("schedule/marketRefreshMinutes"),
                      schedule.marketRefreshMinutes);
    settings.setValue(QStringLiteral("schedule/analyzeAfterRefresh"), schedule.analyzeAfterRefresh);
    settings.setValue(QStringLiteral("schedule/evaluateMinutes"), schedule.evaluateMinutes);

    settings.setValue(QStringLiteral("serve/enabled"), serve.enabled);
    settings.setValue(QStringLiteral("serve/host"), serve.host);
    settings.setValue(QStringLiteral("serve/port"), serve.port);

    settings.setValue(QStringLiteral("peer/url"), peer.url);
    settings.setValue(QStringLiteral("peer/email"), peer.email);
    settings.setValue(QStringLiteral("firstRun/done"), firstRunDone);
}

} // namespace cp::app
