#include "barchart.h"

#include <ui/theme.h>

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QValueAxis>

#include <algorithm>

namespace cp::ui::charts {

BarChart::BarChart(QWidget *parent)
    : ChartView(parent)
{
    applyTheme();
}

void BarChart::setValueFormat(const QString &format)
{
    m_valueFormat = format;
}

void BarChart::setData(const QStringList &categories, const QList<BarGroup> &groups)
{
    QChart *ch = chart();
    ch->removeAllSeries();
    for (QAbstractAxis *axis : ch->axes()) {
        ch->removeAxis(axis);
        delete axis;
    }
    m_categories = categories;
    if (categories.isEmpty()) {
        viewport()->update();
        return;
    }
    auto *series = new QBarSeries;
    double low = 0.0;
    double high = 0.0;
    for (const BarGroup &group : groups) {
        auto *set = new QBarSet(group.name);
        for (double v : group.values) {
            set->append(v);
            low = std::min(low, v);
            high = std::max(high, v);
        }
        series->append(set);
    }
    ch->addSeries(series);
    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    auto *valueAxis = new QValueAxis;
    const double pad = std::max(1.0, (high - low) * 0.08);
    valueAxis->setRange(low - (low < 0 ? pad : 0.0), high + pad);
    valueAxis->setLabelFormat(labelFormat(m_valueFormat));
    valueAxis->applyNiceNumbers();
    ch->addAxis(categoryAxis, Qt::AlignBottom);
    ch->addAxis(valueAxis, Qt::AlignLeft);
    series->attachAxis(categoryAxis);
    series->attachAxis(valueAxis);
    ch->legend()->setVisible(groups.size() > 1);
    applyTheme();
}

void BarChart::applyTheme()
{
    ChartView::applyTheme();
    const ThemeColors &colors = Theme::instance().colors();
    for (QAbstractSeries *series : chart()->series()) {
        if (auto *bars = qobject_cast<QBarSeries *>(series)) {
            int index = 0;
            for (QBarSet *set : bars->barSets()) {
                set->setColor(colors.series.value(index++ % colors.series.size()));
                set->setBorderColor(Qt::transparent);
                set->setLabelColor(colors.text);
            }
        }
    }
}

} // namespace cp::ui::charts
