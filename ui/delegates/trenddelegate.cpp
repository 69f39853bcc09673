#include "trenddelegate.h"

#include <ui/theme.h>

#include <models/views/snapshottablemodel.h>

namespace cp::ui {

void TrendDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const int trend = index.data(models::views::SnapshotTableModel::TrendRole).toInt();
    if (trend == 0)
        return;
    const ThemeColors &colors = Theme::instance().colors();
    option->palette.setColor(QPalette::Text, trend > 0 ? colors.positive : colors.negative);
}

} // namespace cp::ui
