#include "colorswatchdelegate.h"

#include <models/views/snapshottablemodel.h>

#include <QApplication>
#include <QPainter>

namespace cp::ui {

void ColorSwatchDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
    const QColor color(index.data(models::views::SnapshotTableModel::ColorRole).toString());
    if (!color.isValid())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const int side = std::min(option.rect.height() - 8, 14);
    const QRectF swatch(option.rect.left() + (option.rect.width() - side) / 2.0,
                        option.rect.top() + (option.rect.height() - side) / 2.0, side, side);
    painter->setPen(QPen(color.darker(130), 1));
    painter->setBrush(color);
    painter->drawRoundedRect(swatch, 3, 3);
    painter->restore();
}

QSize ColorSwatchDelegate::sizeHint(const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(28);
    return size;
}

} // namespace cp::ui
