#include "piechart.h"

#include <ui/theme.h>

#include <QChart>
#include <QLegend>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>

namespace cp::ui::charts {

PieChart::PieChart(QWidget *parent)
    : ChartView(parent)
{
    chart()->legend()->setAlignment(Qt::AlignRight);
    applyTheme();
}

void PieChart::setSlices(const QList<PieSlice> &slices)
{
    chart()->removeAllSeries();
    m_slices = slices;
    if (slices.isEmpty()) {
        viewport()->update();
        return;
    }
    auto *series = new QPieSeries;
    series->setHoleSize(0.45);
    for (const PieSlice &s : slices) {
        QPieSlice *slice =
            series->append(s.label + QLatin1Char(' ') +
                               QLocale().toString(s.value * 100.0, 'f', 0) + QLocale().percent(),
                           s.value);
        slice->setLabelVisible(false);
    }
    chart()->addSeries(series);
    applyTheme();
}

void PieChart::applyTheme()
{
    ChartView::applyTheme();
    const ThemeColors &colors = Theme::instance().colors();
    for (QAbstractSeries *series : chart()->series()) {
        auto *pie = qobject_cast<QPieSeries *>(series);
        if (!pie)
            continue;
        const QList<QPieSlice *> slices = pie->slices();
        for (int i = 0; i < slices.size(); ++i) {
            const QColor own = m_slices.value(i).color;
            slices[i]->setBrush(own.isValid() ? own
                                              : colors.series.value(i % colors.series.size()));
            slices[i]->setBorderColor(colors.surface);
            slices[i]->setLabelColor(colors.text);
        }
    }
}

} // namespace cp::ui::charts
