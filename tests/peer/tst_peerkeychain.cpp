// Peer mode's token in the OS keychain: a real Secret Service (gnome-keyring on a private D-Bus,
// started by scripts/with-keychain.sh), a real API server, PeerDesktop::run as main() runs it.
#include "peertestsupport.h"

#include <apiseed.h>
#include <apitestsupport.h>
#include <testdatabase.h>

#include <ui/mainwindow.h>
#include <ui/peer/peerdesktop.h>
#include <ui/peer/peersignindialog.h>

#include <app/api/apiserver.h>
#include <app/peer/peermirror.h>
#include <app/peer/peertokenstore.h>
#include <app/settings/appsettings.h>
#include <app/settings/credentialstore.h>

#include <QAction>
#include <QApplication>
#include <QDirIterator>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace cp::test;
using cp::app::CredentialStatus;
using cp::app::CredentialStore;
using cp::app::PeerTokenStore;

namespace {

const char *kChildVariable = "CRYPTOPREDICT_TEST_PEER_KEYCHAIN_CHILD";

//! True when any file under `dir` contains `needle`.
bool anyFileContains(const QString &dir, const QByteArray &needle)
{
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            return true;
    }
    return false;
}

/** What one start of the peer desktop (PeerDesktop::run) showed the user. */
struct Start
{
    int dialogs = 0;
    //! The sign-in dialog's notice (why it is shown), as it first appeared.
    QString notice;
    bool connected = false;
    int code = -1;
};

/**
 * Runs PeerDesktop::run(base) with a timer in the user's part: a sign-in dialog is filled in and
 * submitted (or cancelled), a main window that reports "Peer: connected" ends the run.
 */
Start startDesktop(const QUrl &base, const QString &email, bool signInWhenAsked)
{
    Start start;
    QSet<QObject *> handled;
    QTimer user;
    user.setInterval(50);
    QObject::connect(&user, &QTimer::timeout, &user, [&] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (!widget->isVisible())
                continue;
            if (auto *dialog = qobject_cast<cp::ui::PeerSignInDialog *>(widget)) {
                if (handled.contains(dialog))
                    continue;
                handled.insert(dialog);
                if (++start.dialogs == 1)
                    start.notice = dialog->notice();
                if (!signInWhenAsked) {
                    dialog->reject();
                    return;
                }
                dialog->findChild<QLineEdit *>(QStringLiteral("peerEmail"))->setText(email);
                dialog->findChild<QLineEdit *>(QStringLiteral("peerPassword"))
                    ->setText(ApiFixture::password());
                dialog->submit();
                return;
            }
            auto *window = qobject_cast<cp::ui::MainWindow *>(widget);
            if (!window)
                continue;
            auto *status = window->findChild<QLabel *>(QStringLiteral("peerStatus"));
            if (status && status->text() == QStringLiteral("Peer: connected")) {
                start.connected = true;
                QCoreApplication::quit();
            }
        }
    });
    user.start();
    // A safety net only: a run that never gets there must not hang the test.
    QTimer::singleShot(60000, &user, [] { QCoreApplication::quit(); });
    start.code = cp::ui::PeerDesktop::run(base.toString());
    return start;
}

/** What one start of the peer desktop with the peer down showed, step by step. */
struct OfflineStart
{
    int dialogs = 0;
    //! The first sign-in dialog's notice.
    QString notice;
    //! A window said "Peer: offline (showing data from ...)".
    bool offline = false;
    //! Its signals page showed the copied signal while the peer was down.
    bool copyShown = false;
    //! Afterwards it said "Peer: connected" and showed the change made meanwhile.
    bool resynced = false;
    int code = -1;
};

/**
 * Runs PeerDesktop::run(base) while the peer is down. Once the window shows the signal `copied`
 * from the local copy, `comeBack` runs (it changes the data and restarts the peer); the run ends
 * when the window shows `changed` connected, or when a sign-in dialog appears after the offline
 * window (a dialog before it is cancelled, which ends the run too).
 */
OfflineStart startOffline(const QUrl &base, qint64 copied, const std::function<qint64()> &comeBack)
{
    OfflineStart start;
    QSet<QObject *> handled;
    bool cameBack = false;
    qint64 changed = 0;
    QTimer user;
    user.setInterval(50);
    QObject::connect(&user, &QTimer::timeout, &user, [&] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (!widget->isVisible())
                continue;
            if (auto *dialog = qobject_cast<cp::ui::PeerSignInDialog *>(widget)) {
                if (handled.contains(dialog))
                    continue;
                handled.insert(dialog);
                if (++start.dialogs == 1)
                    start.notice = dialog->notice();
                dialog->reject();
                if (start.offline)
                    QCoreApplication::quit();
                return;
            }
            auto *window = qobject_cast<cp::ui::MainWindow *>(widget);
            if (!window)
                continue;
            auto *status = window->findChild<QLabel *>(QStringLiteral("peerStatus"));
            if (!status || !window->showPage(QStringLiteral("signalsPage")))
                continue;
            auto *table = window->page(QStringLiteral("signalsPage"))
                              ->findChild<QTableView *>(QStringLiteral("signalTable"));
            if (!table)
                continue;
            if (!cameBack) {
                if (status->text().startsWith(QStringLiteral("Peer: offline (showing data from ")))
                    start.offline = true;
                if (start.offline && shownIds(table).contains(copied)) {
                    start.copyShown = true;
                    cameBack = true;
                    changed = comeBack();
                }
            } else if (status->text() == QStringLiteral("Peer: connected") &&
                       shownIds(table).contains(changed)) {
                start.resynced = true;
                QCoreApplication::quit();
            }
        }
    });
    user.start();
    // A safety net only (the backoff waits up to 30 s between attempts).
    QTimer::singleShot(120000, &user, [] { QCoreApplication::quit(); });
    start.code = cp::ui::PeerDesktop::run(base.toString());
    return start;
}

//! Stops `server` and waits until it no longer answers.
bool stopServer(cp::app::api::ApiServer &server)
{
    QSignalSpy stopped(&server, &cp::app::api::ApiServer::stopped);
    server.shutdown();
    return stopped.wait(10000);
}

} // namespace

class tst_PeerKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parseMe();
    void secondStartReusesTheToken_data() { addDialectColumn(); }
    void secondStartReusesTheToken();
    void signOutForgetsTheToken();
    void offlineStartShowsTheCopy_data() { addDialectColumn(); }
    void offlineStartShowsTheCopy();
    void offlineStartThenRefusedAsksToSignIn();
    void offlineStartWithoutCopyAsks();
    void noKeychainIsSaid();
    void noKeychainChild();

private:
    QTemporaryDir m_settings;
};

void tst_PeerKeychain::initTestCase()
{
    QVERIFY(m_settings.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("CryptoPredict"));
    QCoreApplication::setApplicationName(QStringLiteral("cryptopredict-peer-keychain-test"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    QSettings().clear();
    // The mirror's default place: away from the user's data.
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
    if (!qEnvironmentVariableIsSet(kChildVariable))
        isolateKeychain(m_settings.path());
}

void tst_PeerKeychain::parseMe()
{
    cp::app::PeerReply me;
    me.status = 200;
    me.json = QJsonDocument(QJsonObject{{QStringLiteral("id"), 7},
                                        {QStringLiteral("email"), QStringLiteral("a@b.c")},
                                        {QStringLiteral("role"), QStringLiteral("admin")}});
    const cp::Result<cp::app::PeerLogin> login = PeerTokenStore::parseMe(me, QStringLiteral("t"));
    QVERIFY(login.ok());
    QCOMPARE(login->userId, 7);
    QCOMPARE(login->email, QStringLiteral("a@b.c"));
    QCOMPARE(login->role, QStringLiteral("admin"));
    QCOMPARE(login->token, QStringLiteral("t"));

    cp::app::PeerReply refused;
    refused.status = 401;
    QVERIFY(!PeerTokenStore::parseMe(refused, QStringLiteral("t")).ok());
    // Some other web server: 200 without an account.
    cp::app::PeerReply other;
    other.status = 200;
    other.json = QJsonDocument(QJsonObject{{QStringLiteral("hello"), 1}});
    QVERIFY(!PeerTokenStore::parseMe(other, QStringLiteral("t")).ok());
}

void tst_PeerKeychain::secondStartReusesTheToken()
{
    if (!testKeychainStarted())
        QSKIP("no test Secret Service (run through scripts/with-keychain.sh)");
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    Q_UNUSED(seed);
    const QString email = emailOf(api.db(), api.professionalId);
    QVERIFY(!email.isEmpty());
    const QUrl base = api.client().base();
    const QString key = CredentialStore::peerKey(base.toString());
    CredentialStore store;
    QVERIFY(store.removeBlocking(key).ok());

    // First start: nothing saved, so the dialog asks; the token goes to the keychain.
    const Start first = startDesktop(base, email, true);
    QCOMPARE(first.dialogs, 1);
    QVERIFY(first.notice.isEmpty());
    QVERIFY(first.connected);
    QCOMPARE(first.code, 0);
    const cp::app::CredentialResult saved = store.readBlocking(key);
    QVERIFY2(saved.ok(), qPrintable(saved.message));
    QVERIFY(!saved.secret.isEmpty());
    CP_GET(valid, api, QStringLiteral("/api/v1/auth/me"), saved.secret, 200);
    QCOMPARE(valid.object().value(QStringLiteral("email")).toString(), email);

    // The token is in no file: not the settings, not the local copy of the peer's data.
    QSettings().sync();
    QCOMPARE(cp::app::AppSettings::load().peer.email, email);
    QVERIFY(QFile::exists(QSettings().fileName()));
    QVERIFY(!anyFileContains(m_settings.path(), saved.secret.toUtf8()));
    QVERIFY(!anyFileContains(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation),
                             saved.secret.toUtf8()));

    // Second start: the saved token is still valid, so no dialog.
    const Start second = startDesktop(base, email, true);
    QCOMPARE(second.dialogs, 0);
    QVERIFY(second.connected);
    QCOMPARE(second.code, 0);

    // Revoked on the peer: the next start asks again and says why; the entry is gone.
    QCOMPARE(api.client().post(QStringLiteral("/api/v1/auth/logout"), {}, saved.secret).status,
             200);
    const Start third = startDesktop(base, email, false);
    QCOMPARE(third.dialogs, 1);
    QVERIFY2(third.notice.contains(QLatin1String("no longer valid")), qPrintable(third.notice));
    QVERIFY(!third.connected);
    QCOMPARE(third.code, 0);
    QCOMPARE(store.readBlocking(key).status, CredentialStatus::NotFound);
}

void tst_PeerKeychain::signOutForgetsTheToken()
{
    if (!testKeychainStarted())
        QSKIP("no test Secret Service (run through scripts/with-keychain.sh)");
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    CP_SEEDED_API(api, db);
    Q_UNUSED(seed);
    const QString email = emailOf(api.db(), api.casualId);
    const QString key = CredentialStore::peerKey(api.client().base().toString());
    CredentialStore store;
    CP_PEER_SIGNED_IN(peer, api, email);
    QString token;
    QTRY_VERIFY_WITH_TIMEOUT(!(token = store.readBlocking(key).secret).isEmpty(), 20000);
    CP_GET(before, api, QStringLiteral("/api/v1/auth/me"), token, 200);

    // The window's "Sign out and quit": the peer revokes the token, the keychain forgets it.
    auto *signOut = peer.window->findChild<QAction *>(QStringLiteral("peerSignOut"));
    QVERIFY(signOut);
    QSignalSpy signedOut(peer.desktop.get(), &cp::ui::PeerDesktop::signedOut);
    signOut->trigger();
    QVERIFY(signedOut.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(!peer.window->isVisible(), 5000);
    QCOMPARE(store.readBlocking(key).status, CredentialStatus::NotFound);
    CP_GET(after, api, QStringLiteral("/api/v1/auth/me"), token, 401);
}

void tst_PeerKeychain::offlineStartShowsTheCopy()
{
    if (!testKeychainStarted())
        QSKIP("no test Secret Service (run through scripts/with-keychain.sh)");
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    const QString email = emailOf(api.db(), api.professionalId);
    const QUrl base = api.client().base();
    CredentialStore store;
    QVERIFY(store.removeBlocking(CredentialStore::peerKey(base.toString())).ok());
    // A session with the peer leaves the copy and the saved token behind.
    const Start first = startDesktop(base, email, true);
    QVERIFY(first.connected);
    QVERIFY(QFile::exists(cp::app::PeerMirror::defaultPath(base)));

    // The analyst is offline: the peer does not answer.
    QVERIFY(stopServer(api.server()));
    std::unique_ptr<cp::app::api::ApiServer> restarted;
    const OfflineStart offline = startOffline(base, seed.activeSignal, [&]() -> qint64 {
        // Meanwhile the peer's data changes, then it answers again on the same address.
        const int added = addSignal(api.db(), seed.uni, 0.66, false);
        cp::app::api::ServeOptions options;
        options.port = quint16(base.port());
        restarted = std::make_unique<cp::app::api::ApiServer>(db.databaseUrl(), options);
        const cp::Result<QUrl> url = restarted->start();
        if (!url)
            qWarning("restart failed: %s", qPrintable(url.error()));
        return added;
    });
    QCOMPARE(offline.dialogs, 0);
    QVERIFY(offline.offline);
    QVERIFY(offline.copyShown);
    QVERIFY(offline.resynced);
    QCOMPARE(offline.code, 0);
    // The token stayed valid and saved throughout.
    QVERIFY(!store.readBlocking(CredentialStore::peerKey(base.toString())).secret.isEmpty());
    if (restarted)
        QVERIFY(stopServer(*restarted));
}

void tst_PeerKeychain::offlineStartThenRefusedAsksToSignIn()
{
    if (!testKeychainStarted())
        QSKIP("no test Secret Service (run through scripts/with-keychain.sh)");
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    CP_SEEDED_API(api, db);
    const QString email = emailOf(api.db(), api.casualId);
    const QUrl base = api.client().base();
    const QString key = CredentialStore::peerKey(base.toString());
    CredentialStore store;
    QVERIFY(store.removeBlocking(key).ok());
    QVERIFY(startDesktop(base, email, true).connected);
    const QString token = store.readBlocking(key).secret;
    QVERIFY(!token.isEmpty());

    // Revoked elsewhere while the laptop is offline: the copy opens, the answer is 401.
    QCOMPARE(api.client().post(QStringLiteral("/api/v1/auth/logout"), {}, token).status, 200);
    QVERIFY(stopServer(api.server()));
    std::unique_ptr<cp::app::api::ApiServer> restarted;
    const OfflineStart offline = startOffline(base, seed.activeSignal, [&]() -> qint64 {
        cp::app::api::ServeOptions options;
        options.port = quint16(base.port());
        restarted = std::make_unique<cp::app::api::ApiServer>(db.databaseUrl(), options);
        const cp::Result<QUrl> url = restarted->start();
        if (!url)
            qWarning("restart failed: %s", qPrintable(url.error()));
        return -1;
    });
    QVERIFY(offline.offline);
    QVERIFY(offline.copyShown);
    QCOMPARE(offline.dialogs, 1);
    QVERIFY2(offline.notice.contains(QLatin1String("no longer accepts your sign-in")),
             qPrintable(offline.notice));
    QVERIFY(!offline.resynced);
    QTRY_COMPARE_WITH_TIMEOUT(store.readBlocking(key).status, CredentialStatus::NotFound, 10000);
    if (restarted)
        QVERIFY(stopServer(*restarted));
}

void tst_PeerKeychain::offlineStartWithoutCopyAsks()
{
    if (!testKeychainStarted())
        QSKIP("no test Secret Service (run through scripts/with-keychain.sh)");
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    CP_SEEDED_API(api, db);
    const QString email = emailOf(api.db(), api.casualId);
    const QUrl base = api.client().base();
    const QString key = CredentialStore::peerKey(base.toString());
    CredentialStore store;
    QVERIFY(store.removeBlocking(key).ok());
    QVERIFY(startDesktop(base, email, true).connected);
    QVERIFY(stopServer(api.server()));
    // The copy is gone (a new laptop, a cleaned data directory): nothing to show offline.
    const QString mirror = cp::app::PeerMirror::defaultPath(base);
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(mirror + suffix);
    QVERIFY(!QFile::exists(mirror));

    const OfflineStart offline = startOffline(base, seed.activeSignal, [] { return qint64(-1); });
    QVERIFY(!offline.offline);
    QCOMPARE(offline.dialogs, 1);
    QVERIFY2(offline.notice.contains(QLatin1String("Could not reach")), qPrintable(offline.notice));
    QCOMPARE(offline.code, 0);
    // The token is kept for the next attempt.
    QVERIFY(!store.readBlocking(key).secret.isEmpty());
    QVERIFY(!QFile::exists(mirror));
}

void tst_PeerKeychain::noKeychainIsSaid()
{
    if (qEnvironmentVariableIsSet(kChildVariable))
        QSKIP("runs in the parent");
    // libsecret connects to the session bus once per process: the case without a keychain runs
    // in a child process whose bus address leads nowhere.
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kChildVariable), m_settings.path());
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=%1/no-such-bus").arg(m_settings.path()));
    env.remove(QStringLiteral("KDE_FULL_SESSION"));
    env.remove(QStringLiteral("XDG_CURRENT_DESKTOP"));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("noKeychainChild")});
    QVERIFY(child.waitForFinished(180000));
    const QByteArray output = child.readAll();
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
             output.constData());
    QVERIFY2(output.contains("PASS   : tst_PeerKeychain::noKeychainChild"), output.constData());
}

void tst_PeerKeychain::noKeychainChild()
{
    if (!qEnvironmentVariableIsSet(kChildVariable))
        QSKIP("runs as a child of noKeychainIsSaid");
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    CP_SEEDED_API(api, db);
    Q_UNUSED(seed);
    const QString email = emailOf(api.db(), api.casualId);
    const QUrl base = api.client().base();
    const QString key = CredentialStore::peerKey(base.toString());

    const Start start = startDesktop(base, email, true);
    QCOMPARE(start.dialogs, 1);
    QVERIFY2(start.notice.contains(QLatin1String("No keychain is available, so you will be "
                                                 "asked to sign in each time")),
             qPrintable(start.notice));
    QVERIFY(start.connected);
    // The token stayed in memory, and nowhere on disk.
    QVERIFY(CredentialStore::hasSessionSecret(key));
    const QString token = CredentialStore().readBlocking(key, 60000).secret;
    QVERIFY(!token.isEmpty());
    QSettings().sync();
    QVERIFY(!anyFileContains(m_settings.path(), token.toUtf8()));
    QVERIFY(!anyFileContains(qEnvironmentVariable(kChildVariable), token.toUtf8()));
    QVERIFY(!anyFileContains(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation),
                             token.toUtf8()));
}

QTEST_MAIN(tst_PeerKeychain)
#include "tst_peerkeychain.moc"
