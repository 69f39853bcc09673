#include "sectorindex.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cp::engine {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kLongWindow = 30;
constexpr int kShortWindow = 7;
constexpr double kMinTrackingError = 1e-4;
} // namespace

std::vector<double> indexLogReturns(const DailyMarket &market, std::span<const int> members)
{
    const int days = market.dayCount();
    std::vector<double> out(std::size_t(days), kNaN);
    if (days < 2)
        return out;
    // Asset-major accumulation follows DailyMarket's memory layout.
    std::vector<double> capNow(std::size_t(days), 0.0);
    std::vector<double> capBefore(std::size_t(days), 0.0);
    std::vector<double> simpleSum(std::size_t(days), 0.0);
    std::vector<int> count(std::size_t(days), 0);
    for (const int a : members) {
        if (a < 0 || a >= market.assetCount())
            continue;
        for (int d = 1; d < days; ++d) {
            const double before = market.close(a, d - 1);
            const double now = market.close(a, d);
            if (!(before > 0.0) || !(now > 0.0))
                continue; // NaN before listing fails both comparisons
            const std::size_t i = std::size_t(d);
            capNow[i] += market.marketCap(a, d);
            capBefore[i] += market.marketCap(a, d - 1);
            simpleSum[i] += now / before - 1.0;
            ++count[i];
        }
    }
    for (std::size_t i = 1; i < std::size_t(days); ++i) {
        if (count[i] == 0)
            continue;
        if (capBefore[i] > 0.0 && capNow[i] > 0.0)
            out[i] = std::log(capNow[i] / capBefore[i]);
        else
            out[i] = std::log1p(simpleSum[i] / count[i]);
    }
    return out;
}

std::vector<double> excessReturns(std::span<const double> sector, std::span<const double> market)
{
    const std::size_t n = std::min(sector.size(), market.size());
    std::vector<double> out(n, kNaN);
    for (std::size_t i = 0; i < n; ++i) {
        if (std::isfinite(sector[i]) && std::isfinite(market[i]))
            out[i] = sector[i] - market[i];
    }
    return out;
}

double trailingStdDev(std::span<const double> values, int day, int window)
{
    double sum = 0.0;
    int n = 0;
    for (int d = std::max(0, day - window + 1); d <= day && d < int(values.size()); ++d) {
        if (std::isfinite(values[std::size_t(d)])) {
            sum += values[std::size_t(d)];
            ++n;
        }
    }
    if (n < 2)
        return 0.0;
    const double mean = sum / n;
    double ss = 0.0;
    for (int d = std::max(0, day - window + 1); d <= day && d < int(values.size()); ++d) {
        if (std::isfinite(values[std::size_t(d)]))
            ss += (values[std::size_t(d)] - mean) * (values[std::size_t(d)] - mean);
    }
    return std::sqrt(ss / (n - 1));
}

MomentumReading momentumAt(std::span<const double> excess, int day)
{
    MomentumReading r;
    if (day < 0 || day >= int(excess.size()))
        return r;
    // The window is the unbroken run of defined days ending at `day`, at most 30 long.
    int window = 0;
    while (window < kLongWindow && day - window >= 0 &&
           std::isfinite(excess[std::size_t(day - window)]))
        ++window;
    if (window < 2)
        return r;
    const int first = day - window + 1;
    double sum = 0.0;
    for (int d = first; d <= day; ++d)
        sum += excess[std::size_t(d)];
    const double mean = sum / window;
    double ss = 0.0;
    for (int d = first; d <= day; ++d)
        ss += (excess[std::size_t(d)] - mean) * (excess[std::size_t(d)] - mean);
    const int shortWindow = std::min(kShortWindow, window);
    double shortSum = 0.0;
    for (int d = day - shortWindow + 1; d <= day; ++d)
        shortSum += excess[std::size_t(d)];

    r.valid = true;
    r.full = window == kLongWindow;
    r.window = window;
    r.trackingError = std::max(std::sqrt(ss / (window - 1)), kMinTrackingError);
    r.excess7 = shortSum;
    r.excess30 = sum;
    r.z7 = shortSum / (r.trackingError * std::sqrt(double(shortWindow)));
    r.z30 = sum / (r.trackingError * std::sqrt(double(window)));
    r.blend = 0.4 * r.z7 + 0.6 * r.z30;
    r.score = std::tanh(r.blend / 2.0);
    return r;
}

} // namespace cp::engine
