#include "simulator.h"

namespace cp::engine {

MarketSimulator::MarketSimulator(const SimulationConfig &config)
    : m_config(config)
{
}

void MarketSimulator::generateCandles(int, std::vector<Candle> &out) const
{
    out.clear();
}

} // namespace cp::engine
