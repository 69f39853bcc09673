#pragma once

#include <QJsonObject>
#include <QStringList>

#include <array>
#include <vector>

namespace cp::app::api {

/**
 * Regime probabilities over the next days from a Markov chain on daily regimes: transitions
 * counted between consecutive days of stored analyses, plus a sticky prior (9 pseudo-days of
 * staying, 1 of switching, spread over the other regimes: a regime lasts about ten days when
 * there is no history), started from the newest analysis's regime probabilities. Pure.
 */
class RegimeForecast
{
public:
    static constexpr int kRegimes = 4;
    using Matrix = std::array<std::array<double, kRegimes>, kRegimes>;
    using Distribution = std::array<double, kRegimes>;

    //! bull, bear, neutral, volatile (the schema's order).
    static const QStringList &regimeNames();
    static int regimeIndex(const QString &name);

    //! `dailyRegimes` oldest first, one per consecutive day (gaps break the chain).
    RegimeForecast(const QStringList &dailyRegimes, const std::vector<qint64> &dayStarts);

    const Matrix &transitions() const { return m_transitions; }
    int observedTransitions() const { return m_observed; }
    //! start x P^day for day = 1..horizon.
    std::vector<Distribution> project(const Distribution &start, int horizonDays) const;

    //! The API's JSON: horizon, start, per-day probabilities, most likely regime, matrix.
    QJsonObject toJson(const Distribution &start, int horizonDays) const;

    static constexpr double kStayPrior = 9.0;
    static constexpr double kSwitchPrior = 1.0;

private:
    Matrix m_transitions{};
    int m_observed = 0;
};

} // namespace cp::app::api
