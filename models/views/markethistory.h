#pragma once

#include <engine/result.h>

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

#include <vector>

namespace cp::models::views {

/** The whole market on one day: dominance in percent, capitalisation in dollars. */
struct MarketDay
{
    qint64 msecsSinceEpoch = 0;
    double totalMarketCap = 0.0;
    double btcDominance = 0.0;
    double ethDominance = 0.0;
    double stablecoinDominance = 0.0;
    double altDominance = 0.0;
};

/** A stretch of time the regime model labelled with one regime. */
struct RegimePeriod
{
    qint64 startMsecs = 0;
    qint64 endMsecs = 0;
    QString regime;
};

/** The market's history for the overview charts. */
struct MarketHistory
{
    std::vector<MarketDay> days;
    std::vector<RegimePeriod> regimes;
};

/**
 * Daily market capitalisation and dominance from the price history (one sample per asset at
 * midnight UTC, summed; stablecoins are the Stablecoins sector), and the regime periods from
 * market_regime_analysis (each analysis holds until the next one; equal neighbours merge; the
 * last holds to the end of the price history). Heavy on large databases: call it off-thread.
 */
Result<MarketHistory> loadMarketHistory(QSqlDatabase db);

//! Merges consecutive analyses with the same regime into periods ending at `endMsecs`.
std::vector<RegimePeriod> regimePeriods(const std::vector<std::pair<qint64, QString>> &analyses,
                                        qint64 endMsecs);

/**
 * Refines periods with what the newest analysis says about the regime's history: an explicit
 * "regime_periods" array ([{"start", "end", "regime"}], ISO times) replaces them; otherwise
 * "days_in_regime" stretches the newest period back that many days before the newest analysis
 * (overlapped periods give way).
 */
void applyRegimeIndicators(std::vector<RegimePeriod> &periods, const QJsonObject &indicators,
                           qint64 newestAnalysisMsecs);

} // namespace cp::models::views
