#pragma once

#include "databaseurl.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace cp::models {

/** What is in a database, in a few numbers: enough for a status bar or `cli status`. */
struct DatabaseSummary
{
    int schemaVersion = 0;
    qint64 assets = 0;
    qint64 simulatedAssets = 0;
    qint64 priceRows = 0;
    qint64 users = 0;
    //! Newest price_data timestamp; invalid when there is none.
    QDateTime latestPrice;
    //! True when the database holds demo data from the simulator.
    bool hasSimulatedData() const { return simulatedAssets > 0; }
};

Result<DatabaseSummary> summarize(QSqlDatabase db);

//! Opens `url` in the calling thread on a connection of its own, brings the schema up to date,
//! summarises it and closes the connection. For worker threads: the GUI never waits on this.
Result<DatabaseSummary> openMigrateAndSummarize(const DatabaseUrl &url);

} // namespace cp::models
