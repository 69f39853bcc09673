#pragma once

#include "simulator.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace cp::engine {

/** Risk level as the schema spells it (low, medium, high, extreme). */
enum class RiskLevel { Low, Medium, High, Extreme };

QString riskLevelName(RiskLevel level);
QString regimeName(Regime regime);

// --- Layer 1: macro -------------------------------------------------------------------------

/** One market_regime_analysis row. */
struct MarketRegimeResult
{
    qint64 analysisTime = 0;
    Regime regime = Regime::Neutral;
    //! The regime model's probability of `regime` at analysisTime, in [0, 1].
    double confidence = 0.0;
    RiskLevel riskLevel = RiskLevel::Medium;
    double trendStrength = 0.0;       //!< [0, 1]
    double recommendedExposure = 0.0; //!< [0, 1]
    //! Probability of each regime, indexed by Regime.
    std::vector<double> regimeProbabilities;
    QJsonObject sentimentBreakdown;
    QJsonArray regimeDrivers; //!< readable sentences
    QJsonObject dominanceData;
    QJsonObject macroIndicators;
};

/** One market_sentiment_data row: our own market-derived fear & greed index. */
struct SentimentResult
{
    qint64 timestamp = 0;
    double fearGreedIndex = 50.0;    //!< [0, 100]
    double compositeSentiment = 0.0; //!< [-1, 1]
    QJsonObject sentimentSources;    //!< each component with its value and weight
};

/** One dominance_data row; dominance values in percent. */
struct DominanceResult
{
    qint64 timestamp = 0;
    double btcDominance = 0.0;
    double ethDominance = 0.0;
    double altDominance = 0.0;
    double stablecoinDominance = 0.0;
    double totalMarketCap = 0.0;
    double totalVolume = 0.0;
    QJsonObject dominanceChanges; //!< e.g. {"btc_24h": -0.3, "btc_7d": 1.2, ...}
};

/** Everything layer 1 produces for one analysis run. */
struct MacroAnalysis
{
    MarketRegimeResult regime;
    SentimentResult sentiment;
    DominanceResult dominance;
    //! Regime label per day of the daily market (for charts shading regime periods).
    std::vector<Regime> regimeHistory;
};

// --- Layer 2: sectors -----------------------------------------------------------------------

/** One sector_performance row. */
struct SectorPerformanceResult
{
    int sectorId = 0;
    QString sectorName;
    qint64 analysisTime = 0;
    double totalMarketCap = 0.0;
    double totalVolume = 0.0;
    double dominancePercentage = 0.0; //!< [0, 100]
    double momentumScore = 0.0;       //!< [-1, 1]
    double performance24h = 0.0;      //!< percent
    double performance7d = 0.0;       //!< percent
    double performance30d = 0.0;      //!< percent
    QJsonArray topPerformers;         //!< [{"crypto_id", "symbol", "performance_24h"}, ...]
    QJsonObject performanceMetrics;
    int rank = 0; //!< 1 = strongest momentum
};

/** One sector_rotation_analysis row. */
struct SectorRotationResult
{
    qint64 analysisTime = 0;
    QJsonObject flowDirections;
    QJsonObject rotationSignals;
    QStringList leadingSectors;
    QStringList decliningSectors;
    double rotationProbability = 0.0;  //!< [0, 1]
    QJsonObject recommendedAllocation; //!< sector name -> weight; weights sum to 1
};

struct SectorAnalysis
{
    std::vector<SectorPerformanceResult> sectors;
    SectorRotationResult rotation;
};

// --- Layer 3: assets ------------------------------------------------------------------------

enum class SuggestionType { AddTier1, AddTier2, Promote, Demote, Remove };
QString suggestionTypeName(SuggestionType type);

/** The cross-sectional score of one asset and its components (z-scores unless noted). */
struct AssetScore
{
    int cryptoId = 0;
    QString symbol;
    double score = 0.0;
    double momentum = 0.0;
    double volumeSurge = 0.0;
    double riskAdjustedReturn = 0.0;
    double trend = 0.0;
    double sectorStrength = 0.0;
    double liquidity = 0.0;
    double confidence = 0.0; //!< [0, 1]
    RiskLevel riskLevel = RiskLevel::Medium;
    double performance24h = 0.0; //!< percent
};

/** One ai_suggestions row. */
struct SuggestionResult
{
    int cryptoId = 0;
    QString symbol;
    SuggestionType type = SuggestionType::AddTier2;
    double confidence = 0.0;
    QJsonObject
        aiReasoning; //!< key -> readable sentence, e.g. "volume_surge": "volume +340% in 24h"
    QJsonObject supportingData;
    QJsonObject performanceMetrics;
    qint64 suggestedAt = 0;
    qint64 expiresAt = 0;
};

/** An asset the engine could not analyse, and why, for the run report. */
struct SkippedAsset
{
    int cryptoId = 0;
    QString symbol;
    QString reason;
};

struct AssetAnalysis
{
    std::vector<AssetScore> scores;
    std::vector<SuggestionResult> suggestions;
    std::vector<SkippedAsset> skipped;
};

// --- Layer 4: timing ------------------------------------------------------------------------

enum class SignalType { Long, Short };

/** One trading_signals row. */
struct SignalResult
{
    int cryptoId = 0;
    QString symbol;
    SignalType type = SignalType::Long;
    double entryPrice = 0.0;
    double targetPrice = 0.0;
    double stopLoss = 0.0;
    double confidence = 0.0;
    RiskLevel riskLevel = RiskLevel::Medium;
    double riskRewardRatio = 0.0;
    int timeHorizonHours = 24;
    QJsonObject aiAnalysis;    //!< {"key_factors": [...], "probability_analysis": {...}, ...}
    QJsonObject marketContext; //!< the why chain: regime, sector rank, tier, suggestion, sizing
    qint64 generatedAt = 0;
    qint64 expiresAt = 0;
};

// --- Predictions and model registry ---------------------------------------------------------

/** One predictions_enhanced row (before evaluation). */
struct PredictionResult
{
    int cryptoId = 0;
    QString symbol;
    QString layerSource = QStringLiteral("layer4");
    QString modelName;
    QString modelVersion;
    double predictedPrice = 0.0;
    double confidence = 0.0;
    int predictionHorizonHours = 24;
    qint64 targetTime = 0;
    double inputPrice = 0.0;
    QJsonObject featuresUsed;
    QJsonObject modelParameters;
    QJsonObject inputFeatures;
    QJsonObject macroContext;
    QString marketConditions;
    QString volatilityLevel;
};

/** One ai_models row: a fitted model with its walk-forward metrics. */
struct ModelRecord
{
    QString name;
    QString version;
    QString modelType; //!< macro, sector, asset or timing
    QJsonObject configuration;
    QJsonObject performanceMetrics;
    qint64 lastTrained = 0;
};

} // namespace cp::engine
