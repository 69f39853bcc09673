#include "rollingwindow.h"

#include <bit>
#include <cmath>
#include <cstdint>

namespace cp::engine::detail {

bool allFinite(const double *x, std::size_t count)
{
    // A double is NaN or infinite exactly when its exponent bits are all ones; adding one unit
    // of the exponent's lowest bit then carries into the sign position. Integer OR over a
    // block has no branches, so the compiler vectorises it.
    constexpr std::uint64_t kExponent = 0x7ff0000000000000ull;
    constexpr std::uint64_t kExponentOne = 0x0010000000000000ull;
    constexpr std::size_t kBlock = 4096;
    for (std::size_t i = 0; i < count;) {
        const std::size_t end = std::min(count, i + kBlock);
        std::uint64_t acc = 0;
        for (; i < end; ++i)
            acc |= (std::bit_cast<std::uint64_t>(x[i]) & kExponent) + kExponentOne;
        if (acc >> 63)
            return false;
    }
    return true;
}

void squaredDeviations(const double *x, std::size_t b, std::size_t e, std::size_t window,
                       const double *mean, double *sq)
{
    // Two window positions per pass over the outputs halve the loads and stores of sq.
    for (std::size_t t = b; t < e; ++t)
        sq[t] = 0.0;
    std::size_t i = 0;
    for (; i + 1 < window; i += 2) {
        const double *x0 = x - i;
        const double *x1 = x - i - 1;
        for (std::size_t t = b; t < e; ++t) {
            const double d0 = x0[t] - mean[t];
            const double d1 = x1[t] - mean[t];
            sq[t] += d0 * d0 + d1 * d1;
        }
    }
    if (i < window) {
        const double *x0 = x - i;
        for (std::size_t t = b; t < e; ++t) {
            const double d0 = x0[t] - mean[t];
            sq[t] += d0 * d0;
        }
    }
}

std::vector<Run> finiteRuns(std::initializer_list<const double *> inputs, std::size_t count,
                            bool positive)
{
    std::vector<Run> runs;
    if (count == 0)
        return runs;
    bool clean = !positive;
    if (clean) {
        for (const double *in : inputs)
            clean = clean && allFinite(in, count);
    }
    if (clean) {
        runs.push_back({0, count});
        return runs;
    }
    const auto good = [&](std::size_t t) {
        for (const double *in : inputs) {
            if (!std::isfinite(in[t]) || (positive && !(in[t] > 0.0)))
                return false;
        }
        return true;
    };
    std::size_t t = 0;
    while (t < count) {
        while (t < count && !good(t))
            ++t;
        const std::size_t begin = t;
        while (t < count && good(t))
            ++t;
        if (t > begin)
            runs.push_back({begin, t});
    }
    return runs;
}

} // namespace cp::engine::detail
