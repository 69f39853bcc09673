#include "viewtestfixture.h"

#include <app/api/servecontroller.h>
#include <app/settings/appsettings.h>
#include <ui/mainwindow.h>

#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using cp::app::api::ServeController;
using cp::ui::MainWindow;
using State = ServeController::State;

namespace {

//! A port nobody listens on right now.
quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

//! A plain HTTP/1.1 GET on loopback; the status line and headers, or an empty string.
QByteArray httpGet(quint16 port, const QByteArray &path)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(3000))
        return {};
    socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    while (socket.waitForReadyRead(5000))
        answer += socket.readAll();
    return answer;
}

bool settle(ServeController *controller)
{
    return QTest::qWaitFor(
        [controller] {
            const State s = controller->state();
            return s == State::Serving || s == State::Stopped || s == State::Failed;
        },
        20000);
}

QString statusLabel(const MainWindow &window)
{
    const auto *label = window.findChild<QLabel *>(QStringLiteral("serveStatus"));
    return label ? label->text() : QStringLiteral("(no serveStatus label)");
}

void saveServe(bool enabled, quint16 port)
{
    cp::app::AppSettings settings = cp::app::AppSettings::load();
    settings.serve.enabled = enabled;
    settings.serve.host = QStringLiteral("127.0.0.1");
    settings.serve.port = port;
    settings.save();
}

} // namespace

/** Server > Serve to peers: a real server on loopback that follows the setting. */
class tst_ServeAction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { cp::test::useTestSettings(m_settings.path()); }
    void toggleStartsAndStops_data() { cp::test::addDialectColumn(); }
    void toggleStartsAndStops();
    void enabledSettingServesAtStartup();
    void portInUseIsShown();
    void settingsChangeMovesThePort();

private:
    QTemporaryDir m_settings;
};

void tst_ServeAction::toggleStartsAndStops()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    const quint16 port = freePort();
    QVERIFY(port > 0);
    saveServe(false, port);
    MainWindow window(scratch.databaseUrl());
    QSignalSpy ready(&window, &MainWindow::databaseReady);
    window.show();
    QVERIFY(ready.wait(30000));
    auto *toggle = window.findChild<QAction *>(QStringLiteral("actionServeToPeers"));
    QVERIFY(toggle);
    QVERIFY(toggle->isCheckable());
    QVERIFY(!toggle->isChecked());
    ServeController *controller = window.serveController();
    QVERIFY(controller);
    QCOMPARE(controller->state(), State::Stopped);
    QVERIFY(httpGet(port, "/api/v1/health").isEmpty());

    toggle->trigger();
    QVERIFY(cp::app::AppSettings::load().serve.enabled);
    QVERIFY(settle(controller));
    QVERIFY2(controller->state() == State::Serving, qPrintable(controller->error()));
    const QByteArray answer = httpGet(port, "/api/v1/health");
    QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
    QVERIFY2(statusLabel(window).startsWith(QStringLiteral("Serving on 127.0.0.1:%1 (").arg(port)),
             qPrintable(statusLabel(window)));

    toggle->trigger();
    QVERIFY(!cp::app::AppSettings::load().serve.enabled);
    QVERIFY(settle(controller));
    QCOMPARE(controller->state(), State::Stopped);
    QVERIFY(httpGet(port, "/api/v1/health").isEmpty());
}

void tst_ServeAction::enabledSettingServesAtStartup()
{
    CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
    const quint16 port = freePort();
    saveServe(true, port);
    MainWindow window(scratch.databaseUrl());
    QSignalSpy ready(&window, &MainWindow::databaseReady);
    window.show();
    QVERIFY(ready.wait(30000));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("actionServeToPeers"))->isChecked());
    QVERIFY(settle(window.serveController()));
    QVERIFY2(window.serveController()->state() == State::Serving,
             qPrintable(window.serveController()->error()));
    QVERIFY(httpGet(port, "/api/v1/health").startsWith("HTTP/1.1 200"));
}

void tst_ServeAction::portInUseIsShown()
{
    CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    saveServe(true, squatter.serverPort());
    MainWindow window(scratch.databaseUrl());
    QSignalSpy ready(&window, &MainWindow::databaseReady);
    window.show();
    QVERIFY(ready.wait(30000));
    QVERIFY(settle(window.serveController()));
    QCOMPARE(window.serveController()->state(), State::Failed);
    const QString shown = statusLabel(window);
    QVERIFY2(shown.startsWith(QStringLiteral("Cannot serve to peers")), qPrintable(shown));
    QVERIFY2(shown.contains(QString::number(squatter.serverPort())), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("in use")), qPrintable(shown));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("serveStatus"))->isVisible());
}

void tst_ServeAction::settingsChangeMovesThePort()
{
    CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
    saveServe(false, freePort());
    MainWindow window(scratch.databaseUrl());
    QSignalSpy ready(&window, &MainWindow::databaseReady);
    window.show();
    QVERIFY(ready.wait(30000));
    auto *toggle = window.findChild<QAction *>(QStringLiteral("actionServeToPeers"));

    // What the Settings dialog does when saved: the new settings, announced.
    cp::app::AppSettings settings = cp::app::AppSettings::load();
    settings.serve.enabled = true;
    settings.serve.port = freePort();
    const quint16 first = settings.serve.port;
    Q_EMIT window.settingsChanged(settings);
    QVERIFY(settle(window.serveController()));
    QVERIFY2(window.serveController()->state() == State::Serving,
             qPrintable(window.serveController()->error()));
    QVERIFY(toggle->isChecked());
    QVERIFY(httpGet(first, "/api/v1/health").startsWith("HTTP/1.1 200"));

    quint16 second = freePort();
    while (second == first)
        second = freePort();
    settings.serve.port = second;
    Q_EMIT window.settingsChanged(settings);
    QVERIFY(QTest::qWaitFor(
        [&] {
            return window.serveController()->state() == State::Serving &&
                   window.serveController()->url().port() == second;
        },
        20000));
    QVERIFY(httpGet(second, "/api/v1/health").startsWith("HTTP/1.1 200"));
    QVERIFY(httpGet(first, "/api/v1/health").isEmpty());

    settings.serve.enabled = false;
    Q_EMIT window.settingsChanged(settings);
    QVERIFY(QTest::qWaitFor([&] { return window.serveController()->state() == State::Stopped; },
                            20000));
    QVERIFY(!toggle->isChecked());
    QVERIFY(httpGet(second, "/api/v1/health").isEmpty());
}

QTEST_MAIN(tst_ServeAction)
#include "tst_serveaction.moc"
