#pragma once

#include <models/views/layeroverview.h>

#include <QFrame>

class QLabel;

namespace cp::ui {

/**
 * One card of the layer overview: layer number and name, status, key metric, confidence and
 * up to five indicator dots. Clicking (or Enter when focused) asks to open the layer's page.
 */
class LayerCardWidget : public QFrame
{
    Q_OBJECT

public:
    explicit LayerCardWidget(int layer, QWidget *parent = nullptr);

    void setCard(const models::views::LayerCard &card);
    const models::views::LayerCard &card() const { return m_card; }

Q_SIGNALS:
    void activated(int layer);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QColor statusColor() const;

    models::views::LayerCard m_card;
    QLabel *m_name = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_metric = nullptr;
    QLabel *m_confidence = nullptr;
};

} // namespace cp::ui
