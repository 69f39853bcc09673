#include "signalreader.h"

#include "jsonrowmapper.h"

#include <models/sqltimestamp.h>

#include <QDateTime>
#include <QSqlQuery>

#include <map>

namespace cp::models {

namespace {

/** Running totals of signal outcomes for one group (a risk level, a model, everything). */
struct Tally
{
    int total = 0;
    int resolved = 0;
    int successful = 0;
    int targets = 0;
    int stops = 0;
    int expired = 0;
    double returnSum = 0.0; //!< percent
    double confidenceSum = 0.0;

    void add(double confidence, const QJsonObject &outcome)
    {
        ++total;
        if (outcome.isEmpty())
            return;
        ++resolved;
        const double r = outcome.value(QStringLiteral("return_pct")).toDouble();
        const QString result = outcome.value(QStringLiteral("result")).toString();
        successful += r > 0.0 ? 1 : 0;
        targets += result == QLatin1String("target_hit") ? 1 : 0;
        stops += result == QLatin1String("stop_hit") ? 1 : 0;
        expired += result == QLatin1String("expired") ? 1 : 0;
        returnSum += r;
        confidenceSum += confidence;
    }

    double successRate() const { return resolved ? double(successful) / resolved : 0.0; }

    QJsonObject toJson() const
    {
        const auto orNull = [this](double v) { return resolved ? QJsonValue(v) : QJsonValue(); };
        return {
            {QStringLiteral("total_signals"), total},
            {QStringLiteral("resolved_signals"), resolved},
            {QStringLiteral("successful_signals"), successful},
            {QStringLiteral("success_rate"), orNull(successRate())},
            {QStringLiteral("average_return"), orNull(returnSum / std::max(1, resolved) / 100.0)},
            {QStringLiteral("targets_hit"), targets},
            {QStringLiteral("stops_hit"), stops},
            {QStringLiteral("expired"), expired},
            {QStringLiteral("mean_confidence"), orNull(confidenceSum / std::max(1, resolved))}};
    }
};

} // namespace

SignalReader::SignalReader(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<QJsonArray> SignalReader::signalList(const QString &status, int limit, double confidenceMin,
                                            int cryptoId) const
{
    static const JsonRowMapper mapper{
        {QStringLiteral("id"), JsonKind::Int, QStringLiteral("t.id")},
        {QStringLiteral("crypto_id"), JsonKind::Int, QStringLiteral("t.crypto_id")},
        {QStringLiteral("symbol"), JsonKind::Text, QStringLiteral("c.symbol")},
        {QStringLiteral("signal_type"), JsonKind::Text, QStringLiteral("t.signal_type")},
        {QStringLiteral("entry_price"), JsonKind::Number, QStringLiteral("t.entry_price")},
        {QStringLiteral("target_price"), JsonKind::Number, QStringLiteral("t.target_price")},
        {QStringLiteral("stop_loss"), JsonKind::Number, QStringLiteral("t.stop_loss")},
        {QStringLiteral("confidence_score"), JsonKind::Number,
         QStringLiteral("t.confidence_score")},
        {QStringLiteral("risk_level"), JsonKind::Text, QStringLiteral("t.risk_level")},
        {QStringLiteral("risk_reward_ratio"), JsonKind::Number,
         QStringLiteral("t.risk_reward_ratio")},
        {QStringLiteral("time_horizon_hours"), JsonKind::Int,
         QStringLiteral("t.time_horizon_hours")},
        {QStringLiteral("status"), JsonKind::Text, QStringLiteral("t.status")},
        {QStringLiteral("generated_at"), JsonKind::Timestamp, QStringLiteral("t.generated_at")},
        {QStringLiteral("expires_at"), JsonKind::Timestamp, QStringLiteral("t.expires_at")}};
    QString where = QStringLiteral(" WHERE t.confidence_score >= ?");
    QVariantList binds{confidenceMin};
    if (status == QLatin1String("active")) {
        where += QStringLiteral(" AND t.status = 'active' AND t.expires_at > ?");
        binds.append(SqlTimestamp::fromDateTime(QDateTime::currentDateTimeUtc()));
    } else if (status != QLatin1String("all")) {
        where += QStringLiteral(" AND t.status = ?");
        binds.append(status);
    }
    if (cryptoId > 0) {
        where += QStringLiteral(" AND t.crypto_id = ?");
        binds.append(cryptoId);
    }
    binds.append(limit);
    return selectRows(m_db, mapper,
                      QStringLiteral("FROM trading_signals t JOIN cryptocurrencies c ON c.id ="
                                     " t.crypto_id%1 ORDER BY t.generated_at DESC,"
                                     " t.confidence_score DESC, t.id DESC LIMIT ?")
                          .arg(where),
                      binds, QStringLiteral("signals"));
}

Result<std::optional<QJsonObject>> SignalReader::signal(int signalId) const
{
    static const JsonRowMapper mapper{
        {QStringLiteral("id"), JsonKind::Int, QStringLiteral("t.id")},
        {QStringLiteral("crypto_id"), JsonKind::Int, QStringLiteral("t.crypto_id")},
        {QStringLiteral("symbol"), JsonKind::Text, QStringLiteral("c.symbol")},
        {QStringLiteral("name"), JsonKind::Text, QStringLiteral("c.name")},
        {QStringLiteral("generated_by"), JsonKind::Int, QStringLiteral("t.generated_by")},
        {QStringLiteral("signal_type"), JsonKind::Text, QStringLiteral("t.signal_type")},
        {QStringLiteral("entry_price"), JsonKind::Number, QStringLiteral("t.entry_price")},
        {QStringLiteral("target_price"), JsonKind::Number, QStringLiteral("t.target_price")},
        {QStringLiteral("stop_loss"), JsonKind::Number, QStringLiteral("t.stop_loss")},
        {QStringLiteral("confidence_score"), JsonKind::Number,
         QStringLiteral("t.confidence_score")},
        {QStringLiteral("risk_level"), JsonKind::Text, QStringLiteral("t.risk_level")},
        {QStringLiteral("risk_reward_ratio"), JsonKind::Number,
         QStringLiteral("t.risk_reward_ratio")},
        {QStringLiteral("time_horizon_hours"), JsonKind::Int,
         QStringLiteral("t.time_horizon_hours")},
        {QStringLiteral("ai_analysis"), JsonKind::Json, QStringLiteral("t.ai_analysis")},
        {QStringLiteral("market_context"), JsonKind::Json, QStringLiteral("t.market_context")},
        {QStringLiteral("status"), JsonKind::Text, QStringLiteral("t.status")},
        {QStringLiteral("generated_at"), JsonKind::Timestamp, QStringLiteral("t.generated_at")},
        {QStringLiteral("expires_at"), JsonKind::Timestamp, QStringLiteral("t.expires_at")},
        {QStringLiteral("updated_at"), JsonKind::Timestamp, QStringLiteral("t.updated_at")}};
    return selectRow(m_db, mapper,
                     QStringLiteral("FROM trading_signals t JOIN cryptocurrencies c ON c.id ="
                                    " t.crypto_id WHERE t.id = ?"),
                     {signalId}, QStringLiteral("the signal"));
}

Result<QJsonArray> SignalReader::executions(int userId, int limit) const
{
    static const JsonRowMapper mapper{
        {QStringLiteral("id"), JsonKind::Int, QStringLiteral("e.id")},
        {QStringLiteral("signal_id"), JsonKind::Int, QStringLiteral("e.signal_id")},
        {QStringLiteral("user_id"), JsonKind::Int, QStringLiteral("e.user_id")},
        {QStringLiteral("crypto_id"), JsonKind::Int, QStringLiteral("t.crypto_id")},
        {QStringLiteral("symbol"), JsonKind::Text, QStringLiteral("c.symbol")},
        {QStringLiteral("signal_type"), JsonKind::Text, QStringLiteral("t.signal_type")},
        {QStringLiteral("execution_price"), JsonKind::Number, QStringLiteral("e.execution_price")},
        {QStringLiteral("position_size"), JsonKind::Number, QStringLiteral("e.position_size")},
        {QStringLiteral("portfolio_percentage"), JsonKind::Number,
         QStringLiteral("e.portfolio_percentage")},
        {QStringLiteral("execution_type"), JsonKind::Text, QStringLiteral("e.execution_type")},
        {QStringLiteral("status"), JsonKind::Text, QStringLiteral("e.status")},
        {QStringLiteral("execution_details"), JsonKind::Json,
         QStringLiteral("e.execution_details")},
        {QStringLiteral("executed_at"), JsonKind::Timestamp, QStringLiteral("e.executed_at")}};
    return selectRows(m_db, mapper,
                      QStringLiteral("FROM signal_executions e JOIN trading_signals t ON t.id ="
                                     " e.signal_id JOIN cryptocurrencies c ON c.id = t.crypto_id"
                                     " WHERE e.user_id = ? ORDER BY e.executed_at DESC, e.id DESC"
                                     " LIMIT ?"),
                      {userId, limit}, QStringLiteral("executions"));
}

Result<QJsonObject> SignalReader::performance(int days, const QString &model) const
{
    using R = Result<QJsonObject>;
    QSqlQuery latest(m_db);
    latest.setForwardOnly(true);
    latest.prepare(QStringLiteral("SELECT MAX(generated_at) FROM trading_signals"));
    if (const Status s = execQuery(latest, QStringLiteral("signals")); !s)
        return R::failure(s.error());
    const QDateTime newest =
        latest.next() ? SqlTimestamp::toDateTime(latest.value(0)) : QDateTime();
    Tally all;
    std::map<QString, Tally> byRisk;
    std::map<QString, Tally> byModel;
    if (newest.isValid()) {
        static const JsonRowMapper mapper{
            {QStringLiteral("confidence"), JsonKind::Number, QStringLiteral("confidence_score")},
            {QStringLiteral("risk_level"), JsonKind::Text},
            {QStringLiteral("ai_analysis"), JsonKind::Json}};
        const Result<QJsonArray> rows =
            selectRows(m_db, mapper, QStringLiteral("FROM trading_signals WHERE generated_at >= ?"),
                       {SqlTimestamp::fromDateTime(newest.addSecs(-qint64(days) * 86400))},
                       QStringLiteral("signals"));
        if (!rows)
            return R::failure(rows.error());
        for (const QJsonValue &value : *rows) {
            const QJsonObject row = value.toObject();
            const QJsonObject analysis = row.value(QStringLiteral("ai_analysis")).toObject();
            const QString name = analysis.value(QStringLiteral("model"))
                                     .toObject()
                                     .value(QStringLiteral("name"))
                                     .toString(QStringLiteral("unknown"));
            if (model != QLatin1String("all") && name != model)
                continue;
            const QJsonObject outcome = analysis.value(QStringLiteral("outcome")).toObject();
            const double confidence = row.value(QStringLiteral("confidence")).toDouble();
            all.add(confidence, outcome);
            byRisk[row.value(QStringLiteral("risk_level")).toString()].add(confidence, outcome);
            byModel[name].add(confidence, outcome);
        }
    }
    QJsonObject result = all.toJson();
    QJsonObject risk;
    for (const auto &[level, tally] : byRisk)
        risk.insert(level, tally.toJson());
    QJsonObject models;
    QString best;
    double bestRate = -1.0;
    for (const auto &[name, tally] : byModel) {
        models.insert(name, tally.toJson());
        if (tally.resolved > 0 && tally.successRate() > bestRate) {
            bestRate = tally.successRate();
            best = name;
        }
    }
    result.insert(QStringLiteral("timeframe"), QStringLiteral("%1d").arg(days));
    result.insert(QStringLiteral("model"), model);
    result.insert(QStringLiteral("best_performing_model"), best.isEmpty() ? QJsonValue() : best);
    result.insert(QStringLiteral("performance_by_risk_level"), risk);
    result.insert(QStringLiteral("performance_by_model"), models);
    result.insert(QStringLiteral("window_end"),
                  newest.isValid() ? QJsonValue(JsonRowMapper::isoTime(newest)) : QJsonValue());
    return result;
}

} // namespace cp::models
