#include "schemaexpectations.h"

// Everything here is transcribed from the seed document, not read back from the migrations.

namespace cp::test::seed {

QString ForeignKey::describe() const
{
    return QStringLiteral("%1.%2 -> %3 ON DELETE %4").arg(table, column, parent, onDelete);
}

QString CheckCase::label() const
{
    return QStringLiteral("%1.%2 %3|%4").arg(table, column, valid, invalid);
}

QList<CheckCase> checkCases()
{
    return {
        {QStringLiteral("users"), QStringLiteral("role"), QStringLiteral("'professional'"), QStringLiteral("'superuser'")},
        {QStringLiteral("cryptocurrencies"), QStringLiteral("watchlist_tier"), QStringLiteral("'tier2'"), QStringLiteral("'tier3'")},
        {QStringLiteral("market_regime_analysis"), QStringLiteral("market_regime"), QStringLiteral("'volatile'"), QStringLiteral("'sideways'")},
        {QStringLiteral("market_regime_analysis"), QStringLiteral("market_regime"), QStringLiteral("'bull'"), QStringLiteral("'Bull'")},
        {QStringLiteral("market_regime_analysis"), QStringLiteral("confidence_score"), QStringLiteral("1"), QStringLiteral("1.0001")},
        {QStringLiteral("market_regime_analysis"), QStringLiteral("confidence_score"), QStringLiteral("0"), QStringLiteral("-0.0001")},
        {QStringLiteral("market_regime_analysis"), QStringLiteral("risk_level"), QStringLiteral("'extreme'"), QStringLiteral("'severe'")},
        {QStringLiteral("market_regime_analysis"), QStringLiteral("trend_strength"), QStringLiteral("1"), QStringLiteral("1.0001")},
        {QStringLiteral("market_regime_analysis"), QStringLiteral("trend_strength"), QStringLiteral("0"), QStringLiteral("-0.0001")},
        {QStringLiteral("market_regime_analysis"), QStringLiteral("recommended_exposure"), QStringLiteral("1"), QStringLiteral("1.0001")},
        {QStringLiteral("market_regime_analysis"), QStringLiteral("recommended_exposure"), QStringLiteral("0"), QStringLiteral("-0.0001")},
        {QStringLiteral("market_sentiment_data"), QStringLiteral("fear_greed_index"), QStringLiteral("100"), QStringLiteral("100.01")},
        {QStringLiteral("market_sentiment_data"), QStringLiteral("fear_greed_index"), QStringLiteral("0"), QStringLiteral("-0.01")},
        {QStringLiteral("market_sentiment_data"), QStringLiteral("composite_sentiment"), QStringLiteral("1"), QStringLiteral("1.0001")},
        {QStringLiteral("market_sentiment_data"), QStringLiteral("composite_sentiment"), QStringLiteral("-1"), QStringLiteral("-1.0001")},
        {QStringLiteral("dominance_data"), QStringLiteral("btc_dominance"), QStringLiteral("100"), QStringLiteral("100.01")},
        {QStringLiteral("dominance_data"), QStringLiteral("btc_dominance"), QStringLiteral("0"), QStringLiteral("-0.01")},
        {QStringLiteral("dominance_data"), QStringLiteral("eth_dominance"), QStringLiteral("100"), QStringLiteral("100.01")},
        {QStringLiteral("dominance_data"), QStringLiteral("eth_dominance"), QStringLiteral("0"), QStringLiteral("-0.01")},
        {QStringLiteral("dominance_data"), QStringLiteral("alt_dominance"), QStringLiteral("100"), QStringLiteral("100.01")},
        {QStringLiteral("dominance_data"), QStringLiteral("alt_dominance"), QStringLiteral("0"), QStringLiteral("-0.01")},
        {QStringLiteral("dominance_data"), QStringLiteral("stablecoin_dominance"), QStringLiteral("100"), QStringLiteral("100.01")},
        {QStringLiteral("dominance_data"), QStringLiteral("stablecoin_dominance"), QStringLiteral("0"), QStringLiteral("-0.01")},
        {QStringLiteral("sector_performance"), QStringLiteral("dominance_percentage"), QStringLiteral("100"), QStringLiteral("100.01")},
        {QStringLiteral("sector_performance"), QStringLiteral("dominance_percentage"), QStringLiteral("0"), QStringLiteral("-0.01")},
        {QStringLiteral("sector_performance"), QStringLiteral("momentum_score"), QStringLiteral("1"), QStringLiteral("1.0001")},
        {QStringLiteral("sector_performance"), QStringLiteral("momentum_score"), QStringLiteral("-1"), QStringLiteral("-1.0001")},
        {QStringLiteral("sector_rotation_analysis"), QStringLiteral("rotation_probability"), QStringLiteral("1"), QStringLiteral("1.0001")},
        {QStringLiteral("sector_rotation_analysis"), QStringLiteral("rotation_probability"), QStringLiteral("0"), QStringLiteral("-0.0001")},
        {QStringLiteral("crypto_sector_mapping"), QStringLiteral("weight"), QStringLiteral("1"), QStringLiteral("1.0001")},
        {QStringLiteral("crypto_sector_mapping"), QStringLiteral("weight"), QStringLiteral("0"), QStringLiteral("-0.0001")},
        {QStringLiteral("watchlists"), QStringLiteral("type"), QStringLiteral("'system'"), QStringLiteral("'public'")},
        {QStringLiteral("watchlists"), QStringLiteral("tier"), QStringLiteral("'tier2'"), QStringLiteral("'tier3'")},
        {QStringLiteral("watchlist_items"), QStringLiteral("tier"), QStringLiteral("'tier2'"), QStringLiteral("'none'")},
        {QStringLiteral("watchlist_items"), QStringLiteral("status"), QStringLiteral("'paused'"), QStringLiteral("'deleted'")},
        {QStringLiteral("ai_suggestions"), QStringLiteral("suggestion_type"), QStringLiteral("'demote'"), QStringLiteral("'add_tier3'")},
        {QStringLiteral("ai_suggestions"), QStringLiteral("confidence_score"), QStringLiteral("1"), QStringLiteral("1.0001")},
        {QStringLiteral("ai_suggestions"), QStringLiteral("confidence_score"), QStringLiteral("0"), QStringLiteral("-0.0001")},
        {QStringLiteral("ai_suggestions"), QStringLiteral("status"), QStringLiteral("'expired'"), QStringLiteral("'done'")},
        {QStringLiteral("suggestion_reviews"), QStringLiteral("decision"), QStringLiteral("'defer'"), QStringLiteral("'approved'")},
        {QStringLiteral("trading_signals"), QStringLiteral("signal_type"), QStringLiteral("'short'"), QStringLiteral("'flat'")},
        {QStringLiteral("trading_signals"), QStringLiteral("confidence_score"), QStringLiteral("1"), QStringLiteral("1.0001")},
        {QStringLiteral("trading_signals"), QStringLiteral("confidence_score"), QStringLiteral("0"), QStringLiteral("-0.0001")},
        {QStringLiteral("trading_signals"), QStringLiteral("risk_level"), QStringLiteral("'extreme'"), QStringLiteral("'none'")},
        {QStringLiteral("trading_signals"), QStringLiteral("risk_reward_ratio"), QStringLiteral("0.01"), QStringLiteral("0")},
        {QStringLiteral("trading_signals"), QStringLiteral("risk_reward_ratio"), QStringLiteral("2.5"), QStringLiteral("-1")},
        {QStringLiteral("trading_signals"), QStringLiteral("status"), QStringLiteral("'cancelled'"), QStringLiteral("'open'")},
        {QStringLiteral("signal_executions"), QStringLiteral("execution_type"), QStringLiteral("'automatic'"), QStringLiteral("'auto'")},
        {QStringLiteral("signal_executions"), QStringLiteral("status"), QStringLiteral("'partially_filled'"), QStringLiteral("'partial'")},
        {QStringLiteral("risk_management"), QStringLiteral("max_portfolio_risk"), QStringLiteral("1"), QStringLiteral("1.0001")},
        {QStringLiteral("risk_management"), QStringLiteral("max_portfolio_risk"), QStringLiteral("0"), QStringLiteral("-0.0001")},
        {QStringLiteral("predictions_enhanced"), QStringLiteral("layer_source"), QStringLiteral("'layer4'"), QStringLiteral("'layer5'")},
        {QStringLiteral("predictions_enhanced"), QStringLiteral("layer_source"), QStringLiteral("'layer1'"), QStringLiteral("'layer0'")},
        {QStringLiteral("predictions_enhanced"), QStringLiteral("confidence_score"), QStringLiteral("1"), QStringLiteral("1.0001")},
        {QStringLiteral("predictions_enhanced"), QStringLiteral("confidence_score"), QStringLiteral("0"), QStringLiteral("-0.0001")},
        {QStringLiteral("ai_models"), QStringLiteral("model_type"), QStringLiteral("'timing'"), QStringLiteral("'sentiment'")},
        {QStringLiteral("ai_models"), QStringLiteral("status"), QStringLiteral("'error'"), QStringLiteral("'failed'")},
        {QStringLiteral("system_health"), QStringLiteral("overall_health_score"), QStringLiteral("100"), QStringLiteral("100.01")},
        {QStringLiteral("system_health"), QStringLiteral("overall_health_score"), QStringLiteral("0"), QStringLiteral("-0.01")},
        {QStringLiteral("notifications"), QStringLiteral("notification_type"), QStringLiteral("'educational'"), QStringLiteral("'promo'")},
        {QStringLiteral("notifications"), QStringLiteral("status"), QStringLiteral("'dismissed'"), QStringLiteral("'archived'")},
        {QStringLiteral("notifications"), QStringLiteral("priority"), QStringLiteral("'urgent'"), QStringLiteral("'critical'")},
    };
}

QStringList tables()
{
    return {QStringLiteral("users"),
            QStringLiteral("cryptocurrencies"),
            QStringLiteral("price_data"),
            QStringLiteral("crypto_sectors"),
            QStringLiteral("market_regime_analysis"),
            QStringLiteral("market_sentiment_data"),
            QStringLiteral("dominance_data"),
            QStringLiteral("sector_performance"),
            QStringLiteral("sector_rotation_analysis"),
            QStringLiteral("crypto_sector_mapping"),
            QStringLiteral("watchlists"),
            QStringLiteral("watchlist_items"),
            QStringLiteral("ai_suggestions"),
            QStringLiteral("suggestion_reviews"),
            QStringLiteral("trading_signals"),
            QStringLiteral("signal_executions"),
            QStringLiteral("risk_management"),
            QStringLiteral("predictions_enhanced"),
            QStringLiteral("ai_models"),
            QStringLiteral("system_health"),
            QStringLiteral("user_activities"),
            QStringLiteral("notifications")};
}

QMap<QString, QString> indexes()
{
    return {
        {QStringLiteral("idx_market_regime_time"),
         QStringLiteral("market_regime_analysis(analysis_time DESC)")},
        {QStringLiteral("idx_sentiment_timestamp"),
         QStringLiteral("market_sentiment_data(timestamp DESC)")},
        {QStringLiteral("idx_dominance_timestamp"),
         QStringLiteral("dominance_data(timestamp DESC)")},
        {QStringLiteral("idx_sector_perf_sector_time"),
         QStringLiteral("sector_performance(sector_id, analysis_time DESC)")},
        {QStringLiteral("idx_sector_rotation_time"),
         QStringLiteral("sector_rotation_analysis(analysis_time DESC)")},
        {QStringLiteral("idx_crypto_sector_crypto"), QStringLiteral("crypto_sector_mapping(crypto_id)")},
        {QStringLiteral("idx_crypto_sector_sector"), QStringLiteral("crypto_sector_mapping(sector_id)")},
        {QStringLiteral("idx_watchlist_user"), QStringLiteral("watchlists(user_id, type)")},
        {QStringLiteral("idx_watchlist_items_watchlist"),
         QStringLiteral("watchlist_items(watchlist_id, status)")},
        {QStringLiteral("idx_watchlist_items_crypto"), QStringLiteral("watchlist_items(crypto_id)")},
        {QStringLiteral("idx_ai_suggestions_status"),
         QStringLiteral("ai_suggestions(status, suggested_at DESC)")},
        {QStringLiteral("idx_ai_suggestions_crypto"), QStringLiteral("ai_suggestions(crypto_id)")},
        {QStringLiteral("idx_signals_crypto_status"),
         QStringLiteral("trading_signals(crypto_id, status, generated_at DESC)")},
        {QStringLiteral("idx_signals_generated"), QStringLiteral("trading_signals(generated_at DESC)")},
        {QStringLiteral("idx_signal_executions_user"),
         QStringLiteral("signal_executions(user_id, executed_at DESC)")},
        {QStringLiteral("idx_signal_executions_signal"),
         QStringLiteral("signal_executions(signal_id)")},
        {QStringLiteral("idx_predictions_crypto_layer"),
         QStringLiteral("predictions_enhanced(crypto_id, layer_source, created_at DESC)")},
        {QStringLiteral("idx_predictions_user_created"),
         QStringLiteral("predictions_enhanced(user_id, created_at DESC)")},
        {QStringLiteral("idx_predictions_target_time"),
         QStringLiteral("predictions_enhanced(target_datetime)")},
        {QStringLiteral("idx_predictions_realized"),
         QStringLiteral("predictions_enhanced(is_realized, is_accurate)")},
        {QStringLiteral("idx_ai_models_type_status"), QStringLiteral("ai_models(model_type, status)")},
        {QStringLiteral("idx_system_health_time"), QStringLiteral("system_health(check_time DESC)")},
        {QStringLiteral("idx_user_activities_user_time"),
         QStringLiteral("user_activities(user_id, activity_time DESC)")},
        {QStringLiteral("idx_notifications_user_status"),
         QStringLiteral("notifications(user_id, status, scheduled_for DESC)")},
        {QStringLiteral("idx_price_data_timestamp_desc"), QStringLiteral("price_data(timestamp DESC)")},
        {QStringLiteral("idx_cryptocurrencies_tier"),
         QStringLiteral("cryptocurrencies(watchlist_tier, is_active)")},
        {QStringLiteral("idx_cryptocurrencies_sector"),
         QStringLiteral("cryptocurrencies(sector_id, is_active)")},
        // Not in the seed: serves the cascade from ai_suggestions to its reviews.
        {QStringLiteral("idx_suggestion_reviews_suggestion"),
         QStringLiteral("suggestion_reviews(suggestion_id)")},
    };
}

QList<ForeignKey> foreignKeys()
{
    const QString cascade = QStringLiteral("CASCADE");
    const QString noAction = QStringLiteral("NO ACTION");
    const QString users = QStringLiteral("users");
    const QString coins = QStringLiteral("cryptocurrencies");
    const QString sectors = QStringLiteral("crypto_sectors");
    return {
        {coins, QStringLiteral("sector_id"), sectors, noAction},
        {QStringLiteral("price_data"), QStringLiteral("crypto_id"), coins, cascade},
        {QStringLiteral("sector_performance"), QStringLiteral("sector_id"), sectors, cascade},
        {QStringLiteral("crypto_sector_mapping"), QStringLiteral("crypto_id"), coins, cascade},
        {QStringLiteral("crypto_sector_mapping"), QStringLiteral("sector_id"), sectors, cascade},
        {QStringLiteral("watchlists"), QStringLiteral("user_id"), users, cascade},
        {QStringLiteral("watchlist_items"), QStringLiteral("watchlist_id"),
         QStringLiteral("watchlists"), cascade},
        {QStringLiteral("watchlist_items"), QStringLiteral("crypto_id"), coins, cascade},
        {QStringLiteral("ai_suggestions"), QStringLiteral("crypto_id"), coins, cascade},
        {QStringLiteral("ai_suggestions"), QStringLiteral("reviewed_by"), users, noAction},
        {QStringLiteral("suggestion_reviews"), QStringLiteral("suggestion_id"),
         QStringLiteral("ai_suggestions"), cascade},
        {QStringLiteral("suggestion_reviews"), QStringLiteral("reviewer_id"), users, cascade},
        {QStringLiteral("trading_signals"), QStringLiteral("crypto_id"), coins, cascade},
        {QStringLiteral("trading_signals"), QStringLiteral("generated_by"), users, noAction},
        {QStringLiteral("signal_executions"), QStringLiteral("signal_id"),
         QStringLiteral("trading_signals"), cascade},
        {QStringLiteral("signal_executions"), QStringLiteral("user_id"), users, cascade},
        {QStringLiteral("risk_management"), QStringLiteral("user_id"), users, cascade},
        {QStringLiteral("predictions_enhanced"), QStringLiteral("crypto_id"), coins, cascade},
        {QStringLiteral("predictions_enhanced"), QStringLiteral("user_id"), users,
         QStringLiteral("SET NULL")},
        {QStringLiteral("user_activities"), QStringLiteral("user_id"), users, cascade},
        {QStringLiteral("notifications"), QStringLiteral("user_id"), users, cascade},
    };
}

QMap<QString, QString> updatedAtTriggers()
{
    return {
        {QStringLiteral("update_users_updated_at"), QStringLiteral("users")},
        {QStringLiteral("update_cryptocurrencies_updated_at"), QStringLiteral("cryptocurrencies")},
        {QStringLiteral("update_crypto_sectors_updated_at"), QStringLiteral("crypto_sectors")},
        {QStringLiteral("update_market_regime_updated_at"), QStringLiteral("market_regime_analysis")},
        {QStringLiteral("update_watchlists_updated_at"), QStringLiteral("watchlists")},
        {QStringLiteral("update_watchlist_items_updated_at"), QStringLiteral("watchlist_items")},
        {QStringLiteral("update_crypto_sector_mapping_updated_at"),
         QStringLiteral("crypto_sector_mapping")},
        {QStringLiteral("update_trading_signals_updated_at"), QStringLiteral("trading_signals")},
        {QStringLiteral("update_signal_executions_updated_at"), QStringLiteral("signal_executions")},
        {QStringLiteral("update_risk_management_updated_at"), QStringLiteral("risk_management")},
        {QStringLiteral("update_predictions_enhanced_updated_at"),
         QStringLiteral("predictions_enhanced")},
        {QStringLiteral("update_ai_models_updated_at"), QStringLiteral("ai_models")},
    };
}

QList<Sector> sectors()
{
    return {
        {QStringLiteral("DeFi"), QStringLiteral("Decentralized Finance protocols and tokens"),
         QStringLiteral("#1B4F72"), QStringLiteral("lending, dex, yield")},
        {QStringLiteral("Layer1"), QStringLiteral("Base layer blockchains (Bitcoin, Ethereum, etc.)"),
         QStringLiteral("#148F77"), QStringLiteral("consensus, security")},
        {QStringLiteral("Layer2"), QStringLiteral("Scaling solutions for Layer 1 blockchains"),
         QStringLiteral("#D68910"), QStringLiteral("scaling, speed")},
        {QStringLiteral("Gaming"), QStringLiteral("Blockchain gaming and metaverse tokens"),
         QStringLiteral("#A569BD"), QStringLiteral("gaming, nft, virtual")},
        {QStringLiteral("NFT"), QStringLiteral("Non-Fungible Token platforms and marketplaces"),
         QStringLiteral("#E74C3C"), QStringLiteral("art, collectibles")},
        {QStringLiteral("Infrastructure"), QStringLiteral("Blockchain infrastructure and tooling"),
         QStringLiteral("#5D6D7E"), QStringLiteral("oracles, bridges")},
        {QStringLiteral("Meme"), QStringLiteral("Community-driven meme tokens"),
         QStringLiteral("#F39C12"), QStringLiteral("community, social")},
        {QStringLiteral("Payments"), QStringLiteral("Payment-focused cryptocurrencies"),
         QStringLiteral("#27AE60"), QStringLiteral("payments, remittance")},
        {QStringLiteral("Privacy"), QStringLiteral("Privacy-focused cryptocurrencies"),
         QStringLiteral("#2E4057"), QStringLiteral("privacy, anonymity")},
        {QStringLiteral("Stablecoins"), QStringLiteral("Price-stable cryptocurrencies"),
         QStringLiteral("#85929E"), QStringLiteral("stability, pegged")},
    };
}

} // namespace cp::test::seed
