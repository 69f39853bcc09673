#pragma once

#include "appconfig.h"
#include "changeevent.h"

#include <engine/result.h>

#include <QList>
#include <QSqlDatabase>

#include <optional>
#include <vector>

namespace cp::models {

/**
 * Watchlist changes for the desktop and the REST API alike: items added, removed and reordered,
 * and assets placed into the admin tier lists ("Tier 1 Premium", "Tier 2 Watch") within their
 * limits. The public operations are one transaction each; the *InTransaction variants join the
 * caller's (a suggestion approval changes a watchlist as part of its own transaction).
 */
class WatchlistService
{
public:
    explicit WatchlistService(QSqlDatabase db);

    Result<int> addItem(int watchlistId, int cryptoId, const QString &tier, int priorityOrder);
    Status removeItem(int watchlistId, int itemId);
    //! Sets priority_order 0, 1, 2, ... in the order given; ids must be the list's items.
    Status reorder(int watchlistId, const QList<int> &itemIds);

    //! Puts the asset in the admin list of `tier` ("tier1"/"tier2"), or in none when empty.
    Status placeInTierInTransaction(int cryptoId, const QString &tier, const AppConfig &config);
    //! The admin list of a tier, created on first use.
    Result<int> tierWatchlistIdInTransaction(const QString &tier, const AppConfig &config);

    //! Rows changed by the last successful operation, to publish after commit.
    const std::vector<ChangeEvent> &changes() const { return m_changes; }

private:
    Result<int> addItemInTransaction(int watchlistId, int cryptoId, const QString &tier,
                                     int priorityOrder, int maxItems);
    Status refreshItemCount(int watchlistId);

    QSqlDatabase m_db;
    std::vector<ChangeEvent> m_changes;
};

} // namespace cp::models
