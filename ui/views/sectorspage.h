#pragma once

#include "page.h"

#include <models/views/sectorqueries.h>

class QLabel;
class QTableView;

namespace cp::models::views {
class SnapshotTableModel;
}

namespace cp::ui {

namespace charts {
class BarChart;
class PieChart;
class TimeSeriesChart;
} // namespace charts

/**
 * Sectors (layer 2): the newest performance of every sector with its colour, sortable; 24h / 7d
 * / 30d bars; the rotation panel (leading and declining sectors, rotation probability, the
 * recommended allocation as a donut); and for the selected sector its history and member assets.
 */
class SectorsPage : public Page
{
    Q_OBJECT

public:
    explicit SectorsPage(const ViewContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("Sectors"); }
    QStringList watchedTables() const override;

protected:
    void reload() override;

private:
    void showSectors(const models::views::SnapshotTable &table);
    void showRotation(const models::views::RotationSnapshot &rotation);
    void loadSelected();
    QWidget *buildRotationPanel();
    QWidget *buildDetail();

    models::views::SnapshotTableModel *m_sectors = nullptr;
    models::views::SnapshotTableModel *m_history = nullptr;
    models::views::SnapshotTableModel *m_members = nullptr;
    QTableView *m_sectorView = nullptr;
    charts::BarChart *m_bars = nullptr;
    charts::PieChart *m_allocation = nullptr;
    charts::TimeSeriesChart *m_historyChart = nullptr;
    QLabel *m_leading = nullptr;
    QLabel *m_declining = nullptr;
    QLabel *m_probability = nullptr;
    QLabel *m_detailTitle = nullptr;
    int m_selectedSector = 0;
};

} // namespace cp::ui
