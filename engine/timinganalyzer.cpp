#include "timinganalyzer.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace cp::engine {

namespace {

QString tierName(Tier tier)
{
    switch (tier) {
    case Tier::Tier1:
        return QStringLiteral("tier1");
    case Tier::Tier2:
        return QStringLiteral("tier2");
    case Tier::None:
        break;
    }
    return QStringLiteral("none");
}

QString percentText(double fraction)
{
    return QString::number(std::lround(fraction * 100.0)) + QLatin1Char('%');
}

QString signedPercent(double pct, int decimals = 1)
{
    return (pct >= 0 ? QStringLiteral("+") : QString()) + QString::number(pct, 'f', decimals) +
           QLatin1Char('%');
}

QString ordinal(int n)
{
    const int mod100 = n % 100;
    const char *suffix = "th";
    if (mod100 < 11 || mod100 > 13) {
        if (n % 10 == 1)
            suffix = "st";
        else if (n % 10 == 2)
            suffix = "nd";
        else if (n % 10 == 3)
            suffix = "rd";
    }
    return QString::number(n) + QLatin1String(suffix);
}

QJsonArray keyFactors(const TimingCandidate &k, const TimingConfig &cfg, const TimingContext &ctx)
{
    const bool isLong = k.setup.side == SignalType::Long;
    QJsonArray f;
    const double spread = (k.emaFast / k.emaSlow - 1.0) * 100.0;
    f.append(QStringLiteral("%1: EMA%2 %3% %4 EMA%5")
                 .arg(isLong ? QStringLiteral("Uptrend") : QStringLiteral("Downtrend"))
                 .arg(cfg.emaFast)
                 .arg(QString::number(std::abs(spread), 'f', 2),
                      spread >= 0 ? QStringLiteral("above") : QStringLiteral("below"))
                 .arg(cfg.emaSlow));
    f.append(isLong
                 ? QStringLiteral("RSI recovered from %1 to %2")
                       .arg(QString::number(k.rsiExtreme, 'f', 1), QString::number(k.rsi, 'f', 1))
                 : QStringLiteral("RSI fell back from %1 to %2")
                       .arg(QString::number(k.rsiExtreme, 'f', 1), QString::number(k.rsi, 'f', 1)));
    const bool crossed = isLong ? (k.macdHist > 0.0 && k.macdHistPrevious <= 0.0)
                                : (k.macdHist < 0.0 && k.macdHistPrevious >= 0.0);
    if (crossed)
        f.append(isLong ? QStringLiteral("MACD histogram turned positive")
                        : QStringLiteral("MACD histogram turned negative"));
    else
        f.append(QStringLiteral("MACD histogram turning %1 (from %2 to %3 ATR)")
                     .arg(isLong ? QStringLiteral("up") : QStringLiteral("down"),
                          QString::number(k.macdHistPrevious / k.atr, 'f', 2),
                          QString::number(k.macdHist / k.atr, 'f', 2)));
    if (std::isfinite(k.volumeRatio))
        f.append(QStringLiteral("Volume %1 vs the %2-bar average")
                     .arg(signedPercent((k.volumeRatio - 1.0) * 100.0, 0))
                     .arg(cfg.volumeWindowBars));
    f.append(QStringLiteral("Price %1 over the last %2 bars")
                 .arg(signedPercent(k.momentumPct))
                 .arg(cfg.momentumBars));
    f.append(QStringLiteral("ATR %1% of price (%2 percentile of the last %3 days): %4 risk")
                 .arg(QString::number(k.atrPercent, 'f', 2),
                      ordinal(int(std::lround(k.atrPercentile * 100))))
                 .arg(cfg.riskWindowDays)
                 .arg(riskLevelName(k.riskLevel)));
    if (ctx.regime) {
        const Regime r = *ctx.regime;
        QString effect = QStringLiteral("neutral for the trade");
        if (r == Regime::Volatile)
            effect = QStringLiteral("volatile: smaller size");
        else if ((r == Regime::Bull && isLong) || (r == Regime::Bear && !isLong))
            effect = isLong ? QStringLiteral("supports longs") : QStringLiteral("supports shorts");
        else if (r == Regime::Bull || r == Regime::Bear)
            effect = QStringLiteral("works against the trade");
        f.append(QStringLiteral("Market regime %1 (%2): %3")
                     .arg(regimeName(r), percentText(ctx.regimeProbability), effect));
    }
    if (ctx.sectorRank > 0 && !ctx.sector.isEmpty())
        f.append(QStringLiteral("Sector %1 ranks #%2%3")
                     .arg(ctx.sector)
                     .arg(ctx.sectorRank)
                     .arg(ctx.sectorMomentum
                              ? QStringLiteral(" (momentum %1)")
                                    .arg(QString::number(*ctx.sectorMomentum, 'f', 2))
                              : QString()));
    return f;
}

} // namespace

TimingAnalyzer::TimingAnalyzer(TimingConfig config, TimingHistory history)
    : m_generator(std::move(config), std::move(history))
{
}

std::pair<double, QString> TimingAnalyzer::positionCap(const TimingContext &context,
                                                       SignalType side)
{
    double cap = 1.0;
    QString why = QStringLiteral("no regime information: normal position size");
    const bool isLong = side == SignalType::Long;
    if (context.regime) {
        const QString name = regimeName(*context.regime);
        switch (*context.regime) {
        case Regime::Bull:
        case Regime::Bear:
            if ((*context.regime == Regime::Bull) == isLong) {
                why =
                    QStringLiteral("regime %1 supports the trade: normal position size").arg(name);
            } else {
                cap = 0.5;
                why = QStringLiteral("a %1 against a %2 regime: position capped at 50% of the "
                                     "normal size")
                          .arg(isLong ? QStringLiteral("long") : QStringLiteral("short"), name);
            }
            break;
        case Regime::Neutral:
            cap = 0.75;
            why = QStringLiteral("regime neutral caps the position at 75% of the normal size");
            break;
        case Regime::Volatile:
            cap = 0.5;
            why = QStringLiteral("regime volatile caps the position at 50% of the normal size");
            break;
        }
    }
    if (context.recommendedExposure >= 0.0 && context.recommendedExposure < cap) {
        cap = std::clamp(context.recommendedExposure, 0.0, 1.0);
        why = QStringLiteral("layer 1 recommends %1 market exposure: position capped at %1 of the "
                             "normal size")
                  .arg(percentText(cap));
    }
    return {cap, why};
}

SignalModel TimingAnalyzer::train(std::vector<AssetCandidates> &assets) const
{
    std::map<qint64, int> intervals;
    for (const AssetCandidates &a : assets)
        if (!a.isSkipped())
            ++intervals[a.barSeconds];
    qint64 dominant = 0;
    int most = 0;
    for (const auto &[seconds, count] : intervals) // ascending: ties go to the shorter bar
        if (count > most) {
            most = count;
            dominant = seconds;
        }
    for (AssetCandidates &a : assets) {
        if (a.isSkipped() || a.barSeconds == dominant)
            continue;
        a.skipReason = QStringLiteral("bars of %1 s differ from the run's %2 s bars; the timing "
                                      "model is trained on one bar length")
                           .arg(a.barSeconds)
                           .arg(dominant);
        a.candidates.clear();
        a.latest = -1;
    }
    return trainSignalModel(assets, config());
}

std::optional<SignalResult> TimingAnalyzer::signalFor(const AssetHistory &asset,
                                                      const AssetCandidates &a,
                                                      const SignalModel &model,
                                                      const TimingContext &context,
                                                      QString *whyNot) const
{
    const TimingConfig &cfg = config();
    auto fail = [&](QString reason) -> std::optional<SignalResult> {
        if (whyNot)
            *whyNot = std::move(reason);
        return std::nullopt;
    };
    if (a.isSkipped())
        return fail(a.skipReason);
    if (a.latest < 0)
        return fail(a.latestNote);
    if (!model.isFitted())
        return fail(QStringLiteral("the timing model could not be trained (too few resolved "
                                   "candidates: %1 known, %2 needed)")
                        .arg(model.latest.knownRows)
                        .arg(cfg.walkForward.minTrainRows));
    if (a.lastTime + a.barSeconds < model.trainedAt)
        return fail(QStringLiteral("the latest bar is %1 h older than the newest data: stale")
                        .arg((model.trainedAt - a.lastTime) / 3600));
    const TimingCandidate &k = a.candidates[std::size_t(a.latest)];
    const double confidence = model.confidence(k);
    const double raw = model.rawProbability(k);
    if (!std::isfinite(confidence))
        return fail(QStringLiteral("the model gave no finite probability"));
    const QString side =
        k.setup.side == SignalType::Long ? QStringLiteral("long") : QStringLiteral("short");
    if (confidence < cfg.confidenceMin)
        return fail(QStringLiteral("%1 setup, but confidence %2 is below the minimum %3")
                        .arg(side, QString::number(confidence, 'f', 2),
                             QString::number(cfg.confidenceMin, 'f', 2)));

    SignalResult s;
    s.cryptoId = asset.cryptoId;
    s.symbol = asset.symbol;
    s.type = k.setup.side;
    s.entryPrice = k.setup.entry;
    s.targetPrice = k.setup.target;
    s.stopLoss = k.setup.stop;
    s.confidence = std::clamp(confidence, 0.0, 1.0);
    s.riskLevel = k.riskLevel;
    s.riskRewardRatio = k.setup.riskRewardRatio();
    s.timeHorizonHours = a.horizonHours;
    s.generatedAt = a.lastTime;
    s.expiresAt = a.lastTime + qint64(a.horizonHours) * 3600;

    const auto [cap, capWhy] = positionCap(context, k.setup.side);
    QJsonObject market;
    market.insert(QStringLiteral("regime"),
                  context.regime ? regimeName(*context.regime) : QStringLiteral("unknown"));
    if (context.regime)
        market.insert(QStringLiteral("regime_probability"), context.regimeProbability);
    if (context.recommendedExposure >= 0.0)
        market.insert(QStringLiteral("recommended_exposure"), context.recommendedExposure);
    market.insert(QStringLiteral("sector"),
                  context.sector.isEmpty() ? asset.sector : context.sector);
    if (context.sectorRank > 0)
        market.insert(QStringLiteral("sector_rank"), context.sectorRank);
    if (context.sectorMomentum)
        market.insert(QStringLiteral("sector_momentum"), *context.sectorMomentum);
    market.insert(QStringLiteral("tier"),
                  tierName(context.tier != Tier::None ? context.tier : asset.tier));
    if (context.suggestion) {
        QJsonObject suggestion{
            {QStringLiteral("type"), suggestionTypeName(context.suggestion->type)}};
        if (context.suggestion->id > 0)
            suggestion.insert(QStringLiteral("id"), context.suggestion->id);
        market.insert(QStringLiteral("suggestion"), suggestion);
    }
    market.insert(QStringLiteral("position_cap"), capWhy);
    market.insert(QStringLiteral("position_size_fraction"), cap);
    s.marketContext = market;

    QJsonArray factors = keyFactors(k, cfg, context);
    QJsonObject probability{
        {QStringLiteral("target_before_stop"), s.confidence},
        {QStringLiteral("%1h_target").arg(a.horizonHours), s.confidence},
        {QStringLiteral("raw_model_probability"), raw},
        {QStringLiteral("base_rate"), model.latest.trainingBaseRate},
        {QStringLiteral("calibration"),
         model.latest.calibration.isIdentity() ? QStringLiteral("none") : QStringLiteral("platt")},
        {QStringLiteral("risk_pct"), k.setup.riskPct()},
        {QStringLiteral("reward_pct"), k.setup.rewardPct()},
        // Expected return if every trade ended at its target or stop (expiries ignored).
        {QStringLiteral("expected_return_pct"),
         s.confidence * k.setup.rewardPct() - (1.0 - s.confidence) * k.setup.riskPct()},
        {QStringLiteral("out_of_sample_brier"), model.walkForward.calibratedReport.brier},
        {QStringLiteral("base_rate_brier"), model.walkForward.calibratedReport.baseRateBrier},
        {QStringLiteral("beats_base_rate"), model.walkForward.calibratedReport.beatsBaseRate()},
        {QStringLiteral("horizon_hours"), a.horizonHours},
        {QStringLiteral("outcome_rule"),
         QStringLiteral("target before stop within the horizon; a bar touching both counts as a "
                        "stop")}};
    if (const CalibrationBin *bin = model.calibrationBin(s.confidence); bin && bin->count > 0) {
        probability.insert(QStringLiteral("calibration_bin"),
                           QJsonObject{{QStringLiteral("lower"), bin->lower},
                                       {QStringLiteral("upper"), bin->upper},
                                       {QStringLiteral("observed_rate"), bin->observedRate},
                                       {QStringLiteral("count"), bin->count}});
        factors.append(QStringLiteral("Model: %1 chance of the target first; out of sample, "
                                      "stated %2-%3 came true %4 of %5 times")
                           .arg(percentText(s.confidence), percentText(bin->lower),
                                percentText(bin->upper), percentText(bin->observedRate))
                           .arg(bin->count));
    }
    // The largest pushes on the log-odds, for "why this confidence".
    const std::vector<double> contributions = model.latest.model.contributions(k.features);
    const QStringList names = timingFeatureNames();
    std::vector<int> order(contributions.size());
    for (std::size_t j = 0; j < order.size(); ++j)
        order[j] = int(j);
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
        return std::abs(contributions[std::size_t(x)]) > std::abs(contributions[std::size_t(y)]);
    });
    QJsonObject drivers;
    for (std::size_t j = 0; j < std::min<std::size_t>(5, order.size()); ++j)
        drivers.insert(names[order[j]], contributions[std::size_t(order[j])]);
    s.aiAnalysis = QJsonObject{
        {QStringLiteral("key_factors"), factors},
        {QStringLiteral("probability_analysis"), probability},
        {QStringLiteral("log_odds_contributions"), drivers},
        {QStringLiteral("model"),
         QJsonObject{{QStringLiteral("name"), QString::fromLatin1(SignalModel::name)},
                     {QStringLiteral("version"), QString::fromLatin1(SignalModel::version)},
                     {QStringLiteral("trained_at"), model.trainedAt},
                     {QStringLiteral("training_rows"), model.latest.trainRows}}},
        {QStringLiteral("signal_bar_time"), k.time}};
    return s;
}

TimingAnalysis TimingAnalyzer::analyze(const std::vector<AssetHistory> &assets,
                                       std::span<const TimingContext> contexts) const
{
    TimingAnalysis out;
    out.candidates.reserve(assets.size());
    for (const AssetHistory &asset : assets)
        out.candidates.push_back(scan(asset));
    out.model = train(out.candidates);
    out.record = out.model.record();
    const TimingContext none;
    for (std::size_t i = 0; i < assets.size(); ++i) {
        const AssetCandidates &a = out.candidates[i];
        if (a.isSkipped() || (a.latest < 0 && a.latestInvalid)) {
            out.skipped.push_back({assets[i].cryptoId, assets[i].symbol,
                                   a.isSkipped() ? a.skipReason : a.latestNote});
            continue;
        }
        QString why;
        const TimingContext &ctx = i < contexts.size() ? contexts[i] : none;
        if (auto s = signalFor(assets[i], a, out.model, ctx, &why))
            out.signals.push_back(std::move(*s));
        else
            out.withoutSignal.push_back({assets[i].cryptoId, assets[i].symbol, why});
    }
    return out;
}

} // namespace cp::engine
