#include "snapshottable.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace cp::models::views {

QVariant SnapshotTable::value(int row, const QString &field) const
{
    const int column = indexOf(field);
    if (row < 0 || row >= rowCount() || column < 0)
        return {};
    return rows.at(row).value(column);
}

Result<SnapshotTable> readSnapshot(QSqlDatabase db, const QString &sql,
                                   const QVariantList &bindValues)
{
    QSqlQuery query(db);
    // Forward-only: the rows are copied once, so the driver need not cache them as well.
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return Result<SnapshotTable>::failure(
            QStringLiteral("Could not read the data: %1").arg(query.lastError().text()));
    for (const QVariant &value : bindValues)
        query.addBindValue(value);
    if (!query.exec())
        return Result<SnapshotTable>::failure(
            QStringLiteral("Could not read the data: %1").arg(query.lastError().text()));
    SnapshotTable table;
    const QSqlRecord record = query.record();
    const int columns = record.count();
    table.fields.reserve(columns);
    for (int i = 0; i < columns; ++i)
        table.fields.append(record.fieldName(i));
    while (query.next()) {
        QVariantList row;
        row.reserve(columns);
        for (int i = 0; i < columns; ++i)
            row.append(query.value(i));
        table.rows.append(std::move(row));
    }
    if (query.lastError().isValid())
        return Result<SnapshotTable>::failure(
            QStringLiteral("Could not read the data: %1").arg(query.lastError().text()));
    return table;
}

} // namespace cp::models::views
