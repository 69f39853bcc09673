#pragma once

#include <engine/result.h>

#include <QList>
#include <QSqlDatabase>
#include <QStringList>
#include <QVariant>

namespace cp::models::views {

/**
 * The rows of one read, copied out of the driver on a worker thread so that the GUI thread only
 * ever touches plain values. Field names are the query's column names.
 */
struct SnapshotTable
{
    QStringList fields;
    QList<QVariantList> rows;

    int rowCount() const { return static_cast<int>(rows.size()); }
    int indexOf(const QString &field) const { return static_cast<int>(fields.indexOf(field)); }
    //! The value of `field` in `row`; invalid when either is unknown.
    QVariant value(int row, const QString &field) const;
};

/**
 * Runs a read-only query with positional bind values and copies every row. Meant for worker
 * threads: the result is a plain value that can be handed to the GUI thread.
 */
Result<SnapshotTable> readSnapshot(QSqlDatabase db, const QString &sql,
                                   const QVariantList &bindValues = {});

} // namespace cp::models::views
