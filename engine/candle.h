#pragma once

#include <QtGlobal>

namespace cp::engine {

/** One OHLCV bar; `time` is the bar's open time in seconds since the Unix epoch (UTC). */
struct Candle
{
    qint64 time = 0;
    double open = 0.0;
    double high = 0.0;
    double low = 0.0;
    double close = 0.0;
    double volume = 0.0;
};

} // namespace cp::engine
