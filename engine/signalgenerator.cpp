#include "signalgenerator.h"

#include "indicators.h"
#include "tradeoutcome.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace cp::engine {

namespace {

constexpr int rsiPeriod = 14;
constexpr int atrPeriod = 14;
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

bool validPrice(double v)
{
    return std::isfinite(v) && v > 0.0;
}

// The per-bar columns the rules and features read; NaN where undefined.
struct Columns
{
    std::vector<double> close, high, low, volumePrefix;
    std::vector<double> emaFast, emaSlow, rsi, macd, macdSignal, hist, atr, atrPercent;
    std::vector<unsigned char> condLong, condShort;
};

RiskLevel riskFromPercentile(double pct, const TimingConfig &c)
{
    if (pct < c.riskLowBelow)
        return RiskLevel::Low;
    if (pct < c.riskMediumBelow)
        return RiskLevel::Medium;
    if (pct < c.riskHighBelow)
        return RiskLevel::High;
    return RiskLevel::Extreme;
}

// Extreme RSI over [t - bars, t - 1]: the minimum for longs, the maximum for shorts; NaN if any
// value there is undefined.
double rsiExtreme(const std::vector<double> &rsi, int t, int bars, bool isLong)
{
    double e =
        isLong ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
    for (int k = std::max(0, t - bars); k < t; ++k) {
        const double v = rsi[std::size_t(k)];
        if (std::isnan(v))
            return nan;
        e = isLong ? std::min(e, v) : std::max(e, v);
    }
    return std::isfinite(e) ? e : nan;
}

bool rulesHold(const Columns &c, const TimingConfig &cfg, int t, bool isLong)
{
    if (t < 1)
        return false;
    const std::size_t i = std::size_t(t);
    const double ef = c.emaFast[i], es = c.emaSlow[i], r = c.rsi[i], rp = c.rsi[i - 1];
    const double h = c.hist[i], hp = c.hist[i - 1], a = c.atr[i];
    // NaN compares false, so undefined inputs never fire.
    if (!(a > 0.0))
        return false;
    const double dir = isLong ? 1.0 : -1.0;
    if (!(dir * (ef - es) > 0.0) || !(dir * (r - rp) > 0.0) || !(dir * (h - hp) > 0.0))
        return false;
    const double extreme = rsiExtreme(c.rsi, t, cfg.pullbackBars, isLong);
    if (std::isnan(extreme))
        return false;
    if (isLong)
        return extreme <= cfg.rsiPullback && r - extreme >= cfg.rsiRecovery;
    return extreme >= 100.0 - cfg.rsiPullback && extreme - r >= cfg.rsiRecovery;
}

QString numberText(double v, int decimals = 1)
{
    return QString::number(v, 'f', decimals);
}

} // namespace

SignalGenerator::SignalGenerator(TimingConfig config, TimingHistory history)
    : m_config(std::move(config))
    , m_history(std::move(history))
{
}

qint64 SignalGenerator::barSeconds(std::span<const Candle> candles)
{
    if (candles.size() < 2)
        return 0;
    std::vector<qint64> gaps;
    gaps.reserve(candles.size() - 1);
    for (std::size_t i = 1; i < candles.size(); ++i)
        gaps.push_back(candles[i].time - candles[i - 1].time);
    auto mid = gaps.begin() + std::ptrdiff_t(gaps.size() / 2);
    std::nth_element(gaps.begin(), mid, gaps.end());
    return *mid;
}

AssetCandidates SignalGenerator::scan(const AssetHistory &asset) const
{
    const TimingConfig &cfg = m_config;
    AssetCandidates out;
    out.cryptoId = asset.cryptoId;
    out.symbol = asset.symbol;
    const std::span<const Candle> bars(asset.candles);
    const int n = int(bars.size());
    out.barCount = n;
    if (asset.isStablecoin) {
        out.skipReason = QStringLiteral("stablecoin: pegged prices carry no timing signals");
        return out;
    }
    if (n < std::max(cfg.minBars, cfg.emaSlow + 2)) {
        out.skipReason = QStringLiteral("only %1 bars of history; timing signals need at least %2")
                             .arg(n)
                             .arg(std::max(cfg.minBars, cfg.emaSlow + 2));
        return out;
    }
    for (int i = 1; i < n; ++i) {
        if (bars[std::size_t(i)].time <= bars[std::size_t(i - 1)].time) {
            out.skipReason =
                QStringLiteral("bars are not in strictly increasing time order (bar %1)").arg(i);
            return out;
        }
    }
    out.barSeconds = barSeconds(bars);
    out.horizonHours = out.barSeconds < 86400 ? cfg.horizonHoursIntraday : cfg.horizonHoursDaily;
    const qint64 horizonSeconds = qint64(out.horizonHours) * 3600;
    out.horizonBars =
        int(std::max<qint64>(1, (horizonSeconds + out.barSeconds / 2) / out.barSeconds));
    out.lastTime = bars[std::size_t(n - 1)].time;
    out.lastClose = bars[std::size_t(n - 1)].close;

    // Columns; an invalid bar (non-finite or non-positive price, high < low) becomes a NaN gap,
    // after which the indicators restart (indicators.h).
    Columns c;
    const std::size_t un = std::size_t(n);
    c.close.resize(un);
    c.high.resize(un);
    c.low.resize(un);
    c.volumePrefix.resize(un + 1);
    c.volumePrefix[0] = 0.0;
    bool anyMovement = false;
    for (std::size_t i = 0; i < un; ++i) {
        const Candle &b = bars[i];
        const bool ok =
            validPrice(b.close) && validPrice(b.high) && validPrice(b.low) && b.high >= b.low;
        // A close outside the bar's range is a data error we can absorb: widen the range.
        c.close[i] = ok ? b.close : nan;
        c.high[i] = ok ? std::max(b.high, b.close) : nan;
        c.low[i] = ok ? std::min(b.low, b.close) : nan;
        const double v = std::isfinite(b.volume) && b.volume > 0.0 ? b.volume : 0.0;
        c.volumePrefix[i + 1] = c.volumePrefix[i] + v;
        anyMovement = anyMovement || (ok && i > 0 && b.close != bars[i - 1].close);
    }
    for (auto *v :
         {&c.emaFast, &c.emaSlow, &c.rsi, &c.macd, &c.macdSignal, &c.hist, &c.atr, &c.atrPercent})
        v->resize(un);
    ema(c.close, c.emaFast, cfg.emaFast);
    ema(c.close, c.emaSlow, cfg.emaSlow);
    rsi(c.close, c.rsi, rsiPeriod);
    macd(c.close, {c.macd, c.macdSignal, c.hist}, 12, 26, 9);
    atr(c.high, c.low, c.close, c.atr, atrPeriod);
    for (std::size_t i = 0; i < un; ++i)
        c.atrPercent[i] = c.atr[i] / c.close[i] * 100.0;
    c.condLong.assign(un, 0);
    c.condShort.assign(un, 0);
    for (int t = 1; t < n; ++t) {
        c.condLong[std::size_t(t)] = rulesHold(c, cfg, t, true);
        c.condShort[std::size_t(t)] = rulesHold(c, cfg, t, false);
    }

    const int riskWindow =
        int(std::max<qint64>(2, qint64(cfg.riskWindowDays) * 86400 / out.barSeconds));
    auto buildCandidate = [&](int t, bool isLong) -> bool {
        const std::size_t i = std::size_t(t);
        const double dir = isLong ? 1.0 : -1.0;
        const int slopeFrom = t - cfg.slopeBars, momentumFrom = t - cfg.momentumBars;
        if (slopeFrom < 0 || momentumFrom < 0 || std::isnan(c.emaFast[std::size_t(slopeFrom)]) ||
            std::isnan(c.close[std::size_t(momentumFrom)]))
            return false;
        TimingCandidate k;
        k.bar = t;
        k.time = bars[i].time;
        k.atr = c.atr[i];
        k.atrPercent = c.atrPercent[i];
        k.setup = makeTradeSetup(isLong ? SignalType::Long : SignalType::Short, c.close[i], k.atr,
                                 cfg.stopAtr, cfg.targetAtr);
        // Percentile of today's ATR% among the window before it.
        int below = 0, counted = 0;
        for (int j = std::max(0, t - riskWindow); j < t; ++j) {
            const double v = c.atrPercent[std::size_t(j)];
            if (std::isnan(v))
                continue;
            ++counted;
            below += v < k.atrPercent ? 1 : 0;
        }
        k.atrPercentile = counted > 0 ? double(below) / counted : 0.5;
        k.riskLevel = riskFromPercentile(k.atrPercentile, cfg);
        k.rsi = c.rsi[i];
        k.rsiExtreme = rsiExtreme(c.rsi, t, cfg.pullbackBars, isLong);
        k.macdHist = c.hist[i];
        k.macdHistPrevious = c.hist[i - 1];
        k.emaFast = c.emaFast[i];
        k.emaSlow = c.emaSlow[i];
        const int w0 = std::max(0, t - cfg.volumeWindowBars);
        const double meanVolume =
            t > w0 ? (c.volumePrefix[i] - c.volumePrefix[std::size_t(w0)]) / double(t - w0) : 0.0;
        const double volume = c.volumePrefix[i + 1] - c.volumePrefix[i];
        k.volumeRatio = meanVolume > 0.0 ? volume / meanVolume : nan;
        k.momentumPct = (c.close[i] / c.close[std::size_t(momentumFrom)] - 1.0) * 100.0;
        const qint64 previousDay = utcDayStart(k.time) - 86400;
        if (m_history.regimeByDay)
            k.previousDayRegime = m_history.regimeByDay(previousDay);
        if (m_history.sectorMomentumByDay)
            k.previousDaySectorMomentum =
                m_history.sectorMomentumByDay(asset.sectorId, previousDay);

        auto &f = k.features;
        f[int(TimingFeature::IsShort)] = isLong ? 0.0 : 1.0;
        f[int(TimingFeature::Rsi)] = isLong ? k.rsi : 100.0 - k.rsi;
        f[int(TimingFeature::RsiRecovery)] = std::abs(k.rsi - k.rsiExtreme);
        f[int(TimingFeature::MacdHistAtr)] = dir * k.macdHist / k.atr;
        f[int(TimingFeature::MacdTurnAtr)] = dir * (k.macdHist - k.macdHistPrevious) / k.atr;
        f[int(TimingFeature::TrendSpread)] = dir * (k.emaFast - k.emaSlow) / k.atr;
        f[int(TimingFeature::TrendSlope)] =
            dir * (k.emaFast - c.emaFast[std::size_t(slopeFrom)]) / (cfg.slopeBars * k.atr);
        f[int(TimingFeature::AtrPercent)] = std::log(k.atrPercent);
        f[int(TimingFeature::AtrPercentile)] = k.atrPercentile;
        f[int(TimingFeature::VolumeSurge)] =
            std::isnan(k.volumeRatio) || k.volumeRatio <= 0.0
                ? (volume > 0.0 ? 3.0 : (meanVolume > 0.0 ? -3.0 : 0.0))
                : std::clamp(std::log(k.volumeRatio), -3.0, 3.0);
        f[int(TimingFeature::Momentum)] =
            dir * (c.close[i] - c.close[std::size_t(momentumFrom)]) / k.atr;
        const Regime regime = k.previousDayRegime.value_or(Regime::Neutral);
        f[int(TimingFeature::RegimeBull)] =
            k.previousDayRegime && regime == Regime::Bull ? dir : 0.0;
        f[int(TimingFeature::RegimeBear)] =
            k.previousDayRegime && regime == Regime::Bear ? dir : 0.0;
        f[int(TimingFeature::RegimeVolatile)] =
            k.previousDayRegime && regime == Regime::Volatile ? 1.0 : 0.0;
        f[int(TimingFeature::SectorMomentum)] =
            dir * std::clamp(k.previousDaySectorMomentum.value_or(0.0), -1.0, 1.0);
        for (double v : f)
            if (!std::isfinite(v))
                return false;
        k.result = resolveTrade(bars, t, k.setup, horizonSeconds);
        out.candidates.push_back(std::move(k));
        return true;
    };

    for (int t = 1; t < n; ++t) {
        const std::size_t i = std::size_t(t);
        const bool isLong = c.condLong[i] && !c.condLong[i - 1];
        const bool isShort = c.condShort[i] && !c.condShort[i - 1];
        if (!isLong && !isShort)
            continue;
        if (buildCandidate(t, isLong) && t == n - 1)
            out.latest = int(out.candidates.size()) - 1;
    }

    // Why the latest bar carries no candidate, in words.
    if (out.latest < 0) {
        const std::size_t i = un - 1;
        const Candle &last = bars[i];
        out.latestInvalid = true;
        if (std::isnan(c.close[i])) {
            out.latestNote =
                QStringLiteral("the latest bar has an invalid price (close %1)").arg(last.close);
        } else if (!anyMovement || c.atr[i] == 0.0) {
            out.latestNote =
                QStringLiteral(
                    "the price has not moved over the last %1 bars (ATR 0): no stop distance")
                    .arg(atrPeriod);
        } else if (std::isnan(c.emaSlow[i]) || std::isnan(c.hist[i]) || std::isnan(c.atr[i]) ||
                   std::isnan(c.rsi[i])) {
            out.latestNote = QStringLiteral("indicators are undefined at the latest bar: a price "
                                            "gap within the last %1 bars")
                                 .arg(cfg.emaSlow + 1);
        } else {
            out.latestInvalid = false;
            const bool up = c.emaFast[i] > c.emaSlow[i];
            out.latestNote =
                QStringLiteral(
                    "no new setup at the latest bar (trend %1, RSI %2, MACD histogram %3)")
                    .arg(up ? QStringLiteral("up") : QStringLiteral("down"), numberText(c.rsi[i]),
                         c.hist[i] > c.hist[i - 1] ? QStringLiteral("rising")
                                                   : QStringLiteral("falling"));
        }
    }
    return out;
}

} // namespace cp::engine
