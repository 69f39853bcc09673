#pragma once

#include <engine/result.h>

#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>

namespace cp::models {

/** app_metadata: facts about the database itself, such as how its demo data was simulated. */
class MetadataRepository
{
public:
    explicit MetadataRepository(QSqlDatabase db);

    Status set(const QString &key, const QJsonObject &value);
    Result<std::optional<QJsonObject>> get(const QString &key) const;

    //! Key under which the demo command records its simulation parameters.
    static QString demoDataKey() { return QStringLiteral("demo_data"); }

private:
    QSqlDatabase m_db;
};

} // namespace cp::models
