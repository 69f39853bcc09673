#pragma once

#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QStringList>

class QWebSocket;

namespace cp::app {

class PeerClient;

/**
 * The peer's WebSocket channels a desktop follows (dashboard, signals, admin suggestions; or
 * the chart assets' prices), authenticated with the client's token. Reports every envelope
 * {channel,type,data,ts} and, once, that the connection to the peer was lost (any channel
 * closing unasked).
 */
class PeerChannels : public QObject
{
    Q_OBJECT

public:
    explicit PeerChannels(PeerClient *client, QObject *parent = nullptr);
    ~PeerChannels() override;

    //! Opens `channels` (e.g. "signals/3"), closing any opened before.
    void open(const QStringList &channels);
    //! Closes every channel without reporting a loss.
    void close();
    //! Channels whose handshake completed.
    int connectedCount() const;

Q_SIGNALS:
    void message(const QString &channel, const QString &type, const QJsonValue &data);
    //! A channel closed or failed to open while it should be open.
    void lost(const QString &reason);

private:
    void onDisconnected(QWebSocket *socket);

    PeerClient *m_client;
    QList<QWebSocket *> m_sockets;
    bool m_open = false;
};

} // namespace cp::app
