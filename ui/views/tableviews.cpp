#include "tableviews.h"

#include <models/views/snapshottablemodel.h>

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>

#include <algorithm>

namespace cp::ui::TableViews {

using models::views::SnapshotTableModel;

const char *const kColumnsFitted = "cpColumnsFitted";

QTableView *create(const QString &objectName, QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->setTabKeyNavigation(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 12);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->horizontalHeader()->setSectionsMovable(true);
    view->horizontalHeader()->setSortIndicatorShown(true);
    // Columns fit the first data once, unless the user's saved widths were restored.
    QObject::connect(model, &QAbstractItemModel::modelReset, view, [view] {
        if (view->property(kColumnsFitted).toBool() || view->model()->rowCount() == 0)
            return;
        view->setProperty(kColumnsFitted, true);
        view->resizeColumnsToContents();
        QHeaderView *header = view->horizontalHeader();
        for (int c = 0; c < header->count(); ++c)
            header->resizeSection(c, std::clamp(header->sectionSize(c) + 12, 48, 300));
    });
    return view;
}

QSortFilterProxyModel *sortable(QAbstractItemModel *source, QObject *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(source);
    proxy->setSortRole(SnapshotTableModel::SortRole);
    proxy->setDynamicSortFilter(true);
    return proxy;
}

qint64 currentId(const QTableView *view)
{
    const QModelIndex index = view->currentIndex();
    return index.isValid() ? index.data(SnapshotTableModel::RowIdRole).toLongLong() : 0;
}

bool selectId(QTableView *view, qint64 id)
{
    QAbstractItemModel *model = view->model();
    if (!model || id == 0)
        return false;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(SnapshotTableModel::RowIdRole).toLongLong() == id) {
            view->setCurrentIndex(index);
            view->selectRow(row);
            return true;
        }
    }
    return false;
}

} // namespace cp::ui::TableViews
