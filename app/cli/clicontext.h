#pragma once

#include <models/databaseurl.h>

#include <QSqlDatabase>
#include <QStringList>
#include <QTextStream>

#include <memory>

namespace cp::models {
class ConnectionPool;
}

namespace cp::app::cli {

/** Exit codes of cryptopredict-cli (ARCHITECTURE.md). */
enum ExitCode { Success = 0, Failure = 1, BadUsage = 2 };

/** What every command gets: its own arguments, the global options and the output streams. */
class CliContext
{
public:
    CliContext(QStringList commandArguments, QString dbOption, bool json);
    ~CliContext();

    const QStringList &arguments() const { return m_arguments; }
    bool json() const { return m_json; }
    QTextStream &out() { return m_out; }

    //! Prints one sentence on stderr and returns `code`.
    int fail(const QString &message, int code = Failure);
    //! Opens the database from --db / CRYPTOPREDICT_DB / the default and brings its schema up to
    //! date; on failure prints why and returns an invalid database.
    QSqlDatabase openDatabase();
    const models::DatabaseUrl &databaseUrl() const { return m_url; }
    //! Exit code after openDatabase() failed: BadUsage for a malformed URL, else Failure.
    int openFailureCode() const { return m_openFailureCode; }

private:
    QStringList m_arguments;
    QString m_dbOption;
    bool m_json = false;
    int m_openFailureCode = Failure;
    QTextStream m_out;
    QTextStream m_err;
    models::DatabaseUrl m_url;
    std::unique_ptr<models::ConnectionPool> m_pool;
};

int runInit(CliContext &context);
int runDemo(CliContext &context);
int runUser(CliContext &context);
int runStatus(CliContext &context);
int runAnalyze(CliContext &context);
int runEvaluate(CliContext &context);
int runBacktest(CliContext &context);
int runIndicators(CliContext &context);
int runImport(CliContext &context);
int runRefresh(CliContext &context);
int runServe(CliContext &context);

} // namespace cp::app::cli
