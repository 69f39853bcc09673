#include "sectorrotation.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace cp::engine {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double round4(double x)
{
    return std::isfinite(x) ? std::round(x * 1e4) / 1e4 : 0.0;
}

QString fixed(double x, int decimals)
{
    return QString::number(std::isfinite(x) ? x : 0.0, 'f', decimals);
}

double populationStdDev(std::span<const double> v)
{
    if (v.empty())
        return 0.0;
    const double mean = std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
    double ss = 0.0;
    for (double x : v)
        ss += (x - mean) * (x - mean);
    return std::sqrt(ss / double(v.size()));
}

//! Index of the highest value; the first one wins ties so leadership is deterministic.
int leaderOf(std::span<const double> momentum)
{
    int best = -1;
    for (int i = 0; i < int(momentum.size()); ++i) {
        if (best < 0 || momentum[std::size_t(i)] > momentum[std::size_t(best)])
            best = i;
    }
    return best;
}

/** Change of each sector's share of the sectors' market cap over the horizon, in points. */
std::vector<double> shareChanges(const DailyMarket &market, const std::vector<SectorSeries> &s,
                                 int horizon)
{
    std::vector<double> change(s.size(), 0.0);
    const int last = market.dayCount() - 1;
    const int first = std::max(0, last - horizon);
    if (last <= first)
        return change;
    std::vector<double> before(s.size(), 0.0);
    std::vector<double> after(s.size(), 0.0);
    for (std::size_t i = 0; i < s.size(); ++i) {
        for (const int a : s[i].members) {
            const double b = market.marketCap(a, first);
            const double n = market.marketCap(a, last);
            if (b > 0.0 && n > 0.0) { // the same members on both dates: no listing effect
                before[i] += b;
                after[i] += n;
            }
        }
    }
    const double totalBefore = std::accumulate(before.begin(), before.end(), 0.0);
    const double totalAfter = std::accumulate(after.begin(), after.end(), 0.0);
    if (!(totalBefore > 0.0) || !(totalAfter > 0.0))
        return change;
    for (std::size_t i = 0; i < s.size(); ++i)
        change[i] = 100.0 * (after[i] / totalAfter - before[i] / totalBefore);
    return change;
}

QJsonObject flowDirections(const std::vector<SectorSeries> &sectors,
                           const std::vector<double> &change, int horizon, QJsonArray &signalList)
{
    struct Flow
    {
        std::size_t from;
        std::size_t to;
        double points;
    };
    double gained = 0.0;
    for (double c : change)
        gained += std::max(c, 0.0);
    // Each loser's outflow is split over the gainers in proportion to what they gained.
    std::vector<Flow> flows;
    for (std::size_t l = 0; l < change.size(); ++l) {
        for (std::size_t g = 0; g < change.size(); ++g) {
            if (change[l] < 0.0 && change[g] > 0.0 && gained > 0.0)
                flows.push_back({l, g, -change[l] * change[g] / gained});
        }
    }
    std::stable_sort(flows.begin(), flows.end(),
                     [](const Flow &a, const Flow &b) { return a.points > b.points; });
    QJsonArray list;
    for (std::size_t i = 0; i < flows.size() && i < 5; ++i) {
        list.append(QJsonObject{{QStringLiteral("from"), sectors[flows[i].from].name},
                                {QStringLiteral("to"), sectors[flows[i].to].name},
                                {QStringLiteral("share_points"), round4(flows[i].points)}});
    }
    QJsonObject shares;
    QJsonArray inflow;
    QJsonArray outflow;
    for (std::size_t i = 0; i < sectors.size(); ++i) {
        shares.insert(sectors[i].name, round4(change[i]));
        if (change[i] > 0.0)
            inflow.append(sectors[i].name);
        else if (change[i] < 0.0)
            outflow.append(sectors[i].name);
    }
    if (!flows.empty()) {
        const Flow &top = flows.front();
        signalList.append(
            QStringLiteral("largest flow: %1 points of sector market cap from %2 "
                           "to %3 over %4 days")
                .arg(fixed(top.points, 2), sectors[top.from].name, sectors[top.to].name)
                .arg(horizon));
    }
    return {{QStringLiteral("window_days"), horizon},
            {QStringLiteral("unit"),
             QStringLiteral("percentage points of the sectors' total market cap, "
                            "same members on both dates")},
            {QStringLiteral("share_change"), shares},
            {QStringLiteral("flows"), list},
            {QStringLiteral("net_inflow"), inflow},
            {QStringLiteral("net_outflow"), outflow}};
}

struct RotationEstimate
{
    double probability = 0.5;
    int historyDays = 0;
    int neighbours = 0;
    int changes = 0;
    double dispersionPercentile = 0.5;
};

RotationEstimate estimateRotation(const std::vector<SectorSeries> &sectors, double dispersionNow,
                                  const RotationConfig &config)
{
    RotationEstimate est;
    if (sectors.size() < 2) {
        est.probability = 0.0;
        return est;
    }
    const int days = int(sectors.front().excess.size());
    // Full-window momentum of every sector on every day (NaN where the window is short):
    // scores for the dispersion, blends for who leads (saturated scores would tie).
    std::vector<std::vector<double>> history(sectors.size());
    std::vector<std::vector<double>> blends(sectors.size());
    for (std::size_t s = 0; s < sectors.size(); ++s) {
        history[s].assign(std::size_t(days), kNaN);
        blends[s].assign(std::size_t(days), kNaN);
        for (int d = 0; d < days; ++d) {
            const MomentumReading r = momentumAt(sectors[s].excess, d);
            if (r.full) {
                history[s][std::size_t(d)] = r.score;
                blends[s][std::size_t(d)] = r.blend;
            }
        }
    }
    auto column = [&](const std::vector<std::vector<double>> &table, int d,
                      std::vector<double> &out) {
        out.clear();
        for (const auto &h : table) {
            if (!std::isfinite(h[std::size_t(d)]))
                return false;
            out.push_back(h[std::size_t(d)]);
        }
        return true;
    };
    struct Sample
    {
        double distance;
        int day;
        bool changed;
    };
    std::vector<Sample> samples;
    std::vector<double> now;
    std::vector<double> leadNow;
    std::vector<double> leadLater;
    int below = 0;
    for (int d = 0; d + config.horizonDays < days; ++d) {
        if (!column(history, d, now) || !column(blends, d, leadNow) ||
            !column(blends, d + config.horizonDays, leadLater))
            continue;
        const double dispersion = populationStdDev(now);
        below += dispersion < dispersionNow ? 1 : 0;
        samples.push_back(
            {std::abs(dispersion - dispersionNow), d, leaderOf(leadNow) != leaderOf(leadLater)});
    }
    est.historyDays = int(samples.size());
    if (samples.empty())
        return est;
    est.dispersionPercentile = double(below) / double(samples.size());
    std::stable_sort(samples.begin(), samples.end(),
                     [](const Sample &a, const Sample &b) { return a.distance < b.distance; });
    const int k =
        std::min(int(samples.size()), std::max(config.minNeighbours, int(samples.size()) / 4));
    for (int i = 0; i < k; ++i)
        est.changes += samples[std::size_t(i)].changed ? 1 : 0;
    est.neighbours = k;
    est.probability = (est.changes + 1.0) / (k + 2.0);
    return est;
}

} // namespace

std::vector<double> cappedSoftmax(std::span<const double> scores, double temperature, double cap)
{
    const std::size_t n = scores.size();
    std::vector<double> w(n, 0.0);
    if (n == 0)
        return w;
    const double t = temperature > 1e-6 ? temperature : 1e-6;
    double top = -std::numeric_limits<double>::infinity();
    for (double s : scores)
        top = std::max(top, std::isfinite(s) ? s : 0.0);
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        w[i] = std::exp(((std::isfinite(scores[i]) ? scores[i] : 0.0) - top) / t);
        sum += w[i];
    }
    for (double &x : w)
        x /= sum;
    cap = std::max(cap, 1.0 / double(n));
    // Water-filling: pin weights above the cap, spread the excess over the rest, repeat.
    std::vector<bool> pinned(n, false);
    for (std::size_t round = 0; round < n; ++round) {
        double pinnedMass = 0.0;
        double freeMass = 0.0;
        bool changed = false;
        for (std::size_t i = 0; i < n; ++i) {
            if (!pinned[i] && w[i] > cap + 1e-15) {
                pinned[i] = true;
                changed = true;
            }
        }
        if (!changed)
            break;
        for (std::size_t i = 0; i < n; ++i) {
            if (pinned[i])
                pinnedMass += cap;
            else
                freeMass += w[i];
        }
        for (std::size_t i = 0; i < n; ++i) {
            if (pinned[i])
                w[i] = cap;
            else if (freeMass > 0.0)
                w[i] *= (1.0 - pinnedMass) / freeMass;
        }
    }
    return w;
}

SectorRotationResult analyzeRotation(const DailyMarket &market,
                                     const std::vector<SectorSeries> &sectors, double exposure,
                                     qint64 now, const RotationConfig &config)
{
    SectorRotationResult result;
    result.analysisTime = now;
    const int horizon = std::max(1, config.horizonDays);

    // Leading and declining, strongest (weakest) first.
    std::vector<std::size_t> order(sectors.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return sectors[a].now.blend > sectors[b].now.blend;
    });
    for (std::size_t i : order) {
        const MomentumReading &m = sectors[i].now;
        if (m.valid && m.score >= config.leadThreshold && m.excess7 > 0.0)
            result.leadingSectors.append(sectors[i].name);
    }
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const MomentumReading &m = sectors[*it].now;
        if (m.valid && m.score <= -config.leadThreshold && m.excess7 < 0.0)
            result.decliningSectors.append(sectors[*it].name);
    }

    QJsonArray signalList;
    result.flowDirections =
        flowDirections(sectors, shareChanges(market, sectors, horizon), horizon, signalList);

    // Rotation signals: leadership and momentum sign changes over the horizon, dispersion.
    std::vector<double> current;
    std::vector<double> before;
    std::vector<double> currentBlend;
    std::vector<double> beforeBlend;
    for (const SectorSeries &s : sectors) {
        current.push_back(s.now.valid ? s.now.score : 0.0);
        before.push_back(s.weekAgo.valid ? s.weekAgo.score : 0.0);
        currentBlend.push_back(s.now.valid ? s.now.blend : 0.0);
        beforeBlend.push_back(s.weekAgo.valid ? s.weekAgo.blend : 0.0);
    }
    const int leaderNow = leaderOf(currentBlend);
    const int leaderBefore = leaderOf(beforeBlend);
    QJsonObject changes;
    for (std::size_t i = 0; i < sectors.size(); ++i) {
        const SectorSeries &s = sectors[i];
        changes.insert(s.name, round4(current[i] - before[i]));
        if (s.now.valid && s.weekAgo.valid && (current[i] > 0.0) != (before[i] > 0.0)) {
            signalList.append(
                QStringLiteral("%1 momentum turned %2 (%3 -> %4)")
                    .arg(s.name,
                         current[i] > 0.0 ? QStringLiteral("positive") : QStringLiteral("negative"),
                         fixed(before[i], 2), fixed(current[i], 2)));
        }
    }
    const bool leaderChanged = leaderNow >= 0 && leaderBefore >= 0 && leaderNow != leaderBefore;
    if (leaderChanged) {
        signalList.prepend(
            QStringLiteral("%1 overtook %2 as the momentum leader within %3 days")
                .arg(sectors[std::size_t(leaderNow)].name, sectors[std::size_t(leaderBefore)].name)
                .arg(horizon));
    }
    const double dispersion = populationStdDev(current);
    const RotationEstimate est = estimateRotation(sectors, dispersion, config);
    result.rotationProbability = std::clamp(est.probability, 0.0, 1.0);
    if (est.historyDays > 0) {
        signalList.append(
            QStringLiteral("momentum dispersion %1, higher than on %2% of %3 past days")
                .arg(fixed(dispersion, 2), fixed(100.0 * est.dispersionPercentile, 0))
                .arg(est.historyDays));
    }
    auto nameOf = [&](int i) { return i >= 0 ? sectors[std::size_t(i)].name : QString(); };
    result.rotationSignals = {
        {QStringLiteral("current_leader"), nameOf(leaderNow)},
        {QStringLiteral("leader_%1d_ago").arg(horizon), nameOf(leaderBefore)},
        {QStringLiteral("leadership_changed"), leaderChanged},
        {QStringLiteral("momentum_change_%1d").arg(horizon), changes},
        {QStringLiteral("momentum_dispersion"), round4(dispersion)},
        {QStringLiteral("dispersion_percentile"), round4(est.dispersionPercentile)},
        {QStringLiteral("history_days"), est.historyDays},
        {QStringLiteral("similar_days"), est.neighbours},
        {QStringLiteral("leadership_changes_after_similar_days"), est.changes},
        {QStringLiteral("probability_definition"),
         QStringLiteral("(changes + 1) / (similar days + 2): how often a different sector led "
                        "%1 days later, over the past days with the most similar momentum "
                        "dispersion")
             .arg(horizon)},
        {QStringLiteral("signals"), signalList}};

    // Allocation: the regime's exposure over risky sectors, the rest in stablecoins.
    const double budget = std::isfinite(exposure) ? std::clamp(exposure, 0.0, 1.0) : 0.0;
    std::vector<double> riskyScores;
    std::vector<std::size_t> risky;
    QString stableName = QStringLiteral("Stablecoins");
    bool stableFound = false;
    for (std::size_t i = 0; i < sectors.size(); ++i) {
        if (sectors[i].stablecoin) {
            if (!stableFound)
                stableName = sectors[i].name;
            stableFound = true;
            continue;
        }
        risky.push_back(i);
        riskyScores.push_back(current[i]);
    }
    const std::vector<double> weights =
        cappedSoftmax(riskyScores, config.temperature, config.maxSectorWeight);
    QJsonObject allocation;
    double allocated = 0.0;
    for (std::size_t j = 0; j < risky.size(); ++j) {
        const double w = budget * weights[j];
        allocation.insert(sectors[risky[j]].name, w);
        allocated += w;
    }
    allocation.insert(stableName, std::max(0.0, 1.0 - allocated));
    result.recommendedAllocation = allocation;
    return result;
}

} // namespace cp::engine
