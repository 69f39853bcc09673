#pragma once

#include "connection.h"

#include <QString>

namespace cp::models {

/** The outcome of trying a database before committing to it (first-run wizard, settings). */
struct ConnectionCheck
{
    ConnectionFailure failure = ConnectionFailure::None;
    //! Empty when ok; otherwise one sentence naming where and what to fix.
    QString message;
    //! Applied schema version found (0 for an empty database); -1 when not reached.
    int schemaVersion = -1;
    //! The newest schema this build knows.
    int latestVersion = 0;

    bool ok() const { return failure == ConnectionFailure::None; }
};

/**
 * Opens `url` on a private connection of the calling thread (blocking: run it on a worker),
 * reads the schema version and closes again. Nothing is created or migrated, except that opening
 * a SQLite file creates it. A schema newer than this build is reported as SchemaTooNew.
 */
ConnectionCheck checkConnection(const DatabaseUrl &url);

} // namespace cp::models
