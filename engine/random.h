#pragma once

#include <QtGlobal>

#include <cmath>

namespace cp::engine {

/**
 * Advances a SplitMix64 state and returns the next output. Used to expand a 64-bit seed into
 * generator state: consecutive outputs are well mixed even for seeds like 0, 1, 2.
 */
constexpr quint64 splitMix64(quint64 &state)
{
    state += 0x9E3779B97F4A7C15ULL;
    quint64 z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/**
 * Reproducible random numbers: xoshiro256** with our own uniform and normal samplers.
 * The std:: distributions are implementation-defined, so the same seed would give different
 * values with libstdc++ and libc++; everything here is specified down to the bit (the normal
 * sampler only relies on the platform's std::log and the correctly rounded std::sqrt).
 */
class Random
{
public:
    explicit constexpr Random(quint64 seed)
    {
        quint64 sm = seed;
        for (quint64 &word : m_state)
            word = splitMix64(sm);
    }

    /**
     * A generator for one independent stream of a simulation, e.g. (seed, "asset", 7). Streams
     * with different (domain, index) are seeded independently, so consumers can draw from them
     * in any order or in parallel without changing each other's numbers.
     */
    static constexpr Random forStream(quint64 seed, quint64 domain, quint64 index)
    {
        quint64 sm = seed;
        quint64 mixed = splitMix64(sm);
        sm = mixed ^ (domain * 0xD1B54A32D192ED03ULL);
        mixed = splitMix64(sm);
        sm = mixed ^ (index * 0x8CB92BA72F3D8DD7ULL);
        return Random(splitMix64(sm));
    }

    constexpr quint64 next()
    {
        const quint64 result = rotl(m_state[1] * 5, 7) * 9;
        const quint64 t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    //! Uniform on [0, 1) with 53 random bits.
    constexpr double uniform() { return double(next() >> 11) * 0x1.0p-53; }

    //! Uniform on [lo, hi).
    constexpr double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

    //! Uniform integer on [0, n) for n > 0; the tiny modulo bias is irrelevant for simulation.
    constexpr int below(int n) { return int((next() >> 33) % quint64(n)); }

    //! Standard normal variate (Marsaglia polar method; the second value of a pair is kept).
    double normal()
    {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare;
        }
        double u = 0.0;
        double v = 0.0;
        double s = 0.0;
        do {
            u = 2.0 * uniform() - 1.0;
            v = 2.0 * uniform() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        const double factor = std::sqrt(-2.0 * std::log(s) / s);
        m_spare = v * factor;
        m_hasSpare = true;
        return u * factor;
    }

    //! Normal variate with the given mean and standard deviation.
    double normal(double mean, double sd) { return mean + sd * normal(); }

private:
    static constexpr quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }

    quint64 m_state[4] = {};
    double m_spare = 0.0;
    bool m_hasSpare = false;
};

} // namespace cp::engine
