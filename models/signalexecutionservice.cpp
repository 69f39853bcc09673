#include "signalexecutionservice.h"

#include "rowinserter.h"
#include "serviceerror.h"
#include "sqltimestamp.h"
#include "sqltransaction.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace cp::models {

namespace {

int code(ServiceError error)
{
    return static_cast<int>(error);
}

QString money(double value)
{
    return QLocale::c().toString(value, 'f', 2);
}

QString percent(double fraction)
{
    return QLocale::c().toString(fraction * 100.0, 'f', 2) + QLatin1Char('%');
}

} // namespace

double RiskLimits::portfolioRisk(double portfolioPercentage, double entry, double stop)
{
    if (entry <= 0)
        return 0.0;
    return portfolioPercentage / 100.0 * std::abs(entry - stop) / entry;
}

double RiskLimits::maxPortfolioPercentage(double entry, double stop) const
{
    const double distance = entry > 0 ? std::abs(entry - stop) / entry : 0.0;
    if (distance <= 0)
        return 100.0;
    return std::min(100.0, maxPortfolioRisk / distance * 100.0);
}

SignalExecutionService::SignalExecutionService(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<RiskLimits> SignalExecutionService::limitsFor(int userId) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "SELECT max_position_size, max_portfolio_risk FROM risk_management WHERE user_id = ?"));
    query.addBindValue(userId);
    if (!query.exec())
        return Result<RiskLimits>::failure(query.lastError().text(), code(ServiceError::Database));
    RiskLimits limits;
    if (query.next()) {
        if (!query.value(0).isNull())
            limits.maxPositionSize = query.value(0).toDouble();
        if (!query.value(1).isNull())
            limits.maxPortfolioRisk = query.value(1).toDouble();
    }
    return limits;
}

Result<int> SignalExecutionService::execute(const ExecutionRequest &request)
{
    using R = Result<int>;
    m_changes.clear();
    if (!request.riskConfirmed)
        return R::failure(QStringLiteral("risk_confirmation: confirm that you accept the risk of "
                                         "this position."),
                          code(ServiceError::Invalid));
    if (!(request.positionSize > 0) || !std::isfinite(request.positionSize))
        return R::failure(QStringLiteral("position_size must be a positive number."),
                          code(ServiceError::Invalid));
    if (!(request.portfolioPercentage > 0) || request.portfolioPercentage > 100)
        return R::failure(QStringLiteral("portfolio_percentage must be above 0 and at most 100."),
                          code(ServiceError::Invalid));
    if (request.executionType != QLatin1String("manual") &&
        request.executionType != QLatin1String("automatic"))
        return R::failure(QStringLiteral("execution_type must be manual or automatic."),
                          code(ServiceError::Invalid));

    SqlTransaction transaction(m_db);
    if (!transaction.isActive())
        return R::failure(transaction.error(), code(ServiceError::Database));
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "SELECT s.status, s.expires_at, s.entry_price, s.stop_loss, c.symbol, s.signal_type"
        " FROM trading_signals s JOIN cryptocurrencies c ON c.id = s.crypto_id WHERE s.id = ?"));
    query.addBindValue(request.signalId);
    if (!query.exec())
        return R::failure(query.lastError().text(), code(ServiceError::Database));
    if (!query.next())
        return R::failure(QStringLiteral("There is no signal with id %1.").arg(request.signalId),
                          code(ServiceError::NotFound));
    const QString status = query.value(0).toString();
    const QDateTime expires = SqlTimestamp::toDateTime(query.value(1));
    const double entry = query.value(2).toDouble();
    const double stop = query.value(3).toDouble();
    const QString symbol = query.value(4).toString();
    if (status != QLatin1String("active"))
        return R::failure(QStringLiteral("Signal %1 (%2) is %3 and can no longer be executed.")
                              .arg(request.signalId)
                              .arg(symbol, status),
                          code(ServiceError::Conflict));
    if (expires.isValid() && expires < QDateTime::currentDateTimeUtc())
        return R::failure(QStringLiteral("Signal %1 (%2) expired at %3.")
                              .arg(request.signalId)
                              .arg(symbol, expires.toString(Qt::ISODate)),
                          code(ServiceError::Conflict));

    const Result<RiskLimits> limits = limitsFor(request.userId);
    if (!limits)
        return R::failure(limits.error(), limits.errorCode());
    if (request.positionSize > limits->maxPositionSize)
        return R::failure(
            QStringLiteral("A position of %1 exceeds your maximum position size of %2.")
                .arg(money(request.positionSize), money(limits->maxPositionSize)),
            code(ServiceError::LimitExceeded));
    const double risk = RiskLimits::portfolioRisk(request.portfolioPercentage, entry, stop);
    if (risk > limits->maxPortfolioRisk + 1e-12)
        return R::failure(QStringLiteral("This position risks %1 of your portfolio (%2 of it with "
                                         "the stop %3 away); your limit is %4.")
                              .arg(percent(risk), percent(request.portfolioPercentage / 100.0),
                                   percent(std::abs(entry - stop) / entry),
                                   percent(limits->maxPortfolioRisk)),
                          code(ServiceError::LimitExceeded));

    const QString now = SqlTimestamp::fromDateTime(QDateTime::currentDateTimeUtc());
    RowInserter executions(m_db, QStringLiteral("signal_executions"));
    const Result<qint64> id = executions.insert(
        {{"signal_id", request.signalId},
         {"user_id", request.userId},
         {"execution_price", entry},
         {"position_size", request.positionSize},
         {"portfolio_percentage", request.portfolioPercentage},
         {"execution_type", request.executionType},
         {"status", QStringLiteral("filled")},
         {"execution_details",
          jsonValue(QJsonObject{{QStringLiteral("portfolio_risk"), risk},
                                {QStringLiteral("max_portfolio_risk"), limits->maxPortfolioRisk},
                                {QStringLiteral("stop_loss"), stop},
                                {QStringLiteral("risk_confirmed"), true}})},
         {"executed_at", now}});
    if (!id) {
        const bool missingUser = id.error().contains(QLatin1String("FOREIGN KEY")) ||
                                 id.error().contains(QLatin1String("foreign key"));
        return R::failure(missingUser
                              ? QStringLiteral("There is no user with id %1.").arg(request.userId)
                              : id.error(),
                          code(missingUser ? ServiceError::NotFound : ServiceError::Database));
    }
    m_changes.push_back({QStringLiteral("signal_executions"), *id, QStringLiteral("insert")});
    RowInserter activities(m_db, QStringLiteral("user_activities"));
    const Result<qint64> activity = activities.insert(
        {{"user_id", request.userId},
         {"activity_type", QStringLiteral("execute_trade")},
         {"activity_data",
          jsonValue(QJsonObject{{QStringLiteral("signal_id"), request.signalId},
                                {QStringLiteral("symbol"), symbol},
                                {QStringLiteral("position_size"), request.positionSize}})},
         {"activity_time", now}});
    if (!activity)
        return R::failure(activity.error(), code(ServiceError::Database));
    m_changes.push_back({QStringLiteral("user_activities"), *activity, QStringLiteral("insert")});
    if (const Status s = transaction.commit(); !s)
        return R::failure(s.error(), code(ServiceError::Database));
    return static_cast<int>(*id);
}

} // namespace cp::models
