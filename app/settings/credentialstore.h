#pragma once

#include <models/databaseurl.h>

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace cp::app {

/** What a keychain operation came to. */
enum class CredentialStatus {
    Ok,
    //! The keychain works but holds nothing under that key.
    NotFound,
    //! No keychain (no Secret Service on D-Bus, no KWallet, ...): ask the user each time.
    Unavailable,
    //! The keychain exists but refused (locked, or the user said no).
    Denied
};

struct CredentialResult
{
    CredentialStatus status = CredentialStatus::Ok;
    //! The secret read (read jobs only).
    QString secret;
    //! Empty when ok; otherwise one sentence for the user, including the keychain's own reason.
    QString message;

    bool ok() const { return status == CredentialStatus::Ok; }
    //! True when the caller should fall back to asking for the secret (session-only).
    bool keychainMissing() const
    {
        return status == CredentialStatus::Unavailable || status == CredentialStatus::Denied;
    }
};

/**
 * Secrets (database passwords, peer API tokens, data-provider keys) in the OS keychain through
 * QtKeychain, service "CryptoPredict". Never falls back to a file: when no keychain answers, the
 * result says so and the caller asks the user, keeping the answer in memory for this session
 * (rememberForSession). Asynchronous: use it on the GUI thread (the Secret Service replies
 * arrive through the main event loop); the *Blocking variants spin a local event loop for the
 * command line and tests.
 */
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const CredentialResult &)>;

    static QString serviceName();

    //! "database/<host>/<user>" for a PostgreSQL URL (port and database share the password).
    static QString databaseKey(const models::DatabaseUrl &url);
    //! "peer/<url>": the API token this desktop uses with a peer instance.
    static QString peerKey(const QString &peerUrl);
    //! "provider/<name>", e.g. providerKey("coingecko") for the CoinGecko API key.
    static QString providerKey(const QString &provider);

    explicit CredentialStore(QObject *parent = nullptr);

    // `done` runs on this object's thread once the keychain answered, unless `context` was
    // destroyed first. A secret remembered for this session answers reads without the keychain.
    void read(const QString &key, QObject *context, Callback done);
    void write(const QString &key, const QString &secret, QObject *context, Callback done);
    //! Removing a key that does not exist is ok.
    void remove(const QString &key, QObject *context, Callback done);
    //! Ok or NotFound when a keychain answers; Unavailable/Denied with the reason otherwise.
    void probe(QObject *context, Callback done);

    //! Waits in a local event loop (never on a GUI that is showing): CLI and tests.
    CredentialResult readBlocking(const QString &key, int timeoutMs = 30000);
    CredentialResult writeBlocking(const QString &key, const QString &secret,
                                   int timeoutMs = 30000);
    CredentialResult removeBlocking(const QString &key, int timeoutMs = 30000);
    CredentialResult probeBlocking(int timeoutMs = 30000);

    // "Ask each time": a secret the user typed, held in this process's memory only.
    static void rememberForSession(const QString &key, const QString &secret);
    static void forgetForSession(const QString &key);
    static bool hasSessionSecret(const QString &key);

private:
    CredentialResult runBlocking(const std::function<void(QObject *, Callback)> &start,
                                 int timeoutMs);
};

} // namespace cp::app
