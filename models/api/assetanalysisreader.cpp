#include "assetanalysisreader.h"

#include "jsonrowmapper.h"
#include "pricelookup.h"

#include <models/sqltimestamp.h>

#include <QDateTime>
#include <QSqlQuery>

#include <cmath>
#include <map>

namespace cp::models {

namespace {

constexpr int kCorrelationDays = 30;
constexpr int kMinCommonDays = 10;
constexpr double kStrongConfidence = 0.75;

//! UTC day -> log return from the previous day's close.
Result<std::map<qint64, double>> dailyReturns(const PriceLookup &prices, int cryptoId)
{
    const auto closes = prices.dailyCloses(cryptoId, kCorrelationDays + 1);
    if (!closes)
        return Result<std::map<qint64, double>>::failure(closes.error());
    std::map<qint64, double> returns;
    for (std::size_t i = 1; i < closes->size(); ++i) {
        const PricePoint &a = (*closes)[i - 1];
        const PricePoint &b = (*closes)[i];
        if (a.close > 0.0 && b.close > 0.0)
            returns[b.time.toSecsSinceEpoch() / 86400] = std::log(b.close / a.close);
    }
    return returns;
}

//! Absent fields are written as null, so clients always see the same keys.
QJsonValue orNull(const QJsonValue &value)
{
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

QJsonValue optionalNumber(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

} // namespace

AssetAnalysisReader::AssetAnalysisReader(QSqlDatabase db)
    : m_db(std::move(db))
{
}

std::optional<double> AssetAnalysisReader::correlation(const std::vector<double> &x,
                                                       const std::vector<double> &y)
{
    const std::size_t n = x.size();
    if (n < 2 || y.size() != n)
        return std::nullopt;
    double mx = 0.0, my = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        mx += x[i];
        my += y[i];
    }
    mx /= double(n);
    my /= double(n);
    double sxy = 0.0, sxx = 0.0, syy = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    if (sxx <= 0.0 || syy <= 0.0)
        return std::nullopt;
    return sxy / std::sqrt(sxx * syy);
}

Result<std::optional<double>> AssetAnalysisReader::sectorCorrelation(int cryptoId,
                                                                     int sectorId) const
{
    using R = Result<std::optional<double>>;
    if (sectorId <= 0)
        return std::optional<double>();
    QSqlQuery peers(m_db);
    peers.setForwardOnly(true);
    peers.prepare(QStringLiteral("SELECT id FROM cryptocurrencies WHERE sector_id = ? AND id <> ?"
                                 " AND is_active"));
    peers.addBindValue(sectorId);
    peers.addBindValue(cryptoId);
    if (const Status s = execQuery(peers, QStringLiteral("sector peers")); !s)
        return R::failure(s.error());
    std::vector<int> ids;
    while (peers.next())
        ids.push_back(peers.value(0).toInt());
    if (ids.empty())
        return std::optional<double>();
    PriceLookup prices(m_db);
    const auto own = dailyReturns(prices, cryptoId);
    if (!own)
        return R::failure(own.error());
    std::map<qint64, std::pair<double, int>> peerSum;
    for (int id : ids) {
        const auto returns = dailyReturns(prices, id);
        if (!returns)
            return R::failure(returns.error());
        for (const auto &[day, r] : *returns) {
            peerSum[day].first += r;
            ++peerSum[day].second;
        }
    }
    std::vector<double> x, y;
    for (const auto &[day, r] : *own) {
        const auto it = peerSum.find(day);
        if (it == peerSum.end())
            continue;
        x.push_back(r);
        y.push_back(it->second.first / it->second.second);
    }
    if (int(x.size()) < kMinCommonDays)
        return std::optional<double>();
    return correlation(x, y);
}

Result<std::optional<QJsonObject>> AssetAnalysisReader::analysis(int cryptoId) const
{
    using R = Result<std::optional<QJsonObject>>;
    static const JsonRowMapper asset{
        {QStringLiteral("crypto_id"), JsonKind::Int, QStringLiteral("c.id")},
        {QStringLiteral("symbol"), JsonKind::Text, QStringLiteral("c.symbol")},
        {QStringLiteral("name"), JsonKind::Text, QStringLiteral("c.name")},
        {QStringLiteral("sector_id"), JsonKind::Int, QStringLiteral("c.sector_id")},
        {QStringLiteral("sector"), JsonKind::Text, QStringLiteral("s.name")},
        {QStringLiteral("watchlist_tier"), JsonKind::Text, QStringLiteral("c.watchlist_tier")},
        {QStringLiteral("is_simulated"), JsonKind::Bool, QStringLiteral("c.is_simulated")}};
    const auto row = selectRow(m_db, asset,
                               QStringLiteral("FROM cryptocurrencies c LEFT JOIN crypto_sectors s"
                                              " ON s.id = c.sector_id WHERE c.id = ?"),
                               {cryptoId}, QStringLiteral("the asset"));
    if (!row || !row->has_value())
        return row;
    QJsonObject result = **row;

    static const JsonRowMapper signal{{QStringLiteral("id"), JsonKind::Int},
                                      {QStringLiteral("signal_type"), JsonKind::Text},
                                      {QStringLiteral("confidence_score"), JsonKind::Number},
                                      {QStringLiteral("risk_level"), JsonKind::Text},
                                      {QStringLiteral("status"), JsonKind::Text},
                                      {QStringLiteral("entry_price"), JsonKind::Number},
                                      {QStringLiteral("target_price"), JsonKind::Number},
                                      {QStringLiteral("stop_loss"), JsonKind::Number},
                                      {QStringLiteral("generated_at"), JsonKind::Timestamp},
                                      {QStringLiteral("expires_at"), JsonKind::Timestamp}};
    const auto latestSignal = selectRow(
        m_db, signal,
        QStringLiteral("FROM trading_signals WHERE crypto_id = ? ORDER BY generated_at DESC, id"
                       " DESC LIMIT 1"),
        {cryptoId}, QStringLiteral("signals"));
    static const JsonRowMapper suggestion{{QStringLiteral("id"), JsonKind::Int},
                                          {QStringLiteral("suggestion_type"), JsonKind::Text},
                                          {QStringLiteral("confidence_score"), JsonKind::Number},
                                          {QStringLiteral("status"), JsonKind::Text},
                                          {QStringLiteral("ai_reasoning"), JsonKind::Json},
                                          {QStringLiteral("suggested_at"), JsonKind::Timestamp}};
    const auto latestSuggestion = selectRow(
        m_db, suggestion,
        QStringLiteral("FROM ai_suggestions WHERE crypto_id = ? ORDER BY suggested_at DESC, id"
                       " DESC LIMIT 1"),
        {cryptoId}, QStringLiteral("suggestions"));
    static const JsonRowMapper indicators{{QStringLiteral("technical_indicators"), JsonKind::Json}};
    const auto latestIndicators = selectRow(
        m_db, indicators,
        QStringLiteral("FROM price_data WHERE crypto_id = ? AND technical_indicators IS NOT NULL"
                       " AND technical_indicators <> '{}' ORDER BY timestamp DESC LIMIT 1"),
        {cryptoId}, QStringLiteral("indicators"));
    static const JsonRowMapper sentiment{{QStringLiteral("composite_sentiment"), JsonKind::Number}};
    const auto marketSentiment = selectRow(
        m_db, sentiment,
        QStringLiteral("FROM market_sentiment_data ORDER BY timestamp DESC, id DESC LIMIT 1"), {},
        QStringLiteral("sentiment"));
    for (const auto *r : {&latestSignal, &latestSuggestion, &latestIndicators, &marketSentiment}) {
        if (!*r)
            return R::failure(r->error());
    }
    const auto correlationResult =
        sectorCorrelation(cryptoId, result.value(QStringLiteral("sector_id")).toInt());
    if (!correlationResult)
        return R::failure(correlationResult.error());

    PriceLookup prices(m_db);
    const auto newest = prices.latest(cryptoId);
    if (!newest)
        return R::failure(newest.error());
    QJsonObject performance;
    for (const auto &[key, hours] :
         {std::pair{"performance_24h", 24}, std::pair{"performance_7d", 168},
          std::pair{"performance_30d", 720}}) {
        const auto change = prices.changePercent(cryptoId, hours);
        if (!change)
            return R::failure(change.error());
        performance.insert(QLatin1String(key), optionalNumber(*change));
    }
    const auto closes = prices.dailyCloses(cryptoId, kCorrelationDays + 1);
    if (!closes)
        return R::failure(closes.error());
    std::vector<double> returns;
    for (std::size_t i = 1; i < closes->size(); ++i) {
        if ((*closes)[i - 1].close > 0.0 && (*closes)[i].close > 0.0)
            returns.push_back(std::log((*closes)[i].close / (*closes)[i - 1].close));
    }
    std::optional<double> volatility;
    if (returns.size() >= 2) {
        double mean = 0.0;
        for (double r : returns)
            mean += r;
        mean /= double(returns.size());
        double var = 0.0;
        for (double r : returns)
            var += (r - mean) * (r - mean);
        volatility = std::sqrt(var / double(returns.size() - 1)) * std::sqrt(365.0) * 100.0;
    }
    performance.insert(QStringLiteral("volatility_30d_annualised_pct"), optionalNumber(volatility));

    const QJsonObject signalRow = latestSignal->value_or(QJsonObject());
    const QJsonObject suggestionRow = latestSuggestion->value_or(QJsonObject());
    const QJsonObject &source = !signalRow.isEmpty() ? signalRow : suggestionRow;
    const bool activeSignal =
        signalRow.value(QStringLiteral("status")).toString() == QLatin1String("active") &&
        QDateTime::fromString(signalRow.value(QStringLiteral("expires_at")).toString(),
                              Qt::ISODate) > QDateTime::currentDateTimeUtc();
    QString recommendation = QStringLiteral("hold");
    if (activeSignal) {
        const bool strong =
            signalRow.value(QStringLiteral("confidence_score")).toDouble() >= kStrongConfidence;
        const bool isLong =
            signalRow.value(QStringLiteral("signal_type")).toString() == QLatin1String("long");
        recommendation = QLatin1String(strong ? (isLong ? "strong_buy" : "strong_sell")
                                              : (isLong ? "buy" : "sell"));
    }
    result.insert(QStringLiteral("current_price"),
                  newest->has_value() ? QJsonValue((*newest)->close) : QJsonValue());
    result.insert(QStringLiteral("price_time"),
                  newest->has_value() ? QJsonValue(JsonRowMapper::isoTime((*newest)->time))
                                      : QJsonValue());
    result.insert(
        QStringLiteral("current_analysis"),
        QJsonObject{
            {QStringLiteral("ai_confidence"),
             orNull(source.value(QStringLiteral("confidence_score")))},
            {QStringLiteral("risk_level"), orNull(signalRow.value(QStringLiteral("risk_level")))},
            {QStringLiteral("technical_indicators"),
             orNull(latestIndicators->value_or(QJsonObject())
                        .value(QStringLiteral("technical_indicators")))},
            {QStringLiteral("sentiment_score"),
             orNull(marketSentiment->value_or(QJsonObject())
                        .value(QStringLiteral("composite_sentiment")))},
            {QStringLiteral("sector_correlation"), optionalNumber(*correlationResult)},
            {QStringLiteral("latest_signal"),
             signalRow.isEmpty() ? QJsonValue() : QJsonValue(signalRow)},
            {QStringLiteral("latest_suggestion"),
             suggestionRow.isEmpty() ? QJsonValue() : QJsonValue(suggestionRow)}});
    result.insert(QStringLiteral("performance_metrics"), performance);
    result.insert(QStringLiteral("recommendation"), recommendation);
    return std::optional<QJsonObject>(result);
}

} // namespace cp::models
