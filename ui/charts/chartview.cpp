#include "chartview.h"

#include <ui/theme.h>

#include <models/views/valueformat.h>

#include <QAbstractAxis>
#include <QCategoryAxis>
#include <QChart>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QLegend>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>

namespace cp::ui::charts {

ChartView::ChartView(QWidget *parent)
    : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    // Chart items change geometry while series are replaced; the BSP index of the scene can then
    // hold stale entries and crash a later paint. A chart has few items: no index is cheap.
    scene()->setItemIndexMethod(QGraphicsScene::NoIndex);
    setMinimumHeight(180);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    chart()->layout()->setContentsMargins(0, 0, 0, 0);
    chart()->setBackgroundRoundness(0);
    chart()->legend()->setAlignment(Qt::AlignTop);
    chart()->setAnimationOptions(QChart::NoAnimation);
    // Axis numbers and dates in the user's language (Persian digits and month names with fa).
    chart()->setLocale(QLocale());
    chart()->setLocalizeNumbers(true);
    m_placeholder = tr("No data yet");
    ChartView::applyTheme();
    connect(&Theme::instance(), &Theme::changed, this, [this] { applyTheme(); });
}

void ChartView::setTitle(const QString &title)
{
    chart()->setTitle(title);
}

void ChartView::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    viewport()->update();
}

void ChartView::setInteractive(bool interactive)
{
    m_interactive = interactive;
    setRubberBand(interactive ? QChartView::HorizontalRubberBand : QChartView::NoRubberBand);
    setFocusPolicy(interactive ? Qt::StrongFocus : Qt::NoFocus);
}

void ChartView::wheelEvent(QWheelEvent *event)
{
    if (!m_interactive) {
        QChartView::wheelEvent(event);
        return;
    }
    chart()->zoom(event->angleDelta().y() > 0 ? 1.25 : 0.8);
    event->accept();
}

void ChartView::keyPressEvent(QKeyEvent *event)
{
    if (!m_interactive) {
        QChartView::keyPressEvent(event);
        return;
    }
    const qreal step = chart()->plotArea().width() / 10.0;
    switch (event->key()) {
    case Qt::Key_Left:
        chart()->scroll(-step, 0);
        break;
    case Qt::Key_Right:
        chart()->scroll(step, 0);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        chart()->zoom(1.25);
        break;
    case Qt::Key_Minus:
        chart()->zoom(0.8);
        break;
    case Qt::Key_Home:
        chart()->zoomReset();
        break;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void ChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (m_interactive)
        chart()->zoomReset();
    QChartView::mouseDoubleClickEvent(event);
}

bool ChartView::isEmpty() const
{
    return chart()->series().isEmpty();
}

void ChartView::applyTheme()
{
    const ThemeColors &c = Theme::instance().colors();
    QChart *ch = chart();
    ch->setBackgroundBrush(c.surface);
    ch->setBackgroundPen(Qt::NoPen);
    ch->setPlotAreaBackgroundVisible(false);
    ch->setTitleBrush(c.text);
    QFont titleFont = font();
    titleFont.setBold(true);
    ch->setTitleFont(titleFont);
    ch->legend()->setLabelColor(c.text);
    for (QAbstractAxis *axis : ch->axes())
        styleAxis(axis);
    setBackgroundBrush(c.surface);
    viewport()->update();
}

void ChartView::styleAxis(QAbstractAxis *axis) const
{
    const ThemeColors &c = Theme::instance().colors();
    axis->setLabelsBrush(c.mutedText);
    axis->setTitleBrush(c.mutedText);
    axis->setLinePen(QPen(c.border));
    axis->setGridLinePen(QPen(c.grid));
    axis->setMinorGridLinePen(QPen(c.grid));
    axis->setShadesVisible(false);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    axis->setLabelsFont(small);
}

QString ChartView::labelFormat(const QString &printfFormat)
{
    QString format = printfFormat;
    return format.replace(QStringLiteral("%%"), QLocale().percent());
}

QCategoryAxis *ChartView::addCalendarLabels(QDateTimeAxis *timeAxis, bool yearsOnly)
{
    const QCalendar::System system = models::views::displayCalendar();
    if (system == QCalendar::System::Gregorian)
        return nullptr;
    auto *labels = new QCategoryAxis;
    labels->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    labels->setGridLineVisible(false);
    chart()->addAxis(labels, Qt::AlignBottom);
    styleAxis(labels);
    timeAxis->setLabelsVisible(false);
    const auto relabel = [this, labels, timeAxis, yearsOnly, system] {
        const QLocale locale = chart()->locale();
        const QCalendar calendar(system);
        const QString format = yearsOnly ? QStringLiteral("yyyy") : QStringLiteral("d MMM");
        for (const QString &label : labels->categoriesLabels())
            labels->remove(label);
        const qint64 from = timeAxis->min().toMSecsSinceEpoch();
        const qint64 to = timeAxis->max().toMSecsSinceEpoch();
        labels->setRange(double(from), double(to));
        const int ticks = std::max(2, timeAxis->tickCount());
        for (int i = 0; i < ticks; ++i) {
            const qint64 at = from + (to - from) * i / (ticks - 1);
            QString text =
                locale.toString(QDateTime::fromMSecsSinceEpoch(at).date(), format, calendar);
            // Category labels must be unique; an invisible mark tells equal dates apart.
            while (labels->categoriesLabels().contains(text))
                text += QChar(0x200B);
            labels->append(text, double(at));
        }
    };
    connect(timeAxis, &QDateTimeAxis::rangeChanged, labels, relabel);
    relabel();
    return labels;
}

void ChartView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QChartView::drawForeground(painter, rect);
    if (!isEmpty() || m_placeholder.isEmpty())
        return;
    painter->save();
    painter->setPen(Theme::instance().colors().mutedText);
    painter->drawText(chart()->plotArea().isEmpty() ? sceneRect() : chart()->plotArea(),
                      Qt::AlignCenter, m_placeholder);
    painter->restore();
}

} // namespace cp::ui::charts
