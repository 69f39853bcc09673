#pragma once

#include <QStyledItemDelegate>

namespace cp::ui {

/** Shows gains in the theme's positive colour and losses in its negative colour (TrendRole). */
class TrendDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace cp::ui
