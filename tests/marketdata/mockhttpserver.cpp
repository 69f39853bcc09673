#include "mockhttpserver.h"

#include <QTcpSocket>
#include <QUrlQuery>

MockHttpServer::MockHttpServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            auto buffer = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                buffer->append(socket->readAll());
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                const QByteArray head = buffer->left(end);
                buffer->clear();
                serve(socket, head);
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

bool MockHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl MockHttpServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

void MockHttpServer::setResponses(const QString &path, QList<Response> responses)
{
    m_routes.insert(path, std::move(responses));
}

int MockHttpServer::hits(const QString &path) const
{
    return m_hits.value(path);
}

void MockHttpServer::serve(QTcpSocket *socket, const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    const QUrl target(QString::fromLatin1(requestLine.value(1)));
    Request request;
    request.path = target.path();
    request.query = target.query();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                   lines[i].mid(colon + 1).trimmed());
    }
    m_requests.append(request);
    const int hit = m_hits[request.path]++;
    const QList<Response> responses = m_routes.value(request.path);
    if (responses.isEmpty()) {
        socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
        return;
    }
    const Response &r = responses.at(std::min<qsizetype>(hit, responses.size() - 1));
    switch (r.mode) {
    case Response::Mode::CloseWithoutAnswer:
        socket->abort();
        return;
    case Response::Mode::Hang:
        return;
    case Response::Mode::Normal:
    case Response::Mode::Truncated:
        break;
    }
    QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status) + " Status\r\n" +
                     "Content-Type: application/json\r\nConnection: close\r\n" +
                     "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
    for (const auto &[name, value] : r.headers)
        out += name + ": " + value + "\r\n";
    out += "\r\n";
    // A cut-off body: the promised length never arrives before the connection closes.
    out += r.mode == Response::Mode::Truncated ? r.body.left(r.body.size() / 2) : r.body;
    socket->write(out);
    socket->disconnectFromHost();
}
