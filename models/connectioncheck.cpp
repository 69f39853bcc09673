#include "connectioncheck.h"

#include "migrator.h"

#include <QAtomicInteger>

namespace cp::models {

ConnectionCheck checkConnection(const DatabaseUrl &url)
{
    // Unique per call: checks may run on several worker threads at once.
    static QAtomicInteger<quint64> counter;
    const QString name =
        QStringLiteral("cp-connection-check-%1").arg(counter.fetchAndAddRelaxed(1));
    ConnectionCheck check;
    check.latestVersion = Migrator::latestVersion(url.dialect);
    {
        const Result<QSqlDatabase> db = openConnection(url, name);
        if (!db) {
            check.failure = static_cast<ConnectionFailure>(db.errorCode());
            if (check.failure == ConnectionFailure::None)
                check.failure = ConnectionFailure::Other;
            check.message = db.error();
            closeConnection(name);
            return check;
        }
        const Result<int> version = Migrator(*db).currentVersion();
        if (!version) {
            check.failure = ConnectionFailure::Other;
            check.message = version.error();
        } else {
            check.schemaVersion = *version;
            if (*version > check.latestVersion) {
                check.failure = ConnectionFailure::SchemaTooNew;
                check.message = QStringLiteral("The database at %1 was written by a newer "
                                               "CryptoPredict (schema version %2; this version "
                                               "knows up to %3). Update CryptoPredict first.")
                                    .arg(url.location())
                                    .arg(*version)
                                    .arg(check.latestVersion);
            }
        }
    }
    closeConnection(name);
    return check;
}

} // namespace cp::models
