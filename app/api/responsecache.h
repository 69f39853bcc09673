#pragma once

#include "apiresponse.h"

#include <QHash>
#include <QMutex>
#include <QStringList>

#include <atomic>
#include <optional>

namespace cp::app::api {

/**
 * Serialised answers of read endpoints, kept until a table they were read from changes (the
 * ChangeBus says so) or `maxAgeMs` passes (for changes nobody announced, e.g. another process
 * writing SQLite, and for answers that depend on the clock such as "active" signals).
 * Serialising once per data change instead of once per request is what makes reads cheap.
 * Thread-safe.
 */
class ResponseCache
{
public:
    explicit ResponseCache(qint64 maxAgeMs = 2000, int maxEntries = 2000);

    std::optional<ApiResponse> find(const QString &key, qint64 nowMs);
    //! Read before computing an answer and pass to store(): an answer computed while a change
    //! to one of its tables arrived is not kept, since it may predate the change.
    quint64 generation() const { return m_generation.load(); }
    void store(const QString &key, const QStringList &tables, const ApiResponse &response,
               quint64 generationAtStart, qint64 nowMs);
    void invalidate(const QString &table);
    void clear();
    int size();

    //! "GET /path?a=1&b=2" with the query items sorted, so equivalent URLs share an entry.
    static QString keyFor(const QString &method, const QString &path, const QString &query);

private:
    struct Entry
    {
        ApiResponse response;
        QStringList tables;
        qint64 storedAtMs = 0;
    };

    qint64 m_maxAge;
    int m_maxEntries;
    std::atomic<quint64> m_generation{0};
    QMutex m_mutex;
    QHash<QString, Entry> m_entries;
    //! Table -> value of m_generation when it last changed.
    QHash<QString, quint64> m_invalidatedAt;
    quint64 m_clearedAt = 0;
};

} // namespace cp::app::api
