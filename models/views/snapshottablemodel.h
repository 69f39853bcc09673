#pragma once

#include "snapshottable.h"
#include "valueformat.h"

#include <QAbstractTableModel>
#include <QList>

namespace cp::models::views {

/** One column of a SnapshotTableModel: which field, under which title, formatted how. */
struct SnapshotColumn
{
    QString field;
    QString title;
    ColumnFormat format = ColumnFormat::Text;
};

/**
 * A read-only table over a SnapshotTable loaded off the GUI thread. A new snapshot with the same
 * rows (same ids in the same order) only updates the cells, so selections and scroll positions
 * survive live refreshes; otherwise the model is reset.
 */
class SnapshotTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        //! The raw value, for sorting and filtering (numbers as numbers, timestamps as text or
        //! QDateTime, whatever the driver gave).
        SortRole = Qt::UserRole + 1,
        //! The row's id (the snapshot's id field) as qint64.
        RowIdRole,
        //! For Percent columns: -1, 0 or +1, so delegates can colour gains and losses.
        TrendRole,
        //! For Color columns: the "#RRGGBB" text.
        ColorRole,
    };

    explicit SnapshotTableModel(QList<SnapshotColumn> columns, QObject *parent = nullptr);

    //! Which field identifies a row ("id" unless told).
    void setIdField(const QString &field) { m_idField = field; }
    void setSnapshot(SnapshotTable snapshot);
    const SnapshotTable &snapshot() const { return m_snapshot; }
    const QList<SnapshotColumn> &columns() const { return m_columns; }
    //! The value of any snapshot field in a row, shown or not.
    QVariant fieldValue(int row, const QString &field) const;
    qint64 rowId(int row) const;
    //! The row with that id, or -1.
    int rowOfId(qint64 id) const;
    int columnOf(const QString &field) const;

    int rowCount(const QModelIndex &parent = {}) const final;
    int columnCount(const QModelIndex &parent = {}) const final;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    bool sameRows(const SnapshotTable &other) const;

    QList<SnapshotColumn> m_columns;
    QList<int> m_fieldOfColumn;
    SnapshotTable m_snapshot;
    QString m_idField = QStringLiteral("id");
};

} // namespace cp::models::views
