#include "peerbackoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace cp::app {

int PeerBackoff::delayMs(int attempt, double unit)
{
    // 2^5 s already exceeds the cap: larger exponents only risk overflow.
    const int exponent = std::clamp(attempt, 0, 5);
    const int full = std::min(kCapMs, kBaseMs << exponent);
    const double jitter = 0.5 + 0.5 * std::clamp(unit, 0.0, 1.0);
    return int(full * jitter);
}

int PeerBackoff::next()
{
    return delayMs(m_attempt++, QRandomGenerator::global()->generateDouble());
}

} // namespace cp::app
