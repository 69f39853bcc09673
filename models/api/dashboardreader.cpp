#include "dashboardreader.h"

#include "jsonrowmapper.h"
#include "marketreader.h"
#include "pricelookup.h"
#include "signalreader.h"

#include <models/sqltimestamp.h>

#include <QSqlError>
#include <QSqlQuery>

namespace cp::models {

namespace {

Result<qint64> count(QSqlDatabase db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : binds)
        query.addBindValue(value);
    if (const Status s = execQuery(query, QStringLiteral("counts")); !s)
        return Result<qint64>::failure(s.error());
    return query.next() ? query.value(0).toLongLong() : 0;
}

QString now()
{
    return SqlTimestamp::fromDateTime(QDateTime::currentDateTimeUtc());
}

QJsonValue field(const std::optional<QJsonObject> &row, const QString &name)
{
    if (!row)
        return QJsonValue::Null;
    const QJsonValue value = row->value(name);
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

} // namespace

DashboardReader::DashboardReader(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<std::optional<QJsonObject>> DashboardReader::dashboard(int userId) const
{
    using R = Result<std::optional<QJsonObject>>;
    static const JsonRowMapper profile{{QStringLiteral("id"), JsonKind::Int},
                                       {QStringLiteral("email"), JsonKind::Text},
                                       {QStringLiteral("first_name"), JsonKind::Text},
                                       {QStringLiteral("last_name"), JsonKind::Text},
                                       {QStringLiteral("role"), JsonKind::Text},
                                       {QStringLiteral("preferences"), JsonKind::Json},
                                       {QStringLiteral("last_login"), JsonKind::Timestamp}};
    const auto user = selectRow(m_db, profile, QStringLiteral("FROM users WHERE id = ?"), {userId},
                                QStringLiteral("the user"));
    if (!user || !user->has_value())
        return user;

    // Open positions: executions not cancelled, valued at the newest close.
    QSqlQuery positions(m_db);
    positions.setForwardOnly(true);
    positions.prepare(QStringLiteral(
        "SELECT e.position_size, COALESCE(e.execution_price, t.entry_price), t.signal_type,"
        " t.crypto_id FROM signal_executions e JOIN trading_signals t ON t.id = e.signal_id"
        " WHERE e.user_id = ? AND e.status <> 'cancelled'"));
    positions.addBindValue(userId);
    if (const Status s = execQuery(positions, QStringLiteral("positions")); !s)
        return R::failure(s.error());
    // Read them all first: on PostgreSQL a forward-only result is lost when the same connection
    // runs another query before it is drained.
    struct Position
    {
        double size, entry;
        bool isLong;
        int cryptoId;
    };
    std::vector<Position> held;
    while (positions.next())
        held.push_back({positions.value(0).toDouble(), positions.value(1).toDouble(),
                        positions.value(2).toString() == QLatin1String("long"),
                        positions.value(3).toInt()});
    PriceLookup prices(m_db);
    double invested = 0.0, value = 0.0, valueDayAgo = 0.0;
    int open = 0;
    for (const Position &p : held) {
        const auto newest = prices.latest(p.cryptoId);
        if (!newest)
            return R::failure(newest.error());
        if (p.entry <= 0.0 || !newest->has_value())
            continue;
        const auto before = prices.atOrBefore(p.cryptoId, (*newest)->time.addSecs(-86400));
        if (!before)
            return R::failure(before.error());
        const double priceNow = (*newest)->close;
        const double priceBefore = before->has_value() ? (*before)->close : p.entry;
        // A short gains what a long loses.
        const auto worth = [&](double price) {
            const double move = (price - p.entry) / p.entry;
            return p.size * (1.0 + (p.isLong ? move : -move));
        };
        ++open;
        invested += p.size;
        value += worth(priceNow);
        valueDayAgo += worth(priceBefore);
    }
    const double dailyPnl = value - valueDayAgo;
    const QJsonObject portfolio{
        {QStringLiteral("total_value"), value},
        {QStringLiteral("invested"), invested},
        {QStringLiteral("daily_pnl"), dailyPnl},
        {QStringLiteral("daily_pnl_percentage"),
         valueDayAgo > 0.0 ? QJsonValue(dailyPnl / valueDayAgo * 100.0) : QJsonValue(0.0)},
        {QStringLiteral("open_positions"), open}};

    QSqlQuery models(m_db);
    models.setForwardOnly(true);
    if (!models.exec(QStringLiteral("SELECT status, COUNT(*), MAX(last_trained) FROM ai_models"
                                    " GROUP BY status")))
        return R::failure(models.lastError().text());
    int active = 0, errors = 0, total = 0;
    while (models.next()) {
        const QString status = models.value(0).toString();
        const int n = models.value(1).toInt();
        total += n;
        active += status == QLatin1String("active") ? n : 0;
        errors += status == QLatin1String("error") ? n : 0;
    }
    MarketReader market(m_db);
    const auto regime = market.marketRegime();
    const auto sentiment = market.sentiment();
    if (!regime || !sentiment)
        return R::failure(!regime ? regime.error() : sentiment.error());
    const Result<qint64> signals =
        count(m_db,
              QStringLiteral("SELECT COUNT(*) FROM trading_signals WHERE status = 'active' AND"
                             " expires_at > ?"),
              {now()});
    const Result<qint64> unread =
        count(m_db,
              QStringLiteral(
                  "SELECT COUNT(*) FROM notifications WHERE user_id = ? AND status = 'unread'"),
              {userId});
    if (!signals || !unread)
        return R::failure(!signals ? signals.error() : unread.error());
    return std::optional<QJsonObject>(QJsonObject{
        {QStringLiteral("user_profile"), **user},
        {QStringLiteral("portfolio_summary"), portfolio},
        {QStringLiteral("ai_status"),
         QJsonObject{
             {QStringLiteral("all_online"), total > 0 && errors == 0},
             {QStringLiteral("active_models"), active},
             {QStringLiteral("error_models"), errors},
             {QStringLiteral("last_analysis"), field(*regime, QStringLiteral("last_updated"))}}},
        {QStringLiteral("market_overview"),
         QJsonObject{
             {QStringLiteral("regime"), field(*regime, QStringLiteral("regime"))},
             {QStringLiteral("regime_confidence"), field(*regime, QStringLiteral("confidence"))},
             {QStringLiteral("sentiment"),
              field(*sentiment, QStringLiteral("composite_sentiment"))},
             {QStringLiteral("fear_greed_index"),
              field(*sentiment, QStringLiteral("fear_greed_index"))}}},
        {QStringLiteral("active_signals"), *signals},
        {QStringLiteral("notifications"), *unread}});
}

Result<QJsonObject> DashboardReader::quickStats() const
{
    using R = Result<QJsonObject>;
    MarketReader market(m_db);
    const auto regime = market.marketRegime();
    const auto sentiment = market.sentiment();
    const auto dominance = market.dominance();
    if (!regime || !sentiment || !dominance)
        return R::failure(!regime      ? regime.error()
                          : !sentiment ? sentiment.error()
                                       : dominance.error());
    const Result<qint64> signals =
        count(m_db,
              QStringLiteral("SELECT COUNT(*) FROM trading_signals WHERE status = 'active' AND"
                             " expires_at > ?"),
              {now()});
    const Result<qint64> pending = count(
        m_db, QStringLiteral("SELECT COUNT(*) FROM ai_suggestions WHERE status = 'pending'"), {});
    if (!signals || !pending)
        return R::failure(!signals ? signals.error() : pending.error());
    static const JsonRowMapper top{
        {QStringLiteral("name"), JsonKind::Text, QStringLiteral("s.name")},
        {QStringLiteral("performance_24h"), JsonKind::Number, QStringLiteral("p.performance_24h")},
        {QStringLiteral("momentum_score"), JsonKind::Number, QStringLiteral("p.momentum_score")}};
    const auto topSector = selectRow(
        m_db, top,
        QStringLiteral("FROM sector_performance p JOIN crypto_sectors s ON s.id = p.sector_id"
                       " WHERE p.analysis_time = (SELECT MAX(analysis_time) FROM"
                       " sector_performance) ORDER BY p.momentum_score DESC, p.id LIMIT 1"),
        {}, QStringLiteral("sectors"));
    if (!topSector)
        return R::failure(topSector.error());
    return QJsonObject{
        {QStringLiteral("regime"), field(*regime, QStringLiteral("regime"))},
        {QStringLiteral("regime_confidence"), field(*regime, QStringLiteral("confidence"))},
        {QStringLiteral("fear_greed_index"), field(*sentiment, QStringLiteral("fear_greed_index"))},
        {QStringLiteral("btc_dominance"), field(*dominance, QStringLiteral("btc_dominance"))},
        {QStringLiteral("total_market_cap"), field(*dominance, QStringLiteral("total_market_cap"))},
        {QStringLiteral("active_signals"), *signals},
        {QStringLiteral("pending_suggestions"), *pending},
        {QStringLiteral("top_sector"),
         topSector->has_value() ? QJsonValue(**topSector) : QJsonValue()},
        {QStringLiteral("last_updated"), field(*regime, QStringLiteral("last_updated"))}};
}

Result<QJsonArray> DashboardReader::signalCards(int limit) const
{
    const Result<QJsonArray> signals =
        SignalReader(m_db).signalList(QStringLiteral("active"), limit, 0.0);
    if (!signals)
        return signals;
    QSqlQuery factors(m_db);
    factors.setForwardOnly(true);
    factors.prepare(QStringLiteral("SELECT ai_analysis FROM trading_signals WHERE id = ?"));
    QJsonArray cards;
    for (const QJsonValue &value : *signals) {
        const QJsonObject s = value.toObject();
        factors.addBindValue(s.value(QStringLiteral("id")).toInt());
        if (const Status st = execQuery(factors, QStringLiteral("signals")); !st)
            return Result<QJsonArray>::failure(st.error());
        const QJsonArray keyFactors = factors.next()
                                          ? JsonRowMapper::convert(factors.value(0), JsonKind::Json)
                                                .toObject()
                                                .value(QStringLiteral("key_factors"))
                                                .toArray()
                                          : QJsonArray();
        factors.finish();
        const double confidence = s.value(QStringLiteral("confidence_score")).toDouble();
        cards.append(QJsonObject{
            {QStringLiteral("id"), s.value(QStringLiteral("id"))},
            {QStringLiteral("crypto_id"), s.value(QStringLiteral("crypto_id"))},
            {QStringLiteral("symbol"), s.value(QStringLiteral("symbol"))},
            {QStringLiteral("signal_type"), s.value(QStringLiteral("signal_type"))},
            {QStringLiteral("headline"), QStringLiteral("%1 %2 · %3%")
                                             .arg(s.value(QStringLiteral("symbol")).toString(),
                                                  s.value(QStringLiteral("signal_type")).toString())
                                             .arg(qRound(confidence * 100))},
            {QStringLiteral("confidence_score"), confidence},
            {QStringLiteral("entry_price"), s.value(QStringLiteral("entry_price"))},
            {QStringLiteral("target_price"), s.value(QStringLiteral("target_price"))},
            {QStringLiteral("stop_loss"), s.value(QStringLiteral("stop_loss"))},
            {QStringLiteral("risk_level"), s.value(QStringLiteral("risk_level"))},
            {QStringLiteral("expires_at"), s.value(QStringLiteral("expires_at"))},
            {QStringLiteral("key_factor"),
             keyFactors.isEmpty() ? QJsonValue() : keyFactors.first()}});
    }
    return cards;
}

Result<QJsonArray> DashboardReader::notifications(int userId, const QString &status,
                                                  int limit) const
{
    static const JsonRowMapper mapper{{QStringLiteral("id"), JsonKind::Int},
                                      {QStringLiteral("notification_type"), JsonKind::Text},
                                      {QStringLiteral("title"), JsonKind::Text},
                                      {QStringLiteral("message"), JsonKind::Text},
                                      {QStringLiteral("data"), JsonKind::Json},
                                      {QStringLiteral("status"), JsonKind::Text},
                                      {QStringLiteral("priority"), JsonKind::Text},
                                      {QStringLiteral("scheduled_for"), JsonKind::Timestamp},
                                      {QStringLiteral("sent_at"), JsonKind::Timestamp},
                                      {QStringLiteral("read_at"), JsonKind::Timestamp},
                                      {QStringLiteral("expires_at"), JsonKind::Timestamp},
                                      {QStringLiteral("created_at"), JsonKind::Timestamp}};
    QString where = QStringLiteral("WHERE user_id = ?");
    QVariantList binds{userId};
    if (status != QLatin1String("all")) {
        where += QStringLiteral(" AND status = ?");
        binds.append(status);
    }
    binds.append(limit);
    return selectRows(m_db, mapper,
                      QStringLiteral("FROM notifications %1 ORDER BY created_at DESC, id DESC"
                                     " LIMIT ?")
                          .arg(where),
                      binds, QStringLiteral("notifications"));
}

Result<int> DashboardReader::ownerOf(const QString &table, qint64 id) const
{
    if (table != QLatin1String("notifications") && table != QLatin1String("signal_executions"))
        return Result<int>::failure(QStringLiteral("%1 rows have no owner.").arg(table));
    const Result<qint64> owner =
        count(m_db, QStringLiteral("SELECT user_id FROM %1 WHERE id = ?").arg(table), {id});
    if (!owner)
        return Result<int>::failure(owner.error());
    return int(*owner);
}

} // namespace cp::models
