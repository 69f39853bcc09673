#pragma once

#include "page.h"

#include <models/views/markethistory.h>
#include <models/views/overviewsnapshot.h>

#include <array>

class QLabel;
class QVBoxLayout;

namespace cp::ui {

class FearGreedGauge;
class LayerCardWidget;
namespace charts {
class TimeSeriesChart;
}

/**
 * Home: the four layer cards (the seed's layer overview) and the market overview: regime with
 * confidence and drivers, the fear & greed gauge, dominance and total market cap over time with
 * the regime periods shaded.
 */
class HomePage : public Page
{
    Q_OBJECT

public:
    explicit HomePage(const ViewContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("Home"); }
    QStringList watchedTables() const override;
    void noteChange(const QString &table) override;
    //! Puts a widget (the database summary) at the bottom of the page.
    void setFooter(QWidget *footer);

Q_SIGNALS:
    //! A layer card was activated: open that layer's page (1 macro .. 4 timing).
    void layerActivated(int layer);

protected:
    void reload() override;

private:
    void showOverview(const models::views::OverviewSnapshot &snapshot);
    void showHistory(const models::views::MarketHistory &history);
    QWidget *buildRegimePanel();
    QWidget *buildDominancePanel();

    std::array<LayerCardWidget *, 4> m_cards{};
    QLabel *m_regime = nullptr;
    QLabel *m_regimeDetails = nullptr;
    QLabel *m_drivers = nullptr;
    QLabel *m_dominanceNow = nullptr;
    FearGreedGauge *m_gauge = nullptr;
    charts::TimeSeriesChart *m_dominanceChart = nullptr;
    charts::TimeSeriesChart *m_marketCapChart = nullptr;
    QVBoxLayout *m_layout = nullptr;
    bool m_historyStale = true;
};

} // namespace cp::ui
