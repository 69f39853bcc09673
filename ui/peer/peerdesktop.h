#pragma once

#include <ui/usersession.h>

#include <app/peer/peerclient.h>
#include <models/databaseurl.h>

#include <QObject>
#include <QUrl>

#include <memory>

namespace cp::app {
class PeerActions;
class PeerMirror;
class PeerSync;
class PeerTokenStore;
class ViewActions;
} // namespace cp::app

namespace cp::ui {

class MainWindow;

/**
 * Peer mode assembled: the REST client, the local mirror, its synchronisation and the actions
 * that write through the peer, plus the main window that shows them with the usual pages and a
 * peer indicator in the status bar. When the peer refuses the token it asks to sign in again.
 */
class PeerDesktop : public QObject
{
    Q_OBJECT

public:
    //! `mirrorPath` empty: PeerMirror::defaultPath() of the peer.
    explicit PeerDesktop(QUrl peer, QString mirrorPath = {}, QObject *parent = nullptr);
    ~PeerDesktop() override;

    //! Opens the mirror and starts synchronising as `login`; the error sentence on failure.
    Status begin(const app::PeerLogin &login);
    /**
     * Starts on the local copy of an earlier session because the peer did not answer: the
     * account `email` as the copy knows it, with the saved `token`, checked once the peer
     * answers. False (nothing started) when there is no copy with that account yet.
     */
    bool beginOffline(const QString &token, const QString &email, const QString &reason);
    //! The window over the mirror (call after begin); owned by the caller.
    MainWindow *createWindow(QWidget *parent = nullptr);

    UserSession session() const;
    models::DatabaseUrl mirrorUrl() const;
    app::PeerSync *sync() const { return m_sync; }
    app::PeerClient *client() const { return m_client; }
    std::shared_ptr<app::ViewActions> actions() const;
    /**
     * The desktop in peer mode from main(): reuses the token the keychain holds for `url` (or
     * the peer in the settings) when GET auth/me still accepts it, else asks to sign in
     * (saying why). Remembers the address and e-mail in the settings (never the password or
     * token: that goes to the keychain), runs the window. Returns the exit code.
     */
    static int run(const QString &url);

    //! Whether a sign-in dialog pops up when the token is refused (off in tests).
    void setInteractive(bool interactive) { m_interactive = interactive; }
    //! The keychain entry of this peer's token.
    app::PeerTokenStore *tokens() const { return m_tokens; }
    //! Revokes the token on the peer (POST auth/logout), forgets it and stops synchronising;
    //! signedOut follows once the peer answered (or did not).
    void signOut();

Q_SIGNALS:
    void signedOut();

private:
    void askToSignInAgain(const QString &reason);
    //! Creates the synchronisation for `login` (first time) or hands it the new login.
    void attachSync(const app::PeerLogin &login);

    QUrl m_peer;
    QString m_mirrorPath;
    app::PeerClient *m_client;
    std::unique_ptr<app::PeerMirror> m_mirror;
    app::PeerTokenStore *m_tokens;
    app::PeerSync *m_sync = nullptr;
    std::shared_ptr<app::PeerActions> m_actions;
    app::PeerLogin m_login;
    bool m_interactive = true;
};

} // namespace cp::ui
