#include "riskdelegate.h"

#include <ui/theme.h>

#include <models/views/snapshottablemodel.h>

namespace cp::ui {

void RiskDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QString level = index.data(models::views::SnapshotTableModel::SortRole).toString();
    if (level.isEmpty())
        return;
    option->palette.setColor(QPalette::Text, Theme::instance().colors().risk(level));
    option->font.setBold(level == QLatin1String("high") || level == QLatin1String("extreme"));
}

} // namespace cp::ui
