#include "peeractions.h"

#include "peersync.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cp::app {

PeerActions::PeerActions(PeerSync *sync)
    : m_sync(sync)
{
}

void PeerActions::send(const QByteArray &method, const QString &path, const QJsonObject &body,
                       int refetch, Done done)
{
    if (!m_sync) {
        done(QStringLiteral("The connection to the peer is closed."));
        return;
    }
    if (m_sync->state() == PeerSync::State::Reconnecting ||
        m_sync->state() == PeerSync::State::SignInRequired) {
        done(QStringLiteral("The peer is not connected: %1").arg(m_sync->statusText()));
        return;
    }
    QPointer<PeerSync> sync = m_sync;
    sync->client()->send(method, path, body, [sync, refetch, done](const PeerReply &reply) {
        // Refused or not, the mirror should show what the peer holds now.
        if (sync)
            sync->refetch(refetch);
        done(reply.ok() ? QString() : reply.message());
    });
}

void PeerActions::review(const QList<int> &suggestionIds, models::ReviewDecision decision,
                         const QString &notes, const std::optional<QString> &tier, Done done)
{
    const QString name = models::reviewDecisionName(decision);
    if (suggestionIds.size() == 1) {
        QJsonObject body{{QStringLiteral("decision"), name},
                         {QStringLiteral("review_notes"), notes}};
        if (tier)
            body.insert(QStringLiteral("target_tier"), *tier);
        send("POST", QStringLiteral("layer3/suggestions/%1/review").arg(suggestionIds.first()),
             body, PeerSync::Suggestions, std::move(done));
        return;
    }
    QJsonArray ids;
    for (int id : suggestionIds)
        ids.append(id);
    send("POST", QStringLiteral("layer3/watchlists/bulk-actions"),
         QJsonObject{{QStringLiteral("action"), QString(name + QStringLiteral("_suggestions"))},
                     {QStringLiteral("suggestion_ids"), ids},
                     {QStringLiteral("review_notes"), notes}},
         PeerSync::Suggestions, std::move(done));
}

void PeerActions::execute(const models::ExecutionRequest &request, Done done)
{
    send("POST", QStringLiteral("layer4/signals/%1/execute").arg(request.signalId),
         QJsonObject{{QStringLiteral("position_size"), request.positionSize},
                     {QStringLiteral("portfolio_percentage"), request.portfolioPercentage},
                     {QStringLiteral("execution_type"), request.executionType},
                     {QStringLiteral("risk_confirmation"), request.riskConfirmed}},
         PeerSync::Signals | PeerSync::Notifications, std::move(done));
}

void PeerActions::markNotificationRead(qint64 notificationId, Done done)
{
    send("POST", QStringLiteral("ui/notifications/%1/read").arg(notificationId), QJsonObject(),
         PeerSync::Notifications, std::move(done));
}

void PeerActions::deleteNotification(qint64 notificationId, Done done)
{
    send("DELETE", QStringLiteral("ui/notifications/%1").arg(notificationId), QJsonObject(),
         PeerSync::Notifications, std::move(done));
}

} // namespace cp::app
