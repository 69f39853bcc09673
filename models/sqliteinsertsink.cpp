#include "pricedatasink.h"

#include "sqltimestamp.h"

#include <QDateTime>
#include <QSqlDriver>

#include <sqlite3.h>

#include <array>

namespace cp::models::Internal {

namespace {

//! Rows per multi-row INSERT: fewer statement executions, well under SQLite's variable limit.
constexpr int kRowsPerStatement = 64;
constexpr int kColumnsPerRow = 8;

/**
 * Prepared INSERTs of kRowsPerStatement rows stepped on the sqlite3 handle QSQLITE opened:
 * QSqlQuery's per-value QVariant binding costs more than SQLite's own insert at these row
 * counts, and one statement per row spends as much in statement start-up as in the insert.
 */
class SqliteInsertSink final : public PriceDataSink
{
public:
    SqliteInsertSink(QSqlDatabase db, bool upsert, bool bulk, int cacheMiB)
        : m_db(std::move(db))
        , m_upsert(upsert)
        , m_bulk(bulk)
        , m_cacheMiB(cacheMiB)
    {
    }

    ~SqliteInsertSink() override
    {
        if (m_batchStatement)
            sqlite3_finalize(m_batchStatement);
        if (m_rowStatement)
            sqlite3_finalize(m_rowStatement);
        restoreCacheSize();
    }

    Status begin() override
    {
        const QVariant handle = m_db.driver()->handle();
        if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
            return Status::failure(QStringLiteral("The SQLite connection is not available."));
        m_handle = *static_cast<sqlite3 *const *>(handle.data());
        // Millions of rows update the indexes of price_data; with SQLite's default 2 MiB page
        // cache most index pages are re-read from disk. A large cache for the duration of the
        // write (256 MiB by default; memory bounded by this setting, not by the data size) gives
        // about 1.5x the throughput; the usual size comes back in finish(). The sort that
        // rebuilds the time index after a bulk write may use as much again.
        const QByteArray cache = "PRAGMA cache_size = -" + QByteArray::number(m_cacheMiB * 1024);
        sqlite3_exec(m_handle, cache.constData(), nullptr, nullptr, nullptr);
        // The caller's transaction restores the index if the write is abandoned.
        if (m_bulk && sqlite3_exec(m_handle, "DROP INDEX IF EXISTS idx_price_data_timestamp_desc",
                                   nullptr, nullptr, nullptr) != SQLITE_OK) {
            return failure();
        }
        // created_at is given once: its column default (strftime of 'now') per row costs about
        // a tenth of the insert.
        m_createdAt = SqlTimestamp::fromDateTime(QDateTime::currentDateTimeUtc()).toUtf8();
        if (!prepare(kRowsPerStatement, &m_batchStatement) || !prepare(1, &m_rowStatement))
            return failure();
        return {};
    }

    Status write(int cryptoId, std::span<const engine::Candle> candles, double supply,
                 const double *marketCaps) override
    {
        for (std::size_t i = 0; i < candles.size(); ++i) {
            Pending &row = m_pending[static_cast<std::size_t>(m_pendingCount++)];
            row.cryptoId = cryptoId;
            row.candle = candles[i];
            row.marketCap = marketCapOf(candles[i], i, supply, marketCaps);
            if (m_pendingCount == kRowsPerStatement) {
                if (const Status s = flush(); !s)
                    return s;
            }
        }
        return {};
    }

    Status finish() override
    {
        if (const Status s = flush(); !s)
            return s;
        // Same definition as migration 0001.
        if (m_bulk && sqlite3_exec(m_handle,
                                   "CREATE INDEX IF NOT EXISTS idx_price_data_timestamp_desc ON"
                                   " price_data (timestamp DESC)",
                                   nullptr, nullptr, nullptr) != SQLITE_OK) {
            return failure();
        }
        restoreCacheSize();
        return {};
    }

private:
    /** A row waiting for its multi-row INSERT. */
    struct Pending
    {
        int cryptoId = 0;
        engine::Candle candle;
        double marketCap = 0.0;
        char time[SqlTimestamp::kLength];
    };

    bool prepare(int rows, sqlite3_stmt **statement)
    {
        QByteArray sql = "INSERT INTO price_data (crypto_id, timestamp, open_price, high_price,"
                         " low_price, close_price, volume, market_cap, created_at) VALUES ";
        const int createdAt = rows * kColumnsPerRow + 1;
        for (int r = 0; r < rows; ++r) {
            sql += r ? ", (" : "(";
            for (int c = 1; c <= kColumnsPerRow; ++c)
                sql += '?' + QByteArray::number(r * kColumnsPerRow + c) + ", ";
            sql += '?' + QByteArray::number(createdAt) + ')';
        }
        if (m_upsert) {
            sql += " ON CONFLICT (crypto_id, timestamp) DO UPDATE SET"
                   " open_price = excluded.open_price, high_price = excluded.high_price,"
                   " low_price = excluded.low_price, close_price = excluded.close_price,"
                   " volume = excluded.volume, market_cap = excluded.market_cap";
        }
        if (sqlite3_prepare_v3(m_handle, sql.constData(), -1, SQLITE_PREPARE_PERSISTENT, statement,
                               nullptr) != SQLITE_OK) {
            return false;
        }
        // Bindings survive sqlite3_reset: created_at is bound once.
        sqlite3_bind_text(*statement, createdAt, m_createdAt.constData(),
                          static_cast<int>(m_createdAt.size()), SQLITE_STATIC);
        return true;
    }

    Status flush()
    {
        const bool full = m_pendingCount == kRowsPerStatement;
        // A partial batch goes row by row; only the last batch of a write is partial.
        const int statements = full ? 1 : m_pendingCount;
        for (int s = 0; s < statements; ++s) {
            sqlite3_stmt *statement = full ? m_batchStatement : m_rowStatement;
            const int rows = full ? kRowsPerStatement : 1;
            for (int r = 0; r < rows; ++r) {
                Pending &row = m_pending[static_cast<std::size_t>(full ? r : s)];
                const engine::Candle &c = row.candle;
                const int base = r * kColumnsPerRow;
                SqlTimestamp::format(c.time, row.time);
                sqlite3_bind_int(statement, base + 1, row.cryptoId);
                sqlite3_bind_text(statement, base + 2, row.time, SqlTimestamp::kLength,
                                  SQLITE_STATIC);
                sqlite3_bind_double(statement, base + 3, c.open);
                sqlite3_bind_double(statement, base + 4, c.high);
                sqlite3_bind_double(statement, base + 5, c.low);
                sqlite3_bind_double(statement, base + 6, c.close);
                sqlite3_bind_double(statement, base + 7, c.volume);
                if (!std::isnan(row.marketCap))
                    sqlite3_bind_double(statement, base + 8, row.marketCap);
                else
                    sqlite3_bind_null(statement, base + 8);
            }
            const int rc = sqlite3_step(statement);
            sqlite3_reset(statement);
            if (rc != SQLITE_DONE) {
                m_pendingCount = 0;
                return failure();
            }
        }
        m_pendingCount = 0;
        return {};
    }

    void restoreCacheSize()
    {
        if (m_handle)
            sqlite3_exec(m_handle, "PRAGMA cache_size = -2000", nullptr, nullptr, nullptr);
    }

    Status failure() const
    {
        return Status::failure(QStringLiteral("SQLite refused the price rows: %1")
                                   .arg(QString::fromUtf8(sqlite3_errmsg(m_handle))));
    }

    QSqlDatabase m_db;
    sqlite3 *m_handle = nullptr;
    sqlite3_stmt *m_batchStatement = nullptr;
    sqlite3_stmt *m_rowStatement = nullptr;
    QByteArray m_createdAt;
    std::array<Pending, kRowsPerStatement> m_pending;
    int m_pendingCount = 0;
    bool m_upsert = false;
    bool m_bulk = false;
    int m_cacheMiB = 256;
};

} // namespace

std::unique_ptr<PriceDataSink> makeSqliteInsertSink(QSqlDatabase db, bool upsert, bool bulk,
                                                    int cacheMiB)
{
    return std::make_unique<SqliteInsertSink>(std::move(db), upsert, bulk, cacheMiB);
}

} // namespace cp::models::Internal
