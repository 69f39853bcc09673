#include <testdatabase.h>

#include <models/changebus.h>
#include <models/connection.h>
#include <models/views/changelistener.h>

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

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
    const qint64 pid = backendPid(*opened);
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
    const qint64 newPid = backendPid(QSqlDatabase::database(kListenerConnection, false));
    QVERIFY(newPid > 0);
    QVERIFY(newPid != pid);
    // Listeners are told that anything may have changed while nobody listened.
    QCOMPARE(countOf(changed, QString()), 1);

    // And notifications flow again.
    QVERIFY(notifyFromElsewhere(writer, QStringLiteral("after_reconnect")));
    QTRY_COMPARE_WITH_TIMEOUT(countOf(changed, QStringLiteral("after_reconnect")), 1, 10000);
}

QTEST_MAIN(tst_ApiChanges)
#include "tst_apichanges.moc"
