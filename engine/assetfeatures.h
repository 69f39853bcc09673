#pragma once

#include "assethistory.h"
#include "assetsnapshot.h"
#include "dailymarket.h"

#include <QString>

#include <optional>
#include <vector>

namespace cp::engine {

/** Why an asset could not be scored. */
enum class SkipKind {
    Stablecoin,    //!< pegged price: momentum and trend carry no information
    NoData,        //!< no bars at all
    InvalidValues, //!< NaN, infinite or non-positive close, or negative volume
    Stale,         //!< no bar within the stale limit before "now"
    ShortHistory,  //!< too young to measure 30-day momentum
    ConstantPrice, //!< no price change over 30 days
    NoVolume,      //!< no trading on most days of the last 30
};

/** True for the kinds that mean the data is broken (a watched asset should be removed), as
 *  opposed to an asset that is merely young or a stablecoin. */
bool isDataFault(SkipKind kind);

/** Tunables of the per-asset features. */
struct FeatureConfig
{
    //! Days of history needed: 30 days of momentum plus the skipped last day.
    int minHistoryDays = 31;
    int staleDays = 2;
    //! Length of the moving average of the trend component, and the days its slope spans.
    int trendAverageDays = 50;
    int trendSlopeDays = 10;
    int drawdownDays = 90;
};

/**
 * The raw (not yet standardised) score components of one asset and the figures its reasoning
 * quotes. Returns are simple fractions unless called log; volumes are quote volumes
 * (volume x close); "daily" series come from the daily market grid.
 */
struct AssetFeatures
{
    int assetIndex = -1;
    std::optional<SkipKind> skip;
    QString skipReason;
    AssetSnapshot snapshot;

    // Raw components.
    double momentum = 0.0;       //!< log return from now-31d to now-1d (skips the last day)
    double volumeSurge = 0.0;    //!< log(24h volume / median daily volume of the prior 30 days)
    double riskAdjusted = 0.0;   //!< 30-day log return / (daily volatility x sqrt(30))
    double trend = 0.0;          //!< log(price / MA) + log(MA / MA slopeDays ago)
    double liquidity = 0.0;      //!< log of the mean daily volume over 30 days
    double sectorStrength = 0.0; //!< the sector's momentum score (set from layer 2)

    // Quoted figures.
    double momentumReturn = 0.0; //!< simple return behind `momentum`
    double return24h = 0.0;
    double return7d = 0.0;
    double return30d = 0.0;
    double volatility30d = 0.0; //!< sample std-dev of 30 daily log-returns
    double volume24h = 0.0;
    double medianVolume30d = 0.0;
    double meanVolume30d = 0.0;
    double priceVsAverage = 0.0; //!< price / MA - 1
    double averageSlope = 0.0;   //!< MA / MA slopeDays ago - 1
    int averageDays = 0;
    double maxDrawdown = 0.0; //!< largest peak-to-trough fall over drawdownDays, fraction
    int drawdownDays = 0;
    //! The last 30 daily closes (oldest first) for a chart, and the day of the first one.
    std::vector<double> closes;
    qint64 firstCloseDay = 0;
};

/**
 * Features of assets[assetIndex] at `now` (the newest bar of the whole market). `market`
 * must be built from the same asset vector. Pure and independent per asset, so the pipeline
 * can spread assets over threads.
 */
AssetFeatures computeAssetFeatures(const AssetHistory &asset, const DailyMarket &market,
                                   int assetIndex, qint64 now, const FeatureConfig &config = {});

} // namespace cp::engine
