#include "feargreedmapper.h"

#include "jsonnumbers.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cp::app::marketdata::FearGreedMapper {

Result<std::vector<FearGreedRow>> readings(const QByteArray &json)
{
    using R = Result<std::vector<FearGreedRow>>;
    QString error;
    const auto doc = Internal::parse(json, QStringLiteral("alternative.me"), &error);
    if (!doc)
        return R::failure(error);
    const QJsonObject root = doc->object();
    const QJsonValue metaError =
        root.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("error"));
    if (metaError.isString() && !metaError.toString().isEmpty())
        return R::failure(
            QStringLiteral("alternative.me reported an error: %1").arg(metaError.toString()));
    if (!root.value(QStringLiteral("data")).isArray())
        return R::failure(QStringLiteral("alternative.me /fng/ has no data list."));
    std::vector<FearGreedRow> rows;
    for (const QJsonValue &value : root.value(QStringLiteral("data")).toArray()) {
        const QJsonObject item = value.toObject();
        const auto index = Internal::number(item.value(QStringLiteral("value")));
        const auto time = Internal::number(item.value(QStringLiteral("timestamp")));
        // The index is defined on 0..100; anything else is not a reading we can store.
        if (!index || !time || *index < 0 || *index > 100)
            continue;
        rows.push_back(
            {qint64(*time), *index, item.value(QStringLiteral("value_classification")).toString()});
    }
    return rows;
}

} // namespace cp::app::marketdata::FearGreedMapper
