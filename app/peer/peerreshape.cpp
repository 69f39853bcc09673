#include "peerreshape.h"

#include <QDateTime>

namespace cp::app::PeerReshape {

qint64 childId(qint64 parentId, qint64 key)
{
    // 31 bits of the key; the parent id moves it past any other parent's keys.
    return (parentId << 31) | (key & 0x7fffffff);
}

QJsonArray sectorHistory(qint64 sectorId, const QJsonObject &history)
{
    // The points come oldest first; their position is stable while the window holds them.
    QJsonArray rows;
    const QJsonArray points = history.value(QStringLiteral("points")).toArray();
    for (qsizetype i = 0; i < points.size(); ++i) {
        QJsonObject row = points.at(i).toObject();
        row.insert(QStringLiteral("id"), childId(sectorId, i + 1));
        rows.append(row);
    }
    return rows;
}

QJsonArray priceHistory(qint64 cryptoId, const QJsonObject &history)
{
    // The window slides, so a position is no stable key; the candle's minute is (UNIQUE
    // (crypto_id, timestamp) holds one candle per time anyway).
    QJsonArray rows;
    for (const QJsonValue &value : history.value(QStringLiteral("prices")).toArray()) {
        QJsonObject row = value.toObject();
        const QDateTime time =
            QDateTime::fromString(row.value(QStringLiteral("timestamp")).toString(), Qt::ISODate);
        if (!time.isValid())
            continue;
        row.insert(QStringLiteral("id"), childId(cryptoId, time.toSecsSinceEpoch() / 60));
        rows.append(row);
    }
    return rows;
}

QJsonObject sector(const QJsonObject &detail)
{
    QJsonObject row;
    for (const char *key :
         {"id", "name", "color_code", "description", "characteristics", "is_active"}) {
        const QString name = QString::fromLatin1(key);
        if (detail.contains(name))
            row.insert(name, detail.value(name));
    }
    return row;
}

QJsonArray sectorAssets(const QJsonObject &detail)
{
    QJsonArray rows;
    for (const QJsonValue &value : detail.value(QStringLiteral("assets")).toArray()) {
        QJsonObject asset = value.toObject();
        asset.insert(QStringLiteral("id"), asset.value(QStringLiteral("crypto_id")));
        rows.append(asset);
    }
    return rows;
}

QJsonArray sectorMappings(qint64 sectorId, const QJsonObject &detail)
{
    QJsonArray rows;
    for (const QJsonValue &value : detail.value(QStringLiteral("assets")).toArray()) {
        const QJsonObject asset = value.toObject();
        const qint64 cryptoId = asset.value(QStringLiteral("crypto_id")).toInteger();
        rows.append(QJsonObject{{QStringLiteral("id"), childId(sectorId, cryptoId)},
                                {QStringLiteral("crypto_id"), cryptoId},
                                {QStringLiteral("symbol"), asset.value(QStringLiteral("symbol"))},
                                {QStringLiteral("weight"), asset.value(QStringLiteral("weight"))}});
    }
    return rows;
}

QJsonObject signalAnalysis(const QJsonObject &detail)
{
    // The API answers market_context inside ai_analysis; the table keeps them apart.
    QJsonObject analysis = detail.value(QStringLiteral("ai_analysis")).toObject();
    const QJsonValue context = analysis.take(QStringLiteral("market_context"));
    return {{QStringLiteral("id"), detail.value(QStringLiteral("id"))},
            {QStringLiteral("ai_analysis"), analysis},
            {QStringLiteral("market_context"), context}};
}

QJsonArray withoutOtherUsers(const QJsonArray &rows, int userId)
{
    QJsonArray result;
    for (const QJsonValue &value : rows) {
        QJsonObject row = value.toObject();
        if (row.value(QStringLiteral("user_id")).toInt() != userId)
            row.insert(QStringLiteral("user_id"), QJsonValue());
        result.append(row);
    }
    return result;
}

QJsonArray referencing(const QJsonArray &rows, const QString &key, const QSet<qint64> &known)
{
    QJsonArray result;
    for (const QJsonValue &value : rows) {
        if (known.contains(value.toObject().value(key).toInteger()))
            result.append(value);
    }
    return result;
}

} // namespace cp::app::PeerReshape
