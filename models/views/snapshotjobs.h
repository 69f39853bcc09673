#pragma once

#include <models/connectionpool.h>

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QtConcurrentRun>
#include <QThreadPool>

#include <memory>

namespace cp::models::views {

/**
 * Runs view reads on a thread pool of its own, each on the worker thread's pooled connection,
 * and hands the results back on the requester's thread. Per key the latest request wins: the
 * result of an older request still running is dropped, so a view never shows stale data after
 * a newer refresh or filter change.
 */
class SnapshotJobs : public QObject
{
    Q_OBJECT

public:
    explicit SnapshotJobs(std::shared_ptr<ConnectionPool> pool, QObject *parent = nullptr);
    //! Waits for running reads: their connections belong to threads this object owns.
    ~SnapshotJobs() override;

    /**
     * Starts `load(QSqlDatabase) -> Result<T>` on a worker; calls `done(const Result<T> &)` on
     * `context`'s thread unless a newer request for `key` was made meanwhile or `context` is gone.
     * Returns the request's id.
     */
    template<typename T, typename Load, typename Done>
    quint64 run(const QString &key, QObject *context, Load load, Done done)
    {
        const quint64 id = ++m_lastId;
        m_latest.insert(key, id);
        std::shared_ptr<ConnectionPool> pool = m_pool;
        auto *watcher = new QFutureWatcher<Result<T>>(this);
        QPointer<QObject> guard(context);
        // Connected to this object, not `context`, so the bookkeeping runs even when the
        // requester is gone; the guard then drops the result.
        connect(watcher, &QFutureWatcherBase::finished, this,
                [this, watcher, key, id, guard, done = std::move(done)] {
                    watcher->deleteLater();
                    jobFinished();
                    if (!guard || m_latest.value(key) != id)
                        return;
                    done(watcher->result());
                });
        ++m_running;
        Q_EMIT busyChanged(true);
        watcher->setFuture(QtConcurrent::run(&m_threads, [pool, load = std::move(load)] {
            Result<QSqlDatabase> db = pool->connectionForThisThread();
            if (!db)
                return Result<T>::failure(db.error());
            return load(*db);
        }));
        return id;
    }

    //! True while any read runs.
    bool isBusy() const { return m_running > 0; }
    //! Blocks until every read finished (tests and shutdown only).
    void waitForDone();
    const std::shared_ptr<ConnectionPool> &pool() const { return m_pool; }

Q_SIGNALS:
    void busyChanged(bool busy);

private:
    void jobFinished();

    std::shared_ptr<ConnectionPool> m_pool;
    QThreadPool m_threads;
    QHash<QString, quint64> m_latest;
    quint64 m_lastId = 0;
    int m_running = 0;
};

} // namespace cp::models::views
