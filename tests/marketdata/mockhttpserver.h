#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <QUrl>

/**
 * A tiny HTTP/1.1 server on 127.0.0.1 for client tests: per path, a list of canned responses
 * served in order (the last one repeats), including broken ones a real provider can produce —
 * a body cut off mid-way, a connection closed without an answer, an answer that never comes.
 */
class MockHttpServer : public QObject
{
    Q_OBJECT

public:
    struct Response
    {
        enum class Mode { Normal, Truncated, CloseWithoutAnswer, Hang };
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        Mode mode = Mode::Normal;

        static Response json(const QByteArray &body, int status = 200)
        {
            return Response{status, body, {}, Mode::Normal};
        }
    };
    struct Request
    {
        QString path;
        QString query;
        QHash<QByteArray, QByteArray> headers;
    };

    explicit MockHttpServer(QObject *parent = nullptr);

    //! Listens on an ephemeral loopback port.
    bool listen();
    QUrl baseUrl() const;
    void setResponses(const QString &path, QList<Response> responses);
    int hits(const QString &path) const;
    const QList<Request> &requests() const { return m_requests; }

private:
    void serve(QTcpSocket *socket, const QByteArray &head);

    QTcpServer m_server;
    QHash<QString, QList<Response>> m_routes;
    QHash<QString, int> m_hits;
    QList<Request> m_requests;
};
