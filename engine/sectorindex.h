#pragma once

#include "dailymarket.h"

#include <span>
#include <vector>

namespace cp::engine {

/**
 * Daily log-returns of a cap-weighted index over `members` (asset indices of `market`).
 * The return from day d-1 to d uses only members with a price on both days, so a listing
 * joining the index adds weight but never a jump: sum cap(d) / sum cap(d-1) over that set.
 * When those members have no known supply (all caps 0) the day falls back to an
 * equal-weighted return. Element 0, and days without any such member, are NaN.
 */
std::vector<double> indexLogReturns(const DailyMarket &market, std::span<const int> members);

/**
 * Relative momentum of a sector against the market on one day.
 *
 * From the daily excess log-returns e = log-return(sector) - log-return(market):
 *   tracking error TE = sample standard deviation of e over the last 30 days (floored at
 *   0.01%/day so a sector that tracks the market perfectly does not divide by zero),
 *   z7  = sum of e over 7 days  / (TE * sqrt(7)),
 *   z30 = sum of e over 30 days / (TE * sqrt(30)),
 *   score = tanh((0.4 * z7 + 0.6 * z30) / 2).
 * z7 and z30 are information-ratio t-statistics (about N(0, 1) for a sector that merely
 * tracks the market), so the score is a risk-adjusted relative return squashed into [-1, 1]:
 * a two-sigma outperformance on both horizons scores tanh(1) = 0.76. With less than 30 days
 * of history the windows shrink to what exists; with fewer than 2 days there is no reading.
 */
struct MomentumReading
{
    bool valid = false;
    //! True when the full 30-day window was available.
    bool full = false;
    int window = 0;
    double score = 0.0;
    //! 0.4 z7 + 0.6 z30 before squashing: orders sectors where tanh has saturated to +-1.
    double blend = 0.0;
    double z7 = 0.0;
    double z30 = 0.0;
    double excess7 = 0.0;  //!< summed excess log-return over 7 days
    double excess30 = 0.0; //!< summed excess log-return over 30 days
    double trackingError = 0.0;
};

MomentumReading momentumAt(std::span<const double> excess, int day);

//! Excess log-returns of a sector over the market, NaN where either is undefined.
std::vector<double> excessReturns(std::span<const double> sector, std::span<const double> market);

//! Sample standard deviation of the finite values among the last `window` up to `day`.
double trailingStdDev(std::span<const double> values, int day, int window);

} // namespace cp::engine
