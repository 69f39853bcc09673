#include "mirrortable.h"

namespace cp::app {

using Kind = MirrorTable::Kind;

MirrorTable MirrorTable::tradingSignals()
{
    return {QStringLiteral("trading_signals"),
            {{QStringLiteral("id")},
             {QStringLiteral("crypto_id")},
             {QStringLiteral("signal_type")},
             {QStringLiteral("entry_price")},
             {QStringLiteral("target_price")},
             {QStringLiteral("stop_loss")},
             {QStringLiteral("confidence_score")},
             {QStringLiteral("risk_level")},
             {QStringLiteral("risk_reward_ratio")},
             {QStringLiteral("time_horizon_hours")},
             {QStringLiteral("ai_analysis"), Kind::Json},
             {QStringLiteral("market_context"), Kind::Json},
             {QStringLiteral("status")},
             {QStringLiteral("generated_at"), Kind::Timestamp},
             {QStringLiteral("expires_at"), Kind::Timestamp}}};
}

MirrorTable MirrorTable::suggestions()
{
    // reviewed_by is left out: it names users the mirror does not know.
    return {QStringLiteral("ai_suggestions"),
            {{QStringLiteral("id")},
             {QStringLiteral("crypto_id")},
             {QStringLiteral("suggestion_type")},
             {QStringLiteral("confidence_score")},
             {QStringLiteral("ai_reasoning"), Kind::Json},
             {QStringLiteral("supporting_data"), Kind::Json},
             {QStringLiteral("performance_metrics"), Kind::Json},
             {QStringLiteral("status")},
             {QStringLiteral("suggested_at"), Kind::Timestamp},
             {QStringLiteral("reviewed_at"), Kind::Timestamp},
             {QStringLiteral("expires_at"), Kind::Timestamp}}};
}

MirrorTable MirrorTable::notifications(int userId)
{
    MirrorTable spec{QStringLiteral("notifications"),
                     {{QStringLiteral("id")},
                      {QStringLiteral("notification_type")},
                      {QStringLiteral("title")},
                      {QStringLiteral("message")},
                      {QStringLiteral("data"), Kind::Json},
                      {QStringLiteral("status")},
                      {QStringLiteral("priority")},
                      {QStringLiteral("scheduled_for"), Kind::Timestamp},
                      {QStringLiteral("sent_at"), Kind::Timestamp},
                      {QStringLiteral("read_at"), Kind::Timestamp},
                      {QStringLiteral("expires_at"), Kind::Timestamp},
                      {QStringLiteral("created_at"), Kind::Timestamp}}};
    spec.scope = QStringLiteral("user_id = ?");
    spec.scopeBinds = {userId};
    spec.fixed.insert(QStringLiteral("user_id"), userId);
    return spec;
}

MirrorTable MirrorTable::watchlists()
{
    return {QStringLiteral("watchlists"),
            {{QStringLiteral("id")},
             {QStringLiteral("user_id")},
             {QStringLiteral("name")},
             {QStringLiteral("type")},
             {QStringLiteral("tier")},
             {QStringLiteral("description")},
             {QStringLiteral("max_items")},
             {QStringLiteral("current_items")},
             {QStringLiteral("is_active")}}};
}

MirrorTable MirrorTable::marketRegime()
{
    return {QStringLiteral("market_regime_analysis"),
            {{QStringLiteral("id")},
             {QStringLiteral("analysis_time"), Kind::Timestamp, QStringLiteral("last_updated")},
             {QStringLiteral("market_regime"), Kind::Plain, QStringLiteral("regime")},
             {QStringLiteral("confidence_score"), Kind::Plain, QStringLiteral("confidence")},
             {QStringLiteral("risk_level")},
             {QStringLiteral("trend_strength")},
             {QStringLiteral("recommended_exposure")},
             {QStringLiteral("regime_drivers"), Kind::Json}}};
}

MirrorTable MirrorTable::sentiment()
{
    return {QStringLiteral("market_sentiment_data"),
            {{QStringLiteral("id")},
             {QStringLiteral("timestamp"), Kind::Timestamp, QStringLiteral("last_updated")},
             {QStringLiteral("fear_greed_index")},
             {QStringLiteral("composite_sentiment")}}};
}

MirrorTable MirrorTable::dominance()
{
    return {QStringLiteral("dominance_data"),
            {{QStringLiteral("id")},
             {QStringLiteral("timestamp"), Kind::Timestamp, QStringLiteral("last_updated")},
             {QStringLiteral("btc_dominance")},
             {QStringLiteral("eth_dominance")},
             {QStringLiteral("alt_dominance")},
             {QStringLiteral("stablecoin_dominance")},
             {QStringLiteral("total_market_cap")},
             {QStringLiteral("total_volume")}}};
}

MirrorTable MirrorTable::watchlistItems(qint64 watchlistId)
{
    MirrorTable spec{QStringLiteral("watchlist_items"),
                     {{QStringLiteral("id")},
                      {QStringLiteral("crypto_id")},
                      {QStringLiteral("tier")},
                      {QStringLiteral("priority_order")},
                      {QStringLiteral("status")},
                      {QStringLiteral("last_analysis"), Kind::Timestamp}}};
    spec.scope = QStringLiteral("watchlist_id = ?");
    spec.scopeBinds = {watchlistId};
    spec.fixed.insert(QStringLiteral("watchlist_id"), watchlistId);
    return spec;
}

} // namespace cp::app
