#include "adminreader.h"

#include "activityrepository.h"
#include "jsonrowmapper.h"

#include <models/connection.h>
#include <models/sqltimestamp.h>
#include <models/sqltransaction.h>

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace cp::models {

namespace {

Result<QDateTime> maxTime(QSqlDatabase db, const QString &table, const QString &column)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT MAX(%1) FROM %2").arg(column, table));
    if (const Status s = execQuery(query, table); !s)
        return Result<QDateTime>::failure(s.error());
    return query.next() ? SqlTimestamp::toDateTime(query.value(0)) : QDateTime();
}

QString priorityOf(double confidence)
{
    if (confidence >= 0.85)
        return QStringLiteral("high");
    return confidence >= 0.7 ? QStringLiteral("medium") : QStringLiteral("low");
}

} // namespace

AdminReader::AdminReader(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<QJsonObject> AdminReader::systemHealth() const
{
    using R = Result<QJsonObject>;
    QElapsedTimer latency;
    latency.start();
    QSqlQuery ping(m_db);
    const bool reachable = ping.exec(QStringLiteral("SELECT 1")) && ping.next();
    const double pingMs = double(latency.nsecsElapsed()) / 1e6;

    const Result<QDateTime> prices =
        maxTime(m_db, QStringLiteral("price_data"), QStringLiteral("timestamp"));
    if (!prices)
        return R::failure(prices.error());
    const struct
    {
        const char *layer;
        const char *table;
        const char *column;
    } layers[] = {{"layer1", "market_regime_analysis", "analysis_time"},
                  {"layer2", "sector_performance", "analysis_time"},
                  {"layer3", "ai_suggestions", "suggested_at"},
                  {"layer4", "trading_signals", "generated_at"}};
    QJsonObject apiStatus;
    double scoreSum = 0.0;
    for (const auto &l : layers) {
        const Result<QDateTime> newest =
            maxTime(m_db, QLatin1String(l.table), QLatin1String(l.column));
        if (!newest)
            return R::failure(newest.error());
        QString status = QStringLiteral("no_data");
        if (newest->isValid()) {
            const bool stale = prices->isValid() && newest->secsTo(*prices) > 2 * 86400;
            status = stale ? QStringLiteral("warning") : QStringLiteral("healthy");
        }
        scoreSum += status == QLatin1String("healthy")   ? 100.0
                    : status == QLatin1String("warning") ? 60.0
                                                         : 0.0;
        apiStatus.insert(QLatin1String(l.layer), status);
    }
    QSqlQuery models(m_db);
    models.setForwardOnly(true);
    if (!models.exec(QStringLiteral("SELECT status, COUNT(*) FROM ai_models GROUP BY status")))
        return R::failure(models.lastError().text());
    QJsonObject modelStatus{{QStringLiteral("active_models"), 0},
                            {QStringLiteral("training_models"), 0},
                            {QStringLiteral("inactive_models"), 0},
                            {QStringLiteral("error_models"), 0}};
    while (models.next())
        modelStatus.insert(models.value(0).toString() + QStringLiteral("_models"),
                           models.value(1).toInt());
    static const JsonRowMapper health{{QStringLiteral("overall_health_score"), JsonKind::Number},
                                      {QStringLiteral("data_pipeline_status"), JsonKind::Json},
                                      {QStringLiteral("performance_metrics"), JsonKind::Json},
                                      {QStringLiteral("error_logs"), JsonKind::Json},
                                      {QStringLiteral("check_time"), JsonKind::Timestamp}};
    const auto stored = selectRow(m_db, health,
                                  QStringLiteral("FROM system_health ORDER BY check_time DESC, id"
                                                 " DESC LIMIT 1"),
                                  {}, QStringLiteral("system health"));
    if (!stored)
        return R::failure(stored.error());
    const QJsonObject row = stored->value_or(QJsonObject());
    double score =
        scoreSum / 4.0 - 10.0 * modelStatus.value(QStringLiteral("error_models")).toInt();
    if (row.value(QStringLiteral("overall_health_score")).isDouble())
        score = row.value(QStringLiteral("overall_health_score")).toDouble();
    const QString dialect = dialectOf(m_db) == Dialect::PostgreSQL ? QStringLiteral("postgresql")
                                                                   : QStringLiteral("sqlite");
    return QJsonObject{
        {QStringLiteral("overall_health_score"), std::clamp(score, 0.0, 100.0)},
        {QStringLiteral("api_status"), apiStatus},
        {QStringLiteral("ml_models_status"), modelStatus},
        {QStringLiteral("database_performance"),
         QJsonObject{
             {QStringLiteral("dialect"), dialect},
             {QStringLiteral("reachable"), reachable},
             {QStringLiteral("ping_ms"), pingMs},
             {QStringLiteral("newest_price"),
              prices->isValid() ? QJsonValue(JsonRowMapper::isoTime(*prices)) : QJsonValue()}}},
        {QStringLiteral("data_pipeline_status"),
         row.value(QStringLiteral("data_pipeline_status")).isUndefined()
             ? QJsonValue()
             : row.value(QStringLiteral("data_pipeline_status"))},
        {QStringLiteral("error_logs"), row.value(QStringLiteral("error_logs")).isUndefined()
                                           ? QJsonValue(QJsonArray())
                                           : row.value(QStringLiteral("error_logs"))},
        {QStringLiteral("last_updated"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
}

namespace {
const JsonRowMapper &modelColumns()
{
    static const JsonRowMapper mapper{
        {QStringLiteral("id"), JsonKind::Int},
        {QStringLiteral("name"), JsonKind::Text},
        {QStringLiteral("version"), JsonKind::Text},
        {QStringLiteral("type"), JsonKind::Text, QStringLiteral("model_type")},
        {QStringLiteral("status"), JsonKind::Text},
        {QStringLiteral("last_trained"), JsonKind::Timestamp},
        {QStringLiteral("last_prediction"), JsonKind::Timestamp},
        {QStringLiteral("performance_metrics"), JsonKind::Json},
        {QStringLiteral("configuration"), JsonKind::Json},
        {QStringLiteral("health_status"), JsonKind::Json}};
    return mapper;
}
} // namespace

Result<QJsonArray> AdminReader::aiModels() const
{
    return selectRows(m_db, modelColumns(),
                      QStringLiteral("FROM ai_models ORDER BY model_type, name"), {},
                      QStringLiteral("AI models"));
}

Result<std::optional<QJsonObject>> AdminReader::aiModel(int modelId) const
{
    return selectRow(m_db, modelColumns(), QStringLiteral("FROM ai_models WHERE id = ?"), {modelId},
                     QStringLiteral("the AI model"));
}

Result<QJsonArray> AdminReader::userActivities(int days, const QString &activityType,
                                               int limit) const
{
    // INET reads back with its mask on PostgreSQL ("1.2.3.4/32"); host() gives the address.
    const QString ip = dialectOf(m_db) == Dialect::PostgreSQL ? QStringLiteral("host(a.ip_address)")
                                                              : QStringLiteral("a.ip_address");
    const JsonRowMapper columns{
        {QStringLiteral("id"), JsonKind::Int, QStringLiteral("a.id")},
        {QStringLiteral("user_id"), JsonKind::Int, QStringLiteral("a.user_id")},
        {QStringLiteral("email"), JsonKind::Text, QStringLiteral("u.email")},
        {QStringLiteral("activity_type"), JsonKind::Text, QStringLiteral("a.activity_type")},
        {QStringLiteral("activity_data"), JsonKind::Json, QStringLiteral("a.activity_data")},
        {QStringLiteral("ip_address"), JsonKind::Text, ip},
        {QStringLiteral("user_agent"), JsonKind::Text, QStringLiteral("a.user_agent")},
        {QStringLiteral("activity_time"), JsonKind::Timestamp, QStringLiteral("a.activity_time")}};
    QString where = QStringLiteral(" WHERE a.activity_time >= ?");
    QVariantList binds{
        SqlTimestamp::fromDateTime(QDateTime::currentDateTimeUtc().addSecs(-qint64(days) * 86400))};
    if (activityType != QLatin1String("all")) {
        where += QStringLiteral(" AND a.activity_type = ?");
        binds.append(activityType);
    }
    binds.append(limit);
    return selectRows(m_db, columns,
                      QStringLiteral("FROM user_activities a JOIN users u ON u.id = a.user_id%1"
                                     " ORDER BY a.activity_time DESC, a.id DESC LIMIT ?")
                          .arg(where),
                      binds, QStringLiteral("user activities"));
}

Result<QJsonObject> AdminReader::suggestionQueue(const QString &priority, int days) const
{
    static const JsonRowMapper mapper{
        {QStringLiteral("id"), JsonKind::Int, QStringLiteral("s.id")},
        {QStringLiteral("crypto_id"), JsonKind::Int, QStringLiteral("s.crypto_id")},
        {QStringLiteral("symbol"), JsonKind::Text, QStringLiteral("c.symbol")},
        {QStringLiteral("suggestion_type"), JsonKind::Text, QStringLiteral("s.suggestion_type")},
        {QStringLiteral("confidence_score"), JsonKind::Number,
         QStringLiteral("s.confidence_score")},
        {QStringLiteral("ai_reasoning"), JsonKind::Json, QStringLiteral("s.ai_reasoning")},
        {QStringLiteral("suggested_at"), JsonKind::Timestamp, QStringLiteral("s.suggested_at")},
        {QStringLiteral("expires_at"), JsonKind::Timestamp, QStringLiteral("s.expires_at")}};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Result<QJsonArray> rows = selectRows(
        m_db, mapper,
        QStringLiteral("FROM ai_suggestions s JOIN cryptocurrencies c ON c.id = s.crypto_id"
                       " WHERE s.status = 'pending' AND s.suggested_at >= ?"
                       " ORDER BY s.confidence_score DESC, s.suggested_at DESC, s.id DESC"),
        {SqlTimestamp::fromDateTime(now.addSecs(-qint64(days) * 86400))},
        QStringLiteral("the suggestion queue"));
    if (!rows)
        return Result<QJsonObject>::failure(rows.error());
    QJsonArray items;
    QJsonObject counts{
        {QStringLiteral("high"), 0}, {QStringLiteral("medium"), 0}, {QStringLiteral("low"), 0}};
    for (const QJsonValue &value : *rows) {
        QJsonObject item = value.toObject();
        const QString p = priorityOf(item.value(QStringLiteral("confidence_score")).toDouble());
        counts.insert(p, counts.value(p).toInt() + 1);
        if (priority != QLatin1String("all") && p != priority)
            continue;
        const QDateTime expires =
            QDateTime::fromString(item.value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
        item.insert(QStringLiteral("priority"), p);
        item.insert(QStringLiteral("expires_in_hours"),
                    expires.isValid() ? QJsonValue(double(now.secsTo(expires)) / 3600.0)
                                      : QJsonValue());
        items.append(item);
    }
    return QJsonObject{{QStringLiteral("priority"), priority},
                       {QStringLiteral("days"), days},
                       {QStringLiteral("count"), items.size()},
                       {QStringLiteral("counts_by_priority"), counts},
                       {QStringLiteral("items"), items}};
}

Result<std::vector<ChangeEvent>> AdminReader::recordRetrainRequest(int modelId, int userId,
                                                                   const QJsonObject &request) const
{
    using R = Result<std::vector<ChangeEvent>>;
    SqlTransaction transaction(m_db);
    if (!transaction.isActive())
        return R::failure(transaction.error());
    const auto model = aiModel(modelId);
    if (!model)
        return R::failure(model.error());
    if (!model->has_value())
        return std::vector<ChangeEvent>();
    QJsonObject health = (*model)->value(QStringLiteral("health_status")).toObject();
    health.insert(QStringLiteral("retrain_request"), request);
    QSqlQuery update(m_db);
    update.prepare(QStringLiteral("UPDATE ai_models SET health_status = ? WHERE id = ?"));
    update.addBindValue(QString::fromUtf8(QJsonDocument(health).toJson(QJsonDocument::Compact)));
    update.addBindValue(modelId);
    if (!update.exec())
        return R::failure(QStringLiteral("Could not record the retrain request: %1")
                              .arg(update.lastError().text()));
    const Result<ChangeEvent> activity =
        ActivityRepository(m_db).log(userId, QStringLiteral("retrain_model"), request, {}, {});
    if (!activity)
        return R::failure(activity.error());
    if (const Status s = transaction.commit(); !s)
        return R::failure(s.error());
    return std::vector<ChangeEvent>{
        {QStringLiteral("ai_models"), modelId, QStringLiteral("update")}, *activity};
}

} // namespace cp::models
