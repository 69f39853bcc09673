#include <engine/gaussianhmm.h>
#include <engine/hmmstartingpoints.h>
#include <engine/random.h>

#include <QTest>

#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

using namespace cp::engine;

namespace {

/** The true parameters of a synthetic HMM, in the layout GaussianHmm uses. */
struct TrueHmm
{
    int states = 0;
    int dim = 0;
    std::vector<double> initial, transition, means, cov;
};

TrueHmm twoStateOneDim()
{
    return {2, 1, {0.5, 0.5}, {0.95, 0.05, 0.10, 0.90}, {-1.0, 2.0}, {0.5, 1.5}};
}

TrueHmm threeStateTwoDim()
{
    return {3,
            2,
            {0.3, 0.3, 0.4},
            {0.90, 0.06, 0.04, 0.05, 0.92, 0.03, 0.10, 0.05, 0.85},
            {0.0, 0.0, 3.0, 1.0, -2.0, 3.0},
            {1.0, 0.3, 0.3, 0.5, 0.8, -0.2, -0.2, 1.2, 0.6, 0.0, 0.0, 0.4}};
}

GaussianHmm modelOf(const TrueHmm &t)
{
    GaussianHmm m(t.states, t.dim);
    if (!m.setParameters(t.initial, t.transition, t.means, t.cov))
        qFatal("invalid true parameters");
    return m;
}

int drawIndex(Random &rng, const double *p, int n)
{
    double u = rng.uniform();
    for (int i = 0; i < n; ++i) {
        if (u < p[i])
            return i;
        u -= p[i];
    }
    return n - 1;
}

/** Samples T observations: the test's own sampler, with the Cholesky factor done by hand (D<=2). */
std::vector<double> sample(const TrueHmm &t, int length, quint64 seed)
{
    Random rng(seed);
    std::vector<double> x;
    int state = drawIndex(rng, t.initial.data(), t.states);
    for (int i = 0; i < length; ++i) {
        if (i > 0)
            state = drawIndex(rng, t.transition.data() + state * t.states, t.states);
        const double *mu = t.means.data() + state * t.dim;
        const double *c = t.cov.data() + state * t.dim * t.dim;
        if (t.dim == 1) {
            x.push_back(mu[0] + std::sqrt(c[0]) * rng.normal());
        } else {
            const double l00 = std::sqrt(c[0]);
            const double l10 = c[2] / l00;
            const double l11 = std::sqrt(c[3] - l10 * l10);
            const double z0 = rng.normal(), z1 = rng.normal();
            x.push_back(mu[0] + l00 * z0);
            x.push_back(mu[1] + l10 * z0 + l11 * z1);
        }
    }
    return x;
}

double normalLogPdf(double x, double mean, double variance)
{
    return -0.5 * std::log(2.0 * std::numbers::pi * variance) -
           0.5 * (x - mean) * (x - mean) / variance;
}

GaussianHmm bestFit(const std::vector<double> &x, int states, int dim, const HmmFitOptions &options,
                    double *logLikelihood = nullptr)
{
    GaussianHmm best;
    double bestLl = -std::numeric_limits<double>::infinity();
    for (GaussianHmm start : hmmStartingPoints(x, states, dim, 4, 99, options.varianceFloor)) {
        const HmmFitTrace trace = start.fit(x, options);
        if (!trace.logLikelihoods.empty() && trace.logLikelihoods.back() > bestLl) {
            bestLl = trace.logLikelihoods.back();
            best = start;
        }
    }
    if (logLikelihood)
        *logLikelihood = bestLl;
    return best;
}

} // namespace

class tst_GaussianHmm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void densityKnownAnswer();
    void recursionsMatchBruteForce();
    void recoversParameters_data();
    void recoversParameters();
    void likelihoodIncreasesMonotonically();
    void stickyObjectiveIncreasesMonotonically();
    void varianceFloorHolds();
    void jsonRoundTrip();
    void invalidInput();
};

void tst_GaussianHmm::densityKnownAnswer()
{
    // One state, covariance [[2, 0.6], [0.6, 1]]: det 1.64, inverse [[1, -0.6], [-0.6, 2]] / 1.64.
    GaussianHmm m(1, 2);
    QVERIFY(m.setParameters({1.0}, {1.0}, {1.0, -1.0}, {2.0, 0.6, 0.6, 1.0}));
    const double x[2] = {2.0, 0.5}; // dx = 1, dy = 1.5
    const double quadratic = (1.0 * 1.0 - 2 * 0.6 * 1.0 * 1.5 + 2.0 * 1.5 * 1.5) / 1.64;
    const double expected =
        -std::log(2 * std::numbers::pi) - 0.5 * std::log(1.64) - 0.5 * quadratic;
    QVERIFY(std::abs(m.logDensity(0, x) - expected) < 1e-12);
}

void tst_GaussianHmm::recursionsMatchBruteForce()
{
    // Two 1-D states, six observations: enumerate all 64 state paths.
    const std::vector<double> initial{0.6, 0.4}, transition{0.7, 0.3, 0.2, 0.8};
    const std::vector<double> means{0.0, 1.5}, variances{1.0, 0.5};
    GaussianHmm m(2, 1);
    QVERIFY(m.setParameters(initial, transition, means, {1.0, 0.5}));
    const std::vector<double> x{0.1, 1.2, 1.9, -0.4, 0.3, 1.4};
    const int n = int(x.size());

    double total = 0.0, best = -1.0;
    int bestPath = 0;
    std::vector<double> smoothed(std::size_t(n) * 2, 0.0);
    std::vector<std::vector<double>> prefix(std::size_t(n), std::vector<double>(2, 0.0));
    for (int path = 0; path < (1 << n); ++path) {
        double p = 1.0;
        for (int t = 0; t < n; ++t) {
            const int s = (path >> t) & 1;
            p *= (t == 0 ? initial[std::size_t(s)]
                         : transition[std::size_t(((path >> (t - 1)) & 1) * 2 + s)]) *
                 std::exp(normalLogPdf(x[std::size_t(t)], means[std::size_t(s)],
                                       variances[std::size_t(s)]));
            // Joint probability of the prefix 0..t: counted once per distinct prefix.
            if ((path >> (t + 1)) == 0)
                prefix[std::size_t(t)][std::size_t(s)] += p;
        }
        total += p;
        for (int t = 0; t < n; ++t)
            smoothed[std::size_t(t * 2 + ((path >> t) & 1))] += p;
        if (p > best) {
            best = p;
            bestPath = path;
        }
    }
    const HmmFilterResult filter = m.filter(x);
    QVERIFY(std::abs(filter.logLikelihood - std::log(total)) < 1e-12);
    const std::vector<double> gamma = m.smooth(x);
    const std::vector<int> viterbi = m.viterbi(x);
    for (int t = 0; t < n; ++t) {
        const double prefixTotal = prefix[std::size_t(t)][0] + prefix[std::size_t(t)][1];
        QVERIFY(std::abs(filter.filtered[std::size_t(t * 2)] -
                         prefix[std::size_t(t)][0] / prefixTotal) < 1e-12);
        QVERIFY(std::abs(gamma[std::size_t(t * 2)] - smoothed[std::size_t(t * 2)] / total) < 1e-12);
        QCOMPARE(viterbi[std::size_t(t)], (bestPath >> t) & 1);
    }
}

void tst_GaussianHmm::recoversParameters_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<int>("length");
    QTest::newRow("2 states, 1-D") << 0 << 3000;
    QTest::newRow("3 states, 2-D full covariance") << 1 << 5000;
}

void tst_GaussianHmm::recoversParameters()
{
    QFETCH(int, which);
    QFETCH(int, length);
    const TrueHmm truth = which == 0 ? twoStateOneDim() : threeStateTwoDim();
    const std::vector<double> x = sample(truth, length, 1234 + quint64(which));
    double fittedLl = 0.0;
    const GaussianHmm fit = bestFit(x, truth.states, truth.dim, {}, &fittedLl);
    QVERIFY(fit.isValid());
    // Maximum likelihood: at least as likely as the parameters that generated the data.
    QVERIFY(fittedLl >= modelOf(truth).logLikelihood(x) - 1e-6);

    // Match each true state with the fitted state of nearest mean; must be a permutation.
    std::vector<int> match(std::size_t(truth.states), -1);
    std::vector<bool> used(std::size_t(truth.states), false);
    for (int s = 0; s < truth.states; ++s) {
        double bestDistance = std::numeric_limits<double>::infinity();
        for (int k = 0; k < truth.states; ++k) {
            double d2 = 0.0;
            for (int d = 0; d < truth.dim; ++d)
                d2 += std::pow(fit.mean(k, d) - truth.means[std::size_t(s * truth.dim + d)], 2);
            if (d2 < bestDistance) {
                bestDistance = d2;
                match[std::size_t(s)] = k;
            }
        }
        QVERIFY(!used[std::size_t(match[std::size_t(s)])]);
        used[std::size_t(match[std::size_t(s)])] = true;
    }
    // Tolerances: about 5 standard errors at these sample sizes (>= 1000 visits per state).
    for (int s = 0; s < truth.states; ++s) {
        const int k = match[std::size_t(s)];
        for (int d = 0; d < truth.dim; ++d)
            QVERIFY2(std::abs(fit.mean(k, d) - truth.means[std::size_t(s * truth.dim + d)]) < 0.15,
                     qPrintable(QStringLiteral("mean of state %1 dim %2: %3")
                                    .arg(s)
                                    .arg(d)
                                    .arg(fit.mean(k, d))));
        for (int r = 0; r < truth.dim; ++r) {
            for (int c = 0; c < truth.dim; ++c) {
                const double want = truth.cov[std::size_t((s * truth.dim + r) * truth.dim + c)];
                const double got = fit.covariance(k, r, c);
                QVERIFY2(std::abs(got - want) < 0.15 * std::max(std::abs(want), 0.5),
                         qPrintable(QStringLiteral("cov %1 (%2,%3): %4 vs %5")
                                        .arg(s)
                                        .arg(r)
                                        .arg(c)
                                        .arg(got)
                                        .arg(want)));
            }
        }
        for (int s2 = 0; s2 < truth.states; ++s2) {
            const double want = truth.transition[std::size_t(s * truth.states + s2)];
            const double got = fit.transition(k, match[std::size_t(s2)]);
            QVERIFY2(
                std::abs(got - want) < 0.03,
                qPrintable(QStringLiteral("A %1->%2: %3 vs %4").arg(s).arg(s2).arg(got).arg(want)));
        }
    }
}

void tst_GaussianHmm::likelihoodIncreasesMonotonically()
{
    const std::vector<double> x = sample(threeStateTwoDim(), 2000, 77);
    HmmFitOptions options;
    options.tolerance = 0.0; // run to the cap: monotonicity must hold on every step
    options.maxIterations = 150;
    const auto starts = hmmStartingPoints(x, 3, 2, 3, 5, options.varianceFloor);
    QVERIFY(starts.size() >= 4);
    for (GaussianHmm start : starts) {
        const HmmFitTrace trace = start.fit(x, options);
        QVERIFY(trace.logLikelihoods.size() > 10);
        for (std::size_t i = 1; i < trace.logLikelihoods.size(); ++i) {
            const double previous = trace.logLikelihoods[i - 1];
            QVERIFY2(trace.logLikelihoods[i] >= previous - 1e-9 * std::abs(previous),
                     qPrintable(QStringLiteral("iteration %1: %2 -> %3")
                                    .arg(i)
                                    .arg(previous, 0, 'g', 17)
                                    .arg(trace.logLikelihoods[i], 0, 'g', 17)));
        }
        // The returned model is the one the last entry was computed for.
        QVERIFY(std::abs(start.logLikelihood(x) - trace.logLikelihoods.back()) <
                1e-9 * std::abs(trace.logLikelihoods.back()));
    }
}

void tst_GaussianHmm::stickyObjectiveIncreasesMonotonically()
{
    const std::vector<double> x = sample(twoStateOneDim(), 1500, 3);
    HmmFitOptions options;
    options.stickiness = 200.0;
    options.tolerance = 0.0;
    options.maxIterations = 100;
    GaussianHmm plain = hmmStartingPoints(x, 2, 1, 0, 0, options.varianceFloor).front();
    GaussianHmm sticky = plain;
    const HmmFitTrace trace = sticky.fit(x, options);
    for (std::size_t i = 1; i < trace.objectives.size(); ++i)
        QVERIFY(trace.objectives[i] >=
                trace.objectives[i - 1] - 1e-9 * std::abs(trace.objectives[i - 1]));
    options.stickiness = 0.0;
    plain.fit(x, options);
    // The prior makes states stickier than maximum likelihood does.
    QVERIFY(sticky.transition(0, 0) > plain.transition(0, 0));
    QVERIFY(sticky.transition(1, 1) > plain.transition(1, 1));
}

void tst_GaussianHmm::varianceFloorHolds()
{
    // Half the data is one repeated value: without a floor one state collapses onto it.
    std::vector<double> x;
    Random rng(8);
    for (int i = 0; i < 400; ++i)
        x.push_back(i % 2 == 0 ? 3.0 : rng.normal());
    HmmFitOptions options;
    options.varianceFloor = 1e-2;
    double ll = 0.0;
    const GaussianHmm fit = bestFit(x, 2, 1, options, &ll);
    QVERIFY(fit.isValid());
    QVERIFY(std::isfinite(ll));
    for (int k = 0; k < 2; ++k)
        QVERIFY(fit.covariance(k, 0, 0) >= options.varianceFloor * (1 - 1e-12));
}

void tst_GaussianHmm::jsonRoundTrip()
{
    const std::vector<double> x = sample(threeStateTwoDim(), 300, 11);
    const GaussianHmm m = modelOf(threeStateTwoDim());
    const auto back = GaussianHmm::fromJson(m.toJson());
    QVERIFY(back.has_value());
    QCOMPARE(back->stateCount(), 3);
    QVERIFY(std::abs(back->logLikelihood(x) - m.logLikelihood(x)) < 1e-9);
    QJsonObject broken = m.toJson();
    broken.insert(QStringLiteral("states"), 4);
    QVERIFY(!GaussianHmm::fromJson(broken).has_value());
    QVERIFY(!GaussianHmm::fromJson(QJsonObject()).has_value());
}

void tst_GaussianHmm::invalidInput()
{
    GaussianHmm m(2, 1);
    // Not positive definite.
    QVERIFY(!m.setParameters({0.5, 0.5}, {0.9, 0.1, 0.1, 0.9}, {0.0, 1.0}, {1.0, -1.0}));
    QVERIFY(!m.isValid());
    QVERIFY(std::isnan(m.logLikelihood(std::vector<double>{1.0, 2.0})));
    QVERIFY(m.viterbi(std::vector<double>{1.0}).empty());
    // Wrong sizes and NaN parameters.
    QVERIFY(!m.setParameters({1.0}, {0.9, 0.1, 0.1, 0.9}, {0.0, 1.0}, {1.0, 1.0}));
    QVERIFY(!m.setParameters({0.5, 0.5}, {0.9, 0.1, 0.1, 0.9}, {std::nan(""), 1.0}, {1.0, 1.0}));
    QVERIFY(m.setParameters({0.5, 0.5}, {0.9, 0.1, 0.1, 0.9}, {0.0, 1.0}, {1.0, 1.0}));
    // A NaN observation: no result rather than NaN posteriors.
    const std::vector<double> bad{0.1, std::nan(""), 0.3};
    const HmmFilterResult f = m.filter(bad);
    QVERIFY(f.filtered.empty());
    QVERIFY(m.smooth(bad).empty());
    GaussianHmm copy = m;
    QVERIFY(copy.fit(bad, {}).logLikelihoods.empty());
    // Too few observations for the starts.
    QVERIFY(hmmStartingPoints(std::vector<double>{1.0, 2.0, 3.0}, 4, 1, 2, 1, 1e-3).empty());
    // An extreme outlier must not underflow the forward pass.
    const std::vector<double> outlier{0.0, 1e6, 1.0};
    QVERIFY(std::isfinite(m.logLikelihood(outlier)));
}

QTEST_MAIN(tst_GaussianHmm)
#include "tst_gaussianhmm.moc"
