#pragma once

#include "analysistypes.h"
#include "dailymarket.h"
#include "marketseries.h"

#include <QString>

#include <vector>

namespace cp::engine {

/**
 * Windows, scales and weights of the fear & greed components. Each component maps its raw value
 * to a 0..100 score (50 = no signal); the index is the weighted mean of the available scores.
 * Default weights: momentum 0.25, breadth 0.25, volatility 0.20, volume 0.15, BTC dominance 0.15
 * (price action first, the slower confirmations after).
 */
struct SentimentOptions
{
    //! Momentum: log of the index over its moving average; score 50 + 50 tanh(value / scale).
    int momentumWindow = 30;
    double momentumScale = 0.10;
    double momentumWeight = 0.25;
    //! Volatility: log of short- over long-window realised volatility of the index, inverted:
    //! score 50 - 50 tanh(value / log 1.5). Calm markets read as greed, turbulence as fear.
    int volatilityShortWindow = 30;
    int volatilityLongWindow = 90;
    double volatilityWeight = 0.20;
    //! Volume: share of the window's quote volume traded on days the index rose (flat days count
    //! half); score 100 x share. Volume that comes with rises is greed, with falls panic.
    int volumeWindow = 14;
    double volumeWeight = 0.15;
    //! Breadth: share of non-stablecoin assets closing above their own moving average (one at
    //! its average counts half); score 100 x share.
    int breadthWindow = 30;
    double breadthWeight = 0.25;
    //! BTC dominance change in percentage points over `dominanceDays`, inverted: money fleeing
    //! to Bitcoin is fear. Score 50 - 50 tanh(change / scale).
    int dominanceDays = 7;
    double dominanceScale = 2.0;
    double dominanceWeight = 0.15;
};

/** One component of the index on one day. */
struct SentimentComponent
{
    QString name;
    bool available = false;
    double value = 0.0;  //!< raw value in the component's own unit
    double score = 50.0; //!< [0, 100]
    double weight = 0.0; //!< configured weight
    QString description; //!< readable, e.g. "62% of assets above their 30-day average"
};

//! "extreme fear", "fear", "neutral", "greed" or "extreme greed" (CNN's bands: <25, <45, <=55,
//! <75).
QString fearGreedLabel(double index);

/**
 * Our own fear & greed index from market data only: price momentum, volatility, volume, breadth
 * and BTC dominance. The constructor computes every component for every day of the market in one
 * pass (O(assets x days x window)); queries are then cheap. Values use no data after their day.
 */
class SentimentIndex
{
public:
    SentimentIndex(const DailyMarket &market, const MarketSeries &series,
                   const SentimentOptions &options = {});

    int dayCount() const { return int(m_momentum.size()); }
    std::vector<SentimentComponent> components(int day) const;
    //! Weighted mean of the available components' scores (renormalised weights); 50 when none is.
    double index(int day) const;
    //! Index for every day, for charts.
    std::vector<double> history() const;
    //! The market_sentiment_data row for `day`.
    SentimentResult result(int day, qint64 timestamp) const;

private:
    SentimentOptions m_options;
    // Raw component values per day; NaN where the component is unavailable.
    std::vector<double> m_momentum;
    std::vector<double> m_volatility;
    std::vector<double> m_volume;
    std::vector<double> m_breadth;
    std::vector<int> m_breadthAssets;
    std::vector<double> m_dominance;
};

} // namespace cp::engine
