// Measures how honest the regime model's stated confidence is: on simulated markets, whose true
// regimes are known, the filtered label probabilities before (raw HMM posterior) and after
// calibration (RegimeCalibration) against the simulator's regime of the same day.
// Usage: regime_calibration [first_seed last_seed]; without arguments the seed sets of
// docs/models.md. Not a timing benchmark: it prints accuracy, confidence, Brier and ECE.

#include <engine/dailymarket.h>
#include <engine/macroanalyzer.h>
#include <engine/simulator.h>

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace cp::engine;

namespace {

/** Scores of four-label probability forecasts against true regimes. */
struct Score
{
    double days = 0, hits = 0, confidence = 0, brier = 0;
    double binConfidence[10] = {}, binHits[10] = {}, binDays[10] = {};

    //! `label` is the regime reported (the raw posterior's most probable one).
    void add(const double *p, Regime reported, Regime truth)
    {
        const int label = int(reported);
        const bool hit = label == int(truth);
        days += 1;
        hits += hit;
        confidence += p[label];
        for (int r = 0; r < 4; ++r)
            brier += (p[r] - (r == int(truth))) * (p[r] - (r == int(truth)));
        const int bin = std::min(9, int(p[label] * 10.0));
        binConfidence[bin] += p[label];
        binHits[bin] += hit;
        binDays[bin] += 1;
    }
    //! Top-label expected calibration error over 10 equal-width confidence bins.
    double ece() const
    {
        double e = 0.0;
        for (int b = 0; b < 10; ++b)
            e += std::abs(binConfidence[b] - binHits[b]) / std::max(1.0, days);
        return e;
    }
    void print(const char *name) const
    {
        std::printf("  %-28s days %6.0f  accuracy %.3f  mean confidence %.3f  gap %+.3f  "
                    "Brier %.3f  ECE %.3f\n",
                    name, days, hits / days, confidence / days, (confidence - hits) / days,
                    brier / days, ece());
    }
};

std::vector<AssetHistory> simulate(const MarketSimulator &sim, int days)
{
    std::vector<AssetHistory> out;
    for (const SimulatedAsset &s : sim.assets()) {
        AssetHistory a;
        a.cryptoId = s.index + 1;
        a.symbol = s.symbol;
        a.sector = s.sector;
        a.circulatingSupply = s.circulatingSupply;
        a.isStablecoin = s.isStablecoin;
        sim.generateCandles(s.index, a.candles);
        a.candles.resize(std::size_t(std::min<int>(days, int(a.candles.size()))));
        out.push_back(std::move(a));
    }
    return out;
}

void measure(int first, int last)
{
    constexpr int kDays = 730;
    Score rawAll, calibratedAll, rawLatest, calibratedLatest;
    double weights = 0.0;
    int seeds = 0;
    for (int seed = first; seed <= last; ++seed) {
        SimulationConfig config;
        config.seed = quint64(seed);
        config.assetCount = 40;
        config.days = kDays;
        const MarketSimulator sim(config);
        const std::vector<AssetHistory> all = simulate(sim, kDays);
        // Every filtered day of the full-history model, as charts show them.
        {
            const DailyMarket market(all);
            const MacroReport report = analyzeMacro(market, all);
            if (!report.regimeModel || report.firstRegimeDay < 0)
                continue;
            const MarketSeries series = buildMarketSeries(market, all);
            const RegimeModelOptions options;
            const RegimeFeatures features =
                regimeFeatures(series.indexReturn, options.trendWindow, options.volatilityWindow);
            const RegimeDecoding raw = report.regimeModel->decode(features);
            for (int t = 0; t < features.rows(); ++t) {
                const int day = features.firstDay + t;
                const Regime truth = sim.regimeAt(market.day(day));
                const Regime label = report.filteredRegimeHistory[std::size_t(day)];
                rawAll.add(raw.filtered.data() + std::size_t(t) * 4, label, truth);
                calibratedAll.add(report.regimeProbabilityHistory.data() + std::size_t(day) * 4,
                                  label, truth);
            }
            weights += report.regimeModel->calibration()->weight;
            ++seeds;
        }
        // What a user reads: the latest day's regime of a model trained on the history so far.
        for (int days = 365; days <= kDays; days += 73) {
            const std::vector<AssetHistory> past = simulate(sim, days);
            const DailyMarket market(past);
            const MacroReport report = analyzeMacro(market, past);
            if (!report.regimeModel || report.firstRegimeDay < 0)
                continue;
            const Regime truth = sim.regimeAt(market.day(market.dayCount() - 1));
            const MarketSeries series = buildMarketSeries(market, past);
            const RegimeModelOptions options;
            const RegimeFeatures features =
                regimeFeatures(series.indexReturn, options.trendWindow, options.volatilityWindow);
            const RegimeDecoding raw = report.regimeModel->decode(features);
            const double *p = raw.filtered.data() + std::size_t(features.rows() - 1) * 4;
            const Regime label = report.analysis.regime.regime;
            rawLatest.add(p, label, truth);
            calibratedLatest.add(report.analysis.regime.regimeProbabilities.data(), label, truth);
        }
    }
    std::printf("seeds %d-%d (40 assets x 730 days), mean calibration weight %.3f\n", first, last,
                weights / std::max(1, seeds));
    rawAll.print("all days, raw posterior");
    calibratedAll.print("all days, calibrated");
    rawLatest.print("latest day, raw posterior");
    calibratedLatest.print("latest day, calibrated");
}

} // namespace

int main(int argc, char **argv)
{
    if (argc == 3) {
        measure(std::atoi(argv[1]), std::atoi(argv[2]));
        return 0;
    }
    measure(101, 124); // where the labelling rule and the calibration's design were chosen
    measure(1, 34);    // held out
    measure(201, 232); // held out
    return 0;
}
