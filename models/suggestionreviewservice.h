#pragma once

#include "changeevent.h"

#include <engine/result.h>

#include <QList>
#include <QSqlDatabase>

#include <optional>
#include <vector>

namespace cp::models {

/** An admin's verdict on an AI suggestion (suggestion_reviews.decision). */
enum class ReviewDecision { Approve, Reject, Defer };

QString reviewDecisionName(ReviewDecision decision);
std::optional<ReviewDecision> reviewDecisionFromName(const QString &name);

/** What a review changed. */
struct ReviewOutcome
{
    int suggestionId = 0;
    int reviewId = 0;
    //! pending (deferred), approved or rejected.
    QString status;
    //! The asset's tier after an approval ("tier1", "tier2" or "none"); empty otherwise.
    QString appliedTier;
};

/**
 * Reviews AI suggestions for the desktop and the REST API with the same code: in one transaction
 * the suggestion moves out of `pending` only if it still is (so two admins, or the API and the
 * desktop, can never both apply it), the review is recorded, an approval applies the watchlist
 * change within the tier limits, and the admin's activity is logged.
 */
class SuggestionReviewService
{
public:
    explicit SuggestionReviewService(QSqlDatabase db);

    //! `targetTier` overrides the tier an add/promote approval places the asset in.
    Result<ReviewOutcome> review(int suggestionId, int reviewerId, ReviewDecision decision,
                                 const QString &notes,
                                 const std::optional<QString> &targetTier = std::nullopt);
    //! Several suggestions, all or nothing.
    Result<std::vector<ReviewOutcome>> reviewAll(const QList<int> &suggestionIds, int reviewerId,
                                                 ReviewDecision decision, const QString &notes);

    const std::vector<ChangeEvent> &changes() const { return m_changes; }

private:
    Result<ReviewOutcome> reviewInTransaction(int suggestionId, int reviewerId,
                                              ReviewDecision decision, const QString &notes,
                                              const std::optional<QString> &targetTier);

    QSqlDatabase m_db;
    std::vector<ChangeEvent> m_changes;
};

} // namespace cp::models
