#include "timeserieschart.h"

#include "downsample.h"

#include <ui/theme.h>

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QResizeEvent>
#include <QValueAxis>

#include <algorithm>
#include <limits>
#include <map>

namespace cp::ui::charts {

TimeSeriesChart::TimeSeriesChart(QWidget *parent)
    : ChartView(parent)
{
    applyTheme();
}

void TimeSeriesChart::setSeries(const QList<TimeSeries> &series)
{
    m_series = series;
    rebuild();
}

void TimeSeriesChart::setShadedPeriods(const std::vector<ShadedPeriod> &periods)
{
    m_periods = periods;
    rebuild();
}

void TimeSeriesChart::setValueFormat(const QString &format)
{
    m_valueFormat = format;
    if (m_valueAxis)
        m_valueAxis->setLabelFormat(labelFormat(format));
}

void TimeSeriesChart::setValueTitle(const QString &title)
{
    m_valueTitle = title;
    if (m_valueAxis)
        m_valueAxis->setTitleText(title);
}

void TimeSeriesChart::setTimeRange(qint64 fromMsecs, qint64 toMsecs)
{
    m_fromMsecs = fromMsecs;
    m_toMsecs = toMsecs;
}

int TimeSeriesChart::plottedPointCount() const
{
    int count = 0;
    for (QAbstractSeries *series : chart()->series()) {
        if (auto *line = qobject_cast<QLineSeries *>(series);
            line && !line->property("shade").toBool())
            count += line->count();
    }
    return count;
}

bool TimeSeriesChart::isEmpty() const
{
    return std::all_of(m_series.begin(), m_series.end(),
                       [](const TimeSeries &s) { return s.points.isEmpty(); });
}

void TimeSeriesChart::resizeEvent(QResizeEvent *event)
{
    ChartView::resizeEvent(event);
    // Rebuild only when the width changed enough to matter for the downsampling.
    if (std::abs(event->size().width() - m_builtForWidth) > 80)
        rebuild();
}

void TimeSeriesChart::rebuild()
{
    QChart *ch = chart();
    ch->removeAllSeries();
    for (QAbstractAxis *axis : ch->axes())
        ch->removeAxis(axis);
    delete m_timeAxis;
    delete m_valueAxis;
    delete m_calendarAxis;
    m_timeAxis = nullptr;
    m_calendarAxis = nullptr;
    m_valueAxis = nullptr;
    m_builtForWidth = width();
    if (isEmpty()) {
        viewport()->update();
        return;
    }
    double minX = std::numeric_limits<double>::max();
    double maxX = std::numeric_limits<double>::lowest();
    double minY = minX;
    double maxY = maxX;
    for (const TimeSeries &s : std::as_const(m_series)) {
        for (const QPointF &p : s.points) {
            minX = std::min(minX, p.x());
            maxX = std::max(maxX, p.x());
            minY = std::min(minY, p.y());
            maxY = std::max(maxY, p.y());
        }
    }
    if (m_toMsecs > m_fromMsecs) {
        minX = double(m_fromMsecs);
        maxX = double(m_toMsecs);
    }
    const double pad =
        (maxY - minY) > 0 ? (maxY - minY) * 0.08 : std::max(1.0, std::abs(maxY) * 0.05);
    minY -= pad;
    maxY += pad;

    m_timeAxis = new QDateTimeAxis;
    m_timeAxis->setFormat((maxX - minX) > 3.0 * 365 * 86400e3 ? QStringLiteral("yyyy")
                                                              : QStringLiteral("MMM d"));
    m_timeAxis->setTickCount(6);
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(minX)),
                         QDateTime::fromMSecsSinceEpoch(qint64(maxX)));
    m_valueAxis = new QValueAxis;
    m_valueAxis->setRange(minY, maxY);
    m_valueAxis->setTickCount(5);
    m_valueAxis->applyNiceNumbers();
    minY = m_valueAxis->min();
    maxY = m_valueAxis->max();
    m_valueAxis->setLabelFormat(labelFormat(m_valueFormat));
    m_valueAxis->setTitleText(m_valueTitle);
    ch->addAxis(m_timeAxis, Qt::AlignBottom);
    m_calendarAxis = addCalendarLabels(m_timeAxis, (maxX - minX) > 3.0 * 365 * 86400e3);
    ch->addAxis(m_valueAxis, Qt::AlignLeft);

    // Shading first, so the lines are drawn over it: one step-shaped area per kind of period.
    const ThemeColors &colors = Theme::instance().colors();
    std::map<QString, std::pair<QString, QList<QPointF>>> steps;
    for (const ShadedPeriod &p : m_periods) {
        const double start = std::max<double>(p.startMsecs, minX);
        const double end = std::min<double>(p.endMsecs, maxX);
        if (end <= start)
            continue;
        auto &[label, upper] = steps[p.kind];
        label = p.label;
        upper << QPointF(start, minY) << QPointF(start, maxY) << QPointF(end, maxY)
              << QPointF(end, minY);
    }
    for (auto &[kind, entry] : steps) {
        auto *upper = new QLineSeries;
        upper->setProperty("shade", true);
        upper->replace(entry.second);
        auto *lower = new QLineSeries;
        lower->setProperty("shade", true);
        lower->append(entry.second.first().x(), minY);
        lower->append(entry.second.last().x(), minY);
        auto *area = new QAreaSeries(upper, lower);
        area->setName(entry.first);
        area->setProperty("kind", kind);
        area->setBrush(colors.regime(kind));
        area->setPen(Qt::NoPen);
        ch->addSeries(area);
        area->attachAxis(m_timeAxis);
        area->attachAxis(m_valueAxis);
    }

    const int buckets =
        std::max(50, ch->plotArea().isEmpty() ? width() : int(ch->plotArea().width()));
    int index = 0;
    for (const TimeSeries &s : std::as_const(m_series)) {
        auto *line = new QLineSeries;
        line->setName(s.name);
        line->replace(minMaxDownsample(s.points, buckets));
        QPen pen(colors.series.value(index++ % colors.series.size()));
        pen.setWidthF(1.6);
        line->setPen(pen);
        ch->addSeries(line);
        line->attachAxis(m_timeAxis);
        line->attachAxis(m_valueAxis);
    }
    ch->legend()->setVisible(m_series.size() > 1 || !steps.empty());
    ChartView::applyTheme();
}

void TimeSeriesChart::applyTheme()
{
    ChartView::applyTheme();
    const ThemeColors &colors = Theme::instance().colors();
    int index = 0;
    for (QAbstractSeries *series : chart()->series()) {
        if (auto *area = qobject_cast<QAreaSeries *>(series)) {
            area->setBrush(colors.regime(area->property("kind").toString()));
        } else if (auto *line = qobject_cast<QLineSeries *>(series)) {
            QPen pen(colors.series.value(index++ % colors.series.size()));
            pen.setWidthF(1.6);
            line->setPen(pen);
        }
    }
}

} // namespace cp::ui::charts
