#include "rowinserter.h"

#include "sqltimestamp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QStringList>

namespace cp::models {

RowInserter::RowInserter(QSqlDatabase db, QString table)
    : m_db(std::move(db))
    , m_table(std::move(table))
    , m_query(m_db)
{
}

Result<qint64> RowInserter::insert(std::initializer_list<Column> columns)
{
    QStringList names;
    for (const Column &column : columns)
        names.append(QString::fromLatin1(column.first));
    const QString key = names.join(QLatin1Char(','));
    if (key != m_preparedFor) {
        QStringList placeholders;
        placeholders.fill(QStringLiteral("?"), names.size());
        const QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) RETURNING id")
                                .arg(m_table, names.join(QStringLiteral(", ")),
                                     placeholders.join(QStringLiteral(", ")));
        if (!m_query.prepare(sql)) {
            return Result<qint64>::failure(QStringLiteral("Could not prepare the %1 insert: %2")
                                               .arg(m_table, m_query.lastError().text()));
        }
        m_preparedFor = key;
    }
    for (const Column &column : columns)
        m_query.addBindValue(column.second);
    if (!m_query.exec() || !m_query.next()) {
        return Result<qint64>::failure(
            QStringLiteral("Could not write %1: %2").arg(m_table, m_query.lastError().text()));
    }
    const qint64 id = m_query.value(0).toLongLong();
    m_query.finish();
    return id;
}

QVariant jsonValue(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QVariant jsonValue(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QVariant timestampValue(qint64 unixSeconds)
{
    return SqlTimestamp::fromUnixSeconds(unixSeconds);
}

} // namespace cp::models
