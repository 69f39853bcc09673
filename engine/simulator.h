#pragma once

#include "assetcatalog.h"
#include "candle.h"

#include <QString>
#include <QStringList>

#include <span>
#include <vector>

namespace cp::engine {

/** Bar length of simulated history. */
enum class Interval { Hour, Day };

/** Seconds in one bar of the given interval. */
constexpr qint64 intervalSeconds(Interval interval)
{
    return interval == Interval::Hour ? 3600 : 86400;
}

/** The market phases the simulator switches between. */
enum class Regime { Bull, Bear, Neutral, Volatile };

/** Everything that determines a simulated market: same config, same output, bit for bit. */
struct SimulationConfig
{
    quint64 seed = 42;
    int assetCount = 50;
    int days = 365;
    Interval interval = Interval::Day;
    //! Open time of the first bar, seconds since the Unix epoch (UTC).
    qint64 startTime = 1'672'531'200; // 2023-01-01T00:00:00Z
};

/** A simulated cryptocurrency with its static facts. */
struct SimulatedAsset
{
    int index = 0;
    QString symbol;
    QString name;
    //! One of the ten default sector names of the schema (DeFi, Layer1, ..., Stablecoins).
    QString sector;
    double circulatingSupply = 0.0;
    double totalSupply = 0.0;
    //! 0 when the asset has no supply cap.
    double maxSupply = 0.0;
    bool isStablecoin = false;
};

/** A stretch of time during which the market followed one regime; [start, end) in seconds. */
struct RegimePeriod
{
    qint64 start = 0;
    qint64 end = 0;
    Regime regime = Regime::Neutral;
};

/**
 * Deterministic market generator for demo data, tests and benchmarks.
 * Returns are correlated through a market factor and per-sector factors; the market factor's
 * drift and volatility follow regime periods. Candles of one asset are generated on demand, so
 * a caller can stream any number of assets with memory for one asset at a time.
 *
 * Candle volume is in units of the asset (like exchange klines), so quote volume is
 * volume * price. Bit-for-bit reproducible for a given config and libm (own PRNG and samplers,
 * no std:: distributions); generateCandles() is const and may run on several threads at once.
 */
class MarketSimulator
{
public:
    explicit MarketSimulator(const SimulationConfig &config);

    const SimulationConfig &config() const { return m_config; }
    const std::vector<SimulatedAsset> &assets() const { return m_assets; }
    const std::vector<RegimePeriod> &regimes() const { return m_regimes; }
    //! Bars per asset.
    int barCount() const { return m_barCount; }

    //! Fills `out` with the bars of one asset; independent of the order assets are requested in.
    //! An index outside assets() leaves `out` empty. Reuses `out`'s capacity.
    void generateCandles(int assetIndex, std::vector<Candle> &out) const;

    //! The ten default sector names, in the order of the schema's rows (DeFi first).
    static QStringList sectorNames();
    //! Regime in force at `time` (seconds); Neutral outside the simulated range.
    Regime regimeAt(qint64 time) const;
    //! Per-bar log-return of the market factor: the ground truth regime models can be checked on.
    std::span<const double> marketReturns() const { return m_marketReturns; }
    //! Per-bar log-return of one sector factor (index into sectorNames()); empty if out of range.
    std::span<const double> sectorReturns(int sectorIndex) const;

private:
    void buildRegimes();
    void buildFactors();
    void buildSeasonality();
    void generateFloating(int assetIndex, Candle *out) const;
    void generatePegged(int assetIndex, Candle *out) const;

    SimulationConfig m_config;
    int m_barCount = 0;
    int m_barsPerDay = 1;
    std::vector<SimulatedAsset> m_assets;
    std::vector<AssetModel> m_models;
    std::vector<RegimePeriod> m_regimes;
    //! Per-bar log-return of the market factor and of each sector factor (sector-major).
    std::vector<double> m_marketReturns;
    std::vector<double> m_sectorReturns;
    //! Per-bar variance of the market factor's diffusion (sets the width of candle wicks).
    std::vector<double> m_marketVariance;
    //! Per-bar volume multiplier for time of day and weekends (mean about 1).
    std::vector<double> m_volumeSeasonality;
};

} // namespace cp::engine
