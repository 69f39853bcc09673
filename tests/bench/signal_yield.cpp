// How many timing signals an analysis of a simulated demo market would issue, and the
// out-of-sample evidence the pipeline's honesty gate (app/analysislayers.cpp: withhold all
// signals when candidates rated >= the threshold hit less often than threshold - 0.05, given 30
// or more of them) looks at. Engine only: layer 4 with the walk-forward regime history, as the
// pipeline runs it. Not timed.
// Usage: signal_yield [first_seed last_seed [assets days interval(1h|1d)]]; default the demo's
// 50 assets x 365 days of daily bars, seeds 1-12.

#include <engine/dailymarket.h>
#include <engine/macroanalyzer.h>
#include <engine/simulator.h>
#include <engine/timinganalyzer.h>

#include <QString>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace cp::engine;

int main(int argc, char **argv)
{
    const int first = argc > 2 ? std::atoi(argv[1]) : 1;
    const int last = argc > 2 ? std::atoi(argv[2]) : 12;
    SimulationConfig base;
    base.assetCount = argc > 5 ? std::atoi(argv[3]) : 50;
    base.days = argc > 5 ? std::atoi(argv[4]) : 365;
    base.interval = argc > 5 && QString::fromLatin1(argv[5]) == QLatin1String("1h") ? Interval::Hour
                                                                                    : Interval::Day;
    constexpr int kMinEvidence = 30;
    constexpr double kTolerance = 0.05;
    std::printf("%d assets x %d days (%s), threshold %.2f\n", base.assetCount, base.days,
                base.interval == Interval::Hour ? "1h" : "1d", TimingConfig{}.confidenceMin);
    std::printf("seed  candidates labelled oos  base   Brier(oos) baseBrier  >=thr  hit(>=thr) "
                "gate  setups-now  >=thr-now  issued\n");
    int issuedTotal = 0, gatedSeeds = 0;
    for (int seed = first; seed <= last; ++seed) {
        SimulationConfig config = base;
        config.seed = quint64(seed);
        const MarketSimulator sim(config);
        std::vector<AssetHistory> assets;
        for (const SimulatedAsset &s : sim.assets()) {
            AssetHistory a;
            a.cryptoId = s.index + 1;
            a.symbol = s.symbol;
            a.sector = s.sector;
            a.circulatingSupply = s.circulatingSupply;
            a.isStablecoin = s.isStablecoin;
            sim.generateCandles(s.index, a.candles);
            assets.push_back(std::move(a));
        }
        const DailyMarket market(assets);
        TimingHistory history;
        history.regimeByDay =
            regimeByDayFrom(market.days(), walkForwardRegimeHistory(market, assets));
        const TimingConfig timingConfig;
        const TimingAnalyzer timing(timingConfig, history);
        std::vector<AssetCandidates> candidates;
        for (const AssetHistory &a : assets)
            candidates.push_back(timing.scan(a));
        const SignalModel model = timing.train(candidates);
        int total = 0, labelled = 0, setupsNow = 0, aboveNow = 0, issued = 0;
        for (int i = 0; i < model.data.size(); ++i) {
            ++total;
            labelled += model.data.isLabelled(i);
        }
        const bool trustworthy = model.thresholdSignals < kMinEvidence ||
                                 model.thresholdHitRate >= timingConfig.confidenceMin - kTolerance;
        for (std::size_t i = 0; i < assets.size(); ++i) {
            const AssetCandidates &a = candidates[i];
            if (a.isSkipped() || a.latest < 0)
                continue;
            ++setupsNow;
            if (!model.isFitted())
                continue;
            const double c = model.confidence(a.candidates[std::size_t(a.latest)]);
            if (std::isfinite(c) && c >= timingConfig.confidenceMin) {
                ++aboveNow;
                issued += trustworthy;
            }
        }
        const CalibrationReport &oos = model.walkForward.calibratedReport;
        std::printf("%4d  %10d %8d %4d %.3f  %.4f     %.4f    %5d  %.3f      %-4s  %10d  %9d  "
                    "%6d\n",
                    seed, total, labelled, oos.count, oos.baseRate, oos.brier, oos.baseRateBrier,
                    model.thresholdSignals, model.thresholdHitRate,
                    trustworthy ? "pass" : "WITHHOLD", setupsNow, aboveNow, issued);
        std::printf("      latest model: l2 %g, calibration %s\n", model.latest.l2,
                    qPrintable(model.latest.calibrationNote));
        issuedTotal += issued;
        gatedSeeds += !trustworthy;
    }
    std::printf("signals issued over seeds %d-%d: %d; seeds withheld by the gate: %d\n", first,
                last, issuedTotal, gatedSeeds);
    return 0;
}
