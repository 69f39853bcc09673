#pragma once

#include <QStyledItemDelegate>

namespace cp::ui {

/** A value in [0, 1] as a thin bar under its percentage, so a column of confidences scans fast. */
class ConfidenceDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace cp::ui
