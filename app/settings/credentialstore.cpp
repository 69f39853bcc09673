#include "credentialstore.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QTimer>

namespace cp::app {

namespace {

const QString kService = QStringLiteral("CryptoPredict");
// The key probe() reads: never written, so a working keychain answers "not found".
const QString kProbeKey = QStringLiteral("probe/availability");

QMutex &sessionMutex()
{
    static QMutex mutex;
    return mutex;
}

QHash<QString, QString> &sessionSecrets()
{
    static QHash<QString, QString> secrets;
    return secrets;
}

CredentialResult resultOf(const QKeychain::Job &job, const QString &key)
{
    CredentialResult result;
    const QString reason = job.errorString();
    switch (job.error()) {
    case QKeychain::NoError:
        result.status = CredentialStatus::Ok;
        return result;
    case QKeychain::EntryNotFound:
        result.status = CredentialStatus::NotFound;
        result.message = CredentialStore::tr("The keychain holds no entry for %1.").arg(key);
        return result;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        result.status = CredentialStatus::Denied;
        result.message = CredentialStore::tr("The keychain refused access (%1). CryptoPredict "
                                             "will ask for the secret each time instead.")
                             .arg(reason);
        return result;
    case QKeychain::CouldNotDeleteEntry:
        result.status = CredentialStatus::Denied;
        result.message =
            CredentialStore::tr("The keychain could not delete %1 (%2).").arg(key, reason);
        return result;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        break;
    }
    // On Linux an absent Secret Service shows up as OtherError with D-Bus's explanation.
    result.status = CredentialStatus::Unavailable;
    result.message =
        CredentialStore::tr("No keychain is available (%1). CryptoPredict does not "
                            "store secrets in plain text, so it will ask for them "
                            "each time and keep them in memory only until it quits.")
            .arg(reason.isEmpty() ? CredentialStore::tr("no Secret Service found") : reason);
    return result;
}

// Runs `job` and calls `done` with its result on `context`'s thread. The job has no parent and
// deletes itself when done: QtKeychain's libsecret callbacks hold a raw pointer to it.
void runJob(QKeychain::Job *job, const QString &key, QObject *context,
            const CredentialStore::Callback &done)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [key, done](QKeychain::Job *j) {
        CredentialResult result = resultOf(*j, key);
        if (result.ok()) {
            if (auto *readJob = qobject_cast<QKeychain::ReadPasswordJob *>(j))
                result.secret = readJob->textData();
        }
        done(result);
    });
    job->start();
}

void answerLater(QObject *context, const CredentialStore::Callback &done,
                 const CredentialResult &result)
{
    QMetaObject::invokeMethod(
        context, [done, result] { done(result); }, Qt::QueuedConnection);
}

} // namespace

QString CredentialStore::serviceName()
{
    return kService;
}

QString CredentialStore::databaseKey(const models::DatabaseUrl &url)
{
    return QStringLiteral("database/%1/%2").arg(url.host, url.user);
}

QString CredentialStore::peerKey(const QString &peerUrl)
{
    return QStringLiteral("peer/") + peerUrl;
}

QString CredentialStore::providerKey(const QString &provider)
{
    return QStringLiteral("provider/") + provider.toLower();
}

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{
}

void CredentialStore::read(const QString &key, QObject *context, Callback done)
{
    {
        const QMutexLocker lock(&sessionMutex());
        const auto it = sessionSecrets().constFind(key);
        if (it != sessionSecrets().constEnd()) {
            answerLater(context, done, CredentialResult{CredentialStatus::Ok, *it, {}});
            return;
        }
    }
    runJob(new QKeychain::ReadPasswordJob(kService), key, context, done);
}

void CredentialStore::write(const QString &key, const QString &secret, QObject *context,
                            Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(kService);
    job->setTextData(secret);
    runJob(job, key, context, [key, done](const CredentialResult &result) {
        // The keychain now has the current secret; a session copy would shadow later changes.
        if (result.ok())
            forgetForSession(key);
        done(result);
    });
}

void CredentialStore::remove(const QString &key, QObject *context, Callback done)
{
    forgetForSession(key);
    runJob(new QKeychain::DeletePasswordJob(kService), key, context,
           [done](const CredentialResult &result) {
               if (result.status == CredentialStatus::NotFound)
                   done(CredentialResult());
               else
                   done(result);
           });
}

void CredentialStore::probe(QObject *context, Callback done)
{
    runJob(new QKeychain::ReadPasswordJob(kService), kProbeKey, context,
           [done](const CredentialResult &result) {
               CredentialResult answer = result;
               answer.secret.clear();
               if (answer.status == CredentialStatus::NotFound)
                   answer.message.clear();
               done(answer);
           });
}

CredentialResult CredentialStore::runBlocking(const std::function<void(QObject *, Callback)> &start,
                                              int timeoutMs)
{
    QEventLoop loop;
    CredentialResult result;
    result.status = CredentialStatus::Unavailable;
    result.message = tr("The keychain did not answer within %1 seconds.").arg(timeoutMs / 1000);
    start(&loop, [&loop, &result](const CredentialResult &answer) {
        result = answer;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return result;
}

CredentialResult CredentialStore::readBlocking(const QString &key, int timeoutMs)
{
    return runBlocking([&](QObject *context, Callback done) { read(key, context, done); },
                       timeoutMs);
}

CredentialResult CredentialStore::writeBlocking(const QString &key, const QString &secret,
                                                int timeoutMs)
{
    return runBlocking([&](QObject *context, Callback done) { write(key, secret, context, done); },
                       timeoutMs);
}

CredentialResult CredentialStore::removeBlocking(const QString &key, int timeoutMs)
{
    return runBlocking([&](QObject *context, Callback done) { remove(key, context, done); },
                       timeoutMs);
}

CredentialResult CredentialStore::probeBlocking(int timeoutMs)
{
    return runBlocking([&](QObject *context, Callback done) { probe(context, done); }, timeoutMs);
}

void CredentialStore::rememberForSession(const QString &key, const QString &secret)
{
    const QMutexLocker lock(&sessionMutex());
    sessionSecrets().insert(key, secret);
}

void CredentialStore::forgetForSession(const QString &key)
{
    const QMutexLocker lock(&sessionMutex());
    sessionSecrets().remove(key);
}

bool CredentialStore::hasSessionSecret(const QString &key)
{
    const QMutexLocker lock(&sessionMutex());
    return sessionSecrets().contains(key);
}

} // namespace cp::app
