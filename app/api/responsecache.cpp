#include "responsecache.h"

#include <QMutexLocker>

#include <algorithm>

namespace cp::app::api {

ResponseCache::ResponseCache(qint64 maxAgeMs, int maxEntries)
    : m_maxAge(maxAgeMs)
    , m_maxEntries(maxEntries)
{
}

QString ResponseCache::keyFor(const QString &method, const QString &path, const QString &query)
{
    if (query.isEmpty())
        return method + QLatin1Char(' ') + path;
    QStringList items = query.split(QLatin1Char('&'), Qt::SkipEmptyParts);
    std::sort(items.begin(), items.end());
    return method + QLatin1Char(' ') + path + QLatin1Char('?') + items.join(QLatin1Char('&'));
}

std::optional<ApiResponse> ResponseCache::find(const QString &key, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd())
        return std::nullopt;
    // Expired answers stay (until replaced, invalidated or evicted) to stand in while one
    // caller recomputes them.
    if (nowMs - it->storedAtMs > m_maxAge && !m_flights.contains(key))
        return std::nullopt;
    return it->response;
}

ApiResponse ResponseCache::fetch(const QString &key, const QStringList &tables,
                                 const std::function<qint64()> &nowMs,
                                 const std::function<ApiResponse()> &load)
{
    QMutexLocker lock(&m_mutex);
    if (const auto it = m_entries.constFind(key); it != m_entries.constEnd()) {
        if (nowMs() - it->storedAtMs <= m_maxAge || m_flights.contains(key))
            return it->response;
    }
    if (const std::shared_ptr<Flight> flight = m_flights.value(key)) {
        while (!flight->done)
            m_flightDone.wait(&m_mutex);
        return flight->response;
    }
    auto flight = std::make_shared<Flight>();
    m_flights.insert(key, flight);
    const quint64 generation = m_generation.load();
    lock.unlock();

    ApiResponse response = load();
    if (response.status == 200)
        store(key, tables, response, generation, nowMs());

    lock.relock();
    flight->response = response;
    flight->done = true;
    m_flights.remove(key);
    m_flightDone.wakeAll();
    return response;
}

void ResponseCache::store(const QString &key, const QStringList &tables,
                          const ApiResponse &response, quint64 generationAtStart, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    if (m_clearedAt > generationAtStart)
        return;
    for (const QString &table : tables) {
        if (m_invalidatedAt.value(table) > generationAtStart)
            return;
    }
    if (m_entries.size() >= m_maxEntries)
        m_entries.clear();
    m_entries.insert(key, Entry{response, tables, nowMs});
}

void ResponseCache::invalidate(const QString &table)
{
    QMutexLocker lock(&m_mutex);
    m_invalidatedAt.insert(table, ++m_generation);
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->tables.contains(table))
            it = m_entries.erase(it);
        else
            ++it;
    }
}

void ResponseCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_clearedAt = ++m_generation;
    m_entries.clear();
}

int ResponseCache::size()
{
    QMutexLocker lock(&m_mutex);
    return int(m_entries.size());
}

} // namespace cp::app::api
