#include "viewtestfixture.h"

#include <models/changebus.h>
#include <models/rowinserter.h>
#include <ui/widgets/notificationbell.h>

#include <QListWidget>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using cp::models::Role;
using cp::test::ViewFixture;

/** The notifications bell: the signed-in user's unread count, reading and dismissing. */
class tst_Notifications : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { cp::test::useTestSettings(m_settings.path()); }
    void readAndDismiss_data() { cp::test::addDialectColumn(); }
    void readAndDismiss();
    void guestHasNoBell();

private:
    QTemporaryDir m_settings;
};

void tst_Notifications::readAndDismiss()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    ViewFixture f(scratch, Role::Professional);
    QVERIFY2(f.error().isEmpty(), qPrintable(f.error()));
    auto *bell =
        f.window().findChild<cp::ui::NotificationBell *>(QStringLiteral("notificationBell"));
    QVERIFY(bell);
    QTRY_COMPARE(bell->list()->count(), 1); // "No notifications"
    QCOMPARE(bell->unreadCount(), 0);

    // Two for this user (one unread, one read), one for somebody else.
    cp::models::RowInserter insert(scratch.database(), QStringLiteral("notifications"));
    struct Row
    {
        int user;
        const char *title, *status;
    };
    const Row rows[] = {{f.market().professionalId, "New signal", "unread"},
                        {f.market().professionalId, "Weekly report", "read"},
                        {f.market().casualId, "Not yours", "unread"}};
    for (const Row &r : rows)
        QVERIFY(insert
                    .insert({{"user_id", r.user},
                             {"notification_type", QStringLiteral("signal")},
                             {"title", QString::fromLatin1(r.title)},
                             {"message", QStringLiteral("BTC long at 64,000")},
                             {"status", QString::fromLatin1(r.status)}})
                    .ok());
    QSignalSpy reloaded(bell, &cp::ui::NotificationBell::reloaded);
    cp::models::ChangeBus::instance().announce(
        {QStringLiteral("notifications"), 0, QStringLiteral("insert")});
    QVERIFY(reloaded.wait(10000));
    QCOMPARE(bell->list()->count(), 2);
    QCOMPARE(bell->unreadCount(), 1);

    // The newest first: select the unread one (inserted first, so the second row).
    for (int i = 0; i < bell->list()->count(); ++i) {
        if (bell->list()->item(i)->text().startsWith(QLatin1String("New signal")))
            bell->list()->setCurrentRow(i);
    }
    QCOMPARE(bell->markSelectedRead(), QString());
    QTRY_COMPARE(bell->unreadCount(), 0);
    bell->list()->setCurrentRow(0);
    QCOMPARE(bell->dismissSelected(), QString());
    QTRY_COMPARE(bell->list()->count(), 1);
    QSqlQuery left(scratch.database());
    QVERIFY(left.exec(QStringLiteral("SELECT COUNT(*) FROM notifications")) && left.next());
    QCOMPARE(left.value(0).toInt(), 2); // the other user's notification is untouched
}

void tst_Notifications::guestHasNoBell()
{
    CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
    cp::ui::MainWindow window(scratch.databaseUrl());
    QVERIFY(!window.findChild<cp::ui::NotificationBell *>());
}

QTEST_MAIN(tst_Notifications)
#include "tst_notifications.moc"
