#include "signalqueries.h"

#include <models/sqltimestamp.h>

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace cp::models::views {

Result<SnapshotTable> loadActiveSignals(QSqlDatabase db)
{
    return readSnapshot(
        db, QStringLiteral(
                "SELECT ts.id, ts.crypto_id, c.symbol, c.name, ts.signal_type, ts.entry_price,"
                " ts.target_price, ts.stop_loss,"
                " CASE WHEN ts.entry_price > 0 THEN"
                "  (CASE WHEN ts.signal_type = 'long' THEN ts.target_price - ts.entry_price"
                "   ELSE ts.entry_price - ts.target_price END) * 100.0 / ts.entry_price"
                " END AS expected_return,"
                " ts.confidence_score, ts.risk_level, ts.risk_reward_ratio,"
                " ts.time_horizon_hours, ts.ai_analysis, ts.market_context, ts.status,"
                " ts.generated_at, ts.expires_at, c.current_price"
                " FROM trading_signals ts JOIN cryptocurrencies c ON c.id = ts.crypto_id"
                " WHERE ts.status = 'active'"
                " ORDER BY ts.confidence_score DESC, ts.id"));
}

Result<SnapshotTable> loadExecutions(QSqlDatabase db, int userId, int limit)
{
    return readSnapshot(
        db,
        QStringLiteral("SELECT e.id, e.signal_id, c.symbol, ts.signal_type, e.execution_price,"
                       " e.position_size, e.portfolio_percentage, e.execution_type, e.status,"
                       " e.executed_at, ts.entry_price, ts.target_price, ts.stop_loss,"
                       " ts.risk_level, ts.status AS signal_status"
                       " FROM signal_executions e JOIN trading_signals ts ON ts.id = e.signal_id"
                       " JOIN cryptocurrencies c ON c.id = ts.crypto_id"
                       " WHERE e.user_id = ? ORDER BY e.executed_at DESC, e.id DESC LIMIT ?"),
        {userId, limit});
}

Result<std::vector<engine::Candle>> loadCandles(QSqlDatabase db, int cryptoId, int maxCandles)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT timestamp, open_price, high_price, low_price, close_price,"
                                 " volume FROM price_data WHERE crypto_id = ?"
                                 " ORDER BY timestamp DESC LIMIT ?"));
    query.addBindValue(cryptoId);
    query.addBindValue(maxCandles);
    if (!query.exec())
        return Result<std::vector<engine::Candle>>::failure(
            QStringLiteral("Could not read the price history: %1").arg(query.lastError().text()));
    std::vector<engine::Candle> candles;
    while (query.next()) {
        engine::Candle c;
        c.time = SqlTimestamp::toDateTime(query.value(0)).toSecsSinceEpoch();
        c.close = query.value(4).toDouble();
        c.open = query.value(1).isNull() ? c.close : query.value(1).toDouble();
        c.high = query.value(2).isNull() ? std::max(c.open, c.close) : query.value(2).toDouble();
        c.low = query.value(3).isNull() ? std::min(c.open, c.close) : query.value(3).toDouble();
        c.volume = query.value(5).toDouble();
        candles.push_back(c);
    }
    std::reverse(candles.begin(), candles.end());
    return candles;
}

} // namespace cp::models::views
