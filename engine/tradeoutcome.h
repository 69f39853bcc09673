#pragma once

#include "candle.h"
#include "timingtypes.h"

#include <span>

namespace cp::engine {

/**
 * Stop and target around an entry: a long's stop is entry - stopAtr * ATR and its target
 * entry + targetAtr * ATR; a short mirrors both. Risk/reward is then targetAtr / stopAtr.
 */
TradeSetup makeTradeSetup(SignalType side, double entry, double atr, double stopAtr,
                          double targetAtr);

/**
 * Replays a trade entered at the close of bars[entryBar] over the following bars whose time is
 * within `horizonSeconds` of the entry bar's time, using each bar's high and low:
 * - the target counts when the high (long) or low (short) reaches it, the stop likewise;
 * - when one bar reaches both, the order inside the bar is unknown: it counts as a stop hit
 *   (the conservative reading);
 * - neither within the horizon: Expired, marked to market at the last close in the horizon;
 * - the data ends before the horizon does, with neither reached: Open (outcome unknown).
 * Returns are +rewardPct at the target and -riskPct at the stop (fills exactly at the levels;
 * gaps through a level are not modelled). Bars with a non-finite or non-positive high, low or
 * close are skipped. resolvedAt is the time of the bar in which the outcome became known.
 */
TradeResult resolveTrade(std::span<const Candle> bars, int entryBar, const TradeSetup &setup,
                         qint64 horizonSeconds);

} // namespace cp::engine
