#include "marketstatuslabel.h"

#include <app/marketdata/livefeed.h>
#include <app/marketdata/marketdataservice.h>
#include <app/marketdata/marketscheduler.h>
#include <models/views/valueformat.h>

#include <QLocale>

namespace cp::ui {

namespace {

using app::marketdata::ProviderStatus;

QString stateText(ProviderStatus::State state)
{
    switch (state) {
    case ProviderStatus::State::Ok:
        return MarketStatusLabel::tr("ok");
    case ProviderStatus::State::Degraded:
        return MarketStatusLabel::tr("degraded");
    case ProviderStatus::State::Offline:
        return MarketStatusLabel::tr("offline");
    case ProviderStatus::State::Unknown:
        break;
    }
    return MarketStatusLabel::tr("waiting");
}

QString clock(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime().time(), QLocale::ShortFormat);
}

} // namespace

MarketStatusLabel::MarketStatusLabel(app::marketdata::MarketDataService *service, QWidget *parent)
    : QLabel(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("marketStatus"));
    setAccessibleName(tr("Market data"));
    connect(&service->status(), &app::marketdata::ProviderStatusBoard::statusChanged, this,
            &MarketStatusLabel::update);
    connect(service, &app::marketdata::MarketDataService::configurationChanged, this,
            &MarketStatusLabel::reconnect);
    // "next at" moves only when a job starts; the clock keeps "running" states honest.
    m_clock.setInterval(30000);
    connect(&m_clock, &QTimer::timeout, this, &MarketStatusLabel::update);
    m_clock.start();
    reconnect();
}

void MarketStatusLabel::reconnect()
{
    if (app::marketdata::MarketScheduler *scheduler = m_service->scheduler())
        connect(scheduler, &app::marketdata::MarketScheduler::stateChanged, this,
                &MarketStatusLabel::update, Qt::UniqueConnection);
    update();
}

void MarketStatusLabel::update()
{
    const app::marketdata::MarketScheduler *scheduler = m_service->scheduler();
    const bool active = scheduler || m_service->liveFeed();
    setVisible(active);
    if (!active)
        return;
    QStringList parts;
    QStringList reasons;
    bool trouble = false;
    for (const ProviderStatus &s : m_service->status().all()) {
        parts << QStringLiteral("%1 %2").arg(s.provider, stateText(s.state));
        trouble = trouble || s.state == ProviderStatus::State::Offline ||
                  s.state == ProviderStatus::State::Degraded;
        QString line = QStringLiteral("%1: %2").arg(s.provider, stateText(s.state));
        if (!s.reason.isEmpty())
            line += QStringLiteral(" - ") + s.reason;
        if (s.lastSuccess.isValid())
            line += tr(" (last success %1)").arg(models::views::formatDateTime(s.lastSuccess));
        reasons << line;
    }
    if (parts.isEmpty())
        parts << tr("waiting for the first refresh");
    if (scheduler) {
        if (scheduler->isRunning())
            parts << tr("refreshing...");
        else if (scheduler->lastRefresh().isValid())
            parts << tr("last %1").arg(clock(scheduler->lastRefresh()));
        if (scheduler->nextRefresh().isValid())
            parts << tr("next %1").arg(clock(scheduler->nextRefresh()));
        if (!scheduler->lastMessage().isEmpty())
            reasons << scheduler->lastMessage();
    }
    setText(tr("Market data: %1").arg(parts.join(QStringLiteral(" | "))));
    setToolTip(reasons.join(QLatin1Char('\n')));
    // Colour is a second cue; the words already say degraded/offline.
    setStyleSheet(trouble ? QStringLiteral("QLabel { color: #B9770E; }") : QString());
}

} // namespace cp::ui
