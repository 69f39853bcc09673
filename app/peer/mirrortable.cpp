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

MirrorTable MirrorTable::priceData(qint64 cryptoId)
{
    MirrorTable spec{QStringLiteral("price_data"),
                     {{QStringLiteral("id")},
                      {QStringLiteral("timestamp"), Kind::Timestamp},
                      {QStringLiteral("open_price"), Kind::Plain, QStringLiteral("open")},
                      {QStringLiteral("high_price"), Kind::Plain, QStringLiteral("high")},
                      {QStringLiteral("low_price"), Kind::Plain, QStringLiteral("low")},
                      {QStringLiteral("close_price"), Kind::Plain, QStringLiteral("close")},
                      {QStringLiteral("volume")}}};
    spec.scope = QStringLiteral("crypto_id = ?");
    spec.scopeBinds = {cryptoId};
    spec.fixed.insert(QStringLiteral("crypto_id"), cryptoId);
    return spec;
}

MirrorTable MirrorTable::sectors()
{
    MirrorTable spec{QStringLiteral("crypto_sectors"),
                     {{QStringLiteral("id")},
                      {QStringLiteral("name")},
                      {QStringLiteral("color_code")},
                      {QStringLiteral("description")},
                      {QStringLiteral("characteristics"), Kind::Json},
                      {QStringLiteral("is_active")}}};
    spec.uniqueColumn = QStringLiteral("name");
    return spec;
}

MirrorTable MirrorTable::sectorPerformance(qint64 sectorId)
{
    MirrorTable spec{
        QStringLiteral("sector_performance"),
        {{QStringLiteral("id")},
         {QStringLiteral("analysis_time"), Kind::Timestamp, QStringLiteral("timestamp")},
         {QStringLiteral("total_market_cap")},
         {QStringLiteral("total_volume")},
         {QStringLiteral("dominance_percentage"), Kind::Plain, QStringLiteral("dominance")},
         {QStringLiteral("momentum_score")},
         {QStringLiteral("performance_24h")},
         {QStringLiteral("performance_7d")},
         {QStringLiteral("performance_30d")}}};
    spec.scope = QStringLiteral("sector_id = ?");
    spec.scopeBinds = {sectorId};
    spec.fixed.insert(QStringLiteral("sector_id"), sectorId);
    return spec;
}

MirrorTable MirrorTable::sectorMapping(qint64 sectorId)
{
    MirrorTable spec{
        QStringLiteral("crypto_sector_mapping"),
        {{QStringLiteral("id")}, {QStringLiteral("crypto_id")}, {QStringLiteral("weight")}}};
    spec.scope = QStringLiteral("sector_id = ?");
    spec.scopeBinds = {sectorId};
    spec.fixed.insert(QStringLiteral("sector_id"), sectorId);
    return spec;
}

MirrorTable MirrorTable::sectorAssets()
{
    MirrorTable spec{QStringLiteral("cryptocurrencies"),
                     {{QStringLiteral("id")},
                      {QStringLiteral("market_cap")},
                      {QStringLiteral("watchlist_tier")}}};
    spec.prune = false;
    return spec;
}

MirrorTable MirrorTable::sectorRotation()
{
    return {QStringLiteral("sector_rotation_analysis"),
            {{QStringLiteral("id")},
             {QStringLiteral("analysis_time"), Kind::Timestamp, QStringLiteral("last_updated")},
             {QStringLiteral("rotation_probability")},
             {QStringLiteral("leading_sectors"), Kind::Json},
             {QStringLiteral("declining_sectors"), Kind::Json},
             {QStringLiteral("flow_directions"), Kind::Json},
             {QStringLiteral("rotation_signals"), Kind::Json},
             {QStringLiteral("recommended_allocation"), Kind::Json}}};
}

MirrorTable MirrorTable::predictions()
{
    return {QStringLiteral("predictions_enhanced"),
            {{QStringLiteral("id")},
             {QStringLiteral("crypto_id")},
             {QStringLiteral("user_id")},
             {QStringLiteral("layer_source")},
             {QStringLiteral("model_name")},
             {QStringLiteral("model_version")},
             {QStringLiteral("predicted_price")},
             {QStringLiteral("input_price")},
             {QStringLiteral("confidence_score")},
             {QStringLiteral("prediction_horizon")},
             {QStringLiteral("macro_context"), Kind::Json},
             {QStringLiteral("target_datetime"), Kind::Timestamp},
             {QStringLiteral("is_realized")},
             {QStringLiteral("actual_price")},
             {QStringLiteral("accuracy_percentage")},
             {QStringLiteral("is_accurate")},
             {QStringLiteral("created_at"), Kind::Timestamp}}};
}

MirrorTable MirrorTable::executions(int userId)
{
    MirrorTable spec{QStringLiteral("signal_executions"),
                     {{QStringLiteral("id")},
                      {QStringLiteral("signal_id")},
                      {QStringLiteral("execution_price")},
                      {QStringLiteral("position_size")},
                      {QStringLiteral("portfolio_percentage")},
                      {QStringLiteral("execution_type")},
                      {QStringLiteral("status")},
                      {QStringLiteral("execution_details"), Kind::Json},
                      {QStringLiteral("executed_at"), Kind::Timestamp}}};
    spec.scope = QStringLiteral("user_id = ?");
    spec.scopeBinds = {userId};
    spec.fixed.insert(QStringLiteral("user_id"), userId);
    return spec;
}

MirrorTable MirrorTable::aiModels()
{
    MirrorTable spec{QStringLiteral("ai_models"),
                     {{QStringLiteral("id")},
                      {QStringLiteral("name")},
                      {QStringLiteral("version")},
                      {QStringLiteral("model_type"), Kind::Plain, QStringLiteral("type")},
                      {QStringLiteral("status")},
                      {QStringLiteral("last_trained"), Kind::Timestamp},
                      {QStringLiteral("last_prediction"), Kind::Timestamp},
                      {QStringLiteral("performance_metrics"), Kind::Json},
                      {QStringLiteral("configuration"), Kind::Json},
                      {QStringLiteral("health_status"), Kind::Json}}};
    spec.uniqueColumn = QStringLiteral("name");
    return spec;
}

MirrorTable MirrorTable::systemHealth()
{
    return {
        QStringLiteral("system_health"),
        {{QStringLiteral("id")},
         {QStringLiteral("check_time"), Kind::Timestamp, QStringLiteral("last_updated")},
         {QStringLiteral("overall_health_score")},
         {QStringLiteral("api_status"), Kind::Json},
         {QStringLiteral("database_status"), Kind::Json, QStringLiteral("database_performance")},
         {QStringLiteral("ml_models_status"), Kind::Json},
         {QStringLiteral("data_pipeline_status"), Kind::Json},
         {QStringLiteral("error_logs"), Kind::Json}}};
}

MirrorTable MirrorTable::userActivities()
{
    return {QStringLiteral("user_activities"),
            {{QStringLiteral("id")},
             {QStringLiteral("user_id")},
             {QStringLiteral("activity_type")},
             {QStringLiteral("activity_data"), Kind::Json},
             {QStringLiteral("ip_address")},
             {QStringLiteral("user_agent")},
             {QStringLiteral("activity_time"), Kind::Timestamp}}};
}

MirrorTable MirrorTable::activityUsers()
{
    MirrorTable spec{QStringLiteral("users"), {{QStringLiteral("id")}, {QStringLiteral("email")}}};
    spec.prune = false;
    return spec;
}

MirrorTable MirrorTable::suggestionReviews()
{
    return {QStringLiteral("suggestion_reviews"),
            {{QStringLiteral("id")},
             {QStringLiteral("suggestion_id")},
             {QStringLiteral("reviewer_id")},
             {QStringLiteral("decision")},
             {QStringLiteral("review_notes")},
             {QStringLiteral("review_criteria"), Kind::Json},
             {QStringLiteral("reviewed_at"), Kind::Timestamp}}};
}

} // namespace cp::app
