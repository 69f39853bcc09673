#include "simulator.h"

#include "random.h"

#include <algorithm>
#include <cmath>

namespace cp::engine {

namespace {

// Stream domains of Random::forStream; AssetCatalog uses 5 for asset facts.
enum Stream : quint64 { RegimeStream = 1, MarketStream = 2, SectorStream = 3, AssetPathStream = 4 };

constexpr qint64 secondsPerDay = 86400;

/** How the market factor behaves in one regime, per day, and how long the regime lasts. */
struct RegimeModel
{
    double drift;
    double vol;
    double jumpRate;
    double jumpMean;
    double jumpVol;
    int minDays;
    int maxDays;
};

// Indexed by Regime. Bear markets crash (negative jump mean); volatile ones are short and wild.
constexpr RegimeModel regimeModels[] = {
    {0.0045, 0.028, 0.02, 0.00, 0.04, 21, 70},   // Bull
    {-0.0045, 0.035, 0.03, -0.02, 0.05, 21, 63}, // Bear
    {0.0002, 0.018, 0.01, 0.00, 0.03, 14, 56},   // Neutral
    {-0.0005, 0.055, 0.06, 0.00, 0.06, 7, 28},   // Volatile
};

// Next-regime probabilities (rows: current regime). No self-transitions: a regime's length is
// its drawn duration, which keeps every period weeks long.
constexpr double regimeTransitions[4][4] = {
    {0.00, 0.20, 0.45, 0.35},
    {0.20, 0.00, 0.50, 0.30},
    {0.40, 0.30, 0.00, 0.30},
    {0.35, 0.35, 0.30, 0.00},
};

// Sector factors carry a slowly mean-reverting drift so that sectors take turns leading.
constexpr double sectorDriftVol = 0.002; // stationary sd of the daily drift
constexpr double sectorDriftDays = 30.0; // e-folding time of that drift
// A sector's and an asset's cumulative deviation from the market is pulled back with this
// e-folding time: without it, dispersion grows like sqrt(time) and after a few simulated years
// a meme coin outweighs Bitcoin. Daily volatility is unchanged; only long horizons revert.
constexpr double relativeReversionDays = 180.0;
// Share of the recent trend (EMA of returns with a six-hour memory) that carries into the next
// bar, before scaling for the bar length (see buildFactors).
constexpr double marketTrendPersistence = 0.35;
constexpr double ownTrendPersistence = 0.6;
constexpr double trendMemoryDays = 0.25;

// Average daily market volatility over the regimes; sets what "a large move" means for volume.
constexpr double typicalMarketVol = 0.035;
// Wicks: the excursion beyond the candle body is about half a bar sigma on average per side.
constexpr double wickScale = 0.5;
constexpr double volumeNoise = 0.35;

// Share of daily volume by UTC hour (relative): quiet Asian night, peak at the US open.
constexpr double hourlyVolumeProfile[24] = {1.00, 0.95, 0.90, 0.85, 0.80, 0.78, 0.80, 0.88,
                                            0.95, 1.00, 1.00, 1.00, 1.05, 1.15, 1.30, 1.30,
                                            1.20, 1.10, 1.05, 1.00, 1.00, 0.98, 0.95, 0.98};
constexpr double weekendVolumeFactor = 0.75;

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

int nextRegime(int current, double u)
{
    double cumulative = 0.0;
    int last = current;
    for (int j = 0; j < 4; ++j) {
        if (regimeTransitions[current][j] <= 0.0)
            continue;
        cumulative += regimeTransitions[current][j];
        last = j;
        if (u < cumulative)
            return j;
    }
    return last; // rounding left u above the final cumulative sum
}

} // namespace

MarketSimulator::MarketSimulator(const SimulationConfig &config)
    : m_config(config)
{
    m_config.assetCount = std::max(0, m_config.assetCount);
    m_config.days = std::max(0, m_config.days);
    m_barsPerDay = int(secondsPerDay / intervalSeconds(m_config.interval));
    m_barCount = m_config.days * m_barsPerDay;

    m_assets.resize(size_t(m_config.assetCount));
    m_models.resize(size_t(m_config.assetCount));
    for (int i = 0; i < m_config.assetCount; ++i)
        AssetCatalog::describe(m_config.seed, i, m_assets[size_t(i)], m_models[size_t(i)]);

    buildRegimes();
    buildFactors();
    buildSeasonality();
}

QStringList MarketSimulator::sectorNames()
{
    QStringList names;
    for (int s = 0; s < AssetCatalog::sectorCount; ++s)
        names.append(QString::fromLatin1(AssetCatalog::sector(s).name));
    return names;
}

Regime MarketSimulator::regimeAt(qint64 time) const
{
    const auto it =
        std::upper_bound(m_regimes.begin(), m_regimes.end(), time,
                         [](qint64 t, const RegimePeriod &period) { return t < period.start; });
    if (it == m_regimes.begin())
        return Regime::Neutral;
    const RegimePeriod &period = *std::prev(it);
    return time < period.end ? period.regime : Regime::Neutral;
}

std::span<const double> MarketSimulator::sectorReturns(int sectorIndex) const
{
    if (sectorIndex < 0 || sectorIndex >= AssetCatalog::sectorCount)
        return {};
    return std::span<const double>(m_sectorReturns)
        .subspan(size_t(sectorIndex) * m_barCount, size_t(m_barCount));
}

// Regimes are whole days, drawn before and independently of the interval: the hourly and the
// daily simulation of one seed go through the same market phases.
void MarketSimulator::buildRegimes()
{
    Random rng = Random::forStream(m_config.seed, RegimeStream, 0);
    int regime = rng.below(4);
    int day = 0;
    while (day < m_config.days) {
        const RegimeModel &model = regimeModels[regime];
        const int length = model.minDays + rng.below(model.maxDays - model.minDays + 1);
        const int end = std::min(m_config.days, day + length);
        m_regimes.push_back({m_config.startTime + day * secondsPerDay,
                             m_config.startTime + end * secondsPerDay, Regime(regime)});
        day = end;
        regime = nextRegime(regime, rng.uniform());
    }
}

void MarketSimulator::buildFactors()
{
    const double dt = 1.0 / m_barsPerDay;
    const double sqrtDt = std::sqrt(dt);

    m_marketReturns.resize(size_t(m_barCount));
    m_marketVariance.resize(size_t(m_barCount));
    Random market = Random::forStream(m_config.seed, MarketStream, 0);
    // Short-term trend persistence (time-series momentum, documented in crypto markets): part of
    // each bar's market return continues the recent trend, an EMA of past market returns with a
    // few hours' memory. It gives timing models something real to learn; without it the
    // simulated market is a random walk that no signal can beat. It lives in the shared factor,
    // so assets' residuals stay independent.
    double trend = 0.0;
    const double trendAlpha = 1.0 - std::exp(-dt / trendMemoryDays);
    // Bars longer than the trend's memory carry (almost) none of it: daily bars stay close to a
    // random walk, hourly bars trend.
    const double trendGain = marketTrendPersistence * (1.0 - trendAlpha);
    for (const RegimePeriod &period : m_regimes) {
        const RegimeModel &model = regimeModels[int(period.regime)];
        const int first = int((period.start - m_config.startTime) / secondsPerDay) * m_barsPerDay;
        const int last = int((period.end - m_config.startTime) / secondsPerDay) * m_barsPerDay;
        const double drift = model.drift * dt;
        const double sd = model.vol * sqrtDt;
        const double jumpProbability = model.jumpRate * dt;
        for (int b = first; b < last; ++b) {
            double r = drift + sd * market.normal() + trendGain * trend;
            if (market.uniform() < jumpProbability)
                r += market.normal(model.jumpMean, model.jumpVol);
            trend += trendAlpha * (r - trend);
            m_marketReturns[size_t(b)] = r;
            m_marketVariance[size_t(b)] = sd * sd;
        }
    }

    m_sectorReturns.assign(size_t(AssetCatalog::sectorCount) * m_barCount, 0.0);
    const double persistence = std::exp(-dt / sectorDriftDays);
    const double driftInnovation = sectorDriftVol * std::sqrt(1.0 - persistence * persistence);
    const double reversion = dt / relativeReversionDays;
    for (int s = 0; s < AssetCatalog::sectorCount; ++s) {
        const double vol = AssetCatalog::sector(s).factorVol;
        if (vol <= 0.0)
            continue; // stablecoins share nothing but the peg
        Random rng = Random::forStream(m_config.seed, SectorStream, quint64(s));
        double *out = m_sectorReturns.data() + size_t(s) * m_barCount;
        double drift = sectorDriftVol * rng.normal();
        double level = 0.0; // cumulative log-return of the factor
        const double sd = vol * sqrtDt;
        for (int b = 0; b < m_barCount; ++b) {
            const double r = drift * dt + sd * rng.normal() - reversion * level;
            out[b] = r;
            level += r;
            drift = persistence * drift + driftInnovation * rng.normal();
        }
    }
}

void MarketSimulator::buildSeasonality()
{
    double hourlyMean = 0.0;
    for (double v : hourlyVolumeProfile)
        hourlyMean += v / 24.0;

    const qint64 step = intervalSeconds(m_config.interval);
    m_volumeSeasonality.resize(size_t(m_barCount));
    for (int b = 0; b < m_barCount; ++b) {
        const qint64 time = m_config.startTime + b * step;
        const qint64 day = floorDiv(time, secondsPerDay);
        const int weekday = int(((day + 4) % 7 + 7) % 7); // 1970-01-01 was a Thursday; 0 = Sunday
        double factor = (weekday == 0 || weekday == 6) ? weekendVolumeFactor : 1.0;
        if (m_config.interval == Interval::Hour) {
            const int hour = int((time - day * secondsPerDay) / 3600);
            factor *= hourlyVolumeProfile[hour] / hourlyMean;
        }
        m_volumeSeasonality[size_t(b)] = factor;
    }
}

void MarketSimulator::generateCandles(int assetIndex, std::vector<Candle> &out) const
{
    if (assetIndex < 0 || assetIndex >= int(m_assets.size())) {
        out.clear();
        return;
    }
    out.resize(size_t(m_barCount));
    if (m_models[size_t(assetIndex)].pegged)
        generatePegged(assetIndex, out.data());
    else
        generateFloating(assetIndex, out.data());
}

// Log-return = beta_m * market + beta_s * sector + drift + own noise and rare jumps (reverting).
void MarketSimulator::generateFloating(int assetIndex, Candle *out) const
{
    const AssetModel &model = m_models[size_t(assetIndex)];
    const SimulatedAsset &asset = m_assets[size_t(assetIndex)];
    Random rng = Random::forStream(m_config.seed, AssetPathStream, quint64(assetIndex));

    const double dt = 1.0 / m_barsPerDay;
    const double betaMarket = model.betaMarket;
    const double betaSector = model.betaSector;
    const double betaMarket2 = betaMarket * betaMarket;
    const double idioSd = model.idioVol * std::sqrt(dt);
    const double sectorSd = betaSector * AssetCatalog::sector(model.sector).factorVol;
    const double ownVariance = (sectorSd * sectorSd) * dt + idioSd * idioSd;
    const double drift = model.drift * dt;
    const double reversion = dt / relativeReversionDays;
    const double jumpProbability = model.jumpRate * dt;
    const double jumpVol = model.jumpVol;
    const double typicalSd =
        std::sqrt(betaMarket2 * typicalMarketVol * typicalMarketVol * dt + ownVariance);
    const double inverseTypicalSd = 1.0 / typicalSd;
    const double baseVolume = model.turnover * asset.circulatingSupply * dt;
    // exp(noise * N - noise^2 / 2) has mean 1.
    const double volumeBias = -0.5 * volumeNoise * volumeNoise;

    const double *market = m_marketReturns.data();
    const double *marketVariance = m_marketVariance.data();
    const double *sector = m_sectorReturns.data() + size_t(model.sector) * m_barCount;
    const double *seasonality = m_volumeSeasonality.data();
    const qint64 step = intervalSeconds(m_config.interval);

    double logPrice = std::log(model.startPrice);
    double own = 0.0; // cumulative idiosyncratic log-return, reverting
    // The asset's own returns trend too (see buildFactors), independently of other assets.
    double ownTrend = 0.0;
    const double trendAlpha = 1.0 - std::exp(-dt / trendMemoryDays);
    const double trendGain = ownTrendPersistence * (1.0 - trendAlpha);
    double open = model.startPrice;
    qint64 time = m_config.startTime;
    for (int b = 0; b < m_barCount; ++b) {
        double ownStep = idioSd * rng.normal() - reversion * own + trendGain * ownTrend;
        if (rng.uniform() < jumpProbability)
            ownStep += jumpVol * rng.normal();
        ownTrend += trendAlpha * (ownStep - ownTrend);
        own += ownStep;
        const double r = betaMarket * market[b] + betaSector * sector[b] + drift + ownStep;
        logPrice += r;
        const double close = std::exp(logPrice);
        const double barSd = std::sqrt(betaMarket2 * marketVariance[b] + ownVariance);
        const double upWick = std::exp(wickScale * barSd * std::fabs(rng.normal()));
        const double downWick = std::exp(-wickScale * barSd * std::fabs(rng.normal()));
        // Large moves trade more; mean of (0.4 + 0.75 |z|) is about 1 for a typical bar.
        const double activity = 0.4 + 0.75 * std::fabs(r) * inverseTypicalSd;
        const double noise = std::exp(volumeNoise * rng.normal() + volumeBias);

        Candle &c = out[b];
        c.time = time;
        c.open = open;
        c.close = close;
        c.high = std::max(open, close) * upWick;
        c.low = std::min(open, close) * downWick;
        c.volume = baseVolume * seasonality[b] * activity * noise;

        open = close;
        time += step;
    }
}

// Log price is an Ornstein-Uhlenbeck process around 0, sampled exactly at bar spacing, so the
// peg holds equally well for hourly and daily bars.
void MarketSimulator::generatePegged(int assetIndex, Candle *out) const
{
    const AssetModel &model = m_models[size_t(assetIndex)];
    const SimulatedAsset &asset = m_assets[size_t(assetIndex)];
    Random rng = Random::forStream(m_config.seed, AssetPathStream, quint64(assetIndex));

    const double dt = 1.0 / m_barsPerDay;
    const double persistence = std::exp(-std::log(2.0) * dt / model.pegHalfLife);
    const double innovation = model.pegVol * std::sqrt(1.0 - persistence * persistence);
    const double typicalMarketVariance = typicalMarketVol * typicalMarketVol * dt;
    const double baseVolume = model.turnover * asset.circulatingSupply * dt;
    const double volumeBias = -0.5 * volumeNoise * volumeNoise;
    const double *marketVariance = m_marketVariance.data();
    const double *seasonality = m_volumeSeasonality.data();
    const qint64 step = intervalSeconds(m_config.interval);

    double deviation = model.pegVol * rng.normal();
    double open = std::exp(deviation);
    qint64 time = m_config.startTime;
    for (int b = 0; b < m_barCount; ++b) {
        deviation = persistence * deviation + innovation * rng.normal();
        const double close = std::exp(deviation);
        const double upWick = std::exp(wickScale * innovation * std::fabs(rng.normal()));
        const double downWick = std::exp(-wickScale * innovation * std::fabs(rng.normal()));
        // Stablecoins are what traders flee into: volume rises with market stress.
        const double stress = 0.6 + 0.4 * marketVariance[b] / typicalMarketVariance;
        const double noise = std::exp(volumeNoise * rng.normal() + volumeBias);

        Candle &c = out[b];
        c.time = time;
        c.open = open;
        c.close = close;
        c.high = std::max(open, close) * upWick;
        c.low = std::min(open, close) * downWick;
        c.volume = baseVolume * seasonality[b] * stress * noise;

        open = close;
        time += step;
    }
}

} // namespace cp::engine
