#include <testdatabase.h>

#include <app/demoloader.h>
#include <models/migrator.h>
#include <ui/mainwindow.h>

#include <QCoreApplication>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using cp::models::DatabaseUrl;
using cp::models::Dialect;
using cp::ui::MainWindow;

namespace {

QString labelText(const MainWindow &window, const char *objectName)
{
    const auto *label = window.findChild<QLabel *>(QString::fromLatin1(objectName));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QLatin1String(objectName));
}

bool bannerShown(const MainWindow &window)
{
    const auto *banner = window.findChild<QLabel *>(QStringLiteral("simulatedBanner"));
    return banner && banner->isVisibleTo(&window);
}

DatabaseUrl postgresAt(quint16 port)
{
    return *DatabaseUrl::parse(QStringLiteral("postgresql://postgres@127.0.0.1:%1/x").arg(port));
}

} // namespace

/** The main window: opens the database off the GUI thread and labels simulated data. */
class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void showsSimulatedDemo_data() { cp::test::addDialectColumn(); }
    void showsSimulatedDemo();
    void freshDatabaseHasNoBanner_data() { cp::test::addDialectColumn(); }
    void freshDatabaseHasNoBanner();
    void unreachableServer();
    void staysResponsiveWhileConnecting();

private:
    QTemporaryDir m_settingsDir;
};

void tst_MainWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("CryptoPredict"));
    QCoreApplication::setApplicationName(QStringLiteral("cryptopredict-test"));
    QVERIFY(m_settingsDir.isValid());
    // Window geometry goes to a private place, never into the user's settings.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
}

void tst_MainWindow::cleanupTestCase()
{
    QSettings settings;
    settings.clear();
    settings.sync();
}

void tst_MainWindow::showsSimulatedDemo()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    cp::engine::SimulationConfig config;
    config.seed = 3;
    config.assetCount = 6;
    config.days = 10;
    const cp::Result<cp::app::DemoReport> report =
        cp::app::DemoLoader(scratch.database()).load(config);
    QVERIFY2(report.ok(), qPrintable(report.error()));

    MainWindow window(scratch.databaseUrl());
    QSignalSpy ready(&window, &MainWindow::databaseReady);
    window.show();
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
    QCOMPARE(ready.at(0).at(0).toBool(), true);

    const QLocale locale;
    QCOMPARE(labelText(window, "connectionState"), QStringLiteral("Connected"));
    QCOMPARE(labelText(window, "statusConnection"), QStringLiteral("Connected"));
    const QString assets = labelText(window, "assetCount");
    QVERIFY2(assets.startsWith(locale.toString(6) + QLatin1Char(' ')), qPrintable(assets));
    QVERIFY2(assets.contains(QLatin1String("simulated")), qPrintable(assets));
    QCOMPARE(labelText(window, "priceRowCount"), locale.toString(6 * 10));
    const int latest = cp::models::Migrator::latestVersion(
        dialect == QLatin1String("sqlite") ? Dialect::SQLite : Dialect::PostgreSQL);
    QCOMPARE(labelText(window, "schemaVersion"), locale.toString(latest));
    QVERIFY(labelText(window, "latestPrice") != QLatin1String("none yet"));
    QVERIFY(labelText(window, "databaseLocation").contains(scratch.databaseUrl().location()));
    QVERIFY(bannerShown(window));

    // Closing stores the window geometry in the (test) settings.
    window.close();
    QVERIFY(QSettings().contains(QStringLiteral("mainWindow/geometry")));
}

void tst_MainWindow::freshDatabaseHasNoBanner()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect, false);

    MainWindow window(scratch.databaseUrl());
    QSignalSpy ready(&window, &MainWindow::databaseReady);
    QCOMPARE(labelText(window, "connectionState"), QStringLiteral("Connecting..."));
    window.show();
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
    QCOMPARE(ready.at(0).at(0).toBool(), true);

    const QLocale locale;
    QCOMPARE(labelText(window, "connectionState"), QStringLiteral("Connected"));
    QCOMPARE(labelText(window, "assetCount"), locale.toString(0));
    QCOMPARE(labelText(window, "priceRowCount"), locale.toString(0));
    QCOMPARE(labelText(window, "latestPrice"), QStringLiteral("none yet"));
    QVERIFY(!bannerShown(window));
    // Opening brought the empty database to the current schema.
    QCOMPARE(*cp::models::Migrator(scratch.database()).currentVersion(),
             cp::models::Migrator::latestVersion(
                 dialect == QLatin1String("sqlite") ? Dialect::SQLite : Dialect::PostgreSQL));
}

void tst_MainWindow::unreachableServer()
{
    MainWindow window(postgresAt(1));
    QSignalSpy ready(&window, &MainWindow::databaseReady);
    window.show();
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
    QCOMPARE(ready.at(0).at(0).toBool(), false);
    const QString state = labelText(window, "connectionState");
    QVERIFY2(state.startsWith(QLatin1String("Not connected: Cannot reach the PostgreSQL server at "
                                            "127.0.0.1:1")),
             qPrintable(state));
    QCOMPARE(labelText(window, "statusConnection"), QStringLiteral("Not connected"));
    QVERIFY(!bannerShown(window));
}

void tst_MainWindow::staysResponsiveWhileConnecting()
{
    // A "server" that accepts connections and never answers holds the worker inside libpq's
    // connection attempt for as long as the test wants.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QList<QTcpSocket *> held;
    bool released = false;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            if (released)
                socket->abort();
            else
                held.append(socket);
        }
    });
    int ticks = 0;
    QTimer timer;
    timer.setInterval(10);
    connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
    timer.start();

    MainWindow window(postgresAt(server.serverPort()));
    QSignalSpy ready(&window, &MainWindow::databaseReady);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(!held.isEmpty(), 30000);

    // The worker is waiting for the server; the GUI thread keeps handling events meanwhile.
    const int ticksWhileHeld = ticks;
    QTRY_VERIFY_WITH_TIMEOUT(ticks >= ticksWhileHeld + 5, 30000);
    QCOMPARE(ready.count(), 0);
    QCOMPARE(labelText(window, "connectionState"), QStringLiteral("Connecting..."));

    released = true;
    for (QTcpSocket *socket : std::as_const(held))
        socket->abort();
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
    QCOMPARE(ready.at(0).at(0).toBool(), false);
    const QString state = labelText(window, "connectionState");
    QVERIFY2(state.startsWith(QLatin1String("Not connected: ")), qPrintable(state));
    QVERIFY2(state.contains(QStringLiteral("127.0.0.1:%1").arg(server.serverPort())),
             qPrintable(state));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
