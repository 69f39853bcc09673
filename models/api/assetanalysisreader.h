#pragma once

#include <engine/result.h>

#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>
#include <vector>

namespace cp::models {

/**
 * GET layer3/assets/{id}/analysis: what the layers currently say about one asset, in the seed's
 * shape (symbol, current_analysis, performance_metrics, recommendation).
 *
 * - ai_confidence and risk_level come from the newest trading signal, else the newest suggestion.
 * - technical_indicators are the newest non-empty price_data.technical_indicators.
 * - sentiment_score is the market-wide composite sentiment (no per-asset sentiment is collected).
 * - sector_correlation is the Pearson correlation of the asset's daily log returns with the mean
 *   of its sector peers' over the last 30 days (null with fewer than 10 common days or no peers).
 * - recommendation: an active, unexpired signal gives strong_buy / buy (long) or strong_sell /
 *   sell (short), "strong" at confidence 0.75 or more; otherwise hold.
 */
class AssetAnalysisReader
{
public:
    explicit AssetAnalysisReader(QSqlDatabase db);

    Result<std::optional<QJsonObject>> analysis(int cryptoId) const;

    //! Pearson correlation of two equally long series; nothing when undefined.
    static std::optional<double> correlation(const std::vector<double> &x,
                                             const std::vector<double> &y);

private:
    Result<std::optional<double>> sectorCorrelation(int cryptoId, int sectorId) const;

    QSqlDatabase m_db;
};

} // namespace cp::models
