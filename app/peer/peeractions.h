#pragma once

#include "viewactions.h"

#include <QPointer>

namespace cp::app {

class PeerSync;

/**
 * The pages' writes in peer mode: REST calls to the peer as the signed-in user, then a re-fetch
 * of what they changed so the mirror (and the pages) show the peer's result. Refusals arrive
 * with the peer's own message (e.g. 409 "already reviewed").
 */
class PeerActions : public ViewActions
{
public:
    explicit PeerActions(PeerSync *sync);

    void review(const QList<int> &suggestionIds, models::ReviewDecision decision,
                const QString &notes, const std::optional<QString> &tier, Done done) override;
    void execute(const models::ExecutionRequest &request, Done done) override;
    void markNotificationRead(qint64 notificationId, Done done) override;
    void deleteNotification(qint64 notificationId, Done done) override;

private:
    void send(const QByteArray &method, const QString &path, const QJsonObject &body, int refetch,
              Done done);

    QPointer<PeerSync> m_sync;
};

} // namespace cp::app
