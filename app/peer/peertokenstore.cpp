#include "peertokenstore.h"

#include <QPointer>

namespace cp::app {

PeerTokenStore::PeerTokenStore(QUrl peer, QObject *parent)
    : QObject(parent)
    , m_peer(std::move(peer))
    , m_store(this)
{
}

QString PeerTokenStore::key() const
{
    return CredentialStore::peerKey(m_peer.toString());
}

QString PeerTokenStore::noKeychainNotice()
{
    return tr("No keychain is available, so you will be asked to sign in each time.");
}

void PeerTokenStore::noted(const CredentialResult &result)
{
    if (result.keychainMissing())
        m_keychainMissing = true;
    else if (result.ok() || result.status == CredentialStatus::NotFound)
        m_keychainMissing = false;
}

void PeerTokenStore::save(const QString &token, QObject *context, Done done)
{
    const QString k = key();
    QPointer<PeerTokenStore> self(this);
    m_store.write(k, token, context, [self, k, token, done](const CredentialResult &result) {
        // No plain-text fallback: without a keychain the token lives until the process quits.
        if (result.keychainMissing())
            CredentialStore::rememberForSession(k, token);
        if (self)
            self->noted(result);
        if (done)
            done(result);
    });
}

void PeerTokenStore::forget(QObject *context, Done done)
{
    QPointer<PeerTokenStore> self(this);
    m_store.remove(key(), context, [self, done](const CredentialResult &result) {
        if (self)
            self->noted(result);
        if (done)
            done(result);
    });
}

Result<PeerLogin> PeerTokenStore::parseMe(const PeerReply &reply, const QString &token)
{
    const QJsonObject me = reply.object();
    if (!reply.ok() || me.value(QStringLiteral("id")).toInt() <= 0)
        return Result<PeerLogin>::failure(reply.message());
    return PeerLogin{token, me.value(QStringLiteral("id")).toInt(),
                     me.value(QStringLiteral("email")).toString(),
                     me.value(QStringLiteral("role")).toString()};
}

void PeerTokenStore::resume(PeerClient *client, QObject *context,
                            std::function<void(const PeerResume &)> done)
{
    QPointer<PeerTokenStore> self(this);
    QPointer<PeerClient> peer(client);
    m_store.read(key(), context, [self, peer, context, done](const CredentialResult &read) {
        if (self)
            self->noted(read);
        PeerResume resume;
        if (read.keychainMissing()) {
            resume.outcome = PeerResume::Outcome::NoKeychain;
            resume.message = noKeychainNotice();
            done(resume);
            return;
        }
        if (!read.ok() || read.secret.isEmpty() || !peer || !self) {
            done(resume);
            return;
        }
        const QString token = read.secret;
        peer->setToken(token);
        QPointer<QObject> guard(context);
        peer->get(QStringLiteral("auth/me"), [self, peer, guard, done,
                                              token](const PeerReply &reply) {
            if (!guard)
                return;
            PeerResume resume;
            const QString where = peer ? peer->base().toString() : QString();
            if (reply.status == 401) {
                if (peer)
                    peer->setToken(QString());
                resume.outcome = PeerResume::Outcome::Rejected;
                resume.message = tr("Your saved sign-in to %1 is no longer valid (it expired or "
                                    "was revoked). Sign in again.")
                                     .arg(where);
                if (self)
                    self->forget(guard);
                done(resume);
                return;
            }
            const Result<PeerLogin> login = parseMe(reply, token);
            if (!login) {
                resume.outcome = PeerResume::Outcome::Unreachable;
                resume.message =
                    reply.isUnreachable()
                        ? tr("Could not reach %1: %2.").arg(where, reply.message())
                        : tr("%1 could not check the saved sign-in: %2").arg(where, login.error());
                // Silence (not a wrong answer): the desktop may start offline on its copy.
                if (reply.isUnreachable())
                    resume.login.token = token;
                done(resume);
                return;
            }
            resume.outcome = PeerResume::Outcome::Resumed;
            resume.login = *login;
            done(resume);
        });
    });
}

} // namespace cp::app
