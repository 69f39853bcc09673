#include "layeroverview.h"

#include "valueformat.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace cp::models::views {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cp::models::views", text);
}

int dotsFor(double confidence)
{
    return std::clamp(static_cast<int>(std::floor(confidence * 5.0 + 1e-9)), 0, 5);
}

QString regimeStatus(const QString &regime)
{
    if (regime == QLatin1String("bull"))
        return QStringLiteral("bullish");
    if (regime == QLatin1String("bear"))
        return QStringLiteral("bearish");
    return regime;
}

QString capitalised(QString word)
{
    if (!word.isEmpty())
        word[0] = word[0].toUpper();
    return word;
}

LayerCard noData(int layer, const QString &name)
{
    LayerCard card;
    card.layer = layer;
    card.name = name;
    card.status = QStringLiteral("no_data");
    card.keyMetric = QStringLiteral("No data");
    card.displayMetric = tr("No data yet");
    return card;
}

LayerCard macroCard(const OverviewSnapshot &s)
{
    if (!s.regime)
        return noData(1, QStringLiteral("Macro"));
    LayerCard card;
    card.layer = 1;
    card.name = QStringLiteral("Macro");
    card.status = regimeStatus(s.regime->regime);
    card.confidence = std::clamp(s.regime->confidence, 0.0, 1.0);
    const QString percent =
        QString::number(std::lround(card.confidence * 100.0)) + QLatin1Char('%');
    card.keyMetric = capitalised(s.regime->regime) + QLatin1Char(' ') + percent;
    card.displayMetric =
        displayLabel(s.regime->regime) + QLatin1Char(' ') + formatFraction(card.confidence);
    card.indicatorDots = dotsFor(card.confidence);
    return card;
}

LayerCard sectorCard(const OverviewSnapshot &s)
{
    if (s.sectors.empty() && !s.rotationProbability)
        return noData(2, QStringLiteral("Sectors"));
    LayerCard card;
    card.layer = 2;
    card.name = QStringLiteral("Sectors");
    const double probability = std::clamp(s.rotationProbability.value_or(0.0), 0.0, 1.0);
    const bool rotating = probability >= 0.5;
    card.status = rotating ? QStringLiteral("rotating") : QStringLiteral("stable");
    card.confidence = rotating ? probability : 1.0 - probability;
    card.indicatorDots = dotsFor(card.confidence);
    // The leading sector named by the rotation analysis, else the strongest momentum.
    const SectorReading *lead = nullptr;
    for (const QString &name : s.leadingSectors) {
        const auto it = std::find_if(s.sectors.begin(), s.sectors.end(),
                                     [&](const SectorReading &r) { return r.name == name; });
        if (it != s.sectors.end()) {
            lead = &*it;
            break;
        }
    }
    if (!lead && !s.sectors.empty())
        lead = &*std::max_element(
            s.sectors.begin(), s.sectors.end(),
            [](const SectorReading &a, const SectorReading &b) { return a.momentum < b.momentum; });
    if (lead) {
        const long whole = std::lround(lead->performance7d);
        const QString change = (whole >= 0 ? QStringLiteral("+") : QString()) +
                               QString::number(whole) + QLatin1Char('%');
        card.keyMetric = lead->name + change;
        const QLocale locale;
        card.displayMetric = lead->name + QLatin1Char(' ') +
                             (whole >= 0 ? locale.positiveSign() : QString()) +
                             locale.toString(qlonglong(whole)) + locale.percent();
    } else {
        card.keyMetric = QStringLiteral("No sectors");
        card.displayMetric = tr("No sectors");
    }
    return card;
}

LayerCard assetCard(const OverviewSnapshot &s)
{
    const int tiered = s.tier1Assets + s.tier2Assets;
    if (tiered == 0 && s.pendingSuggestions == 0)
        return noData(3, QStringLiteral("Assets"));
    LayerCard card;
    card.layer = 3;
    card.name = QStringLiteral("Assets");
    card.status = tiered > 0 ? QStringLiteral("active") : QStringLiteral("awaiting_review");
    card.confidence =
        s.pendingSuggestions > 0 ? std::clamp(s.meanSuggestionConfidence, 0.0, 1.0) : 0.0;
    card.indicatorDots = dotsFor(card.confidence);
    if (tiered > 0) {
        card.keyMetric = QStringLiteral("%1 Active").arg(tiered);
        card.displayMetric = tr("%1 active").arg(QLocale().toString(tiered));
    } else {
        card.keyMetric = QStringLiteral("%1 Pending").arg(s.pendingSuggestions);
        card.displayMetric = tr("%1 pending").arg(QLocale().toString(s.pendingSuggestions));
    }
    return card;
}

LayerCard timingCard(const OverviewSnapshot &s)
{
    if (s.activeSignals == 0 && !s.regime)
        return noData(4, QStringLiteral("Timing"));
    LayerCard card;
    card.layer = 4;
    card.name = QStringLiteral("Timing");
    card.status = s.activeSignals > 0 ? QStringLiteral("signals_ready") : QStringLiteral("waiting");
    card.confidence = s.activeSignals > 0 ? std::clamp(s.meanSignalConfidence, 0.0, 1.0) : 0.0;
    card.indicatorDots = dotsFor(card.confidence);
    card.keyMetric = QStringLiteral("%1 Signals").arg(s.activeSignals);
    card.displayMetric = tr("%1 signals").arg(QLocale().toString(s.activeSignals));
    return card;
}

} // namespace

std::vector<LayerCard> layerCards(const OverviewSnapshot &snapshot)
{
    return {macroCard(snapshot), sectorCard(snapshot), assetCard(snapshot), timingCard(snapshot)};
}

QJsonArray layerOverviewJson(const std::vector<LayerCard> &cards)
{
    QJsonArray array;
    for (const LayerCard &card : cards) {
        array.append(QJsonObject{
            {QStringLiteral("layer"), card.layer},
            {QStringLiteral("name"), card.name},
            {QStringLiteral("status"), card.status},
            {QStringLiteral("confidence"), std::round(card.confidence * 100.0) / 100.0},
            {QStringLiteral("key_metric"), card.keyMetric},
            {QStringLiteral("indicator_dots"), card.indicatorDots},
        });
    }
    return array;
}

QJsonArray layerOverview(const OverviewSnapshot &snapshot)
{
    return layerOverviewJson(layerCards(snapshot));
}

} // namespace cp::models::views
