#pragma once

#include "analysistypes.h"
#include "assethistory.h"
#include "walkforward.h"

#include <QString>
#include <QStringList>

#include <array>
#include <cmath>
#include <functional>
#include <optional>
#include <vector>

namespace cp::engine {

/** Settings of layer 4: signal rules, trade geometry and model training. */
struct TimingConfig
{
    // Trade geometry: stop and target in ATR(14) multiples; risk/reward = targetAtr / stopAtr.
    double stopAtr = 1.5;
    double targetAtr = 2.5;
    //! Horizon of a signal on bars shorter than a day, and on daily (or longer) bars.
    int horizonHoursIntraday = 48;
    int horizonHoursDaily = 168;

    // Rules (long; shorts mirror them).
    int emaFast = 20;
    int emaSlow = 50;
    double rsiPullback = 40.0; //!< RSI must have been at or below this within pullbackBars
    double rsiRecovery = 5.0;  //!< ... and have recovered by at least this many points
    int pullbackBars = 6;
    int volumeWindowBars = 24; //!< volume surge = volume / mean of the previous N bars
    int momentumBars = 24;
    int slopeBars = 5;

    // Risk level from the percentile of ATR% among the asset's own last riskWindowDays.
    int riskWindowDays = 30;
    double riskLowBelow = 0.40;
    double riskMediumBelow = 0.75;
    double riskHighBelow = 0.95;

    //! Fewer bars than this: the asset is skipped.
    int minBars = 200;
    //! Current signals need at least this calibrated confidence (admin: signal_confidence_min).
    double confidenceMin = 0.55;

    WalkForwardOptions walkForward;
};

/** A layer 3 suggestion that put an asset on the watchlist (id 0 when not stored yet). */
struct SuggestionRef
{
    qint64 id = 0;
    SuggestionType type = SuggestionType::AddTier2;
};

/**
 * What layers 1-3 say about one asset at analysis time, as plain values: the start of the why
 * chain written into a signal's market_context.
 */
struct TimingContext
{
    std::optional<Regime> regime;
    double regimeProbability = 0.0;
    //! Layer 1's recommended market exposure in [0, 1]; negative when unknown.
    double recommendedExposure = -1.0;
    QString sector;
    int sectorRank = 0; //!< 0 when unknown
    std::optional<double> sectorMomentum;
    //! Watchlist tier; None means "use the asset's own tier".
    Tier tier = Tier::None;
    std::optional<SuggestionRef> suggestion;
};

//! Market regime of a UTC day (start of day in Unix seconds); nullopt when unknown.
using RegimeByDay = std::function<std::optional<Regime>(qint64 dayStart)>;
//! Sector momentum in [-1, 1] of a sector on a UTC day; nullopt when unknown.
using SectorMomentumByDay = std::function<std::optional<double>(int sectorId, qint64 dayStart)>;

/**
 * Past context for training features. The lookups must be causal (a filtered, not smoothed,
 * regime); features read the day BEFORE a bar's day, which was complete when the bar closed.
 * Both may be empty. They are called from several threads at once: keep them read-only.
 */
struct TimingHistory
{
    RegimeByDay regimeByDay;
    SectorMomentumByDay sectorMomentumByDay;
};

//! A RegimeByDay over a daily series (e.g. DailyMarket::days() and MacroAnalysis::regimeHistory).
RegimeByDay regimeByDayFrom(std::vector<qint64> days, std::vector<Regime> regimes);
//! Start of the UTC day containing `time`.
qint64 utcDayStart(qint64 time);

/** How a trade from a signal ended. */
enum class TradeOutcome {
    TargetHit, //!< the target was reached before the stop
    StopHit,   //!< the stop was reached first (or in the same bar as the target)
    Expired,   //!< neither within the horizon: marked to market at the horizon's last close
    Open,      //!< the horizon has not passed yet: outcome unknown
};
QString tradeOutcomeName(TradeOutcome outcome);

/** Entry, stop and target of a long or short trade. */
struct TradeSetup
{
    SignalType side = SignalType::Long;
    double entry = 0.0;
    double stop = 0.0;
    double target = 0.0;
    double riskPct() const { return entry > 0.0 ? std::abs(entry - stop) / entry * 100.0 : 0.0; }
    double rewardPct() const
    {
        return entry > 0.0 ? std::abs(target - entry) / entry * 100.0 : 0.0;
    }
    double riskRewardRatio() const
    {
        const double risk = std::abs(entry - stop);
        return risk > 0.0 ? std::abs(target - entry) / risk : 0.0;
    }
};

/** The realised result of a trade. */
struct TradeResult
{
    TradeOutcome outcome = TradeOutcome::Open;
    int exitBar = -1;
    qint64 resolvedAt = 0; //!< time of the bar in which the outcome became known
    double exitPrice = 0.0;
    double returnPct = 0.0; //!< +reward% at target, -risk% at stop, mark-to-market if expired
    int barsHeld = 0;
};

/** Features of a candidate, in this order (long/short-symmetric: "dir" = +1 long, -1 short). */
enum class TimingFeature {
    IsShort,
    Rsi,           //!< RSI for longs, 100 - RSI for shorts
    RsiRecovery,   //!< points recovered from the pullback extreme
    MacdHistAtr,   //!< dir * MACD histogram / ATR
    MacdTurnAtr,   //!< dir * (hist[t] - hist[t-1]) / ATR
    TrendSpread,   //!< dir * (EMA fast - EMA slow) / ATR
    TrendSlope,    //!< dir * EMA fast slope per bar / ATR
    AtrPercent,    //!< ln(ATR / close * 100)
    AtrPercentile, //!< [0, 1] within the asset's recent window
    VolumeSurge,   //!< ln(volume / recent mean volume), clipped to [-3, 3]
    Momentum,      //!< dir * (close - close momentumBars ago) / ATR
    RegimeBull,    //!< dir if the previous day was bull
    RegimeBear,    //!< dir if the previous day was bear
    RegimeVolatile,
    SectorMomentum, //!< dir * sector momentum of the previous day
};
constexpr int kTimingFeatureCount = 15;
QStringList timingFeatureNames();

/** A rule-based entry at one bar, with its geometry, features and (if known) outcome. */
struct TimingCandidate
{
    int bar = 0;
    qint64 time = 0; //!< bar time: the decision is made at this bar's close
    TradeSetup setup;
    double atr = 0.0;
    double atrPercent = 0.0;
    double atrPercentile = 0.0;
    RiskLevel riskLevel = RiskLevel::Medium;
    TradeResult result;
    std::array<double, kTimingFeatureCount> features{};

    // Raw values for the readable reasoning.
    double rsi = 0.0;
    double rsiExtreme = 0.0; //!< pullback low (long) or rally high (short)
    double macdHist = 0.0;
    double macdHistPrevious = 0.0;
    double emaFast = 0.0;
    double emaSlow = 0.0;
    double volumeRatio = 0.0; //!< NaN when volume is unknown
    double momentumPct = 0.0;
    std::optional<Regime> previousDayRegime;
    std::optional<double> previousDaySectorMomentum;

    bool isLabelled() const { return result.outcome != TradeOutcome::Open; }
    double label() const { return result.outcome == TradeOutcome::TargetHit ? 1.0 : 0.0; }
};

/** All candidates of one asset, or why the asset could not be used. */
struct AssetCandidates
{
    int cryptoId = 0;
    QString symbol;
    qint64 barSeconds = 0;
    int horizonHours = 0;
    int horizonBars = 0;
    int barCount = 0;
    qint64 lastTime = 0;
    double lastClose = 0.0;
    std::vector<TimingCandidate> candidates; //!< in bar order
    //! Index into candidates of the latest bar's candidate, or -1.
    int latest = -1;
    //! Non-empty: the asset was not analysed at all.
    QString skipReason;
    //! Non-empty: why the latest bar cannot carry a signal (invalid bar, no setup, ...).
    QString latestNote;
    //! True when latestNote describes bad data rather than "no setup".
    bool latestInvalid = false;

    bool isSkipped() const { return !skipReason.isEmpty(); }
};

} // namespace cp::engine
