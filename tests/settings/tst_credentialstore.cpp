#include <app/settings/appsettings.h>
#include <app/settings/credentialstore.h>

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using cp::app::CredentialResult;
using cp::app::CredentialStatus;
using cp::app::CredentialStore;

namespace {

// scripts/test.sh starts gnome-keyring inside dbus-run-session and sets this; without it the
// keychain cases skip (a developer's desktop keychain is not touched by tests).
bool keychainStarted()
{
    return qEnvironmentVariable("CRYPTOPREDICT_TEST_KEYCHAIN") == QLatin1String("1");
}

const char *kChildVariable = "CRYPTOPREDICT_TEST_CREDENTIAL_CHILD";

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

} // namespace

/**
 * CredentialStore against a real Secret Service (gnome-keyring on a private D-Bus, started by
 * scripts/test.sh), and without one (a child process whose session bus points nowhere).
 */
class tst_CredentialStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keys();
    void roundTripAsync();
    void roundTripBlocking();
    void secretNeverInSettingsFile();
    void sessionSecretAnswersReads();
    void noKeychainIsReported();
    void noKeychainChild();

private:
    QTemporaryDir m_dir;
};

void tst_CredentialStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("CryptoPredict"));
    QCoreApplication::setApplicationName(QStringLiteral("cryptopredict-test-credentials"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
}

void tst_CredentialStore::keys()
{
    const cp::Result<cp::models::DatabaseUrl> url =
        cp::models::DatabaseUrl::parse(QStringLiteral("postgresql://alice:pw@db.local:5433/x"));
    QVERIFY(url.ok());
    QCOMPARE(CredentialStore::databaseKey(*url), QStringLiteral("database/db.local/alice"));
    QCOMPARE(CredentialStore::peerKey(QStringLiteral("https://peer:8600")),
             QStringLiteral("peer/https://peer:8600"));
    QCOMPARE(CredentialStore::providerKey(QStringLiteral("CoinGecko")),
             QStringLiteral("provider/coingecko"));
    QCOMPARE(CredentialStore::serviceName(), QStringLiteral("CryptoPredict"));
}

void tst_CredentialStore::roundTripAsync()
{
    if (!keychainStarted())
        QSKIP("no test Secret Service (run through scripts/test.sh)");
    CredentialStore store;
    const QString key = QStringLiteral("test/async-") + QUuid::createUuid().toString();
    const QString secret = QStringLiteral("s3cret ✓ ") + QUuid::createUuid().toString();

    std::optional<CredentialResult> written;
    store.write(key, secret, this, [&](const CredentialResult &r) { written = r; });
    QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 20000);
    QVERIFY2(written->ok(), qPrintable(written->message));

    std::optional<CredentialResult> read;
    store.read(key, this, [&](const CredentialResult &r) { read = r; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 20000);
    QVERIFY2(read->ok(), qPrintable(read->message));
    QCOMPARE(read->secret, secret);

    std::optional<CredentialResult> removed;
    store.remove(key, this, [&](const CredentialResult &r) { removed = r; });
    QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 20000);
    QVERIFY2(removed->ok(), qPrintable(removed->message));

    read.reset();
    store.read(key, this, [&](const CredentialResult &r) { read = r; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 20000);
    QCOMPARE(read->status, CredentialStatus::NotFound);
    QVERIFY(read->secret.isEmpty());
}

void tst_CredentialStore::roundTripBlocking()
{
    if (!keychainStarted())
        QSKIP("no test Secret Service (run through scripts/test.sh)");
    CredentialStore store;
    const CredentialResult probe = store.probeBlocking();
    QVERIFY2(probe.ok() || probe.status == CredentialStatus::NotFound, qPrintable(probe.message));
    QVERIFY(!probe.keychainMissing());

    const QString key = CredentialStore::providerKey(QStringLiteral("coingecko"));
    QVERIFY(store.writeBlocking(key, QStringLiteral("first")).ok());
    // Overwriting replaces, it does not add a second entry.
    QVERIFY(store.writeBlocking(key, QStringLiteral("second")).ok());
    const CredentialResult read = store.readBlocking(key);
    QVERIFY2(read.ok(), qPrintable(read.message));
    QCOMPARE(read.secret, QStringLiteral("second"));
    QVERIFY(store.removeBlocking(key).ok());
    QCOMPARE(store.readBlocking(key).status, CredentialStatus::NotFound);
    // Removing again is not an error.
    QVERIFY(store.removeBlocking(key).ok());
}

void tst_CredentialStore::secretNeverInSettingsFile()
{
    if (!keychainStarted())
        QSKIP("no test Secret Service (run through scripts/test.sh)");
    const QString password = QStringLiteral("pg-") + QUuid::createUuid().toString(QUuid::Id128);
    const cp::Result<cp::models::DatabaseUrl> url = cp::models::DatabaseUrl::parse(
        QStringLiteral("postgresql://carol:%1@db.example.com:5432/markets").arg(password));
    QVERIFY(url.ok());
    cp::app::AppSettings settings;
    settings.database.url = url->displayString();
    settings.save();
    CredentialStore store;
    QVERIFY(store.writeBlocking(CredentialStore::databaseKey(*url), url->password).ok());
    QSettings().sync();

    QVERIFY(!anyFileContains(m_dir.path(), password.toUtf8()));
    QVERIFY(QFile::exists(QSettings().fileName()));
    QCOMPARE(store.readBlocking(CredentialStore::databaseKey(*url)).secret, password);
    QVERIFY(store.removeBlocking(CredentialStore::databaseKey(*url)).ok());
}

void tst_CredentialStore::sessionSecretAnswersReads()
{
    const QString key = QStringLiteral("peer/https://session-only.example");
    CredentialStore::rememberForSession(key, QStringLiteral("typed"));
    QVERIFY(CredentialStore::hasSessionSecret(key));
    CredentialStore store;
    std::optional<CredentialResult> read;
    store.read(key, this, [&](const CredentialResult &r) { read = r; });
    QVERIFY(!read.has_value()); // answered asynchronously, like the keychain
    QTRY_VERIFY(read.has_value());
    QVERIFY(read->ok());
    QCOMPARE(read->secret, QStringLiteral("typed"));
    CredentialStore::forgetForSession(key);
    QVERIFY(!CredentialStore::hasSessionSecret(key));
}

void tst_CredentialStore::noKeychainIsReported()
{
    if (qEnvironmentVariableIsSet(kChildVariable))
        QSKIP("runs in the parent");
    // libsecret connects to the session bus once per process, so the case without a keychain
    // runs in a child process whose bus address leads nowhere.
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kChildVariable), m_dir.path());
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=%1/no-such-bus").arg(m_dir.path()));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("KDE_FULL_SESSION"));
    env.remove(QStringLiteral("XDG_CURRENT_DESKTOP"));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("noKeychainChild")});
    QVERIFY(child.waitForFinished(120000));
    const QByteArray output = child.readAll();
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
             output.constData());
    QVERIFY2(output.contains("PASS   : tst_CredentialStore::noKeychainChild"), output.constData());
}

void tst_CredentialStore::noKeychainChild()
{
    const QString dir = qEnvironmentVariable(kChildVariable);
    if (dir.isEmpty())
        QSKIP("runs as a child of noKeychainIsReported");
    CredentialStore store;
    const CredentialResult probe = store.probeBlocking(60000);
    qInfo("without a keychain: %s", qPrintable(probe.message));
    QCOMPARE(probe.status, CredentialStatus::Unavailable);
    QVERIFY(probe.keychainMissing());
    QVERIFY2(probe.message.contains(QLatin1String("No keychain is available")),
             qPrintable(probe.message));
    QVERIFY2(probe.message.contains(QLatin1String("ask")), qPrintable(probe.message));

    // No silent plain-text fallback: the write fails and nothing lands in a file.
    const QString secret = QStringLiteral("never-on-disk-") + QUuid::createUuid().toString();
    const CredentialResult write = store.writeBlocking(
        CredentialStore::providerKey(QStringLiteral("coingecko")), secret, 60000);
    QCOMPARE(write.status, CredentialStatus::Unavailable);
    QSettings().sync();
    QVERIFY(!anyFileContains(dir, secret.toUtf8()));
    QVERIFY(!anyFileContains(m_dir.path(), secret.toUtf8()));
    const CredentialResult read =
        store.readBlocking(CredentialStore::providerKey(QStringLiteral("coingecko")), 60000);
    QCOMPARE(read.status, CredentialStatus::Unavailable);
    QVERIFY(read.secret.isEmpty());
}

QTEST_GUILESS_MAIN(tst_CredentialStore)
#include "tst_credentialstore.moc"
