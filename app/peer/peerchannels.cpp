#include "peerchannels.h"

#include "peerclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QWebSocket>

namespace cp::app {

PeerChannels::PeerChannels(PeerClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

PeerChannels::~PeerChannels()
{
    close();
}

void PeerChannels::open(const QStringList &channels)
{
    close();
    m_open = true;
    for (const QString &channel : channels) {
        auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
        m_sockets.append(socket);
        connect(socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            const QJsonObject envelope = QJsonDocument::fromJson(text.toUtf8()).object();
            Q_EMIT message(envelope.value(QStringLiteral("channel")).toString(),
                           envelope.value(QStringLiteral("type")).toString(),
                           envelope.value(QStringLiteral("data")));
        });
        connect(socket, &QWebSocket::disconnected, this,
                [this, socket] { onDisconnected(socket); });
        QNetworkRequest request(m_client->channelUrl(channel));
        request.setRawHeader("Authorization", "Bearer " + m_client->token().toLatin1());
        socket->open(request);
    }
}

void PeerChannels::close()
{
    m_open = false;
    for (QWebSocket *socket : std::exchange(m_sockets, {})) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
}

int PeerChannels::connectedCount() const
{
    int count = 0;
    for (const QWebSocket *socket : m_sockets)
        count += socket->state() == QAbstractSocket::ConnectedState ? 1 : 0;
    return count;
}

void PeerChannels::onDisconnected(QWebSocket *socket)
{
    if (!m_open)
        return;
    const QString reason =
        socket->closeReason().isEmpty() ? socket->errorString() : socket->closeReason();
    // One report per loss: the caller reconnects every channel at once.
    close();
    Q_EMIT lost(reason);
}

} // namespace cp::app
