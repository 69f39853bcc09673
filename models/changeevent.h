#pragma once

#include <QMetaType>
#include <QString>

namespace cp::models {

/** "A row changed": what writers announce after commit, in-process and across processes. */
struct ChangeEvent
{
    QString table;
    qint64 id = 0;
    //! insert, update or delete.
    QString op;

    friend bool operator==(const ChangeEvent &, const ChangeEvent &) = default;
};

} // namespace cp::models

Q_DECLARE_METATYPE(cp::models::ChangeEvent)
