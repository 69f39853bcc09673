#include "appconfig.h"

#include "metadatarepository.h"
#include "serviceerror.h"

namespace cp::models {

namespace {
const QString kKey = QStringLiteral("config");
const QString kLimits = QStringLiteral("watchlist_limits");
const QString kThresholds = QStringLiteral("ai_thresholds");
} // namespace

QJsonObject AppConfig::toJson() const
{
    return {{kLimits, QJsonObject{{QStringLiteral("tier1_max"), tier1Max},
                                  {QStringLiteral("tier2_max"), tier2Max}}},
            {kThresholds,
             QJsonObject{{QStringLiteral("suggestion_confidence_min"), suggestionConfidenceMin},
                         {QStringLiteral("signal_confidence_min"), signalConfidenceMin}}}};
}

Result<AppConfig> AppConfig::fromJson(const QJsonObject &json, const AppConfig &base)
{
    AppConfig config = base;
    auto fail = [](const QString &field, const QString &rule) {
        return Result<AppConfig>::failure(QStringLiteral("%1 %2.").arg(field, rule),
                                          static_cast<int>(ServiceError::Invalid));
    };
    for (const QString &key : json.keys()) {
        if (key != kLimits && key != kThresholds)
            return fail(key, QStringLiteral("is not a configuration section"));
    }
    const QJsonObject limits = json.value(kLimits).toObject();
    for (const QString &key : limits.keys()) {
        const QJsonValue value = limits.value(key);
        const QString field = kLimits + QLatin1Char('.') + key;
        if (key != QLatin1String("tier1_max") && key != QLatin1String("tier2_max"))
            return fail(field, QStringLiteral("is not a known setting"));
        if (!value.isDouble() || value.toDouble() != value.toInt() || value.toInt() < 1 ||
            value.toInt() > 10000)
            return fail(field, QStringLiteral("must be a whole number from 1 to 10000"));
        (key == QLatin1String("tier1_max") ? config.tier1Max : config.tier2Max) = value.toInt();
    }
    const QJsonObject thresholds = json.value(kThresholds).toObject();
    for (const QString &key : thresholds.keys()) {
        const QJsonValue value = thresholds.value(key);
        const QString field = kThresholds + QLatin1Char('.') + key;
        if (key != QLatin1String("suggestion_confidence_min") &&
            key != QLatin1String("signal_confidence_min"))
            return fail(field, QStringLiteral("is not a known setting"));
        if (!value.isDouble() || value.toDouble() < 0.0 || value.toDouble() > 1.0)
            return fail(field, QStringLiteral("must be a number from 0 to 1"));
        (key == QLatin1String("suggestion_confidence_min") ? config.suggestionConfidenceMin
                                                           : config.signalConfidenceMin) =
            value.toDouble();
    }
    return config;
}

Result<AppConfig> AppConfig::load(QSqlDatabase db)
{
    const Result<std::optional<QJsonObject>> stored = MetadataRepository(db).get(kKey);
    if (!stored)
        return Result<AppConfig>::failure(stored.error(), static_cast<int>(ServiceError::Database));
    if (!stored->has_value())
        return AppConfig();
    return fromJson(**stored);
}

Status AppConfig::save(QSqlDatabase db) const
{
    return MetadataRepository(db).set(kKey, toJson());
}

} // namespace cp::models
