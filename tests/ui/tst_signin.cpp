#include <testdatabase.h>

#include <app/passwordhasher.h>
#include <models/userrepository.h>
#include <ui/dialogs/signindialog.h>
#include <ui/signin.h>

#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThreadPool>
#include <QTimer>

using cp::models::Role;
namespace SignIn = cp::ui::SignIn;

/** Sign-in against users (argon2id) and the first-run admin, as functions and as the dialog. */
class tst_SignIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void authenticate_data() { cp::test::addDialectColumn(); }
    void authenticate();
    void firstAdmin_data() { cp::test::addDialectColumn(); }
    void firstAdmin();
    void dialogFirstRunThenSignIn();
    void destroyWhileSigningIn();
};

void tst_SignIn::authenticate()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    const cp::Result<QString> hash =
        cp::app::PasswordHasher::hash(QStringLiteral("correct horse battery"));
    QVERIFY(hash.ok());
    const cp::Result<int> id =
        cp::models::UserRepository(scratch.database())
            .add(QStringLiteral("pro@example.com"), Role::Professional, *hash);
    QVERIFY(id.ok());
    const cp::Result<cp::ui::UserSession> ok =
        SignIn::authenticate(scratch.database(), QStringLiteral(" pro@example.com "),
                             QStringLiteral("correct horse battery"));
    QVERIFY2(ok.ok(), qPrintable(ok.error()));
    QCOMPARE(ok->userId, *id);
    QCOMPARE(ok->role, Role::Professional);
    const cp::Result<cp::ui::UserSession> wrong = SignIn::authenticate(
        scratch.database(), QStringLiteral("pro@example.com"), QStringLiteral("wrong"));
    const cp::Result<cp::ui::UserSession> unknown =
        SignIn::authenticate(scratch.database(), QStringLiteral("nobody@example.com"),
                             QStringLiteral("correct horse battery"));
    QVERIFY(!wrong.ok() && !unknown.ok());
    // The same sentence either way: the dialog does not reveal which addresses exist.
    QCOMPARE(wrong.error(), unknown.error());
}

void tst_SignIn::firstAdmin()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QCOMPARE(*SignIn::needsFirstAdmin(scratch.database()), true);
    QVERIFY(!SignIn::createFirstAdmin(scratch.database(), QStringLiteral("a@example.com"),
                                      QStringLiteral("short"))
                 .ok());
    const cp::Result<cp::ui::UserSession> admin =
        SignIn::createFirstAdmin(scratch.database(), QStringLiteral("a@example.com"),
                                 QStringLiteral("a long enough secret"));
    QVERIFY2(admin.ok(), qPrintable(admin.error()));
    QCOMPARE(admin->role, Role::Admin);
    QCOMPARE(*SignIn::needsFirstAdmin(scratch.database()), false);
    QVERIFY(!SignIn::createFirstAdmin(scratch.database(), QStringLiteral("b@example.com"),
                                      QStringLiteral("another long secret"))
                 .ok());
    QVERIFY(SignIn::authenticate(scratch.database(), QStringLiteral("a@example.com"),
                                 QStringLiteral("a long enough secret"))
                .ok());
}

void tst_SignIn::dialogFirstRunThenSignIn()
{
    CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
    {
        cp::ui::SignInDialog dialog(scratch.databaseUrl());
        QSignalSpy mode(&dialog, &cp::ui::SignInDialog::modeKnown);
        dialog.show();
        QVERIFY(mode.wait(30000));
        QVERIFY(dialog.isFirstRun());
        dialog.findChild<QLineEdit *>(QStringLiteral("signInEmail"))
            ->setText(QStringLiteral("first@example.com"));
        dialog.findChild<QLineEdit *>(QStringLiteral("signInPassword"))
            ->setText(QStringLiteral("first admin secret"));
        dialog.findChild<QLineEdit *>(QStringLiteral("signInConfirm"))
            ->setText(QStringLiteral("different secret!!"));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("signInButton")),
                          Qt::LeftButton);
        QVERIFY(dialog.isVisible()); // the passwords differ
        dialog.findChild<QLineEdit *>(QStringLiteral("signInConfirm"))
            ->setText(QStringLiteral("first admin secret"));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("signInButton")),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 30000);
        QCOMPARE(dialog.session().role, Role::Admin);
    }
    cp::ui::SignInDialog dialog(scratch.databaseUrl());
    QSignalSpy mode(&dialog, &cp::ui::SignInDialog::modeKnown);
    dialog.show();
    QVERIFY(mode.wait(30000));
    QVERIFY(!dialog.isFirstRun());
    dialog.findChild<QLineEdit *>(QStringLiteral("signInEmail"))
        ->setText(QStringLiteral("first@example.com"));
    dialog.findChild<QLineEdit *>(QStringLiteral("signInPassword"))
        ->setText(QStringLiteral("not it"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("signInButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.findChild<QLabel *>(QStringLiteral("signInMessage"))
                                 ->text()
                                 .contains(QLatin1String("not correct")),
                             30000);
    QVERIFY(dialog.isVisible());
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("guestButton")),
                      Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.session().isSignedIn());
    QCOMPARE(dialog.session().role, Role::Casual);
}

// Closing the dialog while its worker still hashes must neither wait for it nor crash when the
// worker's result arrives for a dialog that is gone; the worker finishes its work alone.
void tst_SignIn::destroyWhileSigningIn()
{
    CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
    QPointer<cp::ui::SignInDialog> dialog = new cp::ui::SignInDialog(scratch.databaseUrl());
    QSignalSpy mode(dialog.data(), &cp::ui::SignInDialog::modeKnown);
    dialog->show();
    QVERIFY(mode.wait(30000));
    QVERIFY(dialog->isFirstRun());
    dialog->findChild<QLineEdit *>(QStringLiteral("signInEmail"))
        ->setText(QStringLiteral("gone@example.com"));
    dialog->findChild<QLineEdit *>(QStringLiteral("signInPassword"))
        ->setText(QStringLiteral("a secret long enough"));
    dialog->findChild<QLineEdit *>(QStringLiteral("signInConfirm"))
        ->setText(QStringLiteral("a secret long enough"));
    // Holds the write lock, so the worker cannot store the admin yet: a destructor that
    // waited for it would block until the worker gave up on the lock, and no admin would exist.
    QSqlQuery lock(scratch.database());
    QVERIFY2(lock.exec(QStringLiteral("BEGIN IMMEDIATE")), qPrintable(lock.lastError().text()));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("signInButton")),
                      Qt::LeftButton);
    delete dialog; // the worker is still hashing, or waiting for the lock
    QVERIFY(dialog.isNull());

    // The event loop keeps turning meanwhile.
    int ticks = 0;
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, [&ticks] { ++ticks; });
    timer.start(1);
    QTRY_VERIFY_WITH_TIMEOUT(ticks >= 3, 30000);
    QVERIFY2(lock.exec(QStringLiteral("ROLLBACK")), qPrintable(lock.lastError().text()));

    // Once the worker is done its result is delivered to nobody, and the admin it created
    // exists: the work was finished, not abandoned.
    QVERIFY(QThreadPool::globalInstance()->waitForDone(60000));
    QTest::qWait(50);
    QVERIFY(ticks >= 3);
    const cp::Result<bool> needsAdmin = SignIn::needsFirstAdmin(scratch.databaseUrl());
    QVERIFY2(needsAdmin.ok(), qPrintable(needsAdmin.error()));
    QCOMPARE(*needsAdmin, false);
}

QTEST_MAIN(tst_SignIn)
#include "tst_signin.moc"
