#include "predictionreader.h"

#include <models/predictionrow.h>

#include "jsonrowmapper.h"

#include <models/rowinserter.h>
#include <models/sqltimestamp.h>

#include <QSqlQuery>

#include <cmath>
#include <map>

namespace cp::models {

namespace {

const JsonRowMapper &listColumns()
{
    static const JsonRowMapper mapper{
        {QStringLiteral("id"), JsonKind::Int, QStringLiteral("p.id")},
        {QStringLiteral("crypto_id"), JsonKind::Int, QStringLiteral("p.crypto_id")},
        {QStringLiteral("symbol"), JsonKind::Text, QStringLiteral("c.symbol")},
        {QStringLiteral("user_id"), JsonKind::Int, QStringLiteral("p.user_id")},
        {QStringLiteral("layer_source"), JsonKind::Text, QStringLiteral("p.layer_source")},
        {QStringLiteral("predicted_price"), JsonKind::Number, QStringLiteral("p.predicted_price")},
        {QStringLiteral("input_price"), JsonKind::Number, QStringLiteral("p.input_price")},
        {QStringLiteral("confidence_score"), JsonKind::Number,
         QStringLiteral("p.confidence_score")},
        {QStringLiteral("prediction_horizon"), JsonKind::Int,
         QStringLiteral("p.prediction_horizon")},
        {QStringLiteral("macro_context"), JsonKind::Json, QStringLiteral("p.macro_context")},
        {QStringLiteral("model_name"), JsonKind::Text, QStringLiteral("p.model_name")},
        {QStringLiteral("model_version"), JsonKind::Text, QStringLiteral("p.model_version")},
        {QStringLiteral("target_datetime"), JsonKind::Timestamp,
         QStringLiteral("p.target_datetime")},
        {QStringLiteral("is_realized"), JsonKind::Bool, QStringLiteral("p.is_realized")},
        {QStringLiteral("actual_price"), JsonKind::Number, QStringLiteral("p.actual_price")},
        {QStringLiteral("accuracy_percentage"), JsonKind::Number,
         QStringLiteral("p.accuracy_percentage")},
        {QStringLiteral("is_accurate"), JsonKind::Bool, QStringLiteral("p.is_accurate")},
        {QStringLiteral("created_at"), JsonKind::Timestamp, QStringLiteral("p.created_at")}};
    return mapper;
}

/** Hits and errors of one group of realised predictions, with the naive baseline. */
struct Accuracy
{
    int count = 0;
    int hits = 0;
    int baselineHits = 0;
    double errorPctSum = 0.0;

    double rate() const { return count ? double(hits) / count : 0.0; }
    QJsonObject toJson() const
    {
        return {{QStringLiteral("predictions"), count},
                {QStringLiteral("accuracy"), count ? QJsonValue(rate()) : QJsonValue()},
                {QStringLiteral("baseline_accuracy"),
                 count ? QJsonValue(double(baselineHits) / count) : QJsonValue()},
                {QStringLiteral("mean_error_pct"),
                 count ? QJsonValue(errorPctSum / count) : QJsonValue()}};
    }
};

} // namespace

PredictionReader::PredictionReader(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<QJsonArray> PredictionReader::predictions(const QString &layer, int cryptoId,
                                                 int horizonHours, int limit) const
{
    QString where = QStringLiteral(" WHERE 1 = 1");
    QVariantList binds;
    if (layer != QLatin1String("all")) {
        where += QStringLiteral(" AND p.layer_source = ?");
        binds.append(layer);
    }
    if (cryptoId > 0) {
        where += QStringLiteral(" AND p.crypto_id = ?");
        binds.append(cryptoId);
    }
    if (horizonHours > 0) {
        where += QStringLiteral(" AND p.prediction_horizon = ?");
        binds.append(horizonHours);
    }
    binds.append(limit);
    return selectRows(m_db, listColumns(),
                      QStringLiteral("FROM predictions_enhanced p JOIN cryptocurrencies c ON c.id"
                                     " = p.crypto_id%1 ORDER BY p.created_at DESC, p.id DESC"
                                     " LIMIT ?")
                          .arg(where),
                      binds, QStringLiteral("predictions"));
}

Result<std::optional<QJsonObject>> PredictionReader::prediction(qint64 id) const
{
    return selectRow(m_db, listColumns(),
                     QStringLiteral("FROM predictions_enhanced p JOIN cryptocurrencies c ON c.id"
                                    " = p.crypto_id WHERE p.id = ?"),
                     {id}, QStringLiteral("the prediction"));
}

Result<QJsonObject> PredictionReader::analytics(int days, const QString &layer) const
{
    using R = Result<QJsonObject>;
    QSqlQuery latest(m_db);
    latest.setForwardOnly(true);
    latest.prepare(QStringLiteral("SELECT MAX(created_at) FROM predictions_enhanced"));
    if (const Status s = execQuery(latest, QStringLiteral("predictions")); !s)
        return R::failure(s.error());
    const QDateTime newest =
        latest.next() ? SqlTimestamp::toDateTime(latest.value(0)) : QDateTime();
    Accuracy all;
    std::map<QString, Accuracy> byLayer;
    std::map<int, Accuracy> byHorizon;
    std::map<QString, Accuracy> byModel;
    if (newest.isValid()) {
        static const JsonRowMapper mapper{
            {QStringLiteral("layer"), JsonKind::Text, QStringLiteral("layer_source")},
            {QStringLiteral("horizon"), JsonKind::Int, QStringLiteral("prediction_horizon")},
            {QStringLiteral("model"), JsonKind::Text, QStringLiteral("model_name")},
            {QStringLiteral("accurate"), JsonKind::Bool, QStringLiteral("is_accurate")},
            {QStringLiteral("threshold"), JsonKind::Number, QStringLiteral("accuracy_threshold")},
            {QStringLiteral("input"), JsonKind::Number, QStringLiteral("input_price")},
            {QStringLiteral("actual"), JsonKind::Number, QStringLiteral("actual_price")},
            {QStringLiteral("predicted"), JsonKind::Number, QStringLiteral("predicted_price")}};
        QString where = QStringLiteral("FROM predictions_enhanced WHERE is_realized = ? AND"
                                       " actual_price IS NOT NULL AND created_at >= ?");
        QVariantList binds{true, SqlTimestamp::fromDateTime(newest.addSecs(-qint64(days) * 86400))};
        if (layer != QLatin1String("all")) {
            where += QStringLiteral(" AND layer_source = ?");
            binds.append(layer);
        }
        const Result<QJsonArray> rows =
            selectRows(m_db, mapper, where, binds, QStringLiteral("predictions"));
        if (!rows)
            return R::failure(rows.error());
        for (const QJsonValue &value : *rows) {
            const QJsonObject row = value.toObject();
            const double actual = row.value(QStringLiteral("actual")).toDouble();
            if (actual <= 0.0)
                continue;
            const double threshold = row.value(QStringLiteral("threshold")).toDouble(5.0);
            const bool hit = row.value(QStringLiteral("accurate")).toBool();
            const bool baselineHit =
                std::abs(row.value(QStringLiteral("input")).toDouble() - actual) / actual * 100.0 <=
                threshold;
            const double errorPct =
                std::abs(row.value(QStringLiteral("predicted")).toDouble() - actual) / actual *
                100.0;
            for (Accuracy *a : {&all, &byLayer[row.value(QStringLiteral("layer")).toString()],
                                &byHorizon[row.value(QStringLiteral("horizon")).toInt()],
                                &byModel[row.value(QStringLiteral("model")).toString()]}) {
                ++a->count;
                a->hits += hit ? 1 : 0;
                a->baselineHits += baselineHit ? 1 : 0;
                a->errorPctSum += errorPct;
            }
        }
    }
    QJsonObject layers;
    for (const auto &[name, a] : byLayer)
        layers.insert(name.isEmpty() ? QStringLiteral("unknown") : name, a.rate());
    QJsonObject horizons;
    for (const auto &[hours, a] : byHorizon)
        horizons.insert(QString::number(hours), a.toJson());
    std::vector<std::pair<QString, Accuracy>> models(byModel.begin(), byModel.end());
    std::sort(models.begin(), models.end(),
              [](const auto &a, const auto &b) { return a.second.rate() > b.second.rate(); });
    QJsonArray best;
    for (const auto &[name, a] : models) {
        QJsonObject entry = a.toJson();
        entry.insert(QStringLiteral("model_name"), name);
        best.append(entry);
    }
    QJsonObject result = all.toJson();
    result.insert(QStringLiteral("overall_accuracy"),
                  all.count ? QJsonValue(all.rate()) : QJsonValue());
    result.insert(QStringLiteral("accuracy_by_layer"), layers);
    result.insert(QStringLiteral("accuracy_by_horizon"), horizons);
    result.insert(QStringLiteral("best_performing_models"), best);
    result.insert(QStringLiteral("days"), days);
    result.insert(QStringLiteral("layer"), layer);
    return result;
}

Result<std::optional<engine::AssetHistory>> PredictionReader::assetHistory(int cryptoId) const
{
    using R = Result<std::optional<engine::AssetHistory>>;
    QSqlQuery asset(m_db);
    asset.setForwardOnly(true);
    asset.prepare(
        QStringLiteral("SELECT c.symbol, c.name, COALESCE(c.sector_id, 0), s.name,"
                       " c.circulating_supply, c.watchlist_tier FROM cryptocurrencies c"
                       " LEFT JOIN crypto_sectors s ON s.id = c.sector_id WHERE c.id = ?"));
    asset.addBindValue(cryptoId);
    if (const Status s = execQuery(asset, QStringLiteral("the asset")); !s)
        return R::failure(s.error());
    if (!asset.next())
        return std::optional<engine::AssetHistory>();
    engine::AssetHistory history;
    history.cryptoId = cryptoId;
    history.symbol = asset.value(0).toString();
    history.name = asset.value(1).toString();
    history.sectorId = asset.value(2).toInt();
    history.sector = asset.value(3).toString();
    history.circulatingSupply = asset.value(4).toDouble();
    history.isStablecoin = history.sector == QLatin1String("Stablecoins");
    const QString tier = asset.value(5).toString();
    history.tier = tier == QLatin1String("tier1")   ? engine::Tier::Tier1
                   : tier == QLatin1String("tier2") ? engine::Tier::Tier2
                                                    : engine::Tier::None;
    QSqlQuery bars(m_db);
    bars.setForwardOnly(true);
    bars.prepare(QStringLiteral("SELECT timestamp, open_price, high_price, low_price, close_price,"
                                " volume FROM price_data WHERE crypto_id = ? ORDER BY timestamp"));
    bars.addBindValue(cryptoId);
    if (const Status s = execQuery(bars, QStringLiteral("prices")); !s)
        return R::failure(s.error());
    while (bars.next()) {
        engine::Candle candle;
        candle.time = SqlTimestamp::toDateTime(bars.value(0)).toSecsSinceEpoch();
        candle.close = bars.value(4).toDouble();
        // Close-only sources leave open/high/low empty: the close stands in for them.
        candle.open = bars.value(1).isNull() ? candle.close : bars.value(1).toDouble();
        candle.high = bars.value(2).isNull() ? candle.close : bars.value(2).toDouble();
        candle.low = bars.value(3).isNull() ? candle.close : bars.value(3).toDouble();
        candle.volume = bars.value(5).toDouble();
        history.candles.push_back(candle);
    }
    return std::optional<engine::AssetHistory>(std::move(history));
}

Result<qint64> PredictionReader::insert(const engine::PredictionResult &p, int userId) const
{
    RowInserter insert(m_db, QStringLiteral("predictions_enhanced"));
    return insertPrediction(insert, p, userId);
}

} // namespace cp::models
