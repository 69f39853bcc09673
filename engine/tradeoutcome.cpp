#include "tradeoutcome.h"

#include <cmath>

namespace cp::engine {

namespace {

bool validBar(const Candle &c)
{
    return std::isfinite(c.high) && std::isfinite(c.low) && std::isfinite(c.close) &&
           c.high > 0.0 && c.low > 0.0 && c.close > 0.0 && c.high >= c.low;
}

} // namespace

TradeSetup makeTradeSetup(SignalType side, double entry, double atr, double stopAtr,
                          double targetAtr)
{
    TradeSetup s;
    s.side = side;
    s.entry = entry;
    const double dir = side == SignalType::Long ? 1.0 : -1.0;
    s.stop = entry - dir * stopAtr * atr;
    s.target = entry + dir * targetAtr * atr;
    return s;
}

TradeResult resolveTrade(std::span<const Candle> bars, int entryBar, const TradeSetup &setup,
                         qint64 horizonSeconds)
{
    TradeResult r;
    const int n = int(bars.size());
    if (entryBar < 0 || entryBar >= n)
        return r;
    const bool isLong = setup.side == SignalType::Long;
    const qint64 end = bars[std::size_t(entryBar)].time + horizonSeconds;
    int lastValid = -1;
    for (int j = entryBar + 1; j < n; ++j) {
        const Candle &c = bars[std::size_t(j)];
        if (c.time > end) {
            break;
        }
        if (!validBar(c))
            continue;
        lastValid = j;
        const bool stopped = isLong ? c.low <= setup.stop : c.high >= setup.stop;
        const bool reached = isLong ? c.high >= setup.target : c.low <= setup.target;
        if (stopped || reached) {
            r.outcome = stopped ? TradeOutcome::StopHit : TradeOutcome::TargetHit;
            r.exitBar = j;
            r.resolvedAt = c.time;
            r.exitPrice = stopped ? setup.stop : setup.target;
            r.returnPct = stopped ? -setup.riskPct() : setup.rewardPct();
            r.barsHeld = j - entryBar;
            return r;
        }
    }
    // The horizon is complete once a bar at or beyond its end exists.
    const bool complete = n > 0 && bars[std::size_t(n - 1)].time >= end;
    if (!complete)
        return r; // Open
    r.outcome = TradeOutcome::Expired;
    const double dir = isLong ? 1.0 : -1.0;
    if (lastValid >= 0) {
        const Candle &c = bars[std::size_t(lastValid)];
        r.exitBar = lastValid;
        r.exitPrice = c.close;
        r.barsHeld = lastValid - entryBar;
    } else {
        r.exitBar = entryBar;
        r.exitPrice = setup.entry;
    }
    r.resolvedAt = end;
    r.returnPct = dir * (r.exitPrice - setup.entry) / setup.entry * 100.0;
    return r;
}

} // namespace cp::engine
