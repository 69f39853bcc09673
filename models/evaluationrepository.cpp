#include "evaluationrepository.h"

#include "connection.h"
#include "rowinserter.h"
#include "sqltimestamp.h"
#include "sqltransaction.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace cp::models {

namespace {

QString epochOf(const QSqlDatabase &db, const QString &column)
{
    return dialectOf(db) == Dialect::PostgreSQL
               ? QStringLiteral("CAST(EXTRACT(EPOCH FROM %1) AS BIGINT)").arg(column)
               : QStringLiteral("CAST(strftime('%s', %1) AS INTEGER)").arg(column);
}

template<typename T>
Result<T> readFailure(const QSqlQuery &query)
{
    return Result<T>::failure(
        QStringLiteral("Could not read what is due: %1").arg(query.lastError().text()));
}

} // namespace

EvaluationRepository::EvaluationRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<std::vector<DuePrediction>> EvaluationRepository::duePredictions() const
{
    using R = Result<std::vector<DuePrediction>>;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // The first bar at or after the target time gives the actual price; a prediction whose
    // target lies beyond the data stays open.
    if (!query.exec(QStringLiteral(
                        "SELECT p.id, p.crypto_id, p.predicted_price, p.accuracy_threshold,"
                        " (SELECT d.close_price FROM price_data d WHERE d.crypto_id = p.crypto_id"
                        "  AND d.timestamp >= p.target_datetime ORDER BY d.timestamp LIMIT 1)"
                        " FROM predictions_enhanced p WHERE p.is_realized = %1")
                        .arg(dialectOf(m_db) == Dialect::PostgreSQL ? QStringLiteral("false")
                                                                    : QStringLiteral("0")))) {
        return readFailure<std::vector<DuePrediction>>(query);
    }
    std::vector<DuePrediction> due;
    while (query.next()) {
        if (query.value(4).isNull())
            continue;
        DuePrediction p;
        p.id = query.value(0).toLongLong();
        p.cryptoId = query.value(1).toInt();
        p.predictedPrice = query.value(2).toDouble();
        p.accuracyThreshold = query.value(3).isNull() ? 5.0 : query.value(3).toDouble();
        p.actualPrice = query.value(4).toDouble();
        due.push_back(p);
    }
    return R(std::move(due));
}

Result<std::vector<OpenSignal>> EvaluationRepository::openSignals() const
{
    using R = Result<std::vector<OpenSignal>>;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, crypto_id, signal_type, entry_price, target_price,"
                                   " stop_loss, %1, %2, ai_analysis FROM trading_signals"
                                   " WHERE status = 'active'")
                        .arg(epochOf(m_db, QStringLiteral("generated_at")),
                             epochOf(m_db, QStringLiteral("expires_at"))))) {
        return readFailure<std::vector<OpenSignal>>(query);
    }
    std::vector<OpenSignal> signals;
    while (query.next()) {
        OpenSignal s;
        s.id = query.value(0).toLongLong();
        s.cryptoId = query.value(1).toInt();
        s.isLong = query.value(2).toString() == QLatin1String("long");
        s.entry = query.value(3).toDouble();
        s.target = query.value(4).toDouble();
        s.stop = query.value(5).toDouble();
        s.generatedAt = query.value(6).toLongLong();
        s.expiresAt = query.value(7).toLongLong();
        s.aiAnalysis = QJsonDocument::fromJson(query.value(8).toString().toUtf8()).object();
        signals.push_back(std::move(s));
    }
    QSqlQuery bars(m_db);
    bars.prepare(QStringLiteral("SELECT %1, open_price, high_price, low_price, close_price, volume"
                                " FROM price_data WHERE crypto_id = ? AND timestamp >= ? AND"
                                " timestamp <= ? ORDER BY timestamp")
                     .arg(epochOf(m_db, QStringLiteral("timestamp"))));
    for (OpenSignal &s : signals) {
        bars.addBindValue(s.cryptoId);
        bars.addBindValue(SqlTimestamp::fromUnixSeconds(s.generatedAt));
        bars.addBindValue(SqlTimestamp::fromUnixSeconds(s.expiresAt));
        if (!bars.exec())
            return readFailure<std::vector<OpenSignal>>(bars);
        while (bars.next()) {
            s.bars.push_back({bars.value(0).toLongLong(), bars.value(1).toDouble(),
                              bars.value(2).toDouble(), bars.value(3).toDouble(),
                              bars.value(4).toDouble(), bars.value(5).toDouble()});
        }
        bars.finish();
    }
    return R(std::move(signals));
}

Result<std::vector<ChangeEvent>>
EvaluationRepository::write(const std::vector<PredictionRealisation> &predictions,
                            const std::vector<SignalClosure> &signals, qint64 nowUnixSeconds)
{
    using R = Result<std::vector<ChangeEvent>>;
    SqlTransaction transaction(m_db);
    if (!transaction.isActive())
        return R::failure(transaction.error());
    std::vector<ChangeEvent> changes;
    QSqlQuery update(m_db);
    update.prepare(
        QStringLiteral("UPDATE predictions_enhanced SET actual_price = ?, accuracy_percentage = ?,"
                       " absolute_error = ?, squared_error = ?, is_realized = ?, is_accurate = ?,"
                       " evaluated_at = ? WHERE id = ? AND is_realized = ?"));
    for (const PredictionRealisation &p : predictions) {
        update.addBindValue(p.actualPrice);
        update.addBindValue(p.accuracyPercentage);
        update.addBindValue(p.absoluteError);
        update.addBindValue(p.squaredError);
        update.addBindValue(true);
        update.addBindValue(p.isAccurate);
        update.addBindValue(timestampValue(nowUnixSeconds));
        update.addBindValue(p.id);
        update.addBindValue(false);
        if (!update.exec())
            return R::failure(QStringLiteral("Could not record a prediction's outcome: %1")
                                  .arg(update.lastError().text()));
        changes.push_back({QStringLiteral("predictions_enhanced"), p.id, QStringLiteral("update")});
    }
    QSqlQuery close(m_db);
    close.prepare(QStringLiteral("UPDATE trading_signals SET status = 'expired', ai_analysis = ?"
                                 " WHERE id = ? AND status = 'active'"));
    for (const SignalClosure &s : signals) {
        close.addBindValue(jsonValue(s.aiAnalysis));
        close.addBindValue(s.id);
        if (!close.exec())
            return R::failure(
                QStringLiteral("Could not close a signal: %1").arg(close.lastError().text()));
        changes.push_back({QStringLiteral("trading_signals"), s.id, QStringLiteral("update")});
    }
    if (const Status s = transaction.commit(); !s)
        return R::failure(s.error());
    return R(std::move(changes));
}

} // namespace cp::models
