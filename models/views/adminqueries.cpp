#include "adminqueries.h"

#include "jsontext.h"

namespace cp::models::views {

namespace {

//! Appends `field` = JsonText::summary(source field) to every row.
void addSummary(SnapshotTable &table, const QString &source, const QString &field)
{
    const int column = table.indexOf(source);
    table.fields.append(field);
    for (QVariantList &row : table.rows)
        row.append(column < 0 ? QString() : JsonText::summary(row.value(column), 5));
}

} // namespace

Result<SnapshotTable> loadPredictionAccuracy(QSqlDatabase db)
{
    // A prediction is "accurate" within accuracy_threshold percent; the naive baseline predicts
    // the input price and is held to the same threshold.
    Result<SnapshotTable> table = readSnapshot(
        db,
        QStringLiteral(
            "SELECT layer_source, prediction_horizon, model_name, COUNT(*) AS predictions,"
            " SUM(CASE WHEN is_realized THEN 1 ELSE 0 END) AS realized,"
            " AVG(CASE WHEN is_realized THEN CASE WHEN is_accurate THEN 1.0 ELSE 0.0 END END)"
            "  AS hit_rate,"
            " AVG(CASE WHEN is_realized AND actual_price > 0 THEN"
            "  ABS(predicted_price - actual_price) * 100.0 / actual_price END) AS mean_error_pct,"
            " AVG(CASE WHEN is_realized AND actual_price > 0 THEN CASE WHEN"
            "  ABS(input_price - actual_price) * 100.0 / actual_price"
            "  <= COALESCE(accuracy_threshold, 5.0) THEN 1.0 ELSE 0.0 END END) AS naive_hit_rate,"
            " AVG(CASE WHEN is_realized AND actual_price > 0 THEN"
            "  ABS(input_price - actual_price) * 100.0 / actual_price END) AS naive_error_pct,"
            " AVG(confidence_score) AS mean_confidence"
            " FROM predictions_enhanced"
            " GROUP BY layer_source, prediction_horizon, model_name"
            " ORDER BY layer_source, prediction_horizon, model_name"));
    if (!table)
        return table;
    table->fields.prepend(QStringLiteral("id"));
    for (int r = 0; r < table->rowCount(); ++r)
        table->rows[r].prepend(r + 1);
    return table;
}

Result<SnapshotTable> loadRecentPredictions(QSqlDatabase db, int limit)
{
    return readSnapshot(
        db,
        QStringLiteral("SELECT p.id, c.symbol, p.layer_source, p.model_name, p.prediction_horizon,"
                       " p.input_price, p.predicted_price, p.actual_price, p.confidence_score,"
                       " p.accuracy_percentage, p.is_realized, p.is_accurate, p.target_datetime,"
                       " p.created_at FROM predictions_enhanced p"
                       " JOIN cryptocurrencies c ON c.id = p.crypto_id"
                       " ORDER BY p.created_at DESC, p.id DESC LIMIT ?"),
        {limit});
}

Result<SnapshotTable> loadModels(QSqlDatabase db)
{
    Result<SnapshotTable> table = readSnapshot(
        db, QStringLiteral("SELECT id, name, version, model_type, status, performance_metrics,"
                           " configuration, health_status, last_trained, last_prediction,"
                           " updated_at FROM ai_models ORDER BY model_type, name"));
    if (table)
        addSummary(table.value(), QStringLiteral("performance_metrics"),
                   QStringLiteral("metrics_summary"));
    return table;
}

Result<SnapshotTable> loadSystemHealth(QSqlDatabase db, int limit)
{
    Result<SnapshotTable> table = readSnapshot(
        db,
        QStringLiteral("SELECT id, check_time, overall_health_score, api_status, database_status,"
                       " ml_models_status, data_pipeline_status, error_logs FROM system_health"
                       " ORDER BY check_time DESC, id DESC LIMIT ?"),
        {limit});
    if (table)
        addSummary(table.value(), QStringLiteral("data_pipeline_status"),
                   QStringLiteral("pipeline_summary"));
    return table;
}

Result<SnapshotTable> loadUserActivities(QSqlDatabase db, int limit)
{
    Result<SnapshotTable> table =
        readSnapshot(db,
                     QStringLiteral("SELECT a.id, a.activity_time, u.email, a.activity_type,"
                                    " a.activity_data FROM user_activities a"
                                    " JOIN users u ON u.id = a.user_id"
                                    " ORDER BY a.activity_time DESC, a.id DESC LIMIT ?"),
                     {limit});
    if (table)
        addSummary(table.value(), QStringLiteral("activity_data"), QStringLiteral("details"));
    return table;
}

} // namespace cp::models::views
