#include "snapshottablemodel.h"

namespace cp::models::views {

namespace {

bool isNumeric(ColumnFormat format)
{
    switch (format) {
    case ColumnFormat::Integer:
    case ColumnFormat::Number:
    case ColumnFormat::Price:
    case ColumnFormat::Percent:
    case ColumnFormat::Fraction:
    case ColumnFormat::Money:
        return true;
    default:
        return false;
    }
}

} // namespace

SnapshotTableModel::SnapshotTableModel(QList<SnapshotColumn> columns, QObject *parent)
    : QAbstractTableModel(parent)
    , m_columns(std::move(columns))
{
    m_fieldOfColumn.fill(-1, m_columns.size());
}

void SnapshotTableModel::setSnapshot(SnapshotTable snapshot)
{
    if (sameRows(snapshot)) {
        m_snapshot = std::move(snapshot);
        if (!m_snapshot.rows.isEmpty() && !m_columns.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    m_snapshot = std::move(snapshot);
    for (int c = 0; c < m_columns.size(); ++c)
        m_fieldOfColumn[c] = m_snapshot.indexOf(m_columns.at(c).field);
    endResetModel();
}

bool SnapshotTableModel::sameRows(const SnapshotTable &other) const
{
    if (other.fields != m_snapshot.fields || other.rowCount() != m_snapshot.rowCount())
        return false;
    const int id = other.indexOf(m_idField);
    if (id < 0)
        return other.rows.isEmpty();
    for (int r = 0; r < other.rowCount(); ++r) {
        if (other.rows.at(r).value(id) != m_snapshot.rows.at(r).value(id))
            return false;
    }
    return true;
}

QVariant SnapshotTableModel::fieldValue(int row, const QString &field) const
{
    return m_snapshot.value(row, field);
}

qint64 SnapshotTableModel::rowId(int row) const
{
    return m_snapshot.value(row, m_idField).toLongLong();
}

int SnapshotTableModel::rowOfId(qint64 id) const
{
    const int column = m_snapshot.indexOf(m_idField);
    if (column < 0)
        return -1;
    for (int r = 0; r < m_snapshot.rowCount(); ++r) {
        if (m_snapshot.rows.at(r).value(column).toLongLong() == id)
            return r;
    }
    return -1;
}

int SnapshotTableModel::columnOf(const QString &field) const
{
    for (int c = 0; c < m_columns.size(); ++c) {
        if (m_columns.at(c).field == field)
            return c;
    }
    return -1;
}

int SnapshotTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_snapshot.rowCount();
}

int SnapshotTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant SnapshotTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SnapshotColumn &column = m_columns.at(index.column());
    const int field = m_fieldOfColumn.at(index.column());
    const QVariant raw = field < 0 ? QVariant() : m_snapshot.rows.at(index.row()).value(field);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return formatValue(raw, column.format);
    case Qt::EditRole:
    case SortRole:
        if (isNumeric(column.format) && !raw.isNull())
            return raw.toDouble();
        return raw;
    case Qt::TextAlignmentRole:
        return isNumeric(column.format)
                   ? QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter))
                   : QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case RowIdRole:
        return rowId(index.row());
    case TrendRole:
        if (column.format != ColumnFormat::Percent || raw.isNull())
            return 0;
        return raw.toDouble() > 0 ? 1 : (raw.toDouble() < 0 ? -1 : 0);
    case ColorRole:
        return column.format == ColumnFormat::Color ? raw.toString() : QVariant();
    default:
        return {};
    }
}

QVariant SnapshotTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return m_columns.at(section).title;
    return {};
}

QHash<int, QByteArray> SnapshotTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(RowIdRole, "rowId");
    names.insert(TrendRole, "trend");
    names.insert(ColorRole, "color");
    return names;
}

} // namespace cp::models::views
