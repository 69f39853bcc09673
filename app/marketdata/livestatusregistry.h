#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace cp::app::marketdata {

class ProviderStatusBoard;

/** What a running MarketDataService does, as of its last state change. */
struct LiveDataState
{
    bool scheduler = false;
    bool livePrices = false;
    //! A scheduled job (refresh, analysis, evaluation) is in progress.
    bool busy = false;
    QDateTime lastRefresh;
    QDateTime nextRefresh;
    QString lastMessage;
};

/**
 * The live market data running in this process, readable from any thread: the API's
 * system-health (REST and the admin/system-status channel) reports it without knowing which
 * object runs the feeds. A service registers while its scheduler or feed runs; the board is read
 * under the registry's lock, so withdrawing waits for readers and a board is never read after it
 * was withdrawn.
 */
class LiveStatusRegistry
{
public:
    //! Registers or updates `owner`'s entry; the newest registration is the one reported.
    static void publish(const void *owner, const ProviderStatusBoard *board,
                        const LiveDataState &state);
    static void withdraw(const void *owner);
    //! {"live": false} when nothing runs; else "live", "scheduler", "live_prices", "busy",
    //! "last_refresh", "next_refresh", "last_message" and "providers" (sorted by name).
    static QJsonObject json();
};

} // namespace cp::app::marketdata
