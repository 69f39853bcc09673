#include "layercardwidget.h"

#include <ui/theme.h>

#include <models/views/valueformat.h>

#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QVBoxLayout>

namespace cp::ui {

namespace {

QString layerName(int layer)
{
    switch (layer) {
    case 1:
        return LayerCardWidget::tr("Macro");
    case 2:
        return LayerCardWidget::tr("Sectors");
    case 3:
        return LayerCardWidget::tr("Assets");
    default:
        return LayerCardWidget::tr("Timing");
    }
}

constexpr int kDotDiameter = 9;
constexpr int kDotGap = 5;

} // namespace

LayerCardWidget::LayerCardWidget(int layer, QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("layerCard%1").arg(layer));
    setProperty("card", true);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setMinimumSize(190, 140);
    m_card.layer = layer;
    m_card.status = QStringLiteral("no_data");

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12 + kDotDiameter + 8);
    layout->setSpacing(4);
    m_name = new QLabel(tr("Layer %1 - %2").arg(layer).arg(layerName(layer)));
    m_name->setProperty("role", QStringLiteral("caption"));
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("layerStatus"));
    QFont statusFont = m_status->font();
    statusFont.setBold(true);
    m_status->setFont(statusFont);
    m_metric = new QLabel;
    m_metric->setObjectName(QStringLiteral("layerMetric"));
    m_metric->setProperty("role", QStringLiteral("metric"));
    m_confidence = new QLabel;
    m_confidence->setObjectName(QStringLiteral("layerConfidence"));
    m_confidence->setProperty("role", QStringLiteral("caption"));
    layout->addWidget(m_name);
    layout->addWidget(m_metric);
    layout->addWidget(m_status);
    layout->addWidget(m_confidence);
    layout->addStretch();
    setCard(m_card);
    connect(&Theme::instance(), &Theme::changed, this, [this] { setCard(m_card); });
}

QColor LayerCardWidget::statusColor() const
{
    const ThemeColors &c = Theme::instance().colors();
    const QString &s = m_card.status;
    if (s == QLatin1String("bullish") || s == QLatin1String("active") ||
        s == QLatin1String("signals_ready"))
        return c.positive;
    if (s == QLatin1String("bearish"))
        return c.negative;
    if (s == QLatin1String("volatile") || s == QLatin1String("rotating") ||
        s == QLatin1String("awaiting_review"))
        return c.warning;
    return c.mutedText;
}

void LayerCardWidget::setCard(const models::views::LayerCard &card)
{
    m_card = card;
    m_status->setText(models::views::displayLabel(card.status));
    m_status->setStyleSheet(QStringLiteral("color: %1;").arg(statusColor().name()));
    m_metric->setText(card.displayMetric.isEmpty() ? tr("No data yet") : card.displayMetric);
    m_confidence->setText(
        card.status == QLatin1String("no_data")
            ? tr("Run an analysis to fill this layer")
            : tr("Confidence %1").arg(models::views::formatFraction(card.confidence)));
    setAccessibleName(m_name->text());
    setAccessibleDescription(
        QStringLiteral("%1, %2, %3").arg(m_metric->text(), m_status->text(), m_confidence->text()));
    setToolTip(accessibleDescription());
    update();
}

void LayerCardWidget::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    const ThemeColors &c = Theme::instance().colors();
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    // A status stripe on the left edge and the indicator dots at the bottom.
    p.setPen(Qt::NoPen);
    p.setBrush(statusColor());
    p.drawRoundedRect(QRectF(1, 8, 4, height() - 16), 2, 2);
    const int y = height() - 12 - kDotDiameter;
    for (int i = 0; i < 5; ++i) {
        p.setBrush(i < m_card.indicatorDots ? statusColor() : c.grid);
        p.drawEllipse(QRectF(16 + i * (kDotDiameter + kDotGap), y, kDotDiameter, kDotDiameter));
    }
    if (hasFocus()) {
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(c.accent, 2));
        p.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 6, 6);
    }
}

void LayerCardWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        Q_EMIT activated(m_card.layer);
    QFrame::mouseReleaseEvent(event);
}

void LayerCardWidget::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter ||
        event->key() == Qt::Key_Space) {
        Q_EMIT activated(m_card.layer);
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace cp::ui
