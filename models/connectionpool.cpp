#include "connectionpool.h"

#include "connection.h"

#include <QAtomicInteger>
#include <QThread>

namespace cp::models {

namespace {
QAtomicInteger<int> s_poolCounter;
}

ConnectionPool::ConnectionPool(DatabaseUrl url)
    : m_url(std::move(url))
    , m_prefix(QStringLiteral("cp-pool-%1").arg(s_poolCounter.fetchAndAddRelaxed(1)))
{
}

ConnectionPool::~ConnectionPool()
{
    // Only the calling thread's connection can be closed safely from here; worker threads
    // close theirs when they finish.
    const QString name = connectionNameForThisThread();
    if (QSqlDatabase::contains(name))
        closeConnection(name);
}

QString ConnectionPool::connectionNameForThisThread() const
{
    return m_prefix + QLatin1Char('@') +
           QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()), 16);
}

Result<QSqlDatabase> ConnectionPool::connectionForThisThread()
{
    const QString name = connectionNameForThisThread();
    const bool known = QSqlDatabase::contains(name);
    if (known) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
    }
    Result<QSqlDatabase> opened = openConnection(m_url, name);
    if (opened && !known) {
        QThread *thread = QThread::currentThread();
        QObject::connect(
            thread, &QThread::finished, thread, [name] { closeConnection(name); },
            Qt::DirectConnection);
    }
    return opened;
}

} // namespace cp::models
