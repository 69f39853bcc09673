#include "watchlistservice.h"

#include "serviceerror.h"
#include "sqltransaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cp::models {

namespace {

int code(ServiceError error)
{
    return static_cast<int>(error);
}

template<typename T = int>
Result<T> dbFailure(const QSqlQuery &query)
{
    return Result<T>::failure(
        QStringLiteral("The watchlist could not be changed: %1").arg(query.lastError().text()),
        code(ServiceError::Database));
}

QString tierLabel(const QString &tier)
{
    return tier == QLatin1String("tier1") ? QStringLiteral("Tier 1") : QStringLiteral("Tier 2");
}

} // namespace

WatchlistService::WatchlistService(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<int> WatchlistService::tierWatchlistIdInTransaction(const QString &tier,
                                                           const AppConfig &config)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT id FROM watchlists WHERE type = 'admin' AND tier = ?"
                                 " AND user_id IS NULL ORDER BY id LIMIT 1"));
    query.addBindValue(tier);
    if (!query.exec())
        return dbFailure(query);
    if (query.next())
        return query.value(0).toInt();
    query.prepare(QStringLiteral(
        "INSERT INTO watchlists (name, type, tier, description, max_items) VALUES (?, 'admin', ?,"
        " ?, ?) RETURNING id"));
    const bool first = tier == QLatin1String("tier1");
    query.addBindValue(first ? QStringLiteral("Tier 1 Premium") : QStringLiteral("Tier 2 Watch"));
    query.addBindValue(tier);
    query.addBindValue(first ? QStringLiteral("Assets the admins hold to the highest standard.")
                             : QStringLiteral("Assets under observation."));
    query.addBindValue(first ? config.tier1Max : config.tier2Max);
    if (!query.exec() || !query.next())
        return dbFailure(query);
    const int id = query.value(0).toInt();
    m_changes.push_back({QStringLiteral("watchlists"), id, QStringLiteral("insert")});
    return id;
}

Result<int> WatchlistService::addItemInTransaction(int watchlistId, int cryptoId,
                                                   const QString &tier, int priorityOrder,
                                                   int maxItems)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM watchlist_items WHERE watchlist_id = ?"
                                 " AND status <> 'removed'"));
    query.addBindValue(watchlistId);
    if (!query.exec() || !query.next())
        return dbFailure(query);
    const int count = query.value(0).toInt();
    if (count >= maxItems) {
        return Result<int>::failure(QStringLiteral("%1 is full (%2 of %3 assets); demote or remove "
                                                   "an asset first.")
                                        .arg(tierLabel(tier))
                                        .arg(count)
                                        .arg(maxItems),
                                    code(ServiceError::LimitExceeded));
    }
    query.prepare(QStringLiteral("INSERT INTO watchlist_items (watchlist_id, crypto_id, tier,"
                                 " priority_order, status) VALUES (?, ?, ?, ?, 'active')"
                                 " RETURNING id"));
    query.addBindValue(watchlistId);
    query.addBindValue(cryptoId);
    query.addBindValue(tier);
    query.addBindValue(priorityOrder);
    if (!query.exec() || !query.next()) {
        const QString text = query.lastError().text();
        if (text.contains(QLatin1String("UNIQUE")) || text.contains(QLatin1String("duplicate")))
            return Result<int>::failure(QStringLiteral("The asset is already on this watchlist."),
                                        code(ServiceError::Conflict));
        if (text.contains(QLatin1String("FOREIGN KEY")) || text.contains(QLatin1String("foreign")))
            return Result<int>::failure(
                QStringLiteral("There is no asset with id %1.").arg(cryptoId),
                code(ServiceError::NotFound));
        return dbFailure(query);
    }
    const int id = query.value(0).toInt();
    m_changes.push_back({QStringLiteral("watchlist_items"), id, QStringLiteral("insert")});
    if (const Status s = refreshItemCount(watchlistId); !s)
        return Result<int>::failure(s.error(), code(ServiceError::Database));
    return id;
}

Status WatchlistService::refreshItemCount(int watchlistId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "UPDATE watchlists SET current_items = (SELECT COUNT(*) FROM watchlist_items WHERE"
        " watchlist_id = ? AND status <> 'removed') WHERE id = ?"));
    query.addBindValue(watchlistId);
    query.addBindValue(watchlistId);
    if (!query.exec())
        return Status::failure(query.lastError().text());
    m_changes.push_back({QStringLiteral("watchlists"), watchlistId, QStringLiteral("update")});
    return {};
}

Status WatchlistService::placeInTierInTransaction(int cryptoId, const QString &tier,
                                                  const AppConfig &config)
{
    // Leave the other admin tier list(s) first, so the asset is never in two tiers at once.
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "SELECT wi.id, wi.watchlist_id, wi.tier FROM watchlist_items wi JOIN watchlists w ON"
        " w.id = wi.watchlist_id WHERE w.type = 'admin' AND w.user_id IS NULL AND"
        " wi.crypto_id = ?"));
    query.addBindValue(cryptoId);
    if (!query.exec())
        return Status::failure(query.lastError().text());
    std::vector<std::pair<int, int>> toRemove;
    bool alreadyThere = false;
    while (query.next()) {
        if (query.value(2).toString() == tier)
            alreadyThere = true;
        else
            toRemove.emplace_back(query.value(0).toInt(), query.value(1).toInt());
    }
    for (const auto &[itemId, watchlistId] : toRemove) {
        QSqlQuery remove(m_db);
        remove.prepare(QStringLiteral("DELETE FROM watchlist_items WHERE id = ?"));
        remove.addBindValue(itemId);
        if (!remove.exec())
            return Status::failure(remove.lastError().text());
        m_changes.push_back({QStringLiteral("watchlist_items"), itemId, QStringLiteral("delete")});
        if (const Status s = refreshItemCount(watchlistId); !s)
            return s;
    }
    if (!tier.isEmpty() && !alreadyThere) {
        const Result<int> list = tierWatchlistIdInTransaction(tier, config);
        if (!list)
            return Status::from(list);
        const int limit = tier == QLatin1String("tier1") ? config.tier1Max : config.tier2Max;
        const Result<int> item = addItemInTransaction(*list, cryptoId, tier, 0, limit);
        if (!item)
            return Status::from(item);
    }
    QSqlQuery asset(m_db);
    asset.prepare(QStringLiteral("UPDATE cryptocurrencies SET watchlist_tier = ? WHERE id = ?"));
    asset.addBindValue(tier.isEmpty() ? QStringLiteral("none") : tier);
    asset.addBindValue(cryptoId);
    if (!asset.exec())
        return Status::failure(asset.lastError().text());
    m_changes.push_back({QStringLiteral("cryptocurrencies"), cryptoId, QStringLiteral("update")});
    return {};
}

Result<int> WatchlistService::addItem(int watchlistId, int cryptoId, const QString &tier,
                                      int priorityOrder)
{
    m_changes.clear();
    if (tier != QLatin1String("tier1") && tier != QLatin1String("tier2"))
        return Result<int>::failure(QStringLiteral("tier must be tier1 or tier2."),
                                    code(ServiceError::Invalid));
    SqlTransaction transaction(m_db);
    const Result<AppConfig> config = AppConfig::load(m_db);
    if (!config)
        return Result<int>::failure(config.error(), code(ServiceError::Database));
    QSqlQuery list(m_db);
    list.prepare(QStringLiteral("SELECT type, tier, max_items FROM watchlists WHERE id = ?"));
    list.addBindValue(watchlistId);
    if (!list.exec())
        return dbFailure(list);
    if (!list.next())
        return Result<int>::failure(
            QStringLiteral("There is no watchlist with id %1.").arg(watchlistId),
            code(ServiceError::NotFound));
    const bool adminTierList =
        list.value(0).toString() == QLatin1String("admin") && !list.value(1).toString().isEmpty();
    int limit = list.value(2).isNull() ? 50 : list.value(2).toInt();
    if (adminTierList)
        limit = tier == QLatin1String("tier1") ? config->tier1Max : config->tier2Max;
    const Result<int> id = addItemInTransaction(watchlistId, cryptoId, tier, priorityOrder, limit);
    if (!id)
        return id;
    if (const Status s = transaction.commit(); !s)
        return Result<int>::failure(s.error(), code(ServiceError::Database));
    return id;
}

Status WatchlistService::removeItem(int watchlistId, int itemId)
{
    m_changes.clear();
    SqlTransaction transaction(m_db);
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM watchlist_items WHERE id = ? AND watchlist_id = ?"));
    query.addBindValue(itemId);
    query.addBindValue(watchlistId);
    if (!query.exec())
        return Status::failure(query.lastError().text());
    if (query.numRowsAffected() == 0)
        return Status::failure(
            QStringLiteral("Watchlist %1 has no item %2.").arg(watchlistId).arg(itemId),
            code(ServiceError::NotFound));
    m_changes.push_back({QStringLiteral("watchlist_items"), itemId, QStringLiteral("delete")});
    if (const Status s = refreshItemCount(watchlistId); !s)
        return s;
    return transaction.commit();
}

Status WatchlistService::reorder(int watchlistId, const QList<int> &itemIds)
{
    m_changes.clear();
    SqlTransaction transaction(m_db);
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "UPDATE watchlist_items SET priority_order = ? WHERE id = ? AND watchlist_id = ?"));
    for (int position = 0; position < itemIds.size(); ++position) {
        query.addBindValue(position);
        query.addBindValue(itemIds[position]);
        query.addBindValue(watchlistId);
        if (!query.exec())
            return Status::failure(query.lastError().text());
        if (query.numRowsAffected() == 0)
            return Status::failure(QStringLiteral("Watchlist %1 has no item %2.")
                                       .arg(watchlistId)
                                       .arg(itemIds[position]),
                                   code(ServiceError::NotFound));
        m_changes.push_back(
            {QStringLiteral("watchlist_items"), itemIds[position], QStringLiteral("update")});
    }
    return transaction.commit();
}

} // namespace cp::models
