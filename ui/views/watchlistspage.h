#pragma once

#include "page.h"

#include <engine/candle.h>
#include <models/views/snapshottable.h>

#include <vector>

class QComboBox;
class QPushButton;
class QTableView;
class QLabel;

namespace cp::models::views {
class SnapshotTableModel;
}

namespace cp::ui {

namespace charts {
class PriceChart;
class TimeSeriesChart;
} // namespace charts

/**
 * Watchlists (layer 3): the lists the user may open and their items by tier with price, 24h
 * performance, AI confidence and risk; a candlestick chart of the selected asset with EMA and
 * Bollinger overlays and RSI / MACD panes. Admins add, remove and reorder items through
 * WatchlistService (one transaction each, tier limits enforced with a clear message).
 */
class WatchlistsPage : public Page
{
    Q_OBJECT

public:
    explicit WatchlistsPage(const ViewContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("Watchlists"); }
    QStringList watchedTables() const override;

    //! Admin actions; each returns the service's error sentence, empty on success.
    QString addSelectedAsset();
    QString removeSelectedItem();
    QString moveSelectedItem(int offset);

protected:
    void reload() override;

private:
    QWidget *buildAdminBar();
    QWidget *buildCharts();
    void showLists(const models::views::SnapshotTable &table);
    void loadItems();
    void showItems(const models::views::SnapshotTable &table);
    void showAsset();
    void showCandles(const std::vector<engine::Candle> &candles, const QString &symbol);
    int currentWatchlist() const;
    QString finishWrite(const QString &error, const QString &done);

    models::views::SnapshotTableModel *m_lists = nullptr;
    models::views::SnapshotTableModel *m_items = nullptr;
    QTableView *m_listView = nullptr;
    QTableView *m_itemView = nullptr;
    QWidget *m_adminBar = nullptr;
    QComboBox *m_addAsset = nullptr;
    QComboBox *m_addTier = nullptr;
    QLabel *m_itemsTitle = nullptr;
    charts::PriceChart *m_price = nullptr;
    charts::TimeSeriesChart *m_rsi = nullptr;
    charts::TimeSeriesChart *m_macd = nullptr;
    int m_chartedAsset = 0;
};

} // namespace cp::ui
