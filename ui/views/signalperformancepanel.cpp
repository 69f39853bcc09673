#include "signalperformancepanel.h"

#include <models/views/performancequeries.h>
#include <models/views/valueformat.h>

#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cp::ui {

using namespace models::views;

namespace {

QString rateText(double fraction)
{
    return QLocale().toString(fraction * 100.0, 'f', 1) + QLatin1Char('%');
}

} // namespace

SignalPerformancePanel::SignalPerformancePanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("signalPerformance"));
    auto *column = new QVBoxLayout(this);
    m_summary = new QLabel(tr("Loading performance..."));
    m_summary->setObjectName(QStringLiteral("performanceSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table = new QTableWidget(0, 4);
    m_table->setObjectName(QStringLiteral("performanceTable"));
    m_table->setAccessibleName(tr("Backtest performance"));
    m_table->setHorizontalHeaderLabels(
        {tr("Group"), tr("Signals"), tr("Success rate"), tr("Average return")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_live = new QLabel;
    m_live->setObjectName(QStringLiteral("livePerformance"));
    m_live->setWordWrap(true);
    m_live->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(m_summary);
    column->addWidget(m_table, 1);
    column->addWidget(m_live);
}

void SignalPerformancePanel::addRow(const QString &group, const QJsonObject &stats)
{
    const int signals = stats.value(QStringLiteral("total_signals")).toInt();
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    const QString none = tr("-");
    const QStringList cells{
        group, QLocale().toString(signals),
        signals > 0 ? rateText(stats.value(QStringLiteral("success_rate")).toDouble()) : none,
        signals > 0 ? formatPercent(stats.value(QStringLiteral("average_return_pct")).toDouble())
                    : none};
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells.at(c));
        if (c > 0)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, c, item);
    }
}

void SignalPerformancePanel::setPerformance(const SignalPerformance &performance)
{
    m_table->setRowCount(0);
    if (!performance.backtest) {
        m_summary->setText(tr("No backtest has been run yet. Run Analysis > Backtest or "
                              "`cryptopredict-cli backtest` to measure the signals out of "
                              "sample."));
    } else {
        const QJsonObject &report = *performance.backtest;
        const QJsonObject overall = report.value(QStringLiteral("overall"))
                                        .toObject()
                                        .value(QStringLiteral("model_signals"))
                                        .toObject();
        m_summary->setText(
            tr("Out-of-sample backtest of %1 (version %2), confidence at least %3.")
                .arg(report.value(QStringLiteral("model_name")).toString(),
                     report.value(QStringLiteral("model_version")).toString(),
                     formatFraction(report.value(QStringLiteral("confidence_min")).toDouble())));
        addRow(tr("Overall"), overall);
        const QJsonObject byRisk =
            report.value(QStringLiteral("performance_by_risk_level")).toObject();
        // The schema's order, not the JSON's alphabetical one.
        for (const char *level : {"low", "medium", "high", "extreme"}) {
            const QString key = QString::fromLatin1(level);
            if (byRisk.contains(key))
                addRow(
                    tr("Risk: %1").arg(displayLabel(key)),
                    byRisk.value(key).toObject().value(QStringLiteral("model_signals")).toObject());
        }
        const QJsonObject byModel = report.value(QStringLiteral("performance_by_model")).toObject();
        for (auto it = byModel.begin(); it != byModel.end(); ++it)
            addRow(tr("Model: %1").arg(displayLabel(it.key())), it.value().toObject());
    }
    const LiveSignalRecord &live = performance.live;
    if (live.closed() == 0) {
        m_live->setText(tr("Live record: no closed signals yet (`cryptopredict-cli evaluate` "
                           "closes expired signals)."));
    } else {
        m_live->setText(
            tr("Live record: %n closed signal(s): %1 target hit, %2 stopped, %3 "
               "expired; average return %4.",
               nullptr, live.closed())
                .arg(live.targetHits)
                .arg(live.stopHits)
                .arg(live.expired)
                .arg(live.withReturn > 0 ? formatPercent(live.averageReturnPct) : tr("-")));
    }
}

} // namespace cp::ui
