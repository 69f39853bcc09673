#include "livestatusregistry.h"

#include "providerstatus.h"

#include <QJsonArray>
#include <QList>
#include <QMutex>
#include <QMutexLocker>

namespace cp::app::marketdata {

namespace {

struct Entry
{
    const void *owner = nullptr;
    const ProviderStatusBoard *board = nullptr;
    LiveDataState state;
};

struct Registry
{
    QMutex mutex;
    QList<Entry> entries;
};

Registry &registry()
{
    static Registry r;
    return r;
}

QJsonValue isoOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

} // namespace

void LiveStatusRegistry::publish(const void *owner, const ProviderStatusBoard *board,
                                 const LiveDataState &state)
{
    Registry &r = registry();
    const QMutexLocker lock(&r.mutex);
    r.entries.removeIf([owner](const Entry &e) { return e.owner == owner; });
    r.entries.append(Entry{owner, board, state});
}

void LiveStatusRegistry::withdraw(const void *owner)
{
    Registry &r = registry();
    const QMutexLocker lock(&r.mutex);
    r.entries.removeIf([owner](const Entry &e) { return e.owner == owner; });
}

QJsonObject LiveStatusRegistry::json()
{
    Registry &r = registry();
    const QMutexLocker lock(&r.mutex);
    if (r.entries.isEmpty())
        return QJsonObject{{QStringLiteral("live"), false}};
    const Entry &e = r.entries.constLast();
    QJsonArray providers;
    if (e.board) {
        for (const ProviderStatus &status : e.board->all())
            providers.append(status.toJson());
    }
    return QJsonObject{{QStringLiteral("live"), true},
                       {QStringLiteral("scheduler"), e.state.scheduler},
                       {QStringLiteral("live_prices"), e.state.livePrices},
                       {QStringLiteral("busy"), e.state.busy},
                       {QStringLiteral("last_refresh"), isoOrNull(e.state.lastRefresh)},
                       {QStringLiteral("next_refresh"), isoOrNull(e.state.nextRefresh)},
                       {QStringLiteral("last_message"), e.state.lastMessage},
                       {QStringLiteral("providers"), providers}};
}

} // namespace cp::app::marketdata
