#include "uitestseed.h"

#include <app/demoloader.h>
#include <models/rowinserter.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace cp::test {

using models::jsonValue;
using models::RowInserter;
using models::timestampValue;

namespace {

constexpr qint64 kDay = 86400;

/** Stops at the first failed insert and remembers why. */
class Seeder
{
public:
    explicit Seeder(QSqlDatabase db)
        : m_db(std::move(db))
    {
    }

    int insert(const QString &table, std::initializer_list<RowInserter::Column> columns)
    {
        if (!m_error.isEmpty())
            return 0;
        RowInserter inserter(m_db, table);
        const Result<qint64> id = inserter.insert(columns);
        if (!id) {
            m_error = table + QStringLiteral(": ") + id.error();
            return 0;
        }
        return int(*id);
    }

    void exec(const QString &sql)
    {
        QSqlQuery query(m_db);
        if (m_error.isEmpty() && !query.exec(sql))
            m_error = sql + QStringLiteral(": ") + query.lastError().text();
    }

    const QString &error() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};

} // namespace

Result<SeededMarket> seedAnalysedMarket(QSqlDatabase db, int assets, int days)
{
    engine::SimulationConfig config;
    config.seed = 7;
    config.assetCount = assets;
    config.days = days;
    const Result<app::DemoReport> demo = app::DemoLoader(db).load(config);
    if (!demo)
        return Result<SeededMarket>::failure(demo.error());

    SeededMarket m;
    m.endTime = config.startTime + (days - 1) * kDay;
    QSqlQuery query(db);
    QList<int> byId;
    query.exec(QStringLiteral("SELECT id, symbol FROM cryptocurrencies ORDER BY id"));
    while (query.next()) {
        m.cryptoIds.insert(query.value(1).toString(), query.value(0).toInt());
        byId.append(query.value(0).toInt());
    }
    query.exec(QStringLiteral("SELECT id, name FROM crypto_sectors"));
    while (query.next())
        m.sectorIds.insert(query.value(1).toString(), query.value(0).toInt());

    m.assetIds = byId;
    Seeder s(db);
    const qint64 t = m.endTime;
    m.adminId = s.insert(QStringLiteral("users"), {{"email", QStringLiteral("admin@example.com")},
                                                   {"role", QStringLiteral("admin")}});
    m.professionalId =
        s.insert(QStringLiteral("users"), {{"email", QStringLiteral("trader@example.com")},
                                           {"role", QStringLiteral("professional")}});
    m.casualId = s.insert(QStringLiteral("users"), {{"email", QStringLiteral("casual@example.com")},
                                                    {"role", QStringLiteral("casual")}});

    // Layer 1: bear 40 days ago, neutral 20 days ago, bull now (the newest).
    const char *regimes[] = {"bear", "neutral", "bull"};
    const double regimeConfidence[] = {0.66, 0.55, 0.87};
    for (int i = 0; i < 3; ++i) {
        s.insert(
            QStringLiteral("market_regime_analysis"),
            {{"analysis_time", timestampValue(t - (2 - i) * 20 * kDay)},
             {"market_regime", QString::fromLatin1(regimes[i])},
             {"confidence_score", regimeConfidence[i]},
             {"risk_level", QStringLiteral("medium")},
             {"trend_strength", 0.62},
             {"recommended_exposure", 0.7},
             {"regime_drivers", jsonValue(QJsonArray{QStringLiteral("30-day return +12%"),
                                                     QStringLiteral("volatility below median")})}});
    }
    s.insert(QStringLiteral("market_sentiment_data"), {{"timestamp", timestampValue(t)},
                                                       {"fear_greed_index", 64.0},
                                                       {"composite_sentiment", 0.28}});
    s.insert(QStringLiteral("dominance_data"), {{"timestamp", timestampValue(t)},
                                                {"btc_dominance", 52.3},
                                                {"eth_dominance", 17.1},
                                                {"alt_dominance", 26.0},
                                                {"stablecoin_dominance", 4.6},
                                                {"total_market_cap", 2.1e12},
                                                {"total_volume", 9.5e10}});

    // Layer 2: an older row per sector (must not show) and the newest.
    struct SectorRow
    {
        const char *name;
        double p24, p7, p30, momentum;
    };
    const SectorRow sectors[] = {{"DeFi", 2.5, 15.2, 22.0, 0.64},
                                 {"Layer1", 1.1, 6.0, 12.5, 0.31},
                                 {"Meme", -3.4, -8.9, -2.0, -0.45},
                                 {"Stablecoins", 0.0, 0.1, 0.2, 0.0}};
    for (const SectorRow &r : sectors) {
        const int id = m.sectorIds.value(QString::fromLatin1(r.name));
        s.insert(QStringLiteral("sector_performance"),
                 {{"sector_id", id},
                  {"analysis_time", timestampValue(t - 5 * kDay)},
                  {"performance_24h", 9.9},
                  {"performance_7d", 9.9},
                  {"performance_30d", 9.9},
                  {"momentum_score", 0.99},
                  {"dominance_percentage", 10.0}});
        s.insert(QStringLiteral("sector_performance"), {{"sector_id", id},
                                                        {"analysis_time", timestampValue(t)},
                                                        {"performance_24h", r.p24},
                                                        {"performance_7d", r.p7},
                                                        {"performance_30d", r.p30},
                                                        {"momentum_score", r.momentum},
                                                        {"dominance_percentage", 20.0},
                                                        {"total_market_cap", 1.0e11}});
    }
    s.insert(QStringLiteral("sector_rotation_analysis"),
             {{"analysis_time", timestampValue(t)},
              {"leading_sectors", jsonValue(QJsonArray{QStringLiteral("DeFi")})},
              {"declining_sectors", jsonValue(QJsonArray{QStringLiteral("Meme")})},
              {"rotation_probability", 0.72},
              {"recommended_allocation",
               jsonValue(QJsonObject{{QStringLiteral("Layer1"), 0.4},
                                     {QStringLiteral("DeFi"), 0.35},
                                     {QStringLiteral("Stablecoins"), 0.25}})}});

    // Layer 3: three pending suggestions (one per asset) and one already approved.
    auto crypto = [&](int i) { return byId.value(i % byId.size()); };
    struct SuggestionRow
    {
        int asset;
        const char *type;
        double confidence;
        const char *status;
    };
    const SuggestionRow suggestions[] = {{0, "add_tier1", 0.91, "pending"},
                                         {1, "add_tier2", 0.78, "pending"},
                                         {2, "add_tier2", 0.83, "pending"},
                                         {3, "remove", 0.70, "approved"}};
    for (const SuggestionRow &r : suggestions) {
        s.insert(
            QStringLiteral("ai_suggestions"),
            {{"crypto_id", crypto(r.asset)},
             {"suggestion_type", QString::fromLatin1(r.type)},
             {"confidence_score", r.confidence},
             {"ai_reasoning",
              jsonValue(QJsonObject{
                  {QStringLiteral("volume_surge"), QStringLiteral("volume +340% in 24h")},
                  {QStringLiteral("momentum"), QStringLiteral("price above its 20-day EMA")}})},
             {"status", QString::fromLatin1(r.status)},
             {"suggested_at", timestampValue(t)},
             {"expires_at", timestampValue(t + 7 * kDay)}});
    }

    // Layer 4: four active signals and one expired.
    struct SignalRow
    {
        int asset;
        const char *type;
        double confidence;
        const char *risk;
        const char *status;
    };
    const SignalRow signals[] = {{0, "long", 0.85, "low", "active"},
                                 {1, "short", 0.72, "medium", "active"},
                                 {2, "long", 0.65, "high", "active"},
                                 {3, "long", 0.90, "extreme", "active"},
                                 {4, "short", 0.95, "low", "expired"}};
    for (const SignalRow &r : signals) {
        const bool isLong = QLatin1String(r.type) == QLatin1String("long");
        s.insert(QStringLiteral("trading_signals"),
                 {{"crypto_id", crypto(r.asset)},
                  {"signal_type", QString::fromLatin1(r.type)},
                  {"entry_price", 100.0},
                  {"target_price", isLong ? 110.0 : 92.0},
                  {"stop_loss", isLong ? 95.0 : 104.0},
                  {"confidence_score", r.confidence},
                  {"risk_level", QString::fromLatin1(r.risk)},
                  {"risk_reward_ratio", 2.0},
                  {"ai_analysis",
                   jsonValue(QJsonObject{{QStringLiteral("key_factors"),
                                          QJsonArray{QStringLiteral("RSI recovered from 28"),
                                                     QStringLiteral("MACD crossed up")}}})},
                  {"market_context",
                   jsonValue(QJsonObject{{QStringLiteral("regime"), QStringLiteral("bull")}})},
                  {"status", QString::fromLatin1(r.status)},
                  {"generated_at", timestampValue(t)},
                  {"expires_at", timestampValue(t + kDay)}});
    }

    // Predictions: model A has 3 realised (2 accurate) and 1 open; model B has 1 realised.
    struct PredictionRow
    {
        const char *model;
        double input, predicted, actual;
        bool realized, accurate;
    };
    const PredictionRow predictions[] = {{"timing_logit", 100, 104, 103, true, true},
                                         {"timing_logit", 100, 98, 99, true, true},
                                         {"timing_logit", 100, 110, 100, true, false},
                                         {"timing_logit", 100, 101, 0, false, false},
                                         {"macro_hmm", 200, 190, 210, true, false}};
    for (const PredictionRow &r : predictions) {
        const bool isMacro = QLatin1String(r.model) == QLatin1String("macro_hmm");
        s.insert(QStringLiteral("predictions_enhanced"),
                 {{"crypto_id", crypto(0)},
                  {"layer_source", isMacro ? QStringLiteral("layer1") : QStringLiteral("layer4")},
                  {"model_name", QString::fromLatin1(r.model)},
                  {"model_version", QStringLiteral("1.0")},
                  {"predicted_price", r.predicted},
                  {"confidence_score", 0.7},
                  {"prediction_horizon", 24},
                  {"target_datetime", timestampValue(t)},
                  {"input_price", r.input},
                  {"actual_price", r.realized ? QVariant(r.actual) : QVariant()},
                  {"is_realized", r.realized},
                  {"is_accurate", r.realized ? QVariant(r.accurate) : QVariant()},
                  {"accuracy_threshold", 5.0}});
    }
    s.insert(QStringLiteral("ai_models"),
             {{"name", QStringLiteral("macro_hmm")},
              {"version", QStringLiteral("1.0")},
              {"model_type", QStringLiteral("macro")},
              {"status", QStringLiteral("active")},
              {"performance_metrics",
               jsonValue(QJsonObject{{QStringLiteral("log_likelihood"), -1234.5}})},
              {"last_trained", timestampValue(t)}});
    s.insert(QStringLiteral("ai_models"),
             {{"name", QStringLiteral("timing_logit")},
              {"version", QStringLiteral("2.1")},
              {"model_type", QStringLiteral("timing")},
              {"status", QStringLiteral("training")},
              {"performance_metrics", jsonValue(QJsonObject{{QStringLiteral("brier"), 0.21}})},
              {"last_trained", timestampValue(t)}});
    s.insert(QStringLiteral("system_health"),
             {{"check_time", timestampValue(t)},
              {"overall_health_score", 96.5},
              {"data_pipeline_status", jsonValue(QJsonObject{{QStringLiteral("assets"), assets},
                                                             {QStringLiteral("seconds"), 1.8}})}});
    s.insert(QStringLiteral("user_activities"), {{"user_id", m.adminId},
                                                 {"activity_type", QStringLiteral("login")},
                                                 {"activity_time", timestampValue(t)}});
    s.insert(QStringLiteral("user_activities"), {{"user_id", m.casualId},
                                                 {"activity_type", QStringLiteral("view_signal")},
                                                 {"activity_time", timestampValue(t + 60)}});

    // Watchlists: the admin tier lists with two and one items.
    m.tier1WatchlistId =
        s.insert(QStringLiteral("watchlists"), {{"name", QStringLiteral("Tier 1 Premium")},
                                                {"type", QStringLiteral("admin")},
                                                {"tier", QStringLiteral("tier1")},
                                                {"max_items", 20}});
    m.tier2WatchlistId =
        s.insert(QStringLiteral("watchlists"), {{"name", QStringLiteral("Tier 2 Watch")},
                                                {"type", QStringLiteral("admin")},
                                                {"tier", QStringLiteral("tier2")},
                                                {"max_items", 100}});
    const int tierOf[] = {1, 1, 2};
    for (int i = 0; i < 3; ++i) {
        const QString tier = tierOf[i] == 1 ? QStringLiteral("tier1") : QStringLiteral("tier2");
        s.insert(QStringLiteral("watchlist_items"),
                 {{"watchlist_id", tierOf[i] == 1 ? m.tier1WatchlistId : m.tier2WatchlistId},
                  {"crypto_id", crypto(i + 4)},
                  {"tier", tier},
                  {"priority_order", i}});
        s.exec(QStringLiteral("UPDATE cryptocurrencies SET watchlist_tier = '%1' WHERE id = %2")
                   .arg(tier)
                   .arg(crypto(i + 4)));
    }
    s.exec(QStringLiteral("UPDATE watchlists SET current_items = (SELECT COUNT(*) FROM"
                          " watchlist_items wi WHERE wi.watchlist_id = watchlists.id)"));
    if (!s.error().isEmpty())
        return Result<SeededMarket>::failure(s.error());
    return m;
}

} // namespace cp::test
