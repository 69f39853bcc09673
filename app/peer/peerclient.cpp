#include "peerclient.h"

#include <QNetworkReply>
#include <QNetworkRequest>

namespace cp::app {

namespace {
//! Long enough for a loaded server's list reads; short enough to notice a dead peer.
constexpr int kTransferTimeoutMs = 15000;
} // namespace

QString PeerReply::message() const
{
    if (status == 0)
        return networkError.isEmpty() ? QStringLiteral("The peer did not answer.") : networkError;
    const QString text = object()
                             .value(QStringLiteral("error"))
                             .toObject()
                             .value(QStringLiteral("message"))
                             .toString();
    return text.isEmpty() ? QStringLiteral("The peer answered HTTP %1.").arg(status) : text;
}

PeerClient::PeerClient(QUrl base, QObject *parent)
    : QObject(parent)
    , m_base(std::move(base))
{
}

QUrl PeerClient::normalizedBase(const QString &text)
{
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (!trimmed.contains(QLatin1String("://")))
        trimmed.prepend(QStringLiteral("http://"));
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return {};
    // The API lives under /api/v1 of the server's root: a pasted endpoint URL still works.
    url.setPath(QString());
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

void PeerClient::send(const QByteArray &method, const QString &path, const QJsonObject &body,
                      Done done)
{
    QUrl url = m_base;
    const qsizetype q = path.indexOf(QLatin1Char('?'));
    url.setPath(QStringLiteral("/api/v1/") + (q < 0 ? path : path.left(q)));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest request(url);
    request.setTransferTimeout(kTransferTimeoutMs);
    request.setRawHeader("Accept", "application/json");
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    QByteArray payload;
    if (method != "GET" && method != "DELETE") {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = m_manager.sendCustomRequest(request, method, payload);
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] {
        reply->deleteLater();
        PeerReply answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.json = QJsonDocument::fromJson(reply->readAll());
        if (answer.status == 0)
            answer.networkError = reply->errorString();
        if (answer.status == 401 && !m_token.isEmpty())
            Q_EMIT unauthorized();
        done(answer);
    });
}

void PeerClient::login(const QString &email, const QString &password,
                       std::function<void(const Result<PeerLogin> &)> done)
{
    send("POST", QStringLiteral("auth/login"),
         QJsonObject{{QStringLiteral("email"), email}, {QStringLiteral("password"), password}},
         [this, done = std::move(done)](const PeerReply &reply) {
             const Result<PeerLogin> login = parseLogin(reply, m_base);
             if (login)
                 m_token = login->token;
             done(login);
         });
}

Result<PeerLogin> PeerClient::parseLogin(const PeerReply &reply, const QUrl &base)
{
    using R = Result<PeerLogin>;
    const QString where = base.toString();
    if (reply.isUnreachable())
        return R::failure(
            QStringLiteral("Could not reach %1: %2. Check the address and that the peer runs "
                           "\"cryptopredict-cli serve\".")
                .arg(where, reply.message()));
    if (reply.status == 401)
        return R::failure(QStringLiteral("The e-mail address or password is not correct."));
    if (reply.status == 429)
        return R::failure(reply.message());
    const QJsonObject body = reply.object();
    const QJsonObject user = body.value(QStringLiteral("user")).toObject();
    if (!reply.ok() || body.value(QStringLiteral("access_token")).toString().isEmpty() ||
        user.value(QStringLiteral("id")).toInt() <= 0) {
        if (!reply.errorCode().isEmpty())
            return R::failure(reply.message());
        return R::failure(QStringLiteral("%1 answered, but it is not a CryptoPredict server "
                                         "(HTTP %2 to the sign-in request).")
                              .arg(where)
                              .arg(reply.status));
    }
    return PeerLogin{body.value(QStringLiteral("access_token")).toString(),
                     user.value(QStringLiteral("id")).toInt(),
                     user.value(QStringLiteral("email")).toString(),
                     user.value(QStringLiteral("role")).toString()};
}

QUrl PeerClient::channelUrl(const QString &channel) const
{
    QUrl url = m_base;
    url.setScheme(m_base.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                            : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/api/v1/ws/") + channel);
    return url;
}

} // namespace cp::app
