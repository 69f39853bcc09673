#pragma once

#include "assethistory.h"
#include "timingtypes.h"

namespace cp::engine {

/**
 * Layer 4's explainable entry rules, applied at every bar of one asset. A long candidate fires
 * at the first bar where all of these hold (a short mirrors them):
 * - trend: EMA(emaFast) above EMA(emaSlow);
 * - pullback and recovery: RSI(14) was at or below rsiPullback within the previous pullbackBars
 *   bars, is now at least rsiRecovery points above that low, and rose on this bar;
 * - momentum turning: the MACD(12, 26, 9) histogram rose on this bar;
 * - ATR(14) > 0, so a stop distance exists.
 * "First bar" (the rules hold now but did not on the previous bar) keeps one setup from firing
 * on each of its bars. Each candidate carries its ATR stop and target, risk level, features and,
 * when the horizon has passed, its outcome (resolveTrade()).
 *
 * scan() is const and keeps no state between calls: call it from several threads at once.
 */
class SignalGenerator
{
public:
    SignalGenerator(TimingConfig config, TimingHistory history);

    const TimingConfig &config() const { return m_config; }
    AssetCandidates scan(const AssetHistory &asset) const;

    //! Bar length of a series: the median spacing of consecutive bars (0 if under two bars).
    static qint64 barSeconds(std::span<const Candle> candles);

private:
    TimingConfig m_config;
    TimingHistory m_history;
};

} // namespace cp::engine
