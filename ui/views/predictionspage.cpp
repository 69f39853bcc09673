#include "predictionspage.h"

#include "tableviews.h"

#include <ui/charts/barchart.h>
#include <ui/delegates/confidencedelegate.h>

#include <models/views/adminqueries.h>
#include <models/views/snapshottablemodel.h>

#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace cp::ui {

using namespace models::views;

PredictionsPage::PredictionsPage(const ViewContext &context, QWidget *parent)
    : Page(context, parent)
{
    setObjectName(QStringLiteral("predictionsPage"));
    m_accuracy = new SnapshotTableModel(
        {{QStringLiteral("layer_source"), tr("Layer"), ColumnFormat::Label},
         {QStringLiteral("prediction_horizon"), tr("Horizon (h)"), ColumnFormat::Integer},
         {QStringLiteral("model_name"), tr("Model"), ColumnFormat::Text},
         {QStringLiteral("predictions"), tr("Predictions"), ColumnFormat::Integer},
         {QStringLiteral("realized"), tr("Realised"), ColumnFormat::Integer},
         {QStringLiteral("hit_rate"), tr("Hit rate"), ColumnFormat::Fraction},
         {QStringLiteral("naive_hit_rate"), tr("Naive hit rate"), ColumnFormat::Fraction},
         {QStringLiteral("mean_error_pct"), tr("Mean error %"), ColumnFormat::Number},
         {QStringLiteral("naive_error_pct"), tr("Naive error %"), ColumnFormat::Number},
         {QStringLiteral("mean_confidence"), tr("Mean confidence"), ColumnFormat::Fraction}},
        this);
    m_recent = new SnapshotTableModel(
        //: Column: when the prediction was made
        {{QStringLiteral("created_at"), tr("Made"), ColumnFormat::DateTime},
         {QStringLiteral("symbol"), tr("Asset"), ColumnFormat::Text},
         {QStringLiteral("layer_source"), tr("Layer"), ColumnFormat::Label},
         {QStringLiteral("model_name"), tr("Model"), ColumnFormat::Text},
         {QStringLiteral("prediction_horizon"), tr("Horizon (h)"), ColumnFormat::Integer},
         {QStringLiteral("input_price"), tr("Price then"), ColumnFormat::Price},
         {QStringLiteral("predicted_price"), tr("Predicted"), ColumnFormat::Price},
         {QStringLiteral("actual_price"), tr("Actual"), ColumnFormat::Price},
         {QStringLiteral("accuracy_percentage"), tr("Accuracy %"), ColumnFormat::Number},
         {QStringLiteral("confidence_score"), tr("Confidence"), ColumnFormat::Fraction},
         //: Column: when the predicted price is due
         {QStringLiteral("target_datetime"), tr("Due"), ColumnFormat::DateTime}},
        this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    auto *vertical = new QSplitter(Qt::Vertical);
    vertical->setObjectName(QStringLiteral("predictionsSplitter"));
    auto *top = new QSplitter(Qt::Horizontal);
    top->setObjectName(QStringLiteral("predictionsTopSplitter"));
    QTableView *accuracy =
        TableViews::create(QStringLiteral("accuracyTable"), TableViews::sortable(m_accuracy, this));
    accuracy->setAccessibleName(tr("Prediction accuracy"));
    m_chart = new charts::BarChart;
    m_chart->setObjectName(QStringLiteral("accuracyChart"));
    m_chart->setTitle(tr("Hit rate against the naive baseline"));
    m_chart->setPlaceholder(tr("No prediction has been evaluated yet"));
    top->addWidget(accuracy);
    top->addWidget(m_chart);
    top->setSizes({760, 500});
    QTableView *recent =
        TableViews::create(QStringLiteral("predictionTable"), TableViews::sortable(m_recent, this));
    recent->setItemDelegateForColumn(9, new ConfidenceDelegate(recent));
    vertical->addWidget(top);
    vertical->addWidget(recent);
    vertical->setSizes({420, 380});
    layout->addWidget(vertical, 1);
    addMessageLine();
}

QStringList PredictionsPage::watchedTables() const
{
    return {QStringLiteral("predictions_enhanced")};
}

void PredictionsPage::reload()
{
    load<SnapshotTable>(QStringLiteral("accuracy"), &loadPredictionAccuracy,
                        [this](const SnapshotTable &t) { showAccuracy(t); });
    load<SnapshotTable>(
        QStringLiteral("recent"), [](QSqlDatabase db) { return loadRecentPredictions(db); },
        [this](const SnapshotTable &t) { m_recent->setSnapshot(t); });
}

void PredictionsPage::showAccuracy(const SnapshotTable &table)
{
    m_accuracy->setSnapshot(table);
    QStringList categories;
    charts::BarGroup model{tr("Model"), {}};
    charts::BarGroup naive{tr("Naive baseline"), {}};
    for (int r = 0; r < table.rowCount(); ++r) {
        if (table.value(r, QStringLiteral("realized")).toInt() == 0)
            continue;
        categories.append(QStringLiteral("%1 %2h").arg(
            table.value(r, QStringLiteral("model_name")).toString(),
            table.value(r, QStringLiteral("prediction_horizon")).toString()));
        model.values.append(100.0 * table.value(r, QStringLiteral("hit_rate")).toDouble());
        naive.values.append(100.0 * table.value(r, QStringLiteral("naive_hit_rate")).toDouble());
    }
    m_chart->setData(categories, {model, naive});
}

} // namespace cp::ui
