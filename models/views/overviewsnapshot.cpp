#include "overviewsnapshot.h"

#include <models/sqltimestamp.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace cp::models::views {

namespace {

QStringList stringList(const QVariant &json)
{
    QStringList list;
    const QJsonArray array = QJsonDocument::fromJson(json.toString().toUtf8()).array();
    for (const QJsonValue &value : array) {
        if (value.isString())
            list.append(value.toString());
        else if (value.isObject())
            list.append(value.toObject().value(QStringLiteral("name")).toString());
    }
    return list;
}

/** Runs the snapshot's queries and remembers the first failure. */
class Reader
{
public:
    explicit Reader(QSqlDatabase db)
        : m_db(std::move(db))
    {
    }

    //! Runs `sql`; `row` is called for each row. False after any failure.
    template<typename Row>
    bool each(const QString &sql, Row row)
    {
        if (!m_error.isEmpty())
            return false;
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.exec(sql)) {
            m_error = QStringLiteral("Could not read the market overview: %1")
                          .arg(query.lastError().text());
            return false;
        }
        while (query.next())
            row(query);
        return true;
    }

    const QString &error() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};

void newest(QDateTime &current, const QVariant &value)
{
    const QDateTime time = SqlTimestamp::toDateTime(value);
    if (time.isValid() && (!current.isValid() || time > current))
        current = time;
}

} // namespace

Result<OverviewSnapshot> loadOverviewSnapshot(QSqlDatabase db)
{
    OverviewSnapshot s;
    Reader reader(db);
    reader.each(QStringLiteral("SELECT analysis_time, market_regime, confidence_score, risk_level,"
                               " trend_strength, recommended_exposure, regime_drivers"
                               " FROM market_regime_analysis ORDER BY analysis_time DESC, id DESC"
                               " LIMIT 1"),
                [&](const QSqlQuery &q) {
                    RegimeReading r;
                    r.analysisTime = SqlTimestamp::toDateTime(q.value(0));
                    r.regime = q.value(1).toString();
                    r.confidence = q.value(2).toDouble();
                    r.riskLevel = q.value(3).toString();
                    r.trendStrength = q.value(4).toDouble();
                    r.recommendedExposure = q.value(5).toDouble();
                    r.drivers = stringList(q.value(6));
                    newest(s.lastAnalysis, q.value(0));
                    s.regime = r;
                });
    reader.each(QStringLiteral("SELECT timestamp, fear_greed_index, composite_sentiment"
                               " FROM market_sentiment_data ORDER BY timestamp DESC, id DESC"
                               " LIMIT 1"),
                [&](const QSqlQuery &q) {
                    if (!q.value(1).isNull())
                        s.fearGreedIndex = q.value(1).toDouble();
                    if (!q.value(2).isNull())
                        s.compositeSentiment = q.value(2).toDouble();
                });
    reader.each(QStringLiteral("SELECT timestamp, btc_dominance, eth_dominance, alt_dominance,"
                               " stablecoin_dominance, total_market_cap, total_volume"
                               " FROM dominance_data ORDER BY timestamp DESC, id DESC LIMIT 1"),
                [&](const QSqlQuery &q) {
                    DominanceReading d;
                    d.timestamp = SqlTimestamp::toDateTime(q.value(0));
                    d.btc = q.value(1).toDouble();
                    d.eth = q.value(2).toDouble();
                    d.alt = q.value(3).toDouble();
                    d.stablecoin = q.value(4).toDouble();
                    d.totalMarketCap = q.value(5).toDouble();
                    d.totalVolume = q.value(6).toDouble();
                    s.dominance = d;
                });
    reader.each(QStringLiteral(
                    "SELECT cs.name, sp.performance_24h, sp.performance_7d, sp.momentum_score,"
                    " sp.analysis_time FROM sector_performance sp"
                    " JOIN crypto_sectors cs ON cs.id = sp.sector_id"
                    " WHERE sp.analysis_time = (SELECT MAX(analysis_time) FROM sector_performance)"
                    " ORDER BY sp.momentum_score DESC, cs.name"),
                [&](const QSqlQuery &q) {
                    s.sectors.push_back({q.value(0).toString(), q.value(1).toDouble(),
                                         q.value(2).toDouble(), q.value(3).toDouble()});
                    newest(s.lastAnalysis, q.value(4));
                });
    reader.each(QStringLiteral("SELECT rotation_probability, leading_sectors, declining_sectors"
                               " FROM sector_rotation_analysis"
                               " ORDER BY analysis_time DESC, id DESC LIMIT 1"),
                [&](const QSqlQuery &q) {
                    if (!q.value(0).isNull())
                        s.rotationProbability = q.value(0).toDouble();
                    s.leadingSectors = stringList(q.value(1));
                    s.decliningSectors = stringList(q.value(2));
                });
    reader.each(QStringLiteral("SELECT watchlist_tier, COUNT(*) FROM cryptocurrencies"
                               " WHERE is_active = TRUE AND watchlist_tier <> 'none'"
                               " GROUP BY watchlist_tier"),
                [&](const QSqlQuery &q) {
                    (q.value(0).toString() == QLatin1String("tier1") ? s.tier1Assets
                                                                     : s.tier2Assets) =
                        q.value(1).toInt();
                });
    reader.each(QStringLiteral("SELECT COUNT(*), AVG(confidence_score), MAX(suggested_at)"
                               " FROM ai_suggestions WHERE status = 'pending'"),
                [&](const QSqlQuery &q) {
                    s.pendingSuggestions = q.value(0).toInt();
                    s.meanSuggestionConfidence = q.value(1).toDouble();
                });
    reader.each(QStringLiteral("SELECT COUNT(*), AVG(confidence_score), MAX(generated_at)"
                               " FROM trading_signals WHERE status = 'active'"),
                [&](const QSqlQuery &q) {
                    s.activeSignals = q.value(0).toInt();
                    s.meanSignalConfidence = q.value(1).toDouble();
                    newest(s.lastAnalysis, q.value(2));
                });
    if (!reader.error().isEmpty())
        return Result<OverviewSnapshot>::failure(reader.error());
    return s;
}

Result<QDateTime> loadLastAnalysisTime(QSqlDatabase db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT MAX(analysis_time) FROM market_regime_analysis")) ||
        !query.next())
        return Result<QDateTime>::failure(
            QStringLiteral("Could not read the last analysis time: %1")
                .arg(query.lastError().text()));
    return SqlTimestamp::toDateTime(query.value(0));
}

} // namespace cp::models::views
