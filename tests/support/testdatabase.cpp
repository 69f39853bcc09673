#include "testdatabase.h"

#include <models/connection.h>
#include <models/migrator.h>

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

namespace cp::test {

namespace {
QAtomicInteger<int> s_counter;

QString uniqueSuffix()
{
    return QStringLiteral("%1_%2")
        .arg(QCoreApplication::applicationPid())
        .arg(s_counter.fetchAndAddRelaxed(1));
}

// Runs one statement on the server's maintenance database in a short-lived connection.
QString execOnServer(const models::DatabaseUrl &server, const QString &sql)
{
    const QString name = QStringLiteral("cp-test-admin-") + uniqueSuffix();
    QString error;
    {
        Result<QSqlDatabase> admin = models::openConnection(server, name);
        if (!admin)
            return admin.error();
        QSqlQuery query(*admin);
        if (!query.exec(sql))
            error = query.lastError().text();
    }
    models::closeConnection(name);
    return error;
}
} // namespace

void addDialectColumn()
{
    QTest::addColumn<QString>("dialect");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

QString postgresServerUrl()
{
    return qEnvironmentVariable("CRYPTOPREDICT_TEST_PG");
}

bool postgresRequired()
{
    return qEnvironmentVariable("CRYPTOPREDICT_TEST_REQUIRE_PG") == QLatin1String("1");
}

ScratchDatabase::ScratchDatabase(const QString &dialect, bool migrate)
    : m_dialect(dialect)
    , m_connectionName(QStringLiteral("cp-test-") + uniqueSuffix())
{
    if (dialect == QLatin1String("sqlite")) {
        m_url.dialect = models::Dialect::SQLite;
        m_url.filePath = m_dir.filePath(QStringLiteral("test.db"));
    } else {
        const QString server = postgresServerUrl();
        if (server.isEmpty()) {
            m_unavailable = true;
            m_error = QStringLiteral("no PostgreSQL server configured");
            return;
        }
        const Result<models::DatabaseUrl> serverUrl = models::DatabaseUrl::parse(server);
        if (!serverUrl) {
            m_error = serverUrl.error();
            return;
        }
        m_postgresDatabase = QStringLiteral("cp_test_") + uniqueSuffix();
        m_error =
            execOnServer(*serverUrl, QStringLiteral("CREATE DATABASE %1").arg(m_postgresDatabase));
        if (!m_error.isEmpty())
            return;
        m_url = *serverUrl;
        m_url.databaseName = m_postgresDatabase;
    }
    Result<QSqlDatabase> db = models::openConnection(m_url, m_connectionName);
    if (!db) {
        m_error = db.error();
        return;
    }
    if (migrate) {
        const Result<int> applied = models::Migrator(*db).migrate();
        if (!applied)
            m_error = applied.error();
    }
}

ScratchDatabase::~ScratchDatabase()
{
    if (QSqlDatabase::contains(m_connectionName))
        models::closeConnection(m_connectionName);
    if (!m_postgresDatabase.isEmpty()) {
        const Result<models::DatabaseUrl> serverUrl =
            models::DatabaseUrl::parse(postgresServerUrl());
        if (serverUrl)
            execOnServer(
                *serverUrl,
                QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_postgresDatabase));
    }
}

QSqlDatabase ScratchDatabase::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QString ScratchDatabase::url() const
{
    if (m_url.dialect == models::Dialect::SQLite)
        return QStringLiteral("sqlite://") + m_url.filePath;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(m_url.user);
    url.setPassword(m_url.password);
    url.setHost(m_url.host);
    url.setPort(m_url.port);
    url.setPath(QLatin1Char('/') + m_url.databaseName);
    return url.toString();
}

} // namespace cp::test
