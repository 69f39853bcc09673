#pragma once

#include <engine/result.h>

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace cp::test {

/** Ids of what seedAnalysedMarket() wrote, for assertions. */
struct SeededMarket
{
    int adminId = 0;
    int professionalId = 0;
    int casualId = 0;
    QHash<QString, int> cryptoIds; //!< symbol -> id
    //! Asset ids in id order: suggestions use 0..3, signals 0..4, watchlist items 4..6.
    QList<int> assetIds;
    QHash<QString, int> sectorIds; //!< name -> id
    int tier1WatchlistId = 0;
    int tier2WatchlistId = 0;
    qint64 endTime = 0; //!< open time of the last simulated bar (Unix seconds)
};

/**
 * A small simulated market (DemoLoader: `assets` assets, `days` daily bars) plus one analysis'
 * worth of hand-written rows in every layer table, written with plain INSERTs so view tests do
 * not depend on the engine. The values are documented in uitestseed.cpp and tests compute their
 * expectations from them.
 */
Result<SeededMarket> seedAnalysedMarket(QSqlDatabase db, int assets = 10, int days = 60);

} // namespace cp::test
