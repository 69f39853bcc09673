#include "feargreedgauge.h"

#include <ui/theme.h>

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace cp::ui {

FearGreedGauge::FearGreedGauge(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Fear and greed index"));
    connect(&Theme::instance(), &Theme::changed, this, qOverload<>(&QWidget::update));
}

void FearGreedGauge::setValue(std::optional<double> value)
{
    if (value)
        value = std::clamp(*value, 0.0, 100.0);
    m_value = value;
    setAccessibleDescription(
        value ? QStringLiteral("%1 (%2)").arg(QLocale().toString(qRound(*value)), bandName(*value))
              : tr("No data"));
    update();
}

QString FearGreedGauge::bandName(double value)
{
    if (value < 25)
        return tr("Extreme fear");
    if (value < 45)
        return tr("Fear");
    if (value <= 55)
        return tr("Neutral");
    if (value <= 75)
        return tr("Greed");
    return tr("Extreme greed");
}

void FearGreedGauge::paintEvent(QPaintEvent *)
{
    const ThemeColors &colors = Theme::instance().colors();
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const double side = std::min(width() - 16.0, (height() - 40.0) * 2.0);
    const double thickness = std::max(10.0, side * 0.09);
    const QRectF arc((width() - side) / 2.0, 8.0 + thickness / 2, side, side);
    const QPointF centre = arc.center();

    // Five bands from red (fear) to green (greed), each a separate arc of the half circle.
    const QColor bands[] = {colors.negative, colors.negative.lighter(130), colors.mutedText,
                            colors.positive.lighter(130), colors.positive};
    const double edges[] = {0, 25, 45, 55, 75, 100};
    for (int i = 0; i < 5; ++i) {
        QPen pen(bands[i], thickness, Qt::SolidLine, Qt::FlatCap);
        p.setPen(pen);
        const double start = 180.0 - edges[i] * 1.8;
        const double span = -(edges[i + 1] - edges[i]) * 1.8 + 1.0;
        p.drawArc(arc.adjusted(thickness / 2, thickness / 2, -thickness / 2, -thickness / 2),
                  int(start * 16), int(span * 16));
    }

    QFont big = font();
    big.setPointSizeF(font().pointSizeF() * 2.0);
    big.setBold(true);
    QFont small = font();
    const double radius = side / 2.0 - thickness;
    const QRectF textBox(centre.x() - radius, centre.y() - radius * 0.55, 2 * radius, radius * 0.5);
    if (!m_value) {
        p.setPen(colors.mutedText);
        p.setFont(small);
        p.drawText(textBox, Qt::AlignCenter, tr("No data"));
        return;
    }
    // The needle.
    const double angle = std::numbers::pi * (1.0 - *m_value / 100.0);
    const QPointF tip(centre.x() + std::cos(angle) * (radius - 4),
                      centre.y() - std::sin(angle) * (radius - 4));
    p.setPen(QPen(colors.text, 2.5, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(centre, tip);
    p.setBrush(colors.text);
    p.setPen(Qt::NoPen);
    p.drawEllipse(centre, 5, 5);

    p.setPen(colors.text);
    p.setFont(big);
    p.drawText(textBox, Qt::AlignCenter, QLocale().toString(qRound(*m_value)));
    p.setFont(small);
    p.setPen(colors.mutedText);
    p.drawText(QRectF(0, centre.y() + 8, width(), 24), Qt::AlignHCenter | Qt::AlignTop,
               bandName(*m_value));
}

} // namespace cp::ui
