#pragma once

#include <QStyledItemDelegate>

namespace cp::ui {

/** Paints a column's "#RRGGBB" (SnapshotTableModel::ColorRole) as a rounded colour swatch. */
class ColorSwatchDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace cp::ui
