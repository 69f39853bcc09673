#include "confidencedelegate.h"

#include <ui/theme.h>

#include <models/views/snapshottablemodel.h>

#include <QPainter>

#include <algorithm>

namespace cp::ui {

void ConfidenceDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    const QVariant raw = index.data(models::views::SnapshotTableModel::SortRole);
    if (raw.isNull())
        return;
    const double value = std::clamp(raw.toDouble(), 0.0, 1.0);
    const ThemeColors &colors = Theme::instance().colors();
    const QRectF track(option.rect.left() + 6, option.rect.bottom() - 4, option.rect.width() - 12,
                       2.5);
    painter->save();
    painter->setPen(Qt::NoPen);
    painter->setBrush(colors.grid);
    painter->drawRect(track);
    painter->setBrush(value >= 0.75  ? colors.positive
                      : value >= 0.5 ? colors.warning
                                     : colors.negative);
    painter->drawRect(QRectF(track.left(), track.top(), track.width() * value, track.height()));
    painter->restore();
}

} // namespace cp::ui
