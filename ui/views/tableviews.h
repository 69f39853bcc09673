#pragma once

#include <QtGlobal>

class QAbstractItemModel;
class QSortFilterProxyModel;
class QString;
class QTableView;
class QObject;
class QWidget;

namespace cp::ui::TableViews {

/**
 * A table view set up the way every page shows data: sortable on raw values, whole-row
 * selection, alternating rows, no row numbers, compact rows, and an object name for tests and
 * saved column widths.
 */
QTableView *create(const QString &objectName, QAbstractItemModel *model, QWidget *parent = nullptr);

//! Dynamic property set on a view whose column widths are settled (fitted or restored).
extern const char *const kColumnsFitted;

//! A proxy that sorts `source` on raw values (SnapshotTableModel::SortRole).
QSortFilterProxyModel *sortable(QAbstractItemModel *source, QObject *parent);

//! The RowIdRole of the current row, or 0.
qint64 currentId(const QTableView *view);
//! Makes the row with that id current (and selected), keeping the scroll position otherwise.
bool selectId(QTableView *view, qint64 id);

} // namespace cp::ui::TableViews
