#pragma once

#include "apiresponse.h"

#include <QHash>
#include <QMutex>
#include <QStringList>
#include <QWaitCondition>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace cp::app::api {

/**
 * Serialised answers of read endpoints, kept until a table they were read from changes (the
 * ChangeBus says so) or `maxAgeMs` passes (for changes nobody announced, e.g. another process
 * writing SQLite, and for answers that depend on the clock such as "active" signals).
 * Serialising once per data change instead of once per request is what makes reads cheap.
 * A missing or expired answer is computed once: concurrent requests for the same key wait for
 * that computation (or, when an expired answer is still held, get it meanwhile) instead of all
 * hitting the database at once. Thread-safe.
 */
class ResponseCache
{
public:
    explicit ResponseCache(qint64 maxAgeMs = 2000, int maxEntries = 2000);

    //! A fresh answer; or the expired one while another caller recomputes it.
    std::optional<ApiResponse> find(const QString &key, qint64 nowMs);
    /**
     * The answer for `key`: cached, or from `load`, which runs in only one of the concurrent
     * callers for the key; the others wait for its answer (or get the expired one meanwhile).
     * A 200 answer is stored for `tables`; any other is handed to the waiters but not kept.
     */
    ApiResponse fetch(const QString &key, const QStringList &tables,
                      const std::function<qint64()> &nowMs,
                      const std::function<ApiResponse()> &load);
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

    /** One computation of a key that other callers wait for. */
    struct Flight
    {
        ApiResponse response;
        bool done = false;
    };

    qint64 m_maxAge;
    int m_maxEntries;
    std::atomic<quint64> m_generation{0};
    QMutex m_mutex;
    QHash<QString, Entry> m_entries;
    QHash<QString, std::shared_ptr<Flight>> m_flights;
    QWaitCondition m_flightDone;
    //! Table -> value of m_generation when it last changed.
    QHash<QString, quint64> m_invalidatedAt;
    quint64 m_clearedAt = 0;
};

} // namespace cp::app::api
