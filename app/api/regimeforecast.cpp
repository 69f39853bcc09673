#include "regimeforecast.h"

#include <QJsonArray>

namespace cp::app::api {

namespace {
QJsonObject distributionJson(const RegimeForecast::Distribution &p)
{
    QJsonObject object;
    for (int i = 0; i < RegimeForecast::kRegimes; ++i)
        object.insert(RegimeForecast::regimeNames().at(i), p[std::size_t(i)]);
    return object;
}

int argmax(const RegimeForecast::Distribution &p)
{
    int best = 0;
    for (int i = 1; i < RegimeForecast::kRegimes; ++i) {
        if (p[std::size_t(i)] > p[std::size_t(best)])
            best = i;
    }
    return best;
}
} // namespace

const QStringList &RegimeForecast::regimeNames()
{
    static const QStringList names{QStringLiteral("bull"), QStringLiteral("bear"),
                                   QStringLiteral("neutral"), QStringLiteral("volatile")};
    return names;
}

int RegimeForecast::regimeIndex(const QString &name)
{
    return int(regimeNames().indexOf(name));
}

RegimeForecast::RegimeForecast(const QStringList &dailyRegimes,
                               const std::vector<qint64> &dayStarts)
{
    Matrix counts{};
    for (qsizetype i = 1; i < dailyRegimes.size(); ++i) {
        if (std::size_t(i) >= dayStarts.size() ||
            dayStarts[std::size_t(i)] - dayStarts[std::size_t(i - 1)] != 86400)
            continue;
        const int from = regimeIndex(dailyRegimes[i - 1]);
        const int to = regimeIndex(dailyRegimes[i]);
        if (from < 0 || to < 0)
            continue;
        counts[std::size_t(from)][std::size_t(to)] += 1.0;
        ++m_observed;
    }
    for (std::size_t i = 0; i < kRegimes; ++i) {
        double total = 0.0;
        for (std::size_t j = 0; j < kRegimes; ++j) {
            const double prior = i == j ? kStayPrior : kSwitchPrior / (kRegimes - 1);
            m_transitions[i][j] = counts[i][j] + prior;
            total += m_transitions[i][j];
        }
        for (std::size_t j = 0; j < kRegimes; ++j)
            m_transitions[i][j] /= total;
    }
}

std::vector<RegimeForecast::Distribution> RegimeForecast::project(const Distribution &start,
                                                                  int horizonDays) const
{
    std::vector<Distribution> path;
    Distribution current = start;
    for (int day = 1; day <= horizonDays; ++day) {
        Distribution next{};
        for (std::size_t i = 0; i < kRegimes; ++i) {
            for (std::size_t j = 0; j < kRegimes; ++j)
                next[j] += current[i] * m_transitions[i][j];
        }
        path.push_back(next);
        current = next;
    }
    return path;
}

QJsonObject RegimeForecast::toJson(const Distribution &start, int horizonDays) const
{
    const std::vector<Distribution> path = project(start, horizonDays);
    QJsonArray days;
    for (std::size_t d = 0; d < path.size(); ++d) {
        days.append(
            QJsonObject{{QStringLiteral("day"), int(d) + 1},
                        {QStringLiteral("probabilities"), distributionJson(path[d])},
                        {QStringLiteral("most_likely"), regimeNames().at(argmax(path[d]))}});
    }
    QJsonObject matrix;
    for (int i = 0; i < kRegimes; ++i) {
        Distribution row{};
        for (int j = 0; j < kRegimes; ++j)
            row[std::size_t(j)] = m_transitions[std::size_t(i)][std::size_t(j)];
        matrix.insert(regimeNames().at(i), distributionJson(row));
    }
    const Distribution &last = path.empty() ? start : path.back();
    return QJsonObject{
        {QStringLiteral("horizon"), QStringLiteral("%1d").arg(horizonDays)},
        {QStringLiteral("horizon_days"), horizonDays},
        {QStringLiteral("current_probabilities"), distributionJson(start)},
        {QStringLiteral("current_regime"), regimeNames().at(argmax(start))},
        {QStringLiteral("forecast"), days},
        {QStringLiteral("most_likely_regime"), regimeNames().at(argmax(last))},
        {QStringLiteral("probability"), last[std::size_t(argmax(last))]},
        {QStringLiteral("transition_matrix"), matrix},
        {QStringLiteral("observed_transitions"), m_observed},
        {QStringLiteral("method"),
         QStringLiteral("Markov chain on daily regimes with a sticky prior (9:1 stay:switch)")}};
}

} // namespace cp::app::api
