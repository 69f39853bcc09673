#include "apitestsupport.h"

#include <testdatabase.h>

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using cp::app::api::ApiServer;
using cp::app::api::ServeOptions;

namespace {

ServeOptions loopbackOn(quint16 port)
{
    ServeOptions options;
    options.host = QHostAddress::LocalHost;
    options.port = port;
    options.workerThreads = 2;
    options.shutdownGraceMs = 2000;
    return options;
}

//! Shuts `server` down and waits for stopped().
bool stop(ApiServer &server)
{
    QSignalSpy stopped(&server, &ApiServer::stopped);
    server.shutdown();
    return stopped.count() > 0 || stopped.wait(10000);
}

//! True when `data` holds a whole HTTP response (headers and Content-Length body).
bool isWholeResponse(const QByteArray &data)
{
    const qsizetype headerEnd = data.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QByteArray head = data.left(headerEnd).toLower();
    qsizetype length = 0;
    for (const QByteArray &line : head.split('\n')) {
        if (line.startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    return data.size() >= headerEnd + 4 + length;
}

//! Reads one response, spinning the event loop: the server runs on this thread.
QByteArray readResponse(QTcpSocket &socket)
{
    QByteArray data;
    (void)QTest::qWaitFor(
        [&] {
            data += socket.readAll();
            return isWholeResponse(data);
        },
        10000);
    return data;
}

} // namespace

/**
 * Restarting the API server on the same port (the desktop's "Serve to peers" toggled off and on):
 * a stopped server closes its kept-alive connections, so clients reconnect to the new one
 * instead of being told "shutting down" by the old one forever.
 */
class tst_ApiRestart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameClientReachesRestartedServer_data() { cp::test::addDialectColumn(); }
    void sameClientReachesRestartedServer();
    void stoppingClosesIdleKeepAliveConnections_data() { cp::test::addDialectColumn(); }
    void stoppingClosesIdleKeepAliveConnections();
};

void tst_ApiRestart::sameClientReachesRestartedServer()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);

    ApiServer first(db.databaseUrl(), loopbackOn(0));
    const cp::Result<QUrl> firstUrl = first.start();
    QVERIFY2(firstUrl, qPrintable(firstUrl ? QString() : firstUrl.error()));
    // One manager for both servers: it keeps the first connection alive for reuse.
    cp::test::ApiClient client(*firstUrl);
    const cp::test::HttpResult before = client.get(QStringLiteral("/api/v1/health"));
    QVERIFY2(before.status == 200, qPrintable(before.describe()));

    QVERIFY(stop(first));
    // The old server object stays alive (as it does while the desktop winds it down).
    ApiServer second(db.databaseUrl(), loopbackOn(quint16(firstUrl->port())));
    const cp::Result<QUrl> secondUrl = second.start();
    QVERIFY2(secondUrl, qPrintable(secondUrl ? QString() : secondUrl.error()));
    QCOMPARE(secondUrl->port(), firstUrl->port());

    for (int round = 0; round < 3; ++round) {
        const cp::test::HttpResult after = client.get(QStringLiteral("/api/v1/health"));
        QVERIFY2(after.status == 200,
                 qPrintable(QStringLiteral("round %1: %2").arg(round).arg(after.describe())));
        QVERIFY(!after.object().isEmpty());
    }
    QVERIFY(stop(second));
}

void tst_ApiRestart::stoppingClosesIdleKeepAliveConnections()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);

    ApiServer server(db.databaseUrl(), loopbackOn(0));
    const cp::Result<QUrl> url = server.start();
    QVERIFY2(url, qPrintable(url ? QString() : url.error()));

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(url->port()));
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    const QByteArray response = readResponse(socket);
    QVERIFY2(response.startsWith("HTTP/1.1 200"), response.constData());
    // HTTP/1.1 keeps the connection open after an answer.
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);

    QVERIFY(stop(server));
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 10000);
}

QTEST_MAIN(tst_ApiRestart)
#include "tst_apirestart.moc"
