#include <testdatabase.h>

#include <models/changebus.h>
#include <models/connection.h>
#include <models/views/changelistener.h>

#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>

using cp::models::ChangeBus;
using cp::models::ChangeEvent;
using cp::models::views::ChangeListener;

namespace {

const QString kListenerConnection = QStringLiteral("tst_apichanges_listener");

int countOf(const QSignalSpy &spy, const QString &table)
{
    int n = 0;
    for (const QList<QVariant> &arguments : spy)
        n += arguments.at(0).value<ChangeEvent>().table == table ? 1 : 0;
    return n;
}

//! What another process sends: a payload with an origin that is not ours.
bool notifyFromElsewhere(QSqlDatabase db, const QString &table)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
    query.addBindValue(ChangeBus::channel());
    query.addBindValue(QStringLiteral("{\"table\":\"%1\",\"id\":1,\"op\":\"insert\","
                                      "\"origin\":\"another-process\"}")
                           .arg(table));
    return query.exec();
}

qint64 backendPid(QSqlDatabase db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT pg_backend_pid()")) || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

// Where the listener opened its connection, recorded by its test hook.
std::atomic<QThread *> g_mainThread{nullptr};
std::atomic<int> g_attempts{0};
std::atomic<int> g_attemptsOnMainThread{0};

void recordAttempt()
{
    ++g_attempts;
    if (QThread::currentThread() == g_mainThread.load())
        ++g_attemptsOnMainThread;
}

} // namespace

/**
 * Changes from other processes (PostgreSQL LISTEN): this process's own NOTIFY echo is not
 * announced twice, and a lost LISTEN connection is re-established and announces a resync.
 */
class tst_ApiChanges : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ownNotificationsAreNotAnnouncedTwice_data() { cp::test::addDialectColumn(); }
    void ownNotificationsAreNotAnnouncedTwice();
    void listenSurvivesATerminatedBackend_data() { cp::test::addDialectColumn(); }
    void listenSurvivesATerminatedBackend();
    void reconnectingDoesNotBlockTheOwnersThread_data() { cp::test::addDialectColumn(); }
    void reconnectingDoesNotBlockTheOwnersThread();
    void cleanup() { cp::models::closeConnection(kListenerConnection); }
};

void tst_ApiChanges::ownNotificationsAreNotAnnouncedTwice()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase writer = scratch.database();
    QVERIFY(cp::models::openConnection(scratch.databaseUrl(), kListenerConnection));
    ChangeListener listener(kListenerConnection);
    QSignalSpy changed(&ChangeBus::instance(), &ChangeBus::changed);
    if (dialect == QLatin1String("sqlite")) {
        // Nothing to listen to: writers in this process announce in-process only.
        QVERIFY(!listener.listen());
        ChangeBus::instance().publish(
            writer, {{QStringLiteral("trading_signals"), 7, QStringLiteral("insert")}});
        QCOMPARE(countOf(changed, QStringLiteral("trading_signals")), 1);
        return;
    }
    QVERIFY(listener.listen());
    QTRY_VERIFY_WITH_TIMEOUT(listener.isListening(), 10000);
    // Published on another connection of this process, so PostgreSQL does not mark the echo
    // as the listener's own: only the origin in the payload tells.
    ChangeBus::instance().publish(
        writer, {{QStringLiteral("trading_signals"), 7, QStringLiteral("insert")}});
    QCOMPARE(countOf(changed, QStringLiteral("trading_signals")), 1);
    // Notifications arrive in commit order: once the later one is here, an echo of the first
    // would have been too.
    QVERIFY(notifyFromElsewhere(writer, QStringLiteral("marker")));
    QTRY_COMPARE_WITH_TIMEOUT(countOf(changed, QStringLiteral("marker")), 1, 10000);
    QCOMPARE(countOf(changed, QStringLiteral("trading_signals")), 1);
}

void tst_ApiChanges::listenSurvivesATerminatedBackend()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase writer = scratch.database();
    const auto opened = cp::models::openConnection(scratch.databaseUrl(), kListenerConnection);
    QVERIFY(opened);
    ChangeListener listener(kListenerConnection);
    if (dialect == QLatin1String("sqlite")) {
        QVERIFY(!listener.listen());
        return;
    }
    listener.setCheckInterval(100);
    listener.setRetryDelay(50);
    QVERIFY(listener.listen());
    QTRY_VERIFY_WITH_TIMEOUT(listener.isListening(), 10000);
    // The listener LISTENs on a connection of its own thread, built like the given one.
    const qint64 pid = listener.backendPid();
    QVERIFY(pid > 0);
    QSignalSpy lost(&listener, &ChangeListener::connectionLost);
    QSignalSpy reconnected(&listener, &ChangeListener::reconnected);
    QSignalSpy changed(&ChangeBus::instance(), &ChangeBus::changed);

    QSqlQuery kill(writer);
    QVERIFY2(kill.exec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid)),
             qPrintable(kill.lastError().text()));
    QTRY_COMPARE_WITH_TIMEOUT(reconnected.count(), 1, 20000);
    QCOMPARE(lost.count(), 1);
    QVERIFY(listener.isListening());
    const qint64 newPid = listener.backendPid();
    QVERIFY(newPid > 0);
    QVERIFY(newPid != pid);
    // Listeners are told that anything may have changed while nobody listened.
    QCOMPARE(countOf(changed, QString()), 1);

    // And notifications flow again.
    QVERIFY(notifyFromElsewhere(writer, QStringLiteral("after_reconnect")));
    QTRY_COMPARE_WITH_TIMEOUT(countOf(changed, QStringLiteral("after_reconnect")), 1, 10000);
}

void tst_ApiChanges::reconnectingDoesNotBlockTheOwnersThread()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QSqlDatabase writer = scratch.database();
    QVERIFY(cp::models::openConnection(scratch.databaseUrl(), kListenerConnection));
    g_mainThread = QThread::currentThread();
    g_attempts = 0;
    g_attemptsOnMainThread = 0;
    ChangeListener::setConnectHookForTesting(&recordAttempt);
    const auto unhook = qScopeGuard([] { ChangeListener::setConnectHookForTesting(nullptr); });
    ChangeListener listener(kListenerConnection);
    if (dialect == QLatin1String("sqlite")) {
        QVERIFY(!listener.listen());
        QCOMPARE(g_attempts.load(), 0);
        return;
    }
    listener.setCheckInterval(100);
    listener.setRetryDelay(50);
    QVERIFY(listener.listen());
    QTRY_VERIFY_WITH_TIMEOUT(listener.isListening(), 10000);
    QSignalSpy reconnected(&listener, &ChangeListener::reconnected);
    const int attemptsBefore = g_attempts;
    QVERIFY(attemptsBefore >= 1);

    QSqlQuery kill(writer);
    QVERIFY2(
        kill.exec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(listener.backendPid())),
        qPrintable(kill.lastError().text()));
    QTRY_COMPARE_WITH_TIMEOUT(reconnected.count(), 1, 20000);
    // The first open and the reconnect both ran off the owner's thread, which kept serving
    // its event loop (the QTRY above) while they did.
    QVERIFY(g_attempts > attemptsBefore);
    QCOMPARE(g_attemptsOnMainThread.load(), 0);
    // The owner's connection was never touched.
    QVERIFY(backendPid(QSqlDatabase::database(kListenerConnection, false)) > 0);
}

QTEST_MAIN(tst_ApiChanges)
#include "tst_apichanges.moc"
