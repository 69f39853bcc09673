#include "watchlistspage.h"

#include "tableviews.h"

#include <ui/charts/pricechart.h>
#include <ui/charts/timeserieschart.h>
#include <ui/delegates/confidencedelegate.h>
#include <ui/delegates/riskdelegate.h>
#include <ui/delegates/trenddelegate.h>

#include <engine/indicators.h>
#include <models/changebus.h>
#include <models/views/reviewqueries.h>
#include <models/views/signalqueries.h>
#include <models/views/snapshottablemodel.h>
#include <models/watchlistservice.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace cp::ui {

using namespace models::views;

WatchlistsPage::WatchlistsPage(const ViewContext &context, QWidget *parent)
    : Page(context, parent)
{
    setObjectName(QStringLiteral("watchlistsPage"));
    m_lists = new SnapshotTableModel(
        {{QStringLiteral("name"), tr("Watchlist"), ColumnFormat::Text},
         {QStringLiteral("type"), tr("Type"), ColumnFormat::Label},
         {QStringLiteral("current_items"), tr("Items"), ColumnFormat::Integer},
         {QStringLiteral("max_items"), tr("Limit"), ColumnFormat::Integer}},
        this);
    m_items = new SnapshotTableModel(
        {{QStringLiteral("tier"), tr("Tier"), ColumnFormat::Label},
         {QStringLiteral("symbol"), tr("Asset"), ColumnFormat::Text},
         {QStringLiteral("name"), tr("Name"), ColumnFormat::Text},
         {QStringLiteral("current_price"), tr("Price"), ColumnFormat::Price},
         {QStringLiteral("performance_24h"), tr("24h"), ColumnFormat::Percent},
         {QStringLiteral("ai_confidence"), tr("AI confidence"), ColumnFormat::Fraction},
         {QStringLiteral("risk_level"), tr("Risk"), ColumnFormat::Label},
         {QStringLiteral("market_cap"), tr("Market cap"), ColumnFormat::Money},
         {QStringLiteral("priority_order"), tr("Priority"), ColumnFormat::Integer}},
        this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    auto *split = new QSplitter(Qt::Horizontal);
    split->setObjectName(QStringLiteral("watchlistsSplitter"));
    m_listView = TableViews::create(QStringLiteral("watchlistTable"), m_lists);
    m_listView->setSortingEnabled(false);
    connect(m_listView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &WatchlistsPage::loadItems);

    auto *middle = new QWidget;
    auto *column = new QVBoxLayout(middle);
    column->setContentsMargins(0, 0, 0, 0);
    m_itemsTitle = new QLabel;
    m_itemsTitle->setProperty("role", QStringLiteral("heading"));
    m_itemView = TableViews::create(QStringLiteral("watchlistItemsTable"), m_items);
    // Items stay in tier and priority order: that order is what reordering changes.
    m_itemView->setSortingEnabled(false);
    m_itemView->setItemDelegateForColumn(4, new TrendDelegate(m_itemView));
    m_itemView->setItemDelegateForColumn(5, new ConfidenceDelegate(m_itemView));
    m_itemView->setItemDelegateForColumn(6, new RiskDelegate(m_itemView));
    connect(m_itemView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &WatchlistsPage::showAsset);
    column->addWidget(m_itemsTitle);
    column->addWidget(m_itemView, 1);
    column->addWidget(buildAdminBar());

    auto *left = new QSplitter(Qt::Vertical);
    left->setObjectName(QStringLiteral("watchlistsLeftSplitter"));
    left->addWidget(m_listView);
    left->addWidget(middle);
    left->setSizes({160, 600});
    split->addWidget(left);
    split->addWidget(buildCharts());
    split->setSizes({620, 660});
    layout->addWidget(split, 1);
    addMessageLine();
}

QWidget *WatchlistsPage::buildAdminBar()
{
    m_adminBar = new QWidget;
    m_adminBar->setObjectName(QStringLiteral("watchlistAdminBar"));
    auto *row = new QHBoxLayout(m_adminBar);
    row->setContentsMargins(0, 4, 0, 0);
    m_addAsset = new QComboBox;
    m_addAsset->setObjectName(QStringLiteral("addAssetCombo"));
    m_addAsset->setMinimumContentsLength(14);
    m_addTier = new QComboBox;
    m_addTier->setObjectName(QStringLiteral("addTierCombo"));
    m_addTier->addItem(tr("Tier 1"), QStringLiteral("tier1"));
    m_addTier->addItem(tr("Tier 2"), QStringLiteral("tier2"));
    auto *add = new QPushButton(tr("&Add"));
    add->setObjectName(QStringLiteral("addItemButton"));
    auto *remove = new QPushButton(tr("&Remove"));
    remove->setObjectName(QStringLiteral("removeItemButton"));
    auto *up = new QPushButton(tr("Move &up"));
    up->setObjectName(QStringLiteral("moveUpButton"));
    auto *down = new QPushButton(tr("Move do&wn"));
    down->setObjectName(QStringLiteral("moveDownButton"));
    row->addWidget(m_addAsset, 1);
    row->addWidget(m_addTier);
    row->addWidget(add);
    row->addSpacing(12);
    row->addWidget(remove);
    row->addWidget(up);
    row->addWidget(down);
    connect(add, &QPushButton::clicked, this, [this] { addSelectedAsset(); });
    connect(remove, &QPushButton::clicked, this, [this] { removeSelectedItem(); });
    connect(up, &QPushButton::clicked, this, [this] { moveSelectedItem(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveSelectedItem(1); });
    // Casual and professional users see the lists; only admins change them. A peer's lists
    // are read-only here for now (peer mode has no watchlist actions yet).
    if (!context().session.isAdmin() || context().actions) {
        m_adminBar->hide();
        m_adminBar->setEnabled(false);
    }
    return m_adminBar;
}

QWidget *WatchlistsPage::buildCharts()
{
    auto *split = new QSplitter(Qt::Vertical);
    split->setObjectName(QStringLiteral("watchlistChartSplitter"));
    m_price = new charts::PriceChart;
    m_price->setObjectName(QStringLiteral("watchlistPriceChart"));
    m_price->setStyle(charts::PriceChart::Style::Candles);
    m_price->setOverlays(true, true);
    m_price->setPlaceholder(tr("Select an asset to see its chart"));
    m_rsi = new charts::TimeSeriesChart;
    m_rsi->setObjectName(QStringLiteral("rsiChart"));
    m_rsi->setTitle(tr("RSI (14)"));
    m_rsi->setValueFormat(QStringLiteral("%.0f"));
    m_rsi->setMinimumHeight(120);
    m_macd = new charts::TimeSeriesChart;
    m_macd->setObjectName(QStringLiteral("macdChart"));
    m_macd->setTitle(tr("MACD (12, 26, 9)"));
    m_macd->setMinimumHeight(120);
    split->addWidget(m_price);
    split->addWidget(m_rsi);
    split->addWidget(m_macd);
    split->setSizes({460, 150, 150});
    return split;
}

QStringList WatchlistsPage::watchedTables() const
{
    return {QStringLiteral("watchlists"), QStringLiteral("watchlist_items"),
            QStringLiteral("cryptocurrencies"), QStringLiteral("ai_suggestions"),
            QStringLiteral("trading_signals")};
}

void WatchlistsPage::reload()
{
    const int userId = context().session.userId;
    load<SnapshotTable>(
        QStringLiteral("lists"), [userId](QSqlDatabase db) { return loadWatchlists(db, userId); },
        [this](const SnapshotTable &t) { showLists(t); });
    loadItems();
}

int WatchlistsPage::currentWatchlist() const
{
    return int(TableViews::currentId(m_listView));
}

void WatchlistsPage::showLists(const SnapshotTable &table)
{
    const qint64 current = TableViews::currentId(m_listView);
    m_lists->setSnapshot(table);
    if (!TableViews::selectId(m_listView, current) && m_lists->rowCount() > 0 &&
        !m_listView->currentIndex().isValid())
        m_listView->selectRow(0);
    if (m_lists->rowCount() == 0)
        m_itemsTitle->setText(
            tr("No watchlists yet: approving a suggestion creates the tier lists."));
}

void WatchlistsPage::loadItems()
{
    const int list = currentWatchlist();
    if (list <= 0)
        return;
    const int row = m_lists->rowOfId(list);
    m_itemsTitle->setText(m_lists->fieldValue(row, QStringLiteral("name")).toString());
    load<SnapshotTable>(
        QStringLiteral("items"), [list](QSqlDatabase db) { return loadWatchlistItems(db, list); },
        [this](const SnapshotTable &t) { showItems(t); });
    if (context().session.isAdmin()) {
        load<SnapshotTable>(
            QStringLiteral("addable"),
            [list](QSqlDatabase db) { return loadAddableAssets(db, list); },
            [this](const SnapshotTable &t) {
                const int keep = m_addAsset->currentData().toInt();
                m_addAsset->clear();
                for (int r = 0; r < t.rowCount(); ++r)
                    m_addAsset->addItem(QStringLiteral("%1 - %2").arg(
                                            t.value(r, QStringLiteral("symbol")).toString(),
                                            t.value(r, QStringLiteral("name")).toString()),
                                        t.value(r, QStringLiteral("id")));
                m_addAsset->setCurrentIndex(std::max(0, m_addAsset->findData(keep)));
            });
    }
}

void WatchlistsPage::showItems(const SnapshotTable &table)
{
    const qint64 current = TableViews::currentId(m_itemView);
    m_items->setSnapshot(table);
    if (!TableViews::selectId(m_itemView, current) && m_items->rowCount() > 0)
        m_itemView->selectRow(0);
    if (m_items->rowCount() == 0) {
        m_chartedAsset = 0;
        showCandles({}, QString());
    }
}

void WatchlistsPage::showAsset()
{
    const QModelIndex index = m_itemView->currentIndex();
    if (!index.isValid())
        return;
    const int cryptoId = m_items->fieldValue(index.row(), QStringLiteral("crypto_id")).toInt();
    if (cryptoId == m_chartedAsset)
        return;
    m_chartedAsset = cryptoId;
    const QString symbol = m_items->fieldValue(index.row(), QStringLiteral("symbol")).toString();
    load<std::vector<engine::Candle>>(
        QStringLiteral("candles"),
        [cryptoId](QSqlDatabase db) { return loadCandles(db, cryptoId, 180); },
        [this, symbol](const std::vector<engine::Candle> &c) { showCandles(c, symbol); });
}

void WatchlistsPage::showCandles(const std::vector<engine::Candle> &candles, const QString &symbol)
{
    m_price->setCandles(candles, symbol);
    std::vector<double> closes;
    for (const engine::Candle &c : candles)
        closes.push_back(c.close);
    const size_t n = closes.size();
    std::vector<double> rsi(n), macd(n), signal(n), histogram(n);
    charts::TimeSeries rsiLine{tr("RSI"), {}};
    charts::TimeSeries macdLine{tr("MACD"), {}};
    //: Chart series: the MACD signal line
    charts::TimeSeries signalLine{tr("Signal"), {}};
    const bool haveRsi = n > 0 && engine::rsi(closes, rsi, 14);
    const bool haveMacd = n > 0 && engine::macd(closes, {macd, signal, histogram});
    for (size_t i = 0; i < n; ++i) {
        const double x = double(candles[i].time) * 1000.0;
        if (haveRsi && std::isfinite(rsi[i]))
            rsiLine.points.append({x, rsi[i]});
        if (haveMacd && std::isfinite(macd[i]))
            macdLine.points.append({x, macd[i]});
        if (haveMacd && std::isfinite(signal[i]))
            signalLine.points.append({x, signal[i]});
    }
    // Indicator panes share the price chart's time axis (half a bar either side, as it has).
    const qint64 halfBar = n > 1 ? (candles[1].time - candles[0].time) * 500 : 0;
    for (charts::TimeSeriesChart *pane : {m_rsi, m_macd})
        pane->setTimeRange(n ? candles.front().time * 1000 - halfBar : 0,
                           n ? candles.back().time * 1000 + halfBar : 0);
    m_rsi->setSeries({rsiLine});
    m_macd->setSeries({macdLine, signalLine});
}

QString WatchlistsPage::finishWrite(const QString &error, const QString &done)
{
    if (error.isEmpty())
        showNotice(done);
    else
        showError(error);
    refresh();
    return error;
}

QString WatchlistsPage::addSelectedAsset()
{
    if (context().actions)
        return finishWrite(tr("A peer's watchlists cannot be edited from this desktop yet."), {});
    if (!context().session.isAdmin())
        return tr("Only an admin can change watchlists.");
    const int list = currentWatchlist();
    const int cryptoId = m_addAsset->currentData().toInt();
    if (list <= 0 || cryptoId <= 0)
        return tr("Choose a watchlist and an asset first.");
    QSqlDatabase db = guiDatabase();
    models::WatchlistService service(db);
    const Result<int> added =
        service.addItem(list, cryptoId, m_addTier->currentData().toString(), m_items->rowCount());
    if (added)
        models::ChangeBus::instance().publish(db, service.changes());
    return finishWrite(added ? QString() : added.error(),
                       tr("%1 added.").arg(m_addAsset->currentText()));
}

QString WatchlistsPage::removeSelectedItem()
{
    if (context().actions)
        return finishWrite(tr("A peer's watchlists cannot be edited from this desktop yet."), {});
    const int list = currentWatchlist();
    const qint64 item = TableViews::currentId(m_itemView);
    if (!context().session.isAdmin())
        return tr("Only an admin can change watchlists.");
    if (list <= 0 || item <= 0)
        return tr("Select an item first.");
    QSqlDatabase db = guiDatabase();
    models::WatchlistService service(db);
    const Status removed = service.removeItem(list, int(item));
    if (removed)
        models::ChangeBus::instance().publish(db, service.changes());
    return finishWrite(removed ? QString() : removed.error(), tr("Item removed."));
}

QString WatchlistsPage::moveSelectedItem(int offset)
{
    if (context().actions)
        return finishWrite(tr("A peer's watchlists cannot be edited from this desktop yet."), {});
    const int list = currentWatchlist();
    const int row = m_itemView->currentIndex().row();
    if (!context().session.isAdmin())
        return tr("Only an admin can change watchlists.");
    if (list <= 0 || row < 0)
        return tr("Select an item first.");
    const int target = row + offset;
    if (target < 0 || target >= m_items->rowCount())
        return {};
    QList<int> order;
    for (int r = 0; r < m_items->rowCount(); ++r)
        order.append(int(m_items->rowId(r)));
    order.swapItemsAt(row, target);
    QSqlDatabase db = guiDatabase();
    models::WatchlistService service(db);
    const Status moved = service.reorder(list, order);
    if (moved)
        models::ChangeBus::instance().publish(db, service.changes());
    return finishWrite(moved ? QString() : moved.error(), tr("Order saved."));
}

} // namespace cp::ui
