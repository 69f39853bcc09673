#include "suggestionreviewservice.h"

#include "appconfig.h"
#include "rowinserter.h"
#include "serviceerror.h"
#include "sqltimestamp.h"
#include "sqltransaction.h"
#include "watchlistservice.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace cp::models {

namespace {

int code(ServiceError error)
{
    return static_cast<int>(error);
}

template<typename T>
Result<T> dbFailure(const QSqlQuery &query)
{
    return Result<T>::failure(
        QStringLiteral("The review could not be saved: %1").arg(query.lastError().text()),
        code(ServiceError::Database));
}

//! The tier an approved suggestion puts its asset in; empty = out of every tier.
QString tierFor(const QString &suggestionType)
{
    if (suggestionType == QLatin1String("add_tier1") || suggestionType == QLatin1String("promote"))
        return QStringLiteral("tier1");
    if (suggestionType == QLatin1String("add_tier2") || suggestionType == QLatin1String("demote"))
        return QStringLiteral("tier2");
    return {};
}

} // namespace

QString reviewDecisionName(ReviewDecision decision)
{
    switch (decision) {
    case ReviewDecision::Approve:
        return QStringLiteral("approve");
    case ReviewDecision::Reject:
        return QStringLiteral("reject");
    case ReviewDecision::Defer:
        break;
    }
    return QStringLiteral("defer");
}

std::optional<ReviewDecision> reviewDecisionFromName(const QString &name)
{
    for (ReviewDecision d :
         {ReviewDecision::Approve, ReviewDecision::Reject, ReviewDecision::Defer}) {
        if (reviewDecisionName(d) == name)
            return d;
    }
    return std::nullopt;
}

SuggestionReviewService::SuggestionReviewService(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<ReviewOutcome> SuggestionReviewService::review(int suggestionId, int reviewerId,
                                                      ReviewDecision decision, const QString &notes,
                                                      const std::optional<QString> &targetTier)
{
    m_changes.clear();
    SqlTransaction transaction(m_db);
    if (!transaction.isActive())
        return Result<ReviewOutcome>::failure(transaction.error(), code(ServiceError::Database));
    Result<ReviewOutcome> outcome =
        reviewInTransaction(suggestionId, reviewerId, decision, notes, targetTier);
    if (!outcome)
        return outcome;
    if (const Status s = transaction.commit(); !s)
        return Result<ReviewOutcome>::failure(s.error(), code(ServiceError::Database));
    return outcome;
}

Result<std::vector<ReviewOutcome>>
SuggestionReviewService::reviewAll(const QList<int> &suggestionIds, int reviewerId,
                                   ReviewDecision decision, const QString &notes)
{
    using Outcomes = std::vector<ReviewOutcome>;
    m_changes.clear();
    if (suggestionIds.isEmpty())
        return Result<Outcomes>::failure(QStringLiteral("No suggestions were selected."),
                                         code(ServiceError::Invalid));
    SqlTransaction transaction(m_db);
    if (!transaction.isActive())
        return Result<Outcomes>::failure(transaction.error(), code(ServiceError::Database));
    Outcomes outcomes;
    for (int id : suggestionIds) {
        const Result<ReviewOutcome> outcome =
            reviewInTransaction(id, reviewerId, decision, notes, std::nullopt);
        if (!outcome)
            return Result<Outcomes>::failure(outcome.error(), outcome.errorCode());
        outcomes.push_back(*outcome);
    }
    if (const Status s = transaction.commit(); !s)
        return Result<Outcomes>::failure(s.error(), code(ServiceError::Database));
    return outcomes;
}

Result<ReviewOutcome>
SuggestionReviewService::reviewInTransaction(int suggestionId, int reviewerId,
                                             ReviewDecision decision, const QString &notes,
                                             const std::optional<QString> &targetTier)
{
    using R = Result<ReviewOutcome>;
    if (targetTier && *targetTier != QLatin1String("tier1") &&
        *targetTier != QLatin1String("tier2"))
        return R::failure(QStringLiteral("target_tier must be tier1 or tier2."),
                          code(ServiceError::Invalid));
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT role FROM users WHERE id = ? AND is_active = ?"));
    query.addBindValue(reviewerId);
    query.addBindValue(true);
    if (!query.exec())
        return dbFailure<ReviewOutcome>(query);
    if (!query.next() || query.value(0).toString() != QLatin1String("admin"))
        return R::failure(QStringLiteral("Only an active admin may review suggestions."),
                          code(ServiceError::Forbidden));

    query.prepare(QStringLiteral(
        "SELECT s.crypto_id, s.suggestion_type, s.status, c.symbol, u.email FROM ai_suggestions s"
        " JOIN cryptocurrencies c ON c.id = s.crypto_id LEFT JOIN users u ON u.id = s.reviewed_by"
        " WHERE s.id = ?"));
    query.addBindValue(suggestionId);
    if (!query.exec())
        return dbFailure<ReviewOutcome>(query);
    if (!query.next())
        return R::failure(QStringLiteral("There is no suggestion with id %1.").arg(suggestionId),
                          code(ServiceError::NotFound));
    const int cryptoId = query.value(0).toInt();
    const QString type = query.value(1).toString();
    const QString status = query.value(2).toString();
    const QString symbol = query.value(3).toString();
    const QString reviewer = query.value(4).toString();
    auto alreadyReviewed = [&](const QString &currentStatus, const QString &by) {
        return R::failure(by.isEmpty() ? QStringLiteral("Suggestion %1 (%2) is already %3.")
                                             .arg(suggestionId)
                                             .arg(symbol, currentStatus)
                                       : QStringLiteral("Suggestion %1 (%2) was already %3 by %4.")
                                             .arg(suggestionId)
                                             .arg(symbol, currentStatus, by),
                          code(ServiceError::Conflict));
    };
    if (status != QLatin1String("pending"))
        return alreadyReviewed(status, reviewer);

    // The status check and the change are one statement: whoever commits first wins, the other
    // finds no pending row and is told so.
    const QString now = SqlTimestamp::fromDateTime(QDateTime::currentDateTimeUtc());
    const QString newStatus = decision == ReviewDecision::Approve  ? QStringLiteral("approved")
                              : decision == ReviewDecision::Reject ? QStringLiteral("rejected")
                                                                   : QStringLiteral("pending");
    query.prepare(QStringLiteral("UPDATE ai_suggestions SET status = ?, reviewed_by = ?,"
                                 " reviewed_at = ? WHERE id = ? AND status = 'pending'"));
    query.addBindValue(newStatus);
    query.addBindValue(reviewerId);
    query.addBindValue(now);
    query.addBindValue(suggestionId);
    if (!query.exec())
        return dbFailure<ReviewOutcome>(query);
    if (query.numRowsAffected() == 0)
        return alreadyReviewed(QStringLiteral("reviewed"), QString());
    m_changes.push_back({QStringLiteral("ai_suggestions"), suggestionId, QStringLiteral("update")});

    ReviewOutcome outcome;
    outcome.suggestionId = suggestionId;
    outcome.status = newStatus;
    if (decision == ReviewDecision::Approve) {
        const Result<AppConfig> config = AppConfig::load(m_db);
        if (!config)
            return R::failure(config.error(), config.errorCode());
        QString tier = tierFor(type);
        if (targetTier && !tier.isEmpty())
            tier = *targetTier;
        WatchlistService watchlists(m_db);
        if (const Status s = watchlists.placeInTierInTransaction(cryptoId, tier, *config); !s)
            return R::failure(s.error(),
                              s.errorCode() ? s.errorCode() : code(ServiceError::Database));
        m_changes.insert(m_changes.end(), watchlists.changes().begin(), watchlists.changes().end());
        outcome.appliedTier = tier.isEmpty() ? QStringLiteral("none") : tier;
    }

    RowInserter reviews(m_db, QStringLiteral("suggestion_reviews"));
    QJsonObject criteria{{QStringLiteral("suggestion_type"), type}};
    if (targetTier)
        criteria.insert(QStringLiteral("target_tier"), *targetTier);
    const Result<qint64> reviewId = reviews.insert({{"suggestion_id", suggestionId},
                                                    {"reviewer_id", reviewerId},
                                                    {"decision", reviewDecisionName(decision)},
                                                    {"review_notes", notes},
                                                    {"review_criteria", jsonValue(criteria)},
                                                    {"reviewed_at", now}});
    if (!reviewId)
        return R::failure(reviewId.error(), code(ServiceError::Database));
    outcome.reviewId = static_cast<int>(*reviewId);
    m_changes.push_back(
        {QStringLiteral("suggestion_reviews"), *reviewId, QStringLiteral("insert")});

    RowInserter activities(m_db, QStringLiteral("user_activities"));
    const Result<qint64> activity = activities.insert(
        {{"user_id", reviewerId},
         {"activity_type", QStringLiteral("review_suggestion")},
         {"activity_data",
          jsonValue(QJsonObject{{QStringLiteral("suggestion_id"), suggestionId},
                                {QStringLiteral("symbol"), symbol},
                                {QStringLiteral("suggestion_type"), type},
                                {QStringLiteral("decision"), reviewDecisionName(decision)}})},
         {"activity_time", now}});
    if (!activity)
        return R::failure(activity.error(), code(ServiceError::Database));
    m_changes.push_back({QStringLiteral("user_activities"), *activity, QStringLiteral("insert")});
    return outcome;
}

} // namespace cp::models
