#pragma once

// Hand-built and simulated markets shared by the sector and asset tests.

#include <engine/assethistory.h>
#include <engine/simulator.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <cmath>
#include <vector>

namespace fixtures {

using cp::engine::AssetHistory;
using cp::engine::Candle;

constexpr qint64 kStart = 1'704'067'200; // 2024-01-01T00:00:00Z
constexpr qint64 kDay = 86400;

/** An asset with one daily bar per close, starting `firstDay` days after kStart. */
inline AssetHistory dailyAsset(int id, const QString &symbol, int sectorId, const QString &sector,
                               double supply, const std::vector<double> &closes,
                               const std::vector<double> &volumes = {}, int firstDay = 0)
{
    AssetHistory a;
    a.cryptoId = id;
    a.symbol = symbol;
    a.name = symbol;
    a.sectorId = sectorId;
    a.sector = sector;
    a.circulatingSupply = supply;
    for (std::size_t i = 0; i < closes.size(); ++i) {
        Candle c;
        c.time = kStart + (qint64(firstDay) + qint64(i)) * kDay;
        c.open = c.high = c.low = c.close = closes[i];
        c.volume = volumes.empty() ? 1000.0 : volumes[i];
        a.candles.push_back(c);
    }
    return a;
}

/** Prices from daily log-returns: p(0) = start, p(d) = p(d-1) * exp(r(d)). */
inline std::vector<double> pricePath(double start, int days, auto &&logReturn)
{
    std::vector<double> p(static_cast<std::size_t>(days));
    double price = start;
    for (int d = 0; d < days; ++d) {
        if (d > 0)
            price *= std::exp(logReturn(d));
        p[std::size_t(d)] = price;
    }
    return p;
}

/** Asset histories from the simulator; sector ids are 1 + the index in sectorNames(). */
inline std::vector<AssetHistory>
simulatedMarket(quint64 seed, int assets, int days,
                cp::engine::Interval interval = cp::engine::Interval::Day)
{
    cp::engine::SimulationConfig config;
    config.seed = seed;
    config.assetCount = assets;
    config.days = days;
    config.interval = interval;
    const cp::engine::MarketSimulator sim(config);
    const QStringList sectors = cp::engine::MarketSimulator::sectorNames();
    std::vector<AssetHistory> out;
    for (const cp::engine::SimulatedAsset &s : sim.assets()) {
        AssetHistory a;
        a.cryptoId = s.index + 1;
        a.symbol = s.symbol;
        a.name = s.name;
        a.sector = s.sector;
        a.sectorId = int(sectors.indexOf(s.sector)) + 1;
        a.circulatingSupply = s.circulatingSupply;
        a.isStablecoin = s.isStablecoin;
        sim.generateCandles(s.index, a.candles);
        out.push_back(std::move(a));
    }
    return out;
}

/** True when no number anywhere in the JSON is NaN or infinite (and nothing became null). */
inline bool allFinite(const QJsonValue &v)
{
    if (v.isNull())
        return false;
    if (v.isDouble())
        return std::isfinite(v.toDouble());
    if (v.isArray()) {
        for (const QJsonValue &x : v.toArray())
            if (!allFinite(x))
                return false;
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!allFinite(it.value()))
                return false;
    }
    return true;
}

} // namespace fixtures
