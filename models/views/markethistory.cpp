#include "markethistory.h"

#include <models/connection.h>
#include <models/sqltimestamp.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace cp::models::views {

namespace {

Result<MarketHistory> failure(const QSqlQuery &query)
{
    return Result<MarketHistory>::failure(
        QStringLiteral("Could not read the market history: %1").arg(query.lastError().text()));
}

QString dailyMarketSql(Dialect dialect)
{
    // Hourly histories hold 24 rows a day; one sample a day (midnight UTC) is enough for a
    // chart of months and keeps the sums comparable across days.
    const QString midnight = dialect == Dialect::SQLite
                                 ? QStringLiteral("substr(p.timestamp, 12, 8) = '00:00:00'")
                                 : QStringLiteral("p.timestamp = date_trunc('day', p.timestamp)");
    return QStringLiteral("SELECT p.timestamp, SUM(p.market_cap),"
                          " SUM(CASE WHEN c.symbol = 'BTC' THEN p.market_cap ELSE 0 END),"
                          " SUM(CASE WHEN c.symbol = 'ETH' THEN p.market_cap ELSE 0 END),"
                          " SUM(CASE WHEN s.name = 'Stablecoins' THEN p.market_cap ELSE 0 END)"
                          " FROM price_data p JOIN cryptocurrencies c ON c.id = p.crypto_id"
                          " LEFT JOIN crypto_sectors s ON s.id = c.sector_id"
                          " WHERE p.market_cap IS NOT NULL AND ") +
           midnight + QStringLiteral(" GROUP BY p.timestamp ORDER BY p.timestamp");
}

qint64 msecsOf(const QJsonValue &value)
{
    return SqlTimestamp::toDateTime(value.toString()).toMSecsSinceEpoch();
}

} // namespace

void applyRegimeIndicators(std::vector<RegimePeriod> &periods, const QJsonObject &indicators,
                           qint64 newestAnalysisMsecs)
{
    const QJsonArray explicitPeriods = indicators.value(QStringLiteral("regime_periods")).toArray();
    if (!explicitPeriods.isEmpty()) {
        periods.clear();
        for (const QJsonValue &value : explicitPeriods) {
            const QJsonObject p = value.toObject();
            periods.push_back({msecsOf(p.value(QStringLiteral("start"))),
                               msecsOf(p.value(QStringLiteral("end"))),
                               p.value(QStringLiteral("regime")).toString()});
        }
        return;
    }
    const int days = indicators.value(QStringLiteral("days_in_regime")).toInt();
    if (periods.empty() || days <= 0)
        return;
    // The newest period began `days` days before its analysis at the latest.
    RegimePeriod &last = periods.back();
    const qint64 start =
        std::min(last.startMsecs, newestAnalysisMsecs - qint64(days) * 86400 * 1000);
    last.startMsecs = start;
    while (periods.size() > 1 && periods[periods.size() - 2].startMsecs >= start)
        periods.erase(periods.end() - 2);
    if (periods.size() > 1)
        periods[periods.size() - 2].endMsecs =
            std::min(periods[periods.size() - 2].endMsecs, start);
}

std::vector<RegimePeriod> regimePeriods(const std::vector<std::pair<qint64, QString>> &analyses,
                                        qint64 endMsecs)
{
    std::vector<RegimePeriod> periods;
    for (const auto &[time, regime] : analyses) {
        if (!periods.empty()) {
            if (periods.back().regime == regime)
                continue;
            periods.back().endMsecs = time;
        }
        periods.push_back({time, time, regime});
    }
    if (!periods.empty())
        periods.back().endMsecs = std::max(endMsecs, periods.back().startMsecs);
    return periods;
}

Result<MarketHistory> loadMarketHistory(QSqlDatabase db)
{
    MarketHistory history;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(dailyMarketSql(dialectOf(db))))
        return failure(query);
    while (query.next()) {
        MarketDay day;
        day.msecsSinceEpoch = SqlTimestamp::toDateTime(query.value(0)).toMSecsSinceEpoch();
        day.totalMarketCap = query.value(1).toDouble();
        if (day.totalMarketCap > 0) {
            day.btcDominance = 100.0 * query.value(2).toDouble() / day.totalMarketCap;
            day.ethDominance = 100.0 * query.value(3).toDouble() / day.totalMarketCap;
            day.stablecoinDominance = 100.0 * query.value(4).toDouble() / day.totalMarketCap;
            day.altDominance = std::max(0.0, 100.0 - day.btcDominance - day.ethDominance -
                                                 day.stablecoinDominance);
        }
        history.days.push_back(day);
    }
    query.finish();
    if (!query.exec(QStringLiteral("SELECT analysis_time, market_regime, macro_indicators"
                                   " FROM market_regime_analysis ORDER BY analysis_time, id")))
        return failure(query);
    std::vector<std::pair<qint64, QString>> analyses;
    QJsonObject newestIndicators;
    while (query.next()) {
        analyses.emplace_back(SqlTimestamp::toDateTime(query.value(0)).toMSecsSinceEpoch(),
                              query.value(1).toString());
        newestIndicators = QJsonDocument::fromJson(query.value(2).toString().toUtf8()).object();
    }
    const qint64 end = history.days.empty() ? 0 : history.days.back().msecsSinceEpoch;
    history.regimes = regimePeriods(analyses, end);
    if (!analyses.empty())
        applyRegimeIndicators(history.regimes, newestIndicators, analyses.back().first);
    return history;
}

} // namespace cp::models::views
