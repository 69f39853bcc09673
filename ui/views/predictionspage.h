#pragma once

#include "page.h"

#include <models/views/snapshottable.h>

namespace cp::models::views {
class SnapshotTableModel;
}

namespace cp::ui {

namespace charts {
class BarChart;
}

/**
 * Predictions: accuracy by layer, horizon and model beside the naive "no change" baseline
 * (hit rate and mean error), charted, and the newest predictions with their outcome.
 */
class PredictionsPage : public Page
{
    Q_OBJECT

public:
    explicit PredictionsPage(const ViewContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("Predictions"); }
    QStringList watchedTables() const override;

protected:
    void reload() override;

private:
    void showAccuracy(const models::views::SnapshotTable &table);

    models::views::SnapshotTableModel *m_accuracy = nullptr;
    models::views::SnapshotTableModel *m_recent = nullptr;
    charts::BarChart *m_chart = nullptr;
};

} // namespace cp::ui
