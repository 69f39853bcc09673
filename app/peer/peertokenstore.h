#pragma once

#include "peerclient.h"

#include <app/settings/credentialstore.h>

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace cp::app {

/** What a saved peer sign-in came to when the desktop starts. */
struct PeerResume
{
    enum class Outcome {
        //! The saved token is still valid: `login` holds the account, no password needed.
        Resumed,
        //! Nothing saved for this peer.
        NoToken,
        //! The peer refused the saved token (expired or revoked); it is forgotten.
        Rejected,
        //! The peer did not answer (or answered with an error); the token is kept. When it did
        //! not answer at all, `login.token` holds the saved token (for an offline start).
        Unreachable,
        //! No keychain answered: sign in each time, the token stays in memory.
        NoKeychain
    };
    Outcome outcome = Outcome::NoToken;
    PeerLogin login;
    //! Empty for Resumed and NoToken; otherwise one sentence for the sign-in dialog.
    QString message;
};

/**
 * A peer's API token in the OS keychain (CredentialStore, key peerKey(url)), so that the next
 * start skips the password when the token is still valid. Tokens are secrets: never in
 * AppSettings or any file. When no keychain answers, the token stays in this process's memory
 * (CredentialStore::rememberForSession) and the sign-in dialog says so.
 */
class PeerTokenStore : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const CredentialResult &)>;

    explicit PeerTokenStore(QUrl peer, QObject *parent = nullptr);

    //! CredentialStore::peerKey of the peer's base URL.
    QString key() const;
    //! The sentence the sign-in dialog shows when no keychain is available.
    static QString noKeychainNotice();

    //! Keeps `token` in the keychain; in memory for this session when there is none.
    void save(const QString &token, QObject *context, Done done = {});
    //! Forgets the token (sign-out, or the peer refused it).
    void forget(QObject *context, Done done = {});
    //! Reads the saved token and asks the peer's GET auth/me whether it is still valid.
    //! `client` must point at the same peer; on success it carries the token.
    void resume(PeerClient *client, QObject *context, std::function<void(const PeerResume &)> done);

    //! The account an auth/me answer names, with `token`; a failure for anything else.
    static Result<PeerLogin> parseMe(const PeerReply &reply, const QString &token);

    //! Whether the last keychain answer said there is no keychain (or it refused).
    bool keychainMissing() const { return m_keychainMissing; }

private:
    void noted(const CredentialResult &result);

    QUrl m_peer;
    CredentialStore m_store;
    bool m_keychainMissing = false;
};

} // namespace cp::app
