#pragma once

#include <engine/result.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>

namespace cp::models {

/** Who asks: non-admins see the admin and system lists plus their own personal ones. */
struct Viewer
{
    int userId = 0;
    bool isAdmin = false;
};

/** Layer 3 reads in the seed's JSON shapes: watchlists with their items, AI suggestions. */
class WatchlistReader
{
public:
    /** Outcome of reading one watchlist. */
    enum class Access { Found, Missing, NotYours };

    explicit WatchlistReader(QSqlDatabase db);

    //! id, name, type, tier, current_items, max_items, last_updated (+ description, user_id).
    Result<QJsonArray> watchlists(const Viewer &viewer) const;
    /**
     * The list with its items: item_id, crypto_id, symbol, name, tier, priority_order, status,
     * current_price, performance_24h, ai_confidence (newest signal, else suggestion), risk_level,
     * last_analysis. Removed items are left out.
     */
    Result<QJsonObject> watchlist(int watchlistId, const Viewer &viewer, Access *access) const;
    //! Suggestions by status ("all" for any), newest first; the seed's fields plus status/name.
    Result<QJsonArray> suggestions(const QString &status, int limit) const;
    //! The review trail (suggestion_reviews with the reviewer's e-mail), newest first.
    Result<QJsonArray> reviews(int limit) const;
    //! One suggestion in the list shape; nothing when it does not exist (any more).
    Result<std::optional<QJsonObject>> suggestion(int suggestionId) const;
    //! The ids among `cryptoIds` that are not in cryptocurrencies.
    Result<QList<int>> unknownAssets(const QList<int> &cryptoIds) const;

private:
    QSqlDatabase m_db;
};

} // namespace cp::models
