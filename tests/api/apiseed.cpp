#include "apiseed.h"

#include "apitestsupport.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace cp::test {

QString isoText(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

int insertReturningId(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql + QStringLiteral(" RETURNING id")) || !query.next()) {
        QTest::qFail(qPrintable(QStringLiteral("%1: %2").arg(sql, query.lastError().text())),
                     __FILE__, __LINE__);
        return 0;
    }
    return query.value(0).toInt();
}

namespace {

int sectorId(QSqlDatabase db, const QString &name)
{
    return int(
        scalar(db, QStringLiteral("SELECT id FROM crypto_sectors WHERE name = '%1'").arg(name)));
}

QString at(const QDateTime &now, double daysAgo)
{
    return QStringLiteral("'%1'").arg(isoText(now.addSecs(qint64(-daysAgo * 86400))));
}

} // namespace

SeedData seedAll(QSqlDatabase db, int adminId, int professionalId, int casualId)
{
    SeedData s;
    // Whole seconds keep the expected values exact in both dialects.
    s.now =
        QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() / 3600 * 3600, Qt::UTC);
    s.defiSector = sectorId(db, QStringLiteral("DeFi"));
    s.layer1Sector = sectorId(db, QStringLiteral("Layer1"));
    const auto asset = [&](const char *symbol, const char *name, int sector, double price) {
        return insertReturningId(
            db,
            QStringLiteral("INSERT INTO cryptocurrencies (symbol, name, sector_id, current_price,"
                           " market_cap) VALUES ('%1', '%2', %3, %4, %5)")
                .arg(QLatin1String(symbol), QLatin1String(name))
                .arg(sector)
                .arg(price)
                .arg(price * 1e6));
    };
    const int last = SeedData::kDays - 1;
    s.btc = asset("BTC", "Bitcoin", s.layer1Sector, SeedData::btcClose(last));
    s.eth = asset("ETH", "Ethereum", s.layer1Sector, SeedData::ethClose(last));
    s.uni = asset("UNI", "Uniswap", s.defiSector, SeedData::uniClose(last));
    for (int day = 0; day < SeedData::kDays; ++day) {
        const QString time = at(s.now, last - day);
        for (const auto &[id, close] :
             {std::pair{s.btc, SeedData::btcClose(day)}, std::pair{s.eth, SeedData::ethClose(day)},
              std::pair{s.uni, SeedData::uniClose(day)}}) {
            exec(db, QStringLiteral("INSERT INTO price_data (crypto_id, timestamp, open_price,"
                                    " high_price, low_price, close_price, volume,"
                                    " technical_indicators) VALUES (%1, %2, %3, %3, %3, %3, 1000,"
                                    " '%4')")
                         .arg(id)
                         .arg(time)
                         .arg(close)
                         .arg(day == last ? QStringLiteral("{\"rsi_14\": 61.5}")
                                          : QStringLiteral("{}")));
        }
    }
    // Layer 1: three daily analyses, bull (newest), bull, bear.
    const char *regimes[] = {"bear", "bull", "bull"};
    for (int i = 0; i < 3; ++i) {
        exec(db, QStringLiteral("INSERT INTO market_regime_analysis (analysis_time, market_regime,"
                                " confidence_score, risk_level, trend_strength,"
                                " recommended_exposure, regime_drivers, macro_indicators) VALUES"
                                " (%1, '%2', %3, 'medium', 0.73, 0.65, '[\"BTC trend up\"]',"
                                " '{\"regime_probabilities\": {\"bull\": 0.87, \"bear\": 0.03,"
                                " \"neutral\": 0.06, \"volatile\": 0.04}}')")
                     .arg(at(s.now, 2 - i))
                     .arg(QLatin1String(regimes[i]))
                     .arg(i == 2 ? QStringLiteral("0.87") : QStringLiteral("0.6")));
        exec(db, QStringLiteral("INSERT INTO market_sentiment_data (timestamp, fear_greed_index,"
                                " composite_sentiment) VALUES (%1, %2, 0.68)")
                     .arg(at(s.now, 2 - i))
                     .arg(70 + i));
        exec(db, QStringLiteral("INSERT INTO dominance_data (timestamp, btc_dominance,"
                                " eth_dominance, alt_dominance, stablecoin_dominance,"
                                " total_market_cap, total_volume) VALUES (%1, 52.3, 18.7, 23.8,"
                                " 5.2, 2450000000000, 125000000000)")
                     .arg(at(s.now, 2 - i)));
    }
    // Layer 2.
    for (const auto &[sector, momentum, p24] :
         {std::tuple{s.defiSector, 0.75, 8.5}, std::tuple{s.layer1Sector, 0.20, 1.5}}) {
        for (int i = 0; i < 2; ++i) {
            exec(db,
                 QStringLiteral("INSERT INTO sector_performance (sector_id, analysis_time,"
                                " total_market_cap, total_volume, dominance_percentage,"
                                " momentum_score, performance_24h, performance_7d,"
                                " performance_30d, top_performers) VALUES (%1, %2, 89500000000,"
                                " 15600000000, 12.3, %3, %4, %5, 30.0, '[{\"symbol\": \"UNI\"}]')")
                     .arg(sector)
                     .arg(at(s.now, 1 - i))
                     .arg(momentum)
                     .arg(p24)
                     .arg(p24 * 2));
        }
    }
    exec(db, QStringLiteral("INSERT INTO sector_rotation_analysis (analysis_time,"
                            " leading_sectors, declining_sectors, rotation_probability,"
                            " recommended_allocation) VALUES (%1, '[\"DeFi\"]', '[\"Meme\"]', 0.72,"
                            " '{\"DeFi\": 0.6, \"Layer1\": 0.4}')")
                 .arg(at(s.now, 0)));
    // Layer 3.
    s.tier1List = insertReturningId(
        db, QStringLiteral("INSERT INTO watchlists (name, type, tier, max_items, current_items)"
                           " VALUES ('Tier 1 Premium', 'admin', 'tier1', 20, 1)"));
    s.casualList = insertReturningId(
        db, QStringLiteral("INSERT INTO watchlists (user_id, name, type, max_items) VALUES (%1,"
                           " 'Mine', 'personal', 50)")
                .arg(casualId));
    s.btcItem = insertReturningId(
        db, QStringLiteral("INSERT INTO watchlist_items (watchlist_id, crypto_id, tier,"
                           " priority_order) VALUES (%1, %2, 'tier1', 0)")
                .arg(s.tier1List)
                .arg(s.btc));
    exec(db, QStringLiteral("UPDATE cryptocurrencies SET watchlist_tier = 'tier1' WHERE id = %1")
                 .arg(s.btc));
    const auto suggestion = [&](int crypto, const char *type, double confidence, const char *status,
                                double daysAgo) {
        return insertReturningId(
            db,
            QStringLiteral("INSERT INTO ai_suggestions (crypto_id, suggestion_type,"
                           " confidence_score, ai_reasoning, status, suggested_at, expires_at)"
                           " VALUES (%1, '%2', %3, '{\"volume_surge\": \"volume up 340 percent\"}',"
                           " '%4', %5, %6)")
                .arg(crypto)
                .arg(QLatin1String(type))
                .arg(confidence)
                .arg(QLatin1String(status))
                .arg(at(s.now, daysAgo))
                .arg(at(s.now, daysAgo - 7)));
    };
    s.pendingSuggestion = suggestion(s.uni, "add_tier2", 0.92, "pending", 0.5);
    s.pendingSuggestion2 = suggestion(s.eth, "add_tier1", 0.75, "pending", 1.0);
    s.approvedSuggestion = suggestion(s.btc, "add_tier1", 0.8, "approved", 5.0);
    // Layer 4.
    s.activeSignal = insertReturningId(
        db, QStringLiteral("INSERT INTO trading_signals (crypto_id, signal_type, entry_price,"
                           " target_price, stop_loss, confidence_score, risk_level,"
                           " risk_reward_ratio, time_horizon_hours, ai_analysis, market_context,"
                           " status, generated_at, expires_at) VALUES (%1, 'long', 139, 150, 135,"
                           " 0.89, 'medium', 2.75, 72, '{\"key_factors\": [\"Volume surge\"],"
                           " \"model\": {\"name\": \"timing_v1\"}}', '{\"regime\": \"bull\"}',"
                           " 'active', %2, %3)")
                .arg(s.btc)
                .arg(at(s.now, 0.1))
                .arg(at(s.now, -3)));
    s.expiredSignal = insertReturningId(
        db, QStringLiteral("INSERT INTO trading_signals (crypto_id, signal_type, entry_price,"
                           " target_price, stop_loss, confidence_score, risk_level,"
                           " risk_reward_ratio, ai_analysis, status, generated_at, expires_at)"
                           " VALUES (%1, 'short', 60, 57.6, 61.2, 0.7, 'high', 2.0,"
                           " '{\"model\": {\"name\": \"timing_v1\"}, \"outcome\": {\"result\":"
                           " \"target_hit\", \"return_pct\": 4.0}}', 'expired', %2, %3)")
                .arg(s.eth)
                .arg(at(s.now, 10))
                .arg(at(s.now, 7)));
    s.professionalExecution = insertReturningId(
        db, QStringLiteral("INSERT INTO signal_executions (signal_id, user_id, execution_price,"
                           " position_size, portfolio_percentage, status) VALUES (%1, %2, 138,"
                           " 1000, 5.0, 'filled')")
                .arg(s.activeSignal)
                .arg(professionalId));
    // Predictions: two realised (one within 5%), one open.
    for (const auto &[predicted, actual, accurate] :
         {std::tuple{140.0, 139.0, true}, std::tuple{120.0, 139.0, false}}) {
        exec(db, QStringLiteral("INSERT INTO predictions_enhanced (crypto_id, layer_source,"
                                " model_name, model_version, predicted_price, confidence_score,"
                                " prediction_horizon, target_datetime, input_price, actual_price,"
                                " is_realized, is_accurate, created_at) VALUES (%1, 'layer4',"
                                " 'asset_forecast_ridge', '1.0', %2, 0.8, 24, %3, 138, %4, TRUE,"
                                " %5, %6)")
                     .arg(s.btc)
                     .arg(predicted)
                     .arg(at(s.now, 1))
                     .arg(actual)
                     .arg(accurate ? QStringLiteral("TRUE") : QStringLiteral("FALSE"))
                     .arg(at(s.now, 2)));
    }
    exec(db, QStringLiteral("INSERT INTO predictions_enhanced (crypto_id, layer_source, model_name,"
                            " model_version, predicted_price, confidence_score, prediction_horizon,"
                            " target_datetime, input_price, macro_context, created_at) VALUES (%1,"
                            " 'layer3', 'asset_forecast_ridge', '1.0', 55, 0.7, 168, %2, 69.5,"
                            " '{\"market_regime\": \"bull\"}', %3)")
                 .arg(s.eth)
                 .arg(at(s.now, -7))
                 .arg(at(s.now, 0)));
    // System.
    s.model = insertReturningId(
        db, QStringLiteral("INSERT INTO ai_models (name, version, model_type, status,"
                           " performance_metrics, last_trained) VALUES ('macro_regime_detector',"
                           " '1.0', 'macro', 'active', '{\"accuracy\": 0.78}', %1)")
                .arg(at(s.now, 1)));
    exec(db, QStringLiteral("INSERT INTO ai_models (name, version, model_type, status) VALUES"
                            " ('timing_v1', '1.0', 'timing', 'training')"));
    exec(db, QStringLiteral("INSERT INTO system_health (check_time, data_pipeline_status) VALUES"
                            " (%1, '{\"assets\": 3}')")
                 .arg(at(s.now, 0)));
    const auto notification = [&](int user, const char *title) {
        return insertReturningId(
            db, QStringLiteral("INSERT INTO notifications (user_id, notification_type, title,"
                               " message) VALUES (%1, 'signal', '%2', 'A new signal')")
                    .arg(user)
                    .arg(QLatin1String(title)));
    };
    s.casualNotification = notification(casualId, "For casual");
    s.professionalNotification = notification(professionalId, "For pro");
    exec(db, QStringLiteral("INSERT INTO user_activities (user_id, activity_type, activity_time)"
                            " VALUES (%1, 'view_signal', %2)")
                 .arg(adminId)
                 .arg(at(s.now, 1)));
    return s;
}

} // namespace cp::test
