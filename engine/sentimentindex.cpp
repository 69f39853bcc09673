#include "sentimentindex.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cp::engine {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Closes within this relative distance of their average count as "at" it (half above, half
// below): a flat market reads 50, and does not flip between above and below on rounding.
constexpr double kAboveTolerance = 1e-9;

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

double round4(double v)
{
    return std::round(v * 1e4) / 1e4;
}

QString signedPercent(double fraction)
{
    return (fraction >= 0 ? QStringLiteral("+") : QString()) +
           QString::number(100.0 * fraction, 'f', 1) + QLatin1Char('%');
}

} // namespace

QString fearGreedLabel(double index)
{
    if (index < 25.0)
        return QStringLiteral("extreme fear");
    if (index < 45.0)
        return QStringLiteral("fear");
    if (index <= 55.0)
        return QStringLiteral("neutral");
    if (index < 75.0)
        return QStringLiteral("greed");
    return QStringLiteral("extreme greed");
}

SentimentIndex::SentimentIndex(const DailyMarket &market, const MarketSeries &series,
                               const SentimentOptions &options)
    : m_options(options)
{
    const int days = series.dayCount();
    const auto n = std::size_t(days);
    m_momentum.assign(n, kNaN);
    m_volatility.assign(n, kNaN);
    m_volume.assign(n, kNaN);
    m_breadth.assign(n, kNaN);
    m_breadthAssets.assign(n, 0);
    m_dominance.assign(n, kNaN);
    if (days == 0)
        return;

    // Momentum: the index against its own moving average.
    const std::vector<double> average = rollingMean(series.index, options.momentumWindow);
    for (std::size_t d = 0; d < n; ++d) {
        if (average[d] > 0.0 && series.index[d] > 0.0)
            m_momentum[d] = std::log(series.index[d] / average[d]);
    }

    // Volatility: returns start at day 1, so windows must not reach day 0.
    const std::vector<double> shortVol =
        rollingStd(series.indexReturn, options.volatilityShortWindow);
    const std::vector<double> longVol =
        rollingStd(series.indexReturn, options.volatilityLongWindow);
    for (std::size_t d = std::size_t(std::max(options.volatilityLongWindow, 0)); d < n; ++d) {
        if (!std::isfinite(shortVol[d]) || !std::isfinite(longVol[d]))
            continue;
        if (longVol[d] > 0.0 && shortVol[d] > 0.0)
            m_volatility[d] = std::log(shortVol[d] / longVol[d]);
        else if (longVol[d] == 0.0)
            m_volatility[d] = 0.0; // a flat market: neither calmer nor wilder than usual
    }

    // Volume: share of quote volume on up days.
    if (options.volumeWindow >= 1) {
        for (std::size_t d = std::size_t(options.volumeWindow); d < n; ++d) {
            double up = 0.0, total = 0.0;
            for (std::size_t j = d + 1 - std::size_t(options.volumeWindow); j <= d; ++j) {
                const double v = series.quoteVolume[j];
                total += v;
                const double r = series.indexReturn[j];
                up += r > 0.0 ? v : (r == 0.0 ? 0.5 * v : 0.0);
            }
            if (total > 0.0 && std::isfinite(total))
                m_volume[d] = up / total;
        }
    }

    // Breadth: assets above their own moving average (closes forward-filled by DailyMarket).
    if (options.breadthWindow >= 1 && int(series.stablecoin.size()) == market.assetCount()) {
        const auto w = std::size_t(options.breadthWindow);
        std::vector<int> halves(n, 0); // 2 per asset above its average, 1 per asset at it
        for (int a = 0; a < market.assetCount(); ++a) {
            if (series.stablecoin[std::size_t(a)])
                continue;
            for (std::size_t d = w - 1; d < n; ++d) {
                if (!market.hasData(a, int(d + 1 - w)))
                    continue;
                double sum = 0.0;
                for (std::size_t j = d + 1 - w; j <= d; ++j)
                    sum += market.close(a, int(j));
                const double mean = sum / double(w);
                ++m_breadthAssets[d];
                const double close = market.close(a, int(d));
                if (close > mean * (1.0 + kAboveTolerance))
                    halves[d] += 2;
                else if (close >= mean * (1.0 - kAboveTolerance))
                    halves[d] += 1;
            }
        }
        for (std::size_t d = 0; d < n; ++d) {
            if (m_breadthAssets[d] > 0)
                m_breadth[d] = 0.5 * double(halves[d]) / m_breadthAssets[d];
        }
    }

    // BTC dominance change; without Bitcoin in the market there is nothing to read.
    if (options.dominanceDays >= 1) {
        for (std::size_t d = std::size_t(options.dominanceDays); d < n; ++d) {
            const double now = series.btcDominance[d];
            const double then = series.btcDominance[d - std::size_t(options.dominanceDays)];
            if (now > 0.0 && then > 0.0)
                m_dominance[d] = now - then;
        }
    }
}

std::vector<SentimentComponent> SentimentIndex::components(int day) const
{
    std::vector<SentimentComponent> out;
    if (day < 0 || day >= dayCount())
        return out;
    const auto d = std::size_t(day);
    const SentimentOptions &o = m_options;

    SentimentComponent momentum{QStringLiteral("momentum"), false,    m_momentum[d], 50.0,
                                o.momentumWeight,           QString()};
    if (std::isfinite(m_momentum[d])) {
        momentum.available = true;
        momentum.score = 50.0 + 50.0 * std::tanh(m_momentum[d] / o.momentumScale);
        momentum.description = QStringLiteral("Market index %1 vs its %2-day average")
                                   .arg(signedPercent(std::expm1(m_momentum[d])))
                                   .arg(o.momentumWindow);
    }
    SentimentComponent volatility{QStringLiteral("volatility"), false,    m_volatility[d], 50.0,
                                  o.volatilityWeight,           QString()};
    if (std::isfinite(m_volatility[d])) {
        volatility.available = true;
        volatility.score = 50.0 - 50.0 * std::tanh(m_volatility[d] / std::log(1.5));
        volatility.description = QStringLiteral("%1-day volatility %2x its %3-day level")
                                     .arg(o.volatilityShortWindow)
                                     .arg(std::exp(m_volatility[d]), 0, 'f', 2)
                                     .arg(o.volatilityLongWindow);
    }
    SentimentComponent volume{QStringLiteral("volume"), false,    m_volume[d], 50.0,
                              o.volumeWeight,           QString()};
    if (std::isfinite(m_volume[d])) {
        volume.available = true;
        volume.score = 100.0 * m_volume[d];
        volume.description = QStringLiteral("%1% of %2-day volume traded on up days")
                                 .arg(100.0 * m_volume[d], 0, 'f', 0)
                                 .arg(o.volumeWindow);
    }
    SentimentComponent breadth{QStringLiteral("breadth"), false,    m_breadth[d], 50.0,
                               o.breadthWeight,           QString()};
    if (std::isfinite(m_breadth[d])) {
        breadth.available = true;
        breadth.score = 100.0 * m_breadth[d];
        breadth.description = QStringLiteral("%1% of %2 assets above their %3-day average")
                                  .arg(100.0 * m_breadth[d], 0, 'f', 0)
                                  .arg(m_breadthAssets[d])
                                  .arg(o.breadthWindow);
    }
    SentimentComponent dominance{
        QStringLiteral("btc_dominance"), false, m_dominance[d], 50.0, o.dominanceWeight, QString()};
    if (std::isfinite(m_dominance[d])) {
        dominance.available = true;
        dominance.score = 50.0 - 50.0 * std::tanh(m_dominance[d] / o.dominanceScale);
        dominance.description = QStringLiteral("BTC dominance %1%2 pp over %3 days")
                                    .arg(m_dominance[d] >= 0 ? QStringLiteral("+") : QString())
                                    .arg(m_dominance[d], 0, 'f', 2)
                                    .arg(o.dominanceDays);
    }
    for (SentimentComponent *c : {&momentum, &volatility, &volume, &breadth, &dominance}) {
        c->score = std::clamp(c->score, 0.0, 100.0);
        if (!c->available)
            c->description = QStringLiteral("not enough history");
        out.push_back(std::move(*c));
    }
    return out;
}

double SentimentIndex::index(int day) const
{
    double sum = 0.0, weights = 0.0;
    for (const SentimentComponent &c : components(day)) {
        if (!c.available || !(c.weight > 0.0))
            continue;
        sum += c.weight * c.score;
        weights += c.weight;
    }
    return weights > 0.0 ? std::clamp(sum / weights, 0.0, 100.0) : 50.0;
}

std::vector<double> SentimentIndex::history() const
{
    std::vector<double> out(static_cast<std::size_t>(dayCount()));
    for (int d = 0; d < dayCount(); ++d)
        out[std::size_t(d)] = index(d);
    return out;
}

SentimentResult SentimentIndex::result(int day, qint64 timestamp) const
{
    SentimentResult r;
    r.timestamp = timestamp;
    const std::vector<SentimentComponent> parts = components(day);
    double weights = 0.0;
    for (const SentimentComponent &c : parts)
        weights += c.available && c.weight > 0.0 ? c.weight : 0.0;
    QJsonObject components;
    for (const SentimentComponent &c : parts) {
        QJsonObject entry{{QStringLiteral("available"), c.available},
                          {QStringLiteral("weight"), c.weight},
                          {QStringLiteral("effective_weight"),
                           c.available && weights > 0.0 ? round4(c.weight / weights) : 0.0},
                          {QStringLiteral("description"), c.description}};
        if (c.available) {
            entry.insert(QStringLiteral("value"), round4(c.value));
            entry.insert(QStringLiteral("score"), round2(c.score));
        }
        components.insert(c.name, entry);
    }
    r.fearGreedIndex = round2(index(day));
    r.compositeSentiment = std::clamp(round4((r.fearGreedIndex - 50.0) / 50.0), -1.0, 1.0);
    r.sentimentSources = QJsonObject{
        {QStringLiteral("method"),
         QStringLiteral("market-derived fear & greed: weighted mean of component scores (0-100), "
                        "weights renormalised over available components")},
        {QStringLiteral("label"), fearGreedLabel(r.fearGreedIndex)},
        {QStringLiteral("components"), components},
    };
    return r;
}

} // namespace cp::engine
