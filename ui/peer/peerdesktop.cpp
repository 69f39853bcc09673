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
#include <QLabel>
#include <QMessageBox>

#include <QPointer>
#include <QStatusBar>

namespace cp::ui {

PeerDesktop::PeerDesktop(QUrl peer, QString mirrorPath, QObject *parent)
    : QObject(parent)
    , m_peer(std::move(peer))
    , m_mirrorPath(mirrorPath.isEmpty() ? app::PeerMirror::defaultPath(m_peer)
                                        : std::move(mirrorPath))
    , m_client(new app::PeerClient(m_peer, this))
    , m_mirror(std::make_unique<app::PeerMirror>())
    , m_tokens(std::make_unique<app::MemoryTokenStore>())
{
}

PeerDesktop::~PeerDesktop()
{
    if (m_sync)
        m_sync->stop();
}

QString PeerDesktop::account() const
{
    return m_login.email + QLatin1Char('@') + m_peer.toString();
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
    m_tokens->setToken(account(), login.token);
    if (!m_sync) {
        m_sync = new app::PeerSync(m_client, m_mirror.get(), login, this);
        m_actions = std::make_shared<app::PeerActions>(m_sync);
        connect(m_sync, &app::PeerSync::signInRequired, this, [this] {
            m_tokens->clear(account());
            if (m_interactive)
                askToSignInAgain();
        });
    } else {
        m_sync->setLogin(login);
    }
    m_sync->start();
    return {};
}

MainWindow *PeerDesktop::createWindow(QWidget *parent)
{
    auto *window = new MainWindow(mirrorUrl(), session(), actions(), parent);
    window->setWindowTitle(tr("CryptoPredict - peer %1").arg(m_peer.toString()));
    // The local copy is not the data source: the peer is.
    window->setDatabaseDescription(
        tr("Peer: %1 (copy at %2)").arg(m_peer.toString(), m_mirror->filePath()));
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

void PeerDesktop::askToSignInAgain()
{
    auto *dialog = new PeerSignInDialog(m_peer.toString(), m_login.email);
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

int PeerDesktop::run(const QString &url)
{
    app::AppSettings settings = app::AppSettings::load();
    PeerSignInDialog signIn(url.isEmpty() ? settings.peer.url : url, settings.peer.email);
    if (signIn.exec() != QDialog::Accepted)
        return 0;
    settings.peer.url = signIn.peerUrl().toString();
    settings.peer.email = signIn.login().email;
    settings.save();
    PeerDesktop desktop(signIn.peerUrl());
    if (const Status begun = desktop.begin(signIn.login()); !begun) {
        QMessageBox::critical(nullptr, tr("CryptoPredict"), begun.error());
        return 2;
    }
    std::unique_ptr<MainWindow> window(desktop.createWindow());
    window->show();
    return QApplication::exec();
}

} // namespace cp::ui
