#pragma once

#include <QWidget>

class QJsonObject;
class QLabel;
class QTableWidget;

namespace cp::models::views {
struct SignalPerformance;
}

namespace cp::ui {

/**
 * The Signals page's performance analytics: the stored out-of-sample backtest's success rate,
 * average return and signal count overall, by risk level and by model, and the live record of
 * the signals the evaluator closed.
 */
class SignalPerformancePanel : public QWidget
{
    Q_OBJECT

public:
    explicit SignalPerformancePanel(QWidget *parent = nullptr);

    void setPerformance(const models::views::SignalPerformance &performance);

private:
    void addRow(const QString &group, const QJsonObject &stats);

    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_live = nullptr;
};

} // namespace cp::ui
