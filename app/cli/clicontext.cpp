#include "clicontext.h"

#include <models/connectionpool.h>
#include <models/migrator.h>

#include <cstdio>

namespace cp::app::cli {

CliContext::CliContext(QStringList commandArguments, QString dbOption, bool json)
    : m_arguments(std::move(commandArguments))
    , m_dbOption(std::move(dbOption))
    , m_json(json)
    , m_out(stdout)
    , m_err(stderr)
{
}

CliContext::~CliContext() = default;

int CliContext::fail(const QString &message, int code)
{
    m_out.flush();
    m_err << message << Qt::endl;
    return code;
}

QSqlDatabase CliContext::openDatabase()
{
    const Result<models::DatabaseUrl> url = models::DatabaseUrl::resolve(m_dbOption);
    if (!url) {
        m_openFailureCode = BadUsage;
        fail(url.error(), BadUsage);
        return {};
    }
    m_url = *url;
    m_pool = std::make_unique<models::ConnectionPool>(m_url);
    Result<QSqlDatabase> db = m_pool->connectionForThisThread();
    if (!db) {
        fail(db.error());
        return {};
    }
    const Result<int> migrated = models::Migrator(*db).migrate();
    if (!migrated) {
        fail(migrated.error());
        return {};
    }
    return *db;
}

} // namespace cp::app::cli
