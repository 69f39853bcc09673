#pragma once

// Test data shared by the layer 4 tests: simulated asset histories and hand-made bars.

#include <engine/assethistory.h>
#include <engine/simulator.h>

#include <vector>

namespace timingtest {

using namespace cp::engine;

inline std::vector<AssetHistory> simulatedAssets(const MarketSimulator &sim)
{
    std::vector<AssetHistory> out(std::size_t(sim.config().assetCount));
    for (int i = 0; i < sim.config().assetCount; ++i) {
        AssetHistory &a = out[std::size_t(i)];
        const SimulatedAsset &s = sim.assets()[std::size_t(i)];
        a.cryptoId = i + 1;
        a.symbol = s.symbol;
        a.name = s.name;
        a.sector = s.sector;
        a.sectorId = int(MarketSimulator::sectorNames().indexOf(s.sector)) + 1;
        a.isStablecoin = s.isStablecoin;
        a.circulatingSupply = s.circulatingSupply;
        sim.generateCandles(i, a.candles);
    }
    return out;
}

inline SimulationConfig simulation(int assets, int days, Interval interval, quint64 seed = 7)
{
    SimulationConfig c;
    c.seed = seed;
    c.assetCount = assets;
    c.days = days;
    c.interval = interval;
    return c;
}

//! Bars one hour apart from t0, given as (high, low, close); open = previous close.
struct Hlc
{
    double high, low, close;
};
inline std::vector<Candle> hourlyBars(qint64 t0, double firstClose, const std::vector<Hlc> &rest)
{
    std::vector<Candle> bars;
    bars.push_back({t0, firstClose, firstClose, firstClose, firstClose, 1.0});
    for (const Hlc &b : rest) {
        const qint64 t = bars.back().time + 3600;
        bars.push_back({t, bars.back().close, b.high, b.low, b.close, 1.0});
    }
    return bars;
}

} // namespace timingtest
