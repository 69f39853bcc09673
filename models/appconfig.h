#pragma once

#include <engine/result.h>

#include <QJsonObject>
#include <QSqlDatabase>

namespace cp::models {

/**
 * The settings admins tune (seed: POST /api/v1/admin/config), stored as JSON under the
 * app_metadata key "config" so that every desktop and server on one database agrees.
 */
struct AppConfig
{
    int tier1Max = 20;
    int tier2Max = 100;
    // Calibrated probabilities: a stated 0.55 hits about 55% of the time, well above the base
    // rate of a 2.5:1.5 ATR target; the seed's example of 0.8 would leave almost no signal.
    double suggestionConfidenceMin = 0.6;
    double signalConfidenceMin = 0.55;

    //! The seed's shape: {"watchlist_limits": {...}, "ai_thresholds": {...}}.
    QJsonObject toJson() const;
    //! Applies the fields present in `json`; an out-of-range value fails naming the field.
    static Result<AppConfig> fromJson(const QJsonObject &json, const AppConfig &base);
    static Result<AppConfig> fromJson(const QJsonObject &json)
    {
        return fromJson(json, AppConfig());
    }

    static Result<AppConfig> load(QSqlDatabase db);
    Status save(QSqlDatabase db) const;
};

} // namespace cp::models
