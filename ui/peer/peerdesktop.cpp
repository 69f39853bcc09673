#include "peerdesktop.h"

#include "peersignindialog.h"
#include "peerstatuslabel.h"

#include <ui/mainwindow.h>

#include <app/peer/peeractions.h>
#include <app/peer/peermirror.h>
#include <app/peer/peersync.h>
#include <app/peer/peertokenstore.h>
#include <app/settings/appsettings.h>

#include <QApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTimer>

#include <optional>

namespace cp::ui {

PeerDesktop::PeerDesktop(QUrl peer, QString mirrorPath, QObject *parent)
    : QObject(parent)
    , m_peer(std::move(peer))
    , m_mirrorPath(mirrorPath.isEmpty() ? app::PeerMirror::defaultPath(m_peer)
                                        : std::move(mirrorPath))
    , m_client(new app::PeerClient(m_peer, this))
    , m_mirror(std::make_unique<app::PeerMirror>())
    , m_tokens(new app::PeerTokenStore(m_peer, this))
{
}

PeerDesktop::~PeerDesktop()
{
    if (m_sync)
        m_sync->stop();
}

Status PeerDesktop::begin(const app::PeerLogin &login)
{
    m_login = login;
    if (const Status opened = m_mirror->open(m_mirrorPath); !opened)
        return Status::failure(
            tr("Could not open the local copy of the peer's data: %1").arg(opened.error()));
    // The pages join users: the signed-in account must exist before the first read.
    if (const Result<bool> user = m_mirror->putUser(login.userId, login.email, login.role); !user)
        return Status::failure(user.error());
    // The next start skips the password while the peer accepts this token.
    m_tokens->save(login.token, this);
    attachSync(login);
    m_sync->start();
    return {};
}

bool PeerDesktop::beginOffline(const QString &token, const QString &email, const QString &reason)
{
    // Opening would create an empty copy: offline there is nothing to show then.
    const QFileInfo file(m_mirrorPath);
    if (token.isEmpty() || email.isEmpty() || !file.exists() || !m_mirror->open(m_mirrorPath))
        return false;
    app::PeerLogin login;
    login.token = token;
    login.email = email;
    {
        QSqlQuery account(m_mirror->database());
        account.prepare(QStringLiteral("SELECT id, role FROM users WHERE email = ?"));
        account.addBindValue(email);
        if (!account.exec() || !account.next())
            return false;
        login.userId = account.value(0).toInt();
        login.role = account.value(1).toString();
    }
    if (login.userId <= 0)
        return false;
    m_login = login;
    attachSync(login);
    // The copy was last written then (SQLite's write-ahead log may be newer than the file).
    QDateTime dataFrom = file.lastModified();
    const QFileInfo wal(m_mirrorPath + QStringLiteral("-wal"));
    if (wal.exists() && wal.lastModified() > dataFrom)
        dataFrom = wal.lastModified();
    m_sync->startOffline(dataFrom, reason);
    return true;
}

void PeerDesktop::attachSync(const app::PeerLogin &login)
{
    if (m_sync) {
        m_sync->setLogin(login);
        return;
    }
    m_sync = new app::PeerSync(m_client, m_mirror.get(), login, this);
    m_actions = std::make_shared<app::PeerActions>(m_sync);
    connect(m_sync, &app::PeerSync::signInRequired, this, [this] {
        m_tokens->forget(this);
        if (m_interactive)
            askToSignInAgain(tr("%1 no longer accepts your sign-in (it expired or was "
                                "revoked). Sign in again.")
                                 .arg(m_peer.toString()));
    });
}

MainWindow *PeerDesktop::createWindow(QWidget *parent)
{
    auto *window = new MainWindow(mirrorUrl(), session(), actions(), parent);
    window->setWindowTitle(tr("CryptoPredict - peer %1").arg(m_peer.toString()));
    // The local copy is not the data source: the peer is.
    window->setDatabaseDescription(
        tr("Peer: %1 (copy at %2)").arg(m_peer.toString(), m_mirror->filePath()));
    QMenu *peerMenu = window->menuBar()->addMenu(tr("&Peer"));
    QAction *signOutAction = peerMenu->addAction(tr("Sign &out and quit"));
    signOutAction->setObjectName(QStringLiteral("peerSignOut"));
    QPointer<MainWindow> shown(window);
    connect(signOutAction, &QAction::triggered, this, [this, shown] {
        connect(
            this, &PeerDesktop::signedOut, this,
            [shown] {
                if (shown)
                    shown->close();
            },
            Qt::SingleShotConnection);
        signOut();
    });
    if (m_sync) {
        window->statusBar()->addPermanentWidget(new PeerStatusLabel(m_sync));
        // The copy's assets carry the label too, so a reopened window agrees.
        if (auto *banner = window->findChild<QLabel *>(QStringLiteral("simulatedBanner"))) {
            banner->setVisible(m_sync->isSimulated());
            connect(m_sync, &app::PeerSync::simulatedChanged, banner, &QLabel::setVisible);
        }
    }
    return window;
}

UserSession PeerDesktop::session() const
{
    UserSession session;
    session.userId = m_login.userId;
    session.email = m_login.email;
    session.role = models::roleFromName(m_login.role).value_or(models::Role::Casual);
    return session;
}

models::DatabaseUrl PeerDesktop::mirrorUrl() const
{
    const Result<models::DatabaseUrl> url =
        models::DatabaseUrl::parse(QStringLiteral("sqlite://") + m_mirror->filePath());
    return url ? *url : models::DatabaseUrl();
}

std::shared_ptr<app::ViewActions> PeerDesktop::actions() const
{
    return m_actions;
}

void PeerDesktop::signOut()
{
    if (m_sync)
        m_sync->stop();
    QPointer<PeerDesktop> self(this);
    auto finish = [self] {
        if (self)
            self->m_client->setToken(QString());
        if (self)
            Q_EMIT self->signedOut();
    };
    m_tokens->forget(this, [self, finish](const app::CredentialResult &) {
        if (!self)
            return;
        // The token dies on the peer too, so a copy of it is worthless.
        self->m_client->send("POST", QStringLiteral("auth/logout"), {},
                             [finish](const app::PeerReply &) { finish(); });
    });
}

void PeerDesktop::askToSignInAgain(const QString &reason)
{
    auto *dialog = new PeerSignInDialog(m_peer.toString(), m_login.email);
    QStringList notice{reason};
    if (m_tokens->keychainMissing())
        notice << app::PeerTokenStore::noKeychainNotice();
    dialog->setNotice(notice.join(QLatin1Char(' ')));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<PeerDesktop> self(this);
    connect(dialog, &QDialog::accepted, this, [self, dialog] {
        if (!self)
            return;
        // Same peer, same account expected: a different one would mix two users' copies.
        if (dialog->login().userId != self->m_login.userId) {
            self->m_sync->stop();
            return;
        }
        self->begin(dialog->login());
    });
    dialog->open();
}

namespace {

//! The saved token of `base` checked with the peer; waits in a local loop (no window shows yet).
app::PeerResume resumeSaved(const QUrl &base)
{
    app::PeerClient client(base);
    app::PeerTokenStore tokens(base);
    QEventLoop loop;
    std::optional<app::PeerResume> answer;
    tokens.resume(&client, &loop, [&](const app::PeerResume &resume) {
        answer = resume;
        loop.quit();
    });
    // Generous: the keychain may ask the user to unlock it.
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    if (!answer)
        loop.exec();
    if (!answer)
        return {};
    if (answer->outcome == app::PeerResume::Outcome::Rejected) {
        // Let the removal reach the keychain before the loop ends.
        tokens.forget(&loop, [&loop](const app::CredentialResult &) { loop.quit(); });
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return *answer;
}

} // namespace

int PeerDesktop::run(const QString &url)
{
    app::AppSettings settings = app::AppSettings::load();
    const QString address = url.isEmpty() ? settings.peer.url : url;
    const QUrl base = app::PeerClient::normalizedBase(address);
    app::PeerLogin login;
    QUrl peerUrl;
    QString notice;
    std::unique_ptr<PeerDesktop> desktop;
    if (base.isValid()) {
        const app::PeerResume resume = resumeSaved(base);
        if (resume.outcome == app::PeerResume::Outcome::Resumed) {
            login = resume.login;
            peerUrl = base;
        }
        notice = resume.message;
        // The peer is silent (an analyst offline): the copy of the last session, if any, opens
        // as it was, and the saved token is checked once the peer answers. The remembered
        // e-mail belongs to this peer only when the remembered address is this one.
        const bool samePeer = app::PeerClient::normalizedBase(settings.peer.url) == base;
        if (resume.outcome == app::PeerResume::Outcome::Unreachable && samePeer &&
            !resume.login.token.isEmpty()) {
            desktop = std::make_unique<PeerDesktop>(base);
            if (!desktop->beginOffline(resume.login.token, settings.peer.email, resume.message))
                desktop.reset();
        }
    } else if (app::CredentialStore().probeBlocking().keychainMissing()) {
        notice = app::PeerTokenStore::noKeychainNotice();
    }
    if (!desktop) {
        if (login.token.isEmpty()) {
            PeerSignInDialog signIn(address, settings.peer.email);
            signIn.setNotice(notice);
            if (signIn.exec() != QDialog::Accepted)
                return 0;
            login = signIn.login();
            peerUrl = signIn.peerUrl();
        }
        settings.peer.url = peerUrl.toString();
        settings.peer.email = login.email;
        settings.save();
        desktop = std::make_unique<PeerDesktop>(peerUrl);
        if (const Status begun = desktop->begin(login); !begun) {
            QMessageBox::critical(nullptr, tr("CryptoPredict"), begun.error());
            return 2;
        }
    }
    std::unique_ptr<MainWindow> window(desktop->createWindow());
    window->show();
    return QApplication::exec();
}

} // namespace cp::ui
