#include "apitestsupport.h"

#include <testdatabase.h>

#include <app/api/servecontroller.h>

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using cp::app::ServeSettings;
using cp::app::api::ServeController;
using State = ServeController::State;

namespace {

//! Waits until the controller settles (serving, stopped or failed).
bool settle(ServeController &controller, State wanted)
{
    const bool settled = QTest::qWaitFor(
        [&] {
            return controller.state() == State::Serving || controller.state() == State::Stopped ||
                   controller.state() == State::Failed;
        },
        20000);
    return settled && controller.state() == wanted;
}

//! True when something accepts TCP connections on 127.0.0.1:port.
bool accepts(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(3000);
}

} // namespace

/**
 * "Serve to peers": the in-process server follows ServeSettings on its own thread, answers real
 * HTTP on loopback while enabled, closes the port when disabled, and reports a port in use.
 */
class tst_ServeController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void enableServesDisableCloses_data() { cp::test::addDialectColumn(); }
    void enableServesDisableCloses();
    void portInUseIsReported_data() { cp::test::addDialectColumn(); }
    void portInUseIsReported();
    void badHostIsReported();
};

void tst_ServeController::enableServesDisableCloses()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    ServeController controller(db.databaseUrl());
    QCOMPARE(controller.state(), State::Stopped);
    QVERIFY(controller.statusText().contains(QStringLiteral("Not serving")));

    ServeSettings settings;
    settings.enabled = true;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = 0; // any free port: the controller reports the real one
    controller.apply(settings);
    QVERIFY2(settle(controller, State::Serving), qPrintable(controller.error()));
    const QUrl url = controller.url();
    QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(url.port() > 0);
    QVERIFY2(controller.statusText().startsWith(
                 QStringLiteral("Serving on 127.0.0.1:%1").arg(url.port())),
             qPrintable(controller.statusText()));

    cp::test::ApiClient client(url);
    const cp::test::HttpResult health = client.get(QStringLiteral("/api/v1/health"));
    QVERIFY2(health.status == 200, qPrintable(health.describe()));
    QVERIFY(!health.object().isEmpty());

    settings.enabled = false;
    controller.apply(settings);
    QVERIFY(settle(controller, State::Stopped));
    QVERIFY(controller.url().isEmpty());
    QVERIFY(!accepts(quint16(url.port())));

    // And on again, on the same port this time.
    settings.enabled = true;
    settings.port = quint16(url.port());
    controller.apply(settings);
    QVERIFY2(settle(controller, State::Serving), qPrintable(controller.error()));
    QCOMPARE(controller.url().port(), url.port());
    QCOMPARE(cp::test::ApiClient(controller.url()).get(QStringLiteral("/api/v1/health")).status,
             200);
}

void tst_ServeController::portInUseIsReported()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    ServeController controller(db.databaseUrl());
    ServeSettings settings;
    settings.enabled = true;
    settings.port = squatter.serverPort();
    controller.apply(settings);
    QVERIFY(settle(controller, State::Failed));
    const QString port = QString::number(squatter.serverPort());
    QVERIFY2(controller.error().contains(port), qPrintable(controller.error()));
    QVERIFY2(controller.error().contains(QStringLiteral("in use")), qPrintable(controller.error()));
    QCOMPARE(controller.statusText(), controller.error());

    // Another port clears it.
    settings.port = 0;
    controller.apply(settings);
    QVERIFY2(settle(controller, State::Serving), qPrintable(controller.error()));
    QVERIFY(controller.error().isEmpty());
}

void tst_ServeController::badHostIsReported()
{
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    ServeController controller(db.databaseUrl());
    ServeSettings settings;
    settings.enabled = true;
    settings.host = QStringLiteral("not an address");
    controller.apply(settings);
    QVERIFY(settle(controller, State::Failed));
    QVERIFY2(controller.error().contains(QStringLiteral("not an IP address")),
             qPrintable(controller.error()));
}

QTEST_MAIN(tst_ServeController)
#include "tst_servecontroller.moc"
