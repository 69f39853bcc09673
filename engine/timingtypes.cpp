#include "timingtypes.h"

#include <algorithm>
#include <memory>

namespace cp::engine {

qint64 utcDayStart(qint64 time)
{
    constexpr qint64 day = 86400;
    qint64 d = time / day;
    if (time % day < 0)
        --d;
    return d * day;
}

RegimeByDay regimeByDayFrom(std::vector<qint64> days, std::vector<Regime> regimes)
{
    struct Table
    {
        std::vector<qint64> days;
        std::vector<Regime> regimes;
    };
    const std::size_t n = std::min(days.size(), regimes.size());
    days.resize(n);
    regimes.resize(n);
    auto table = std::make_shared<const Table>(Table{std::move(days), std::move(regimes)});
    return [table](qint64 dayStart) -> std::optional<Regime> {
        const auto it = std::lower_bound(table->days.begin(), table->days.end(), dayStart);
        if (it == table->days.end() || *it != dayStart)
            return std::nullopt;
        return table->regimes[std::size_t(it - table->days.begin())];
    };
}

QString tradeOutcomeName(TradeOutcome outcome)
{
    switch (outcome) {
    case TradeOutcome::TargetHit:
        return QStringLiteral("target_hit");
    case TradeOutcome::StopHit:
        return QStringLiteral("stop_hit");
    case TradeOutcome::Expired:
        return QStringLiteral("expired");
    case TradeOutcome::Open:
        break;
    }
    return QStringLiteral("open");
}

QStringList timingFeatureNames()
{
    return {QStringLiteral("is_short"),        QStringLiteral("rsi"),
            QStringLiteral("rsi_recovery"),    QStringLiteral("macd_hist_atr"),
            QStringLiteral("macd_turn_atr"),   QStringLiteral("trend_spread_atr"),
            QStringLiteral("trend_slope_atr"), QStringLiteral("ln_atr_percent"),
            QStringLiteral("atr_percentile"),  QStringLiteral("volume_surge"),
            QStringLiteral("momentum_atr"),    QStringLiteral("regime_bull"),
            QStringLiteral("regime_bear"),     QStringLiteral("regime_volatile"),
            QStringLiteral("sector_momentum")};
}

} // namespace cp::engine
