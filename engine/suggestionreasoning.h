#pragma once

#include "analysistypes.h"
#include "assetfeatures.h"
#include "assetscorer.h"

#include <QJsonObject>

namespace cp::engine {

/** The watch bands the tier logic works with, as ranks of the scored cross-section. */
struct TierBands
{
    int ranked = 0; //!< assets scored together
    int tier1 = 0;  //!< ranks 1..tier1 belong in tier 1
    int watch = 0;  //!< ranks tier1+1..watch belong in tier 2
    int margin = 1; //!< ranks an asset must fall beyond a band before it is moved out
};

/** Where an asset's sector stands in layer 2. */
struct SectorStanding
{
    bool known = false;
    QString name;
    double momentum = 0.0;
    int rank = 0;
    int count = 0;
};

/** Everything the readable reasoning of one suggestion is built from. */
struct SuggestionFacts
{
    const AssetHistory *asset = nullptr;
    const AssetFeatures *features = nullptr;
    const ScoredAsset *scored = nullptr; //!< null for assets removed for broken data
    SectorStanding sector;
    const MacroAnalysis *macro = nullptr;
    TierBands bands;
    double boundary = 0.0; //!< the score the decision was measured against
};

/**
 * Readable sentences quoting the real figures, one per key: decision, momentum,
 * volume_surge, risk_adjusted, trend, sector, liquidity, risk, market, confidence (or decision
 * and data for a broken-data removal). E.g. "volume +340% in 24h vs its 30-day median".
 */
QJsonObject suggestionReasoning(SuggestionType type, const SuggestionFacts &facts,
                                double confidence);

/** Component values (raw, z, weight, rank), score, bands, sector, regime and the last 30
 *  daily closes for a chart. */
QJsonObject suggestionSupportingData(const SuggestionFacts &facts);

/** Returns 24h / 7d / 30d and momentum (percent), 30-day volatility (percent per day), max
 *  drawdown (percent), volumes. */
QJsonObject assetPerformanceMetrics(const AssetFeatures &features);

//! "+18.2%" from a fraction 0.182; the sign is always shown.
QString signedPercent(double fraction, int decimals = 1);
//! "$12.3M", "$4.56B", "$812.0K", "$95.00".
QString dollars(double amount);

} // namespace cp::engine
