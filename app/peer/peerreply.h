#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace cp::app {

/** One answer of a peer's REST API as the desktop needs it: status, JSON body, what went wrong. */
struct PeerReply
{
    //! HTTP status; 0 when no answer arrived (unreachable, refused, timed out).
    int status = 0;
    QJsonDocument json;
    //! The transport's error text when status is 0.
    QString networkError;

    bool ok() const { return status >= 200 && status < 300; }
    bool isUnreachable() const { return status == 0; }
    QJsonObject object() const { return json.object(); }
    QJsonArray array() const { return json.array(); }
    //! error.code of the API's error envelope.
    QString errorCode() const
    {
        return object()
            .value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }
    //! One sentence for the user: the API's error message, else the transport's error.
    QString message() const;
};

} // namespace cp::app
