#include "rollingwindow.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>

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
                       double *mean, double *sq)
{
    // 32 outputs at a time: four vectors of eight, each with its sum in a register, so four
    // multiply-add chains overlap. GCC/Clang vector extensions: no reliance on the
    // auto-vectoriser, and plain SSE2 code when the target has no wider vectors.
    using V = double __attribute__((vector_size(8 * sizeof(double))));
    constexpr std::size_t kWidth = 8;
    const double inv = 1.0 / double(window);
    // By reference: a vector returned by value would change the ABI on targets without
    // vectors this wide (-Wpsabi).
    const auto load = [](V &v, const double *p) { std::memcpy(&v, p, sizeof v); };
    std::size_t t = b;
    for (; t + 4 * kWidth <= e; t += 4 * kWidth) {
        V m0, m1, m2, m3;
        load(m0, mean + t);
        load(m1, mean + t + 8);
        load(m2, mean + t + 16);
        load(m3, mean + t + 24);
        m0 *= inv;
        m1 *= inv;
        m2 *= inv;
        m3 *= inv;
        std::memcpy(mean + t, &m0, sizeof m0);
        std::memcpy(mean + t + 8, &m1, sizeof m1);
        std::memcpy(mean + t + 16, &m2, sizeof m2);
        std::memcpy(mean + t + 24, &m3, sizeof m3);
        V a0{}, a1{}, a2{}, a3{};
        for (std::size_t i = 0; i < window; ++i) {
            const double *xi = x + t - i;
            V d0, d1, d2, d3;
            load(d0, xi);
            load(d1, xi + 8);
            load(d2, xi + 16);
            load(d3, xi + 24);
            d0 -= m0;
            d1 -= m1;
            d2 -= m2;
            d3 -= m3;
            a0 += d0 * d0;
            a1 += d1 * d1;
            a2 += d2 * d2;
            a3 += d3 * d3;
        }
        std::memcpy(sq + t, &a0, sizeof a0);
        std::memcpy(sq + t + 8, &a1, sizeof a1);
        std::memcpy(sq + t + 16, &a2, sizeof a2);
        std::memcpy(sq + t + 24, &a3, sizeof a3);
    }
    for (; t < e; ++t) {
        mean[t] *= inv;
        double acc = 0.0;
        for (std::size_t i = 0; i < window; ++i) {
            const double d = x[t - i] - mean[t];
            acc += d * d;
        }
        sq[t] = acc;
    }
}

void bollingerBands(const double *x, std::size_t b, std::size_t e, std::size_t window,
                    double deviations, double *middle, double *upper, double *lower)
{
    // squaredDeviations() with the square root and both bands in the same pass.
    using V = double __attribute__((vector_size(8 * sizeof(double))));
    constexpr std::size_t kWidth = 8;
    const double inv = 1.0 / double(window);
    // By reference: a vector returned by value would change the ABI on targets without
    // vectors this wide (-Wpsabi).
    const auto load = [](V &v, const double *p) { std::memcpy(&v, p, sizeof v); };
    const auto bands = [&](std::size_t t, const V &m, const V &acc) {
        V sd = acc * inv;
        for (std::size_t j = 0; j < kWidth; ++j)
            sd[j] = std::sqrt(sd[j]);
        const V up = m + deviations * sd;
        const V low = m - deviations * sd;
        std::memcpy(middle + t, &m, sizeof m);
        std::memcpy(upper + t, &up, sizeof up);
        std::memcpy(lower + t, &low, sizeof low);
    };
    std::size_t t = b;
    for (; t + 4 * kWidth <= e; t += 4 * kWidth) {
        V m0, m1, m2, m3;
        load(m0, middle + t);
        load(m1, middle + t + 8);
        load(m2, middle + t + 16);
        load(m3, middle + t + 24);
        m0 *= inv;
        m1 *= inv;
        m2 *= inv;
        m3 *= inv;
        V a0{}, a1{}, a2{}, a3{};
        for (std::size_t i = 0; i < window; ++i) {
            const double *xi = x + t - i;
            V d0, d1, d2, d3;
            load(d0, xi);
            load(d1, xi + 8);
            load(d2, xi + 16);
            load(d3, xi + 24);
            d0 -= m0;
            d1 -= m1;
            d2 -= m2;
            d3 -= m3;
            a0 += d0 * d0;
            a1 += d1 * d1;
            a2 += d2 * d2;
            a3 += d3 * d3;
        }
        bands(t, m0, a0);
        bands(t + 8, m1, a1);
        bands(t + 16, m2, a2);
        bands(t + 24, m3, a3);
    }
    for (; t < e; ++t) {
        const double m = middle[t] * inv;
        double acc = 0.0;
        for (std::size_t i = 0; i < window; ++i) {
            const double d = x[t - i] - m;
            acc += d * d;
        }
        const double width = deviations * std::sqrt(acc * inv);
        middle[t] = m;
        upper[t] = m + width;
        lower[t] = m - width;
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
