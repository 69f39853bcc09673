#pragma once

#include <QLabel>
#include <QTimer>

namespace cp::app::marketdata {
class MarketDataService;
}

namespace cp::ui {

/**
 * The status bar's market-data indicator: each provider's state (ok / degraded / offline), the
 * last refresh and the next one, and "refreshing..." while a job runs; the reasons are in the
 * tooltip. Hidden while live data is off.
 */
class MarketStatusLabel : public QLabel
{
    Q_OBJECT

public:
    explicit MarketStatusLabel(app::marketdata::MarketDataService *service,
                               QWidget *parent = nullptr);

private:
    void reconnect();
    void update();

    app::marketdata::MarketDataService *m_service;
    QTimer m_clock;
};

} // namespace cp::ui
