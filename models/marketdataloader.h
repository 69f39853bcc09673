#pragma once

#include <engine/assethistory.h>
#include <engine/result.h>

#include <QSqlDatabase>

#include <functional>
#include <vector>

namespace cp::models {

/** A suggestion still waiting for review: the engine must not suggest the same again. */
struct PendingSuggestion
{
    int cryptoId = 0;
    QString type;
};

/**
 * Reads what the engine analyses: every active cryptocurrency with its primary sector and tier,
 * and its price history oldest first, in one forward-only pass over price_data. For worker
 * threads (a 3.5M-row history takes seconds, never on the GUI thread).
 */
class MarketDataLoader
{
public:
    explicit MarketDataLoader(QSqlDatabase db);

    //! `cancelled` is polled while reading; returning true stops the load with an error.
    Result<std::vector<engine::AssetHistory>> load(const std::function<bool()> &cancelled = {});
    Result<std::vector<PendingSuggestion>> pendingSuggestions() const;

private:
    QSqlDatabase m_db;
};

} // namespace cp::models
