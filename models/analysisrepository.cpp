#include "analysisrepository.h"

#include "predictionrow.h"
#include "rowinserter.h"
#include "sqltransaction.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>

namespace cp::models {

namespace {

using engine::riskLevelName;

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QString signalTypeName(engine::SignalType type)
{
    return type == engine::SignalType::Long ? QStringLiteral("long") : QStringLiteral("short");
}

/** Writes the rows of one run; each method stops at the first error. */
class RunWriter
{
public:
    RunWriter(QSqlDatabase db, qint64 now)
        : m_db(std::move(db))
        , m_now(now)
    {
    }

    Status writeMacro(const engine::MacroAnalysis &macro)
    {
        const engine::MarketRegimeResult &r = macro.regime;
        RowInserter regime(m_db, QStringLiteral("market_regime_analysis"));
        if (const Status s =
                record(QStringLiteral("market_regime_analysis"),
                       regime.insert({{"analysis_time", timestampValue(r.analysisTime)},
                                      {"market_regime", engine::regimeName(r.regime)},
                                      {"confidence_score", r.confidence},
                                      {"risk_level", riskLevelName(r.riskLevel)},
                                      {"trend_strength", r.trendStrength},
                                      {"recommended_exposure", r.recommendedExposure},
                                      {"sentiment_breakdown", jsonValue(r.sentimentBreakdown)},
                                      {"regime_drivers", jsonValue(r.regimeDrivers)},
                                      {"dominance_data", jsonValue(r.dominanceData)},
                                      {"macro_indicators", jsonValue(r.macroIndicators)}}));
            !s)
            return s;
        const engine::SentimentResult &m = macro.sentiment;
        RowInserter sentiment(m_db, QStringLiteral("market_sentiment_data"));
        if (const Status s =
                record(QStringLiteral("market_sentiment_data"),
                       sentiment.insert({{"timestamp", timestampValue(m.timestamp)},
                                         {"fear_greed_index", m.fearGreedIndex},
                                         {"composite_sentiment", m.compositeSentiment},
                                         {"sentiment_sources", jsonValue(m.sentimentSources)}}));
            !s)
            return s;
        const engine::DominanceResult &d = macro.dominance;
        RowInserter dominance(m_db, QStringLiteral("dominance_data"));
        return record(QStringLiteral("dominance_data"),
                      dominance.insert({{"timestamp", timestampValue(d.timestamp)},
                                        {"btc_dominance", d.btcDominance},
                                        {"eth_dominance", d.ethDominance},
                                        {"alt_dominance", d.altDominance},
                                        {"stablecoin_dominance", d.stablecoinDominance},
                                        {"total_market_cap", d.totalMarketCap},
                                        {"total_volume", d.totalVolume},
                                        {"dominance_changes", jsonValue(d.dominanceChanges)}}));
    }

    Status writeSectors(const engine::SectorAnalysis &sectors)
    {
        RowInserter performance(m_db, QStringLiteral("sector_performance"));
        for (const engine::SectorPerformanceResult &p : sectors.sectors) {
            QJsonObject metrics = p.performanceMetrics;
            metrics.insert(QStringLiteral("rank"), p.rank);
            if (const Status s =
                    record(QStringLiteral("sector_performance"),
                           performance.insert({{"sector_id", p.sectorId},
                                               {"analysis_time", timestampValue(p.analysisTime)},
                                               {"total_market_cap", p.totalMarketCap},
                                               {"total_volume", p.totalVolume},
                                               {"dominance_percentage", p.dominancePercentage},
                                               {"momentum_score", p.momentumScore},
                                               {"performance_24h", p.performance24h},
                                               {"performance_7d", p.performance7d},
                                               {"performance_30d", p.performance30d},
                                               {"top_performers", jsonValue(p.topPerformers)},
                                               {"performance_metrics", jsonValue(metrics)}}));
                !s)
                return s;
        }
        const engine::SectorRotationResult &r = sectors.rotation;
        RowInserter rotation(m_db, QStringLiteral("sector_rotation_analysis"));
        return record(
            QStringLiteral("sector_rotation_analysis"),
            rotation.insert({{"analysis_time", timestampValue(r.analysisTime)},
                             {"flow_directions", jsonValue(r.flowDirections)},
                             {"rotation_signals", jsonValue(r.rotationSignals)},
                             {"leading_sectors", jsonValue(toArray(r.leadingSectors))},
                             {"declining_sectors", jsonValue(toArray(r.decliningSectors))},
                             {"rotation_probability", r.rotationProbability},
                             {"recommended_allocation", jsonValue(r.recommendedAllocation)}}));
    }

    Status writeSuggestions(const std::vector<engine::SuggestionResult> &suggestions,
                            WrittenRun &written)
    {
        QSqlQuery expire(m_db);
        expire.prepare(QStringLiteral("UPDATE ai_suggestions SET status = 'expired'"
                                      " WHERE status = 'pending' AND expires_at < ?"));
        expire.addBindValue(timestampValue(m_now));
        if (!expire.exec())
            return failure(expire);
        QSqlQuery pending(m_db);
        pending.prepare(QStringLiteral("SELECT COUNT(*) FROM ai_suggestions WHERE crypto_id = ?"
                                       " AND suggestion_type = ? AND status = 'pending'"));
        RowInserter insert(m_db, QStringLiteral("ai_suggestions"));
        for (const engine::SuggestionResult &s : suggestions) {
            const QString type = engine::suggestionTypeName(s.type);
            pending.addBindValue(s.cryptoId);
            pending.addBindValue(type);
            if (!pending.exec() || !pending.next())
                return failure(pending);
            const bool duplicate = pending.value(0).toInt() > 0;
            pending.finish();
            if (duplicate) {
                ++written.suggestionsSkippedAsDuplicates;
                continue;
            }
            if (const Status status =
                    record(QStringLiteral("ai_suggestions"),
                           insert.insert({{"crypto_id", s.cryptoId},
                                          {"suggestion_type", type},
                                          {"confidence_score", s.confidence},
                                          {"ai_reasoning", jsonValue(s.aiReasoning)},
                                          {"supporting_data", jsonValue(s.supportingData)},
                                          {"performance_metrics", jsonValue(s.performanceMetrics)},
                                          {"status", QStringLiteral("pending")},
                                          {"suggested_at", timestampValue(s.suggestedAt)},
                                          {"expires_at", timestampValue(s.expiresAt)}}));
                !status)
                return status;
            ++written.suggestions;
        }
        return {};
    }

    Status writeSignals(const std::vector<engine::SignalResult> &signals, WrittenRun &written)
    {
        QSqlQuery active(m_db);
        active.prepare(QStringLiteral("SELECT COUNT(*) FROM trading_signals WHERE crypto_id = ?"
                                      " AND signal_type = ? AND status = 'active'"
                                      " AND expires_at > ?"));
        RowInserter insert(m_db, QStringLiteral("trading_signals"));
        for (const engine::SignalResult &s : signals) {
            const QString type = signalTypeName(s.type);
            active.addBindValue(s.cryptoId);
            active.addBindValue(type);
            active.addBindValue(timestampValue(m_now));
            if (!active.exec() || !active.next())
                return failure(active);
            const bool duplicate = active.value(0).toInt() > 0;
            active.finish();
            if (duplicate) {
                ++written.signalsSkippedAsDuplicates;
                continue;
            }
            if (const Status status =
                    record(QStringLiteral("trading_signals"),
                           insert.insert({{"crypto_id", s.cryptoId},
                                          {"signal_type", type},
                                          {"entry_price", s.entryPrice},
                                          {"target_price", s.targetPrice},
                                          {"stop_loss", s.stopLoss},
                                          {"confidence_score", s.confidence},
                                          {"risk_level", riskLevelName(s.riskLevel)},
                                          {"risk_reward_ratio", s.riskRewardRatio},
                                          {"time_horizon_hours", s.timeHorizonHours},
                                          {"ai_analysis", jsonValue(s.aiAnalysis)},
                                          {"market_context", jsonValue(s.marketContext)},
                                          {"status", QStringLiteral("active")},
                                          {"generated_at", timestampValue(s.generatedAt)},
                                          {"expires_at", timestampValue(s.expiresAt)}}));
                !status)
                return status;
            ++written.signals;
        }
        return {};
    }

    Status writePredictions(const std::vector<engine::PredictionResult> &predictions,
                            WrittenRun &written)
    {
        RowInserter insert(m_db, QStringLiteral("predictions_enhanced"));
        for (const engine::PredictionResult &p : predictions) {
            if (const Status status =
                    record(QStringLiteral("predictions_enhanced"), insertPrediction(insert, p));
                !status)
                return status;
            ++written.predictions;
        }
        return {};
    }

    Status writeModels(const std::vector<engine::ModelRecord> &models)
    {
        QSqlQuery upsert(m_db);
        upsert.prepare(QStringLiteral(
            "INSERT INTO ai_models (name, version, model_type, status, configuration,"
            " performance_metrics, last_trained, last_prediction)"
            " VALUES (?, ?, ?, 'active', ?, ?, ?, ?)"
            " ON CONFLICT (name) DO UPDATE SET version = excluded.version,"
            " model_type = excluded.model_type, status = excluded.status,"
            " configuration = excluded.configuration,"
            " performance_metrics = excluded.performance_metrics,"
            " last_trained = excluded.last_trained, last_prediction = excluded.last_prediction"
            " RETURNING id"));
        for (const engine::ModelRecord &m : models) {
            upsert.addBindValue(m.name);
            upsert.addBindValue(m.version);
            upsert.addBindValue(m.modelType);
            upsert.addBindValue(jsonValue(m.configuration));
            upsert.addBindValue(jsonValue(m.performanceMetrics));
            upsert.addBindValue(timestampValue(m.lastTrained));
            upsert.addBindValue(timestampValue(m_now));
            if (!upsert.exec() || !upsert.next())
                return failure(upsert);
            m_changes.push_back({QStringLiteral("ai_models"), upsert.value(0).toLongLong(),
                                 QStringLiteral("update")});
            upsert.finish();
        }
        return {};
    }

    Status writeHealth(const QJsonObject &pipelineStatus)
    {
        RowInserter health(m_db, QStringLiteral("system_health"));
        return record(QStringLiteral("system_health"),
                      health.insert({{"check_time", timestampValue(m_now)},
                                     {"data_pipeline_status", jsonValue(pipelineStatus)}}));
    }

    std::vector<ChangeEvent> takeChanges() { return std::move(m_changes); }

private:
    Status record(const QString &table, const Result<qint64> &id)
    {
        if (!id)
            return Status::failure(id.error());
        m_changes.push_back({table, *id, QStringLiteral("insert")});
        return {};
    }

    static Status failure(const QSqlQuery &query)
    {
        return Status::failure(
            QStringLiteral("Could not write the analysis: %1").arg(query.lastError().text()));
    }

    QSqlDatabase m_db;
    qint64 m_now = 0;
    std::vector<ChangeEvent> m_changes;
};

} // namespace

AnalysisRepository::AnalysisRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<WrittenRun> AnalysisRepository::write(const AnalysisRun &run, qint64 nowUnixSeconds)
{
    SqlTransaction transaction(m_db);
    if (!transaction.isActive())
        return Result<WrittenRun>::failure(transaction.error());
    RunWriter writer(m_db, nowUnixSeconds);
    WrittenRun written;
    auto fail = [](const Status &s) { return Result<WrittenRun>::failure(s.error()); };
    if (run.macro) {
        if (const Status s = writer.writeMacro(*run.macro); !s)
            return fail(s);
    }
    if (run.sectors) {
        if (const Status s = writer.writeSectors(*run.sectors); !s)
            return fail(s);
    }
    if (run.assets) {
        if (const Status s = writer.writeSuggestions(run.assets->suggestions, written); !s)
            return fail(s);
    }
    if (const Status s = writer.writeSignals(run.signals, written); !s)
        return fail(s);
    if (const Status s = writer.writePredictions(run.predictions, written); !s)
        return fail(s);
    if (const Status s = writer.writeModels(run.models); !s)
        return fail(s);
    if (const Status s = writer.writeHealth(run.pipelineStatus); !s)
        return fail(s);
    if (const Status s = transaction.commit(); !s)
        return fail(s);
    written.changes = writer.takeChanges();
    return written;
}

} // namespace cp::models
