#include "pricedatasink.h"

#include "sqltimestamp.h"

#include <QSqlDriver>

#include <sqlite3.h>

namespace cp::models::Internal {

namespace {

/**
 * One prepared INSERT stepped per row on the sqlite3 handle QSQLITE opened: QSqlQuery's
 * per-value QVariant binding costs more than SQLite's own insert at these row counts.
 */
class SqliteInsertSink final : public PriceDataSink
{
public:
    SqliteInsertSink(QSqlDatabase db, bool upsert, bool bulk)
        : m_db(std::move(db))
        , m_upsert(upsert)
        , m_bulk(bulk)
    {
    }

    ~SqliteInsertSink() override
    {
        if (m_statement)
            sqlite3_finalize(m_statement);
        restoreCacheSize();
    }

    Status begin() override
    {
        const QVariant handle = m_db.driver()->handle();
        if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
            return Status::failure(QStringLiteral("The SQLite connection is not available."));
        m_handle = *static_cast<sqlite3 *const *>(handle.data());
        // Millions of rows update the indexes of price_data; with SQLite's default 2 MiB page
        // cache most index pages are re-read from disk. A 256 MiB cache for the duration of the
        // write (memory bounded by this setting, not by the data size) gives about 1.5x the
        // throughput; the usual size comes back in finish().
        sqlite3_exec(m_handle, "PRAGMA cache_size = -262144", nullptr, nullptr, nullptr);
        // The caller's transaction restores the index if the write is abandoned.
        if (m_bulk && sqlite3_exec(m_handle, "DROP INDEX IF EXISTS idx_price_data_timestamp_desc",
                                   nullptr, nullptr, nullptr) != SQLITE_OK) {
            return failure();
        }
        const char *sql =
            m_upsert
                ? "INSERT INTO price_data (crypto_id, timestamp, open_price, high_price, low_price,"
                  " close_price, volume, market_cap) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                  " ON CONFLICT (crypto_id, timestamp) DO UPDATE SET"
                  " open_price = excluded.open_price, high_price = excluded.high_price,"
                  " low_price = excluded.low_price, close_price = excluded.close_price,"
                  " volume = excluded.volume, market_cap = excluded.market_cap"
                : "INSERT INTO price_data (crypto_id, timestamp, open_price, high_price, low_price,"
                  " close_price, volume, market_cap) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
        if (sqlite3_prepare_v3(m_handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement,
                               nullptr) != SQLITE_OK) {
            return failure();
        }
        return {};
    }

    Status write(int cryptoId, std::span<const engine::Candle> candles, double supply) override
    {
        char time[SqlTimestamp::kLength];
        for (const engine::Candle &c : candles) {
            SqlTimestamp::format(c.time, time);
            sqlite3_bind_int(m_statement, 1, cryptoId);
            sqlite3_bind_text(m_statement, 2, time, SqlTimestamp::kLength, SQLITE_STATIC);
            sqlite3_bind_double(m_statement, 3, c.open);
            sqlite3_bind_double(m_statement, 4, c.high);
            sqlite3_bind_double(m_statement, 5, c.low);
            sqlite3_bind_double(m_statement, 6, c.close);
            sqlite3_bind_double(m_statement, 7, c.volume);
            if (supply > 0)
                sqlite3_bind_double(m_statement, 8, c.close * supply);
            else
                sqlite3_bind_null(m_statement, 8);
            const int rc = sqlite3_step(m_statement);
            sqlite3_reset(m_statement);
            if (rc != SQLITE_DONE)
                return failure();
        }
        return {};
    }

    Status finish() override
    {
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
    sqlite3_stmt *m_statement = nullptr;
    bool m_upsert = false;
    bool m_bulk = false;
};

} // namespace

std::unique_ptr<PriceDataSink> makeSqliteInsertSink(QSqlDatabase db, bool upsert, bool bulk)
{
    return std::make_unique<SqliteInsertSink>(std::move(db), upsert, bulk);
}

} // namespace cp::models::Internal
