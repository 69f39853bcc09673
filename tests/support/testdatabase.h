#pragma once

#include <models/databaseurl.h>

#include <QSqlDatabase>
#include <QTemporaryDir>

namespace cp::test {

//! Adds the QString column "dialect" with the rows "sqlite" and "postgresql" to a _data() function.
void addDialectColumn();

//! The PostgreSQL server tests use (env CRYPTOPREDICT_TEST_PG), or an empty string.
QString postgresServerUrl();
//! True when a missing PostgreSQL server must fail the tests (CRYPTOPREDICT_TEST_REQUIRE_PG=1).
bool postgresRequired();

/**
 * A fresh database of one dialect for one test: a temporary SQLite file, or a new database on
 * the throwaway PostgreSQL server, migrated to the latest schema unless asked not to, and removed
 * when the object goes out of scope.
 */
class ScratchDatabase
{
public:
    explicit ScratchDatabase(const QString &dialect, bool migrate = true);
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    bool isValid() const { return m_error.isEmpty(); }
    //! True when the dialect is PostgreSQL and no server is configured.
    bool isUnavailable() const { return m_unavailable; }
    QString errorString() const { return m_error; }
    QString dialect() const { return m_dialect; }
    //! The open connection for the creating thread.
    QSqlDatabase database() const;
    //! A URL the application (--db) and other connections can use.
    QString url() const;
    models::DatabaseUrl databaseUrl() const { return m_url; }

private:
    QString m_dialect;
    QString m_connectionName;
    QString m_postgresDatabase;
    QString m_error;
    models::DatabaseUrl m_url;
    QTemporaryDir m_dir;
    bool m_unavailable = false;
};

} // namespace cp::test

/**
 * Declares `name` as a ScratchDatabase for `dialect` in a test function: skips the test when the
 * dialect is PostgreSQL and no server is configured (unless one is required), fails on errors.
 */
#define CP_SCRATCH_DB(name, dialect, ...)                                                          \
    ::cp::test::ScratchDatabase name(dialect __VA_OPT__(, ) __VA_ARGS__);                          \
    if (name.isUnavailable()) {                                                                    \
        if (::cp::test::postgresRequired())                                                        \
            QFAIL("CRYPTOPREDICT_TEST_PG is not set but PostgreSQL tests are required");           \
        QSKIP("no PostgreSQL server configured (CRYPTOPREDICT_TEST_PG)");                          \
    }                                                                                              \
    QVERIFY2(name.isValid(), qPrintable(name.errorString()))
