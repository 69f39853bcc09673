#pragma once

#include <QStyledItemDelegate>

namespace cp::ui {

/** Colours a risk level (low .. extreme, the raw value) with the theme's risk colours. */
class RiskDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace cp::ui
