#pragma once

#include <models/signalexecutionservice.h>
#include <models/suggestionreviewservice.h>

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace cp::app {

/**
 * The writes a page can ask for when its data is not in a database it may write: in peer mode
 * they go to the peer's REST API. `done` receives an empty string on success, else one sentence
 * to show (the peer's own message for refusals such as 409 conflicts). Pages without an actions
 * object write through the database services as before.
 */
class ViewActions
{
public:
    using Done = std::function<void(const QString &error)>;

    virtual ~ViewActions() = default;

    //! Reviews suggestions as the signed-in admin; `tier` only for a single approval.
    virtual void review(const QList<int> &suggestionIds, models::ReviewDecision decision,
                        const QString &notes, const std::optional<QString> &tier, Done done) = 0;
    //! Executes a signal for the signed-in user (userId of the request is ignored).
    virtual void execute(const models::ExecutionRequest &request, Done done) = 0;
    virtual void markNotificationRead(qint64 notificationId, Done done) = 0;
    virtual void deleteNotification(qint64 notificationId, Done done) = 0;
};

} // namespace cp::app
