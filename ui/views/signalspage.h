#pragma once

#include "page.h"

#include <models/views/snapshottable.h>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;
class QTextBrowser;

namespace cp::models::views {
class SignalFilterProxyModel;
class SnapshotTableModel;
} // namespace cp::models::views

namespace cp::ui {

class ExecuteSignalDialog;
class SignalPerformancePanel;

namespace charts {
class PriceChart;
}

/**
 * Signals (layer 4): the active trading signals, filtered by minimum confidence, risk level and
 * direction; for the selected one its key factors and market context, and the price chart with
 * the entry, target and stop lines; and the signals' measured performance (backtest and live).
 */
class SignalsPage : public Page
{
    Q_OBJECT

public:
    explicit SignalsPage(const ViewContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("Signals"); }
    QStringList watchedTables() const override;
    models::views::SignalFilterProxyModel *filter() const { return m_filter; }
    //! Opens the execute dialog (window-modal) for the selected signal; null when none or not
    //! signed in.
    ExecuteSignalDialog *openExecuteDialog();

protected:
    void reload() override;

private:
    QWidget *buildFilterBar();
    QWidget *buildDetail();
    void showSignals(const models::views::SnapshotTable &table);
    void showSelected();
    void updateCount();

    models::views::SnapshotTableModel *m_signals = nullptr;
    models::views::SnapshotTableModel *m_executions = nullptr;
    QPushButton *m_execute = nullptr;
    models::views::SignalFilterProxyModel *m_filter = nullptr;
    QTableView *m_view = nullptr;
    QSpinBox *m_minConfidence = nullptr;
    QComboBox *m_risk = nullptr;
    QComboBox *m_type = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_detailTitle = nullptr;
    QTextBrowser *m_detail = nullptr;
    charts::PriceChart *m_chart = nullptr;
    SignalPerformancePanel *m_performance = nullptr;
    qint64 m_shownSignal = 0;
};

} // namespace cp::ui
