#include "calibration.h"

#include "logisticmodel.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace cp::engine {

namespace {

constexpr double probabilityFloor = 1e-6;

double clampProbability(double p)
{
    return std::clamp(p, probabilityFloor, 1.0 - probabilityFloor);
}

double logitOf(double p)
{
    p = clampProbability(p);
    return std::log(p / (1.0 - p));
}

} // namespace

double brierScore(std::span<const double> predicted, std::span<const double> outcome)
{
    const std::size_t n = std::min(predicted.size(), outcome.size());
    if (n == 0)
        return 0.0;
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double d = predicted[i] - outcome[i];
        sum += d * d;
    }
    return sum / double(n);
}

CalibrationReport calibrationReport(std::span<const double> predicted,
                                    std::span<const double> outcome, int binCount)
{
    CalibrationReport report;
    binCount = std::max(1, binCount);
    report.bins.resize(std::size_t(binCount));
    std::vector<double> sumPredicted(std::size_t(binCount), 0.0);
    std::vector<double> sumOutcome(std::size_t(binCount), 0.0);
    for (int b = 0; b < binCount; ++b) {
        report.bins[std::size_t(b)].lower = double(b) / binCount;
        report.bins[std::size_t(b)].upper = double(b + 1) / binCount;
    }
    const std::size_t n = std::min(predicted.size(), outcome.size());
    double brier = 0.0, positives = 0.0, logLoss = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double p = predicted[i];
        if (!std::isfinite(p))
            continue;
        const double y = outcome[i] > 0.5 ? 1.0 : 0.0;
        const int b = std::clamp(int(std::floor(p * binCount)), 0, binCount - 1);
        ++report.bins[std::size_t(b)].count;
        sumPredicted[std::size_t(b)] += p;
        sumOutcome[std::size_t(b)] += y;
        brier += (p - y) * (p - y);
        positives += y;
        const double pc = clampProbability(p);
        logLoss -= y * std::log(pc) + (1.0 - y) * std::log(1.0 - pc);
        ++report.count;
    }
    if (report.count == 0)
        return report;
    const double count = double(report.count);
    report.brier = brier / count;
    report.baseRate = positives / count;
    report.baseRateBrier = report.baseRate * (1.0 - report.baseRate);
    report.brierSkill =
        report.baseRateBrier > 0.0 ? 1.0 - report.brier / report.baseRateBrier : 0.0;
    report.logLoss = logLoss / count;
    double ece = 0.0;
    for (int b = 0; b < binCount; ++b) {
        CalibrationBin &bin = report.bins[std::size_t(b)];
        if (bin.count == 0)
            continue;
        bin.meanPredicted = sumPredicted[std::size_t(b)] / bin.count;
        bin.observedRate = sumOutcome[std::size_t(b)] / bin.count;
        ece += bin.count * std::abs(bin.meanPredicted - bin.observedRate);
    }
    report.expectedCalibrationError = ece / count;
    return report;
}

QJsonObject CalibrationReport::toJson() const
{
    QJsonArray table;
    for (const CalibrationBin &bin : bins) {
        table.append(QJsonObject{{QStringLiteral("lower"), bin.lower},
                                 {QStringLiteral("upper"), bin.upper},
                                 {QStringLiteral("count"), bin.count},
                                 {QStringLiteral("mean_predicted"), bin.meanPredicted},
                                 {QStringLiteral("observed_rate"), bin.observedRate}});
    }
    return QJsonObject{{QStringLiteral("count"), count},
                       {QStringLiteral("brier"), brier},
                       {QStringLiteral("base_rate"), baseRate},
                       {QStringLiteral("base_rate_brier"), baseRateBrier},
                       {QStringLiteral("brier_skill"), brierSkill},
                       {QStringLiteral("beats_base_rate"), beatsBaseRate()},
                       {QStringLiteral("log_loss"), logLoss},
                       {QStringLiteral("expected_calibration_error"), expectedCalibrationError},
                       {QStringLiteral("bins"), table}};
}

bool PlattScaling::fit(std::span<const double> predicted, std::span<const double> outcome,
                       double priorSd)
{
    const std::size_t n = std::min(predicted.size(), outcome.size());
    std::vector<double> x, y;
    x.reserve(n);
    y.reserve(n);
    double positives = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(predicted[i]))
            continue;
        x.push_back(logitOf(predicted[i]));
        y.push_back(outcome[i] > 0.5 ? 1.0 : 0.0);
        positives += y.back();
    }
    if (positives == 0.0 || positives == double(y.size()))
        return false;
    // Newton's method on the negative log posterior from the identity. The prior is on the
    // slope only, centred on 0 (no skill: everything gets the base rate); its precision keeps
    // the Hessian positive definite even when every logit is the same.
    const double precision = priorSd > 0.0 ? 1.0 / (priorSd * priorSd) : 0.0;
    const auto objective = [&](double a, double b) {
        double sum = 0.5 * precision * a * a;
        for (std::size_t i = 0; i < x.size(); ++i) {
            const double z = a * x[i] + b;
            // -log sigmoid(z) for y = 1, -log(1 - sigmoid(z)) for y = 0, without overflow.
            const double s = y[i] > 0.5 ? -z : z;
            sum += s > 0.0 ? s + std::log1p(std::exp(-s)) : std::log1p(std::exp(s));
        }
        return sum;
    };
    double a = 1.0, b = 0.0;
    double current = objective(a, b);
    // With the slope held, only the offset moves (a one-dimensional Newton step).
    const auto newton = [&](bool slopeHeld) {
        bool converged = false;
        for (int iteration = 0; iteration < 100 && !converged; ++iteration) {
            double ga = precision * a, gb = 0.0;
            double haa = precision, hab = 0.0, hbb = 0.0;
            for (std::size_t i = 0; i < x.size(); ++i) {
                const double mu = sigmoid(a * x[i] + b);
                const double w = mu * (1.0 - mu);
                ga += (mu - y[i]) * x[i];
                gb += mu - y[i];
                haa += w * x[i] * x[i];
                hab += w * x[i];
                hbb += w;
            }
            const double det = slopeHeld ? hbb : haa * hbb - hab * hab;
            if (!(det > 0.0) || !std::isfinite(det))
                return false;
            const double da = slopeHeld ? 0.0 : (hbb * ga - hab * gb) / det;
            const double db = slopeHeld ? gb / hbb : (haa * gb - hab * ga) / det;
            // Step halving: Newton can overshoot on separable data.
            double step = 1.0;
            for (int halving = 0; halving < 30; ++halving, step *= 0.5) {
                const double next = objective(a - step * da, b - step * db);
                if (next <= current) {
                    converged = current - next < 1e-10 * std::max(1.0, std::abs(current));
                    a -= step * da;
                    b -= step * db;
                    current = next;
                    break;
                }
            }
            if (step < std::ldexp(1.0, -29))
                converged = true;
        }
        return true;
    };
    if (!newton(false))
        return false;
    // Calibration may flatten the model toward the base rate, never sharpen it: a slope above 1
    // learned on one model's predictions over-shoots on the next, retrained model's (the
    // objective is convex, so the best slope <= 1 is then exactly 1).
    if (a > 1.0) {
        a = 1.0;
        current = objective(a, b);
        if (!newton(true))
            return false;
    }
    if (!std::isfinite(a) || !std::isfinite(b))
        return false;
    m_a = a;
    m_b = b;
    m_count = int(x.size());
    m_fitted = true;
    return true;
}

double PlattScaling::apply(double probability) const
{
    if (!m_fitted || !std::isfinite(probability))
        return probability;
    return sigmoid(m_a * logitOf(probability) + m_b);
}

QJsonObject PlattScaling::toJson() const
{
    return QJsonObject{
        {QStringLiteral("method"), m_fitted ? QStringLiteral("platt") : QStringLiteral("identity")},
        {QStringLiteral("slope"), m_a},
        {QStringLiteral("offset"), m_b},
        {QStringLiteral("fitted_on"), m_count}};
}

} // namespace cp::engine
