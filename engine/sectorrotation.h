#pragma once

#include "analysistypes.h"
#include "dailymarket.h"
#include "sectorindex.h"

#include <span>
#include <vector>

namespace cp::engine {

/** Tunables of the rotation analysis; the defaults are what the pipeline uses. */
struct RotationConfig
{
    //! A sector leads when its momentum is at least this and it beat the market over 7 days;
    //! it declines at minus this and a 7-day underperformance.
    double leadThreshold = 0.2;
    //! Days over which cap-share flows and leadership changes are measured.
    int horizonDays = 7;
    //! Past days with the most similar momentum dispersion used for the rotation probability:
    //! at least this many, or a quarter of the history when that is more.
    int minNeighbours = 20;
    //! Softmax temperature over momentum scores for the allocation (lower = more concentrated).
    double temperature = 0.5;
    //! Largest share of the risk budget one sector may receive.
    double maxSectorWeight = 0.35;
};

/** What the rotation analysis knows about one sector. */
struct SectorSeries
{
    QString name;
    bool stablecoin = false;
    std::vector<int> members;   //!< asset indices of the daily market
    std::vector<double> excess; //!< daily excess log-returns vs the market
    MomentumReading now;
    MomentumReading weekAgo; //!< the reading horizonDays ago
};

/**
 * Rotation between sectors: leading/declining sectors, cap-share flows, rotation signals, the
 * rotation probability and a recommended allocation.
 *
 * Rotation probability: over the market's own history, every day d on which all sectors have
 * a full 30-day momentum reading (and d + horizon is known) gives one sample: the cross-sector
 * standard deviation of momentum ("dispersion") and whether a different sector had the
 * highest momentum `horizonDays` later. The probability is the Beta(1, 1) posterior mean
 * (changes + 1) / (samples + 2) over the past days whose dispersion is closest to today's:
 * a measured frequency, 0.5 with no history, 0 when there are fewer than two sectors.
 *
 * Allocation: the regime's recommended exposure is the risk budget. It is spread over the
 * non-stablecoin sectors by a softmax of momentum / temperature, each capped at
 * maxSectorWeight (excess redistributed to the others), and the rest goes to the stablecoin
 * sector ("Stablecoins" if there is none). Weights are non-negative and sum to 1.
 */
SectorRotationResult analyzeRotation(const DailyMarket &market,
                                     const std::vector<SectorSeries> &sectors, double exposure,
                                     qint64 now, const RotationConfig &config = {});

/** Softmax of scores / temperature with every weight capped at `cap` (raised to 1/n if
 *  smaller, so the weights can still sum to 1). Empty for empty input. */
std::vector<double> cappedSoftmax(std::span<const double> scores, double temperature, double cap);

} // namespace cp::engine
