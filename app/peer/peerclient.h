#pragma once

#include "peerreply.h"

#include <engine/result.h>

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <functional>

namespace cp::app {

/** Who signed in to a peer, as its login answer says. */
struct PeerLogin
{
    QString token;
    int userId = 0;
    QString email;
    //! admin, professional or casual.
    QString role;
};

/**
 * The desktop's REST client for a peer's API (asynchronous, on the calling thread's event
 * loop). Sends the bearer token once signed in; every answer, success or not, arrives as one
 * PeerReply so that callers explain failures in their own words.
 */
class PeerClient : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const PeerReply &)>;

    explicit PeerClient(QUrl base, QObject *parent = nullptr);

    //! The peer's base URL ("http://host:port"), without /api/v1.
    const QUrl &base() const { return m_base; }
    //! A base URL from what a user typed ("host:8000", "http://host:8000/"); invalid if unusable.
    static QUrl normalizedBase(const QString &text);

    void setToken(const QString &token) { m_token = token; }
    const QString &token() const { return m_token; }

    //! `method` on /api/v1/`path` (path may carry a query); `done` runs on this thread.
    void send(const QByteArray &method, const QString &path, const QJsonObject &body, Done done);
    void get(const QString &path, Done done) { send("GET", path, {}, std::move(done)); }

    //! POST auth/login; on success keeps the token for later requests.
    void login(const QString &email, const QString &password,
               std::function<void(const Result<PeerLogin> &)> done);
    //! Turns a login answer into a session or an explanation (unreachable, wrong password,
    //! not a CryptoPredict server).
    static Result<PeerLogin> parseLogin(const PeerReply &reply, const QUrl &base);

    //! Forgets kept-alive connections: after a peer restart they lead to the old process.
    void resetConnections() { m_manager.clearConnectionCache(); }

    //! The ws:// URL of a WebSocket channel ("signals/3").
    QUrl channelUrl(const QString &channel) const;

Q_SIGNALS:
    //! A request was refused with 401: the token expired or was revoked.
    void unauthorized();

private:
    QUrl m_base;
    QString m_token;
    QNetworkAccessManager m_manager;
};

} // namespace cp::app
