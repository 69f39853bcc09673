#pragma once

#include <engine/result.h>

#include <QDateTime>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>
#include <vector>

namespace cp::models::views {

/** The newest market_regime_analysis row. */
struct RegimeReading
{
    QDateTime analysisTime;
    QString regime; //!< bull, bear, neutral or volatile
    double confidence = 0.0;
    QString riskLevel;
    double trendStrength = 0.0;
    double recommendedExposure = 0.0;
    QStringList drivers; //!< regime_drivers: readable sentences
};

/** The newest dominance_data row, in percent and dollars. */
struct DominanceReading
{
    QDateTime timestamp;
    double btc = 0.0;
    double eth = 0.0;
    double alt = 0.0;
    double stablecoin = 0.0;
    double totalMarketCap = 0.0;
    double totalVolume = 0.0;
};

/** A sector's newest sector_performance row, with its name. */
struct SectorReading
{
    QString name;
    double performance24h = 0.0;
    double performance7d = 0.0;
    double momentum = 0.0;
};

/**
 * What the four layers currently say, read in one go: the input of the layer-overview cards
 * (desktop home and GET /api/v1/ui/layer-overview) and of the market overview.
 */
struct OverviewSnapshot
{
    std::optional<RegimeReading> regime;
    std::optional<double> fearGreedIndex;     //!< [0, 100]
    std::optional<double> compositeSentiment; //!< [-1, 1]
    std::optional<DominanceReading> dominance;
    std::vector<SectorReading> sectors;
    std::optional<double> rotationProbability;
    QStringList leadingSectors;
    QStringList decliningSectors;
    int tier1Assets = 0;
    int tier2Assets = 0;
    int pendingSuggestions = 0;
    double meanSuggestionConfidence = 0.0;
    int activeSignals = 0;
    double meanSignalConfidence = 0.0;
    //! Newest analysis_time of any layer table; invalid before the first analysis.
    QDateTime lastAnalysis;
};

//! Reads the snapshot with a handful of small indexed queries.
Result<OverviewSnapshot> loadOverviewSnapshot(QSqlDatabase db);

//! Newest market_regime_analysis.analysis_time, invalid when none (for status bars).
Result<QDateTime> loadLastAnalysisTime(QSqlDatabase db);

} // namespace cp::models::views
