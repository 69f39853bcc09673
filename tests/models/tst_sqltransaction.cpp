#include <testdatabase.h>

#include <models/connection.h>
#include <models/sqltransaction.h>

#include <QSemaphore>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <memory>

using namespace cp::models;
using cp::Result;
using cp::Status;

/** Concurrent write transactions, as the API's worker threads and the analysis thread run them. */
class tst_SqlTransaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void concurrentReadThenWriteTransactionsBothCommit_data() { cp::test::addDialectColumn(); }
    void concurrentReadThenWriteTransactionsBothCommit();
    void uncommittedTransactionRollsBack_data() { cp::test::addDialectColumn(); }
    void uncommittedTransactionRollsBack();
};

namespace {

qint64 metadataRows(QSqlDatabase db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM app_metadata")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

/**
 * Reads, waits (briefly) until the other writer has read too, then writes: the pattern that
 * makes a deferred SQLite transaction fail with "database is locked".
 */
QString readThenWrite(const DatabaseUrl &url, const QString &key, QSemaphore &read,
                      QSemaphore &otherRead)
{
    const QString connectionName = QStringLiteral("writer-") + key;
    QString error;
    {
        const Result<QSqlDatabase> db = openConnection(url, connectionName);
        if (!db)
            return db.error();
        SqlTransaction transaction(*db);
        if (!transaction.isActive()) {
            error = transaction.error();
        } else {
            metadataRows(*db);
            read.release();
            otherRead.tryAcquire(1, 500);
            QSqlQuery insert(*db);
            insert.prepare(QStringLiteral("INSERT INTO app_metadata (key, value) VALUES (?, ?)"));
            insert.addBindValue(key);
            insert.addBindValue(QStringLiteral("{}"));
            if (!insert.exec())
                error = insert.lastError().text();
            else if (const Status committed = transaction.commit(); !committed)
                error = committed.error();
        }
    }
    closeConnection(connectionName);
    return error;
}

} // namespace

void tst_SqlTransaction::concurrentReadThenWriteTransactionsBothCommit()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    const qint64 before = metadataRows(scratch.database());
    QSemaphore firstRead, secondRead;
    QString firstError, secondError;
    std::unique_ptr<QThread> first(QThread::create([&] {
        firstError =
            readThenWrite(scratch.databaseUrl(), QStringLiteral("first"), firstRead, secondRead);
    }));
    std::unique_ptr<QThread> second(QThread::create([&] {
        secondError =
            readThenWrite(scratch.databaseUrl(), QStringLiteral("second"), secondRead, firstRead);
    }));
    first->start();
    second->start();
    QVERIFY(first->wait(30000));
    QVERIFY(second->wait(30000));
    QVERIFY2(firstError.isEmpty(), qPrintable(firstError));
    QVERIFY2(secondError.isEmpty(), qPrintable(secondError));
    QCOMPARE(metadataRows(scratch.database()), before + 2);
}

void tst_SqlTransaction::uncommittedTransactionRollsBack()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    const qint64 before = metadataRows(scratch.database());
    {
        SqlTransaction transaction(scratch.database());
        QVERIFY2(transaction.isActive(), qPrintable(transaction.error()));
        QSqlQuery insert(scratch.database());
        QVERIFY(insert.exec(
            QStringLiteral("INSERT INTO app_metadata (key, value) VALUES ('dropped', '{}')")));
        QCOMPARE(metadataRows(scratch.database()), before + 1);
    }
    QCOMPARE(metadataRows(scratch.database()), before);
}

QTEST_MAIN(tst_SqlTransaction)
#include "tst_sqltransaction.moc"
