#include "metadatarepository.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cp::models {

MetadataRepository::MetadataRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Status MetadataRepository::set(const QString &key, const QJsonObject &value)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO app_metadata (key, value) VALUES (?, ?)"
                                 " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(key);
    // JSON goes as text: QPSQL would send a QByteArray as bytea, which JSONB refuses.
    query.addBindValue(QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact)));
    if (!query.exec())
        return Status::failure(
            QStringLiteral("Could not record %1: %2").arg(key, query.lastError().text()));
    return {};
}

Result<std::optional<QJsonObject>> MetadataRepository::get(const QString &key) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT value FROM app_metadata WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec()) {
        return Result<std::optional<QJsonObject>>::failure(
            QStringLiteral("Could not read %1: %2").arg(key, query.lastError().text()));
    }
    if (!query.next())
        return std::optional<QJsonObject>();
    return std::optional<QJsonObject>(
        QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object());
}

} // namespace cp::models
