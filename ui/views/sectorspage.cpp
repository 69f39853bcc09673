#include "sectorspage.h"

#include "tableviews.h"

#include <ui/charts/barchart.h>
#include <ui/charts/piechart.h>
#include <ui/charts/timeserieschart.h>
#include <ui/delegates/colorswatchdelegate.h>
#include <ui/delegates/trenddelegate.h>

#include <models/sqltimestamp.h>
#include <models/views/snapshottablemodel.h>

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cp::ui {

using namespace models::views;

SectorsPage::SectorsPage(const ViewContext &context, QWidget *parent)
    : Page(context, parent)
{
    setObjectName(QStringLiteral("sectorsPage"));
    m_sectors = new SnapshotTableModel(
        {{QStringLiteral("color_code"), QString(), ColumnFormat::Color},
         {QStringLiteral("name"), tr("Sector"), ColumnFormat::Text},
         {QStringLiteral("momentum_score"), tr("Momentum"), ColumnFormat::Number},
         {QStringLiteral("performance_24h"), tr("24h"), ColumnFormat::Percent},
         {QStringLiteral("performance_7d"), tr("7d"), ColumnFormat::Percent},
         {QStringLiteral("performance_30d"), tr("30d"), ColumnFormat::Percent},
         {QStringLiteral("dominance_percentage"), tr("Dominance %"), ColumnFormat::Number},
         {QStringLiteral("total_market_cap"), tr("Market cap"), ColumnFormat::Money},
         {QStringLiteral("total_volume"), tr("Volume"), ColumnFormat::Money},
         {QStringLiteral("analysis_time"), tr("As of"), ColumnFormat::DateTime}},
        this);
    m_sectors->setIdField(QStringLiteral("sector_id"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    auto *vertical = new QSplitter(Qt::Vertical);
    vertical->setObjectName(QStringLiteral("sectorsVerticalSplitter"));
    auto *top = new QSplitter(Qt::Horizontal);
    top->setObjectName(QStringLiteral("sectorsTopSplitter"));

    m_sectorView =
        TableViews::create(QStringLiteral("sectorTable"), TableViews::sortable(m_sectors, this));
    m_sectorView->setAccessibleName(tr("Sector performance"));
    m_sectorView->setItemDelegateForColumn(0, new ColorSwatchDelegate(m_sectorView));
    auto *trend = new TrendDelegate(m_sectorView);
    for (int c = 3; c <= 5; ++c)
        m_sectorView->setItemDelegateForColumn(c, trend);
    m_sectorView->horizontalHeader()->resizeSection(0, 28);
    m_sectorView->sortByColumn(2, Qt::DescendingOrder);
    connect(m_sectorView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_selectedSector = current.data(SnapshotTableModel::RowIdRole).toInt();
                loadSelected();
            });

    m_bars = new charts::BarChart;
    m_bars->setObjectName(QStringLiteral("sectorBarChart"));
    m_bars->setTitle(tr("Performance by sector"));
    top->addWidget(m_sectorView);
    top->addWidget(buildRotationPanel());
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 1);
    top->setSizes({900, 380});

    auto *bottom = new QSplitter(Qt::Horizontal);
    bottom->setObjectName(QStringLiteral("sectorsBottomSplitter"));
    bottom->addWidget(m_bars);
    bottom->addWidget(buildDetail());
    bottom->setSizes({640, 640});

    vertical->addWidget(top);
    vertical->addWidget(bottom);
    vertical->setSizes({420, 420});
    layout->addWidget(vertical);
    addMessageLine();
}

QWidget *SectorsPage::buildRotationPanel()
{
    auto *panel = new QFrame;
    panel->setObjectName(QStringLiteral("rotationPanel"));
    panel->setProperty("card", true);
    auto *layout = new QVBoxLayout(panel);
    auto *title = new QLabel(tr("Sector rotation"));
    title->setProperty("role", QStringLiteral("heading"));
    auto *form = new QFormLayout;
    m_leading = new QLabel(tr("none"));
    m_leading->setObjectName(QStringLiteral("leadingSectors"));
    m_declining = new QLabel(tr("none"));
    m_declining->setObjectName(QStringLiteral("decliningSectors"));
    m_probability = new QLabel(QStringLiteral("-"));
    m_probability->setObjectName(QStringLiteral("rotationProbability"));
    for (QLabel *label : {m_leading, m_declining})
        label->setWordWrap(true);
    form->addRow(tr("Leading:"), m_leading);
    form->addRow(tr("Declining:"), m_declining);
    form->addRow(tr("Rotation probability:"), m_probability);
    m_allocation = new charts::PieChart;
    m_allocation->setObjectName(QStringLiteral("allocationChart"));
    m_allocation->setTitle(tr("Recommended allocation"));
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addWidget(m_allocation, 1);
    return panel;
}

QWidget *SectorsPage::buildDetail()
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 6, 0, 0);
    m_detailTitle = new QLabel(tr("Select a sector to see its history and members"));
    m_detailTitle->setObjectName(QStringLiteral("sectorDetailTitle"));
    m_detailTitle->setProperty("role", QStringLiteral("heading"));
    auto *tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("sectorDetailTabs"));

    m_members = new SnapshotTableModel(
        {{QStringLiteral("symbol"), tr("Symbol"), ColumnFormat::Text},
         {QStringLiteral("name"), tr("Name"), ColumnFormat::Text},
         {QStringLiteral("current_price"), tr("Price"), ColumnFormat::Price},
         {QStringLiteral("performance_24h"), tr("24h"), ColumnFormat::Percent},
         {QStringLiteral("market_cap"), tr("Market cap"), ColumnFormat::Money},
         {QStringLiteral("total_volume"), tr("Volume 24h"), ColumnFormat::Money},
         {QStringLiteral("watchlist_tier"), tr("Tier"), ColumnFormat::Label}},
        this);
    QTableView *members = TableViews::create(QStringLiteral("sectorMembersTable"),
                                             TableViews::sortable(m_members, this));
    members->setItemDelegateForColumn(3, new TrendDelegate(members));

    auto *history = new QSplitter(Qt::Horizontal);
    history->setObjectName(QStringLiteral("sectorHistorySplitter"));
    m_history = new SnapshotTableModel(
        {{QStringLiteral("analysis_time"), tr("As of"), ColumnFormat::DateTime},
         {QStringLiteral("momentum_score"), tr("Momentum"), ColumnFormat::Number},
         {QStringLiteral("performance_24h"), tr("24h"), ColumnFormat::Percent},
         {QStringLiteral("performance_7d"), tr("7d"), ColumnFormat::Percent},
         {QStringLiteral("performance_30d"), tr("30d"), ColumnFormat::Percent},
         {QStringLiteral("dominance_percentage"), tr("Dominance %"), ColumnFormat::Number}},
        this);
    QTableView *historyView = TableViews::create(QStringLiteral("sectorHistoryTable"),
                                                 TableViews::sortable(m_history, this));
    auto *trend = new TrendDelegate(historyView);
    for (int c = 2; c <= 4; ++c)
        historyView->setItemDelegateForColumn(c, trend);
    m_historyChart = new charts::TimeSeriesChart;
    m_historyChart->setObjectName(QStringLiteral("sectorHistoryChart"));
    m_historyChart->setValueFormat(QStringLiteral("%.1f%%"));
    history->addWidget(historyView);
    history->addWidget(m_historyChart);

    tabs->addTab(members, tr("Member assets"));
    tabs->addTab(history, tr("History"));
    layout->addWidget(m_detailTitle);
    layout->addWidget(tabs, 1);
    return box;
}

QStringList SectorsPage::watchedTables() const
{
    return {QStringLiteral("sector_performance"), QStringLiteral("sector_rotation_analysis"),
            QStringLiteral("crypto_sectors"), QStringLiteral("cryptocurrencies")};
}

void SectorsPage::reload()
{
    load<SnapshotTable>(QStringLiteral("sectors"), &loadLatestSectorPerformance,
                        [this](const SnapshotTable &t) { showSectors(t); });
    load<RotationSnapshot>(QStringLiteral("rotation"), &loadRotation,
                           [this](const RotationSnapshot &r) { showRotation(r); });
    loadSelected();
}

void SectorsPage::showSectors(const SnapshotTable &table)
{
    const qint64 selected = TableViews::currentId(m_sectorView);
    m_sectors->setSnapshot(table);
    if (!TableViews::selectId(m_sectorView, selected) && m_sectors->rowCount() > 0 &&
        !m_sectorView->currentIndex().isValid())
        m_sectorView->selectRow(0);
    QStringList names;
    charts::BarGroup day{tr("24h"), {}};
    charts::BarGroup week{tr("7d"), {}};
    charts::BarGroup month{tr("30d"), {}};
    for (int r = 0; r < table.rowCount(); ++r) {
        names.append(table.value(r, QStringLiteral("name")).toString());
        day.values.append(table.value(r, QStringLiteral("performance_24h")).toDouble());
        week.values.append(table.value(r, QStringLiteral("performance_7d")).toDouble());
        month.values.append(table.value(r, QStringLiteral("performance_30d")).toDouble());
    }
    m_bars->setData(names, {day, week, month});
}

void SectorsPage::showRotation(const RotationSnapshot &rotation)
{
    if (!rotation.present) {
        m_leading->setText(tr("No rotation analysis yet"));
        m_declining->clear();
        m_probability->setText(QStringLiteral("-"));
        m_allocation->setSlices({});
        return;
    }
    m_leading->setText(rotation.leadingSectors.isEmpty()
                           ? tr("none")
                           : rotation.leadingSectors.join(QStringLiteral(", ")));
    m_declining->setText(rotation.decliningSectors.isEmpty()
                             ? tr("none")
                             : rotation.decliningSectors.join(QStringLiteral(", ")));
    m_probability->setText(formatFraction(rotation.rotationProbability));
    QList<charts::PieSlice> slices;
    for (const auto &[name, weight] : rotation.allocation) {
        QColor color;
        for (const auto &[sector, code] : rotation.colors) {
            if (sector == name)
                color = QColor(code);
        }
        slices.append({name, weight, color});
    }
    m_allocation->setSlices(slices);
}

void SectorsPage::loadSelected()
{
    const int sector = m_selectedSector;
    if (sector <= 0)
        return;
    const int row = m_sectors->rowOfId(sector);
    m_detailTitle->setText(row >= 0 ? m_sectors->fieldValue(row, QStringLiteral("name")).toString()
                                    : tr("Sector"));
    load<SnapshotTable>(
        QStringLiteral("members"),
        [sector](QSqlDatabase db) { return loadSectorMembers(db, sector); },
        [this](const SnapshotTable &t) { m_members->setSnapshot(t); });
    load<SnapshotTable>(
        QStringLiteral("history"),
        [sector](QSqlDatabase db) { return loadSectorHistory(db, sector); },
        [this](const SnapshotTable &t) {
            m_history->setSnapshot(t);
            charts::TimeSeries week{tr("7d performance"), {}};
            charts::TimeSeries momentum{tr("Momentum x 100"), {}};
            for (int r = t.rowCount() - 1; r >= 0; --r) {
                const double x = double(
                    models::SqlTimestamp::toDateTime(t.value(r, QStringLiteral("analysis_time")))
                        .toMSecsSinceEpoch());
                week.points.append({x, t.value(r, QStringLiteral("performance_7d")).toDouble()});
                momentum.points.append(
                    {x, 100.0 * t.value(r, QStringLiteral("momentum_score")).toDouble()});
            }
            m_historyChart->setSeries({week, momentum});
        });
}

} // namespace cp::ui
