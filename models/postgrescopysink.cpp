#include "pricedatasink.h"

#include "sqltimestamp.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <libpq-fe.h>

#include <cstring>

#include <vector>

namespace cp::models::Internal {

namespace {

constexpr std::size_t kFlushBytes = 1 << 20;
const char *kColumns =
    "(crypto_id, timestamp, open_price, high_price, low_price, close_price, volume, market_cap)";

/** COPY ... FROM STDIN on the connection QPSQL opened: the only path near psql's \copy speed. */
class PostgresCopySink final : public PriceDataSink
{
public:
    PostgresCopySink(QSqlDatabase db, bool upsert)
        : m_db(std::move(db))
        , m_upsert(upsert)
    {
        m_buffer.resize(kFlushBytes + 4096);
    }

    Status begin() override
    {
        const QVariant handle = m_db.driver()->handle();
        // QPSQL registers the handle under libpq's struct name, pg_conn*.
        if (qstrcmp(handle.typeName(), "pg_conn*") != 0 &&
            qstrcmp(handle.typeName(), "PGconn*") != 0)
            return Status::failure(QStringLiteral("The PostgreSQL connection is not available."));
        m_conn = *static_cast<PGconn *const *>(handle.data());
        if (m_upsert) {
            QSqlQuery query(m_db);
            if (!query.exec(QStringLiteral(
                    "CREATE TEMP TABLE price_data_incoming (LIKE price_data INCLUDING DEFAULTS)"
                    " ON COMMIT DROP"))) {
                return Status::failure(query.lastError().text());
            }
        }
        const QByteArray sql = QByteArray("COPY ") +
                               (m_upsert ? "price_data_incoming " : "price_data ") + kColumns +
                               " FROM STDIN";
        PGresult *result = PQexec(m_conn, sql.constData());
        const bool ok = PQresultStatus(result) == PGRES_COPY_IN;
        PQclear(result);
        if (!ok)
            return failure();
        m_copying = true;
        return {};
    }

    Status write(int cryptoId, std::span<const engine::Candle> candles, double supply,
                 const double *marketCaps) override
    {
        char idText[16];
        const int idLength =
            static_cast<int>(std::to_chars(idText, idText + 16, cryptoId).ptr - idText);
        char *out = m_buffer.data() + m_used;
        for (std::size_t i = 0; i < candles.size(); ++i) {
            const engine::Candle &c = candles[i];
            char *end = m_buffer.data() + m_buffer.size();
            std::memcpy(out, idText, static_cast<std::size_t>(idLength));
            out += idLength;
            *out++ = '\t';
            SqlTimestamp::format(c.time, out);
            out += SqlTimestamp::kLength;
            for (double v : {c.open, c.high, c.low, c.close, c.volume}) {
                *out++ = '\t';
                out = appendNumber(out, end, v);
            }
            *out++ = '\t';
            if (const double cap = marketCapOf(c, i, supply, marketCaps); !std::isnan(cap)) {
                out = appendNumber(out, end, cap);
            } else {
                *out++ = '\\';
                *out++ = 'N';
            }
            *out++ = '\n';
            m_used = static_cast<std::size_t>(out - m_buffer.data());
            if (m_used >= kFlushBytes) {
                if (const Status s = flush(); !s)
                    return s;
                out = m_buffer.data();
            }
        }
        return {};
    }

    Status finish() override
    {
        if (!m_copying)
            return Status::failure(QStringLiteral("The bulk write was not started."));
        if (const Status s = flush(); !s)
            return s;
        m_copying = false;
        if (PQputCopyEnd(m_conn, nullptr) != 1)
            return failure();
        if (const Status s = drainResults(); !s)
            return s;
        if (m_upsert) {
            // A key written twice in this stream would make ON CONFLICT DO UPDATE touch one row
            // twice, which PostgreSQL refuses; the last write wins (id follows COPY order).
            QSqlQuery query(m_db);
            if (!query.exec(
                    QStringLiteral(
                        "INSERT INTO price_data %1 SELECT DISTINCT ON (crypto_id, timestamp)"
                        " crypto_id, timestamp, open_price, high_price, low_price, close_price,"
                        " volume, market_cap FROM price_data_incoming"
                        " ORDER BY crypto_id, timestamp, id DESC"
                        " ON CONFLICT (crypto_id, timestamp) DO UPDATE SET"
                        " open_price = EXCLUDED.open_price, high_price = EXCLUDED.high_price,"
                        " low_price = EXCLUDED.low_price, close_price = EXCLUDED.close_price,"
                        " volume = EXCLUDED.volume, market_cap = EXCLUDED.market_cap")
                        .arg(QLatin1String(kColumns)))) {
                return Status::failure(query.lastError().text());
            }
        }
        return {};
    }

    ~PostgresCopySink() override
    {
        // An abandoned COPY must be ended, or the connection stays in COPY state; the server
        // discards the rows and the caller's transaction rolls back.
        if (m_copying) {
            PQputCopyEnd(m_conn, "abandoned");
            drainResults();
        }
    }

private:
    Status flush()
    {
        if (m_used == 0)
            return {};
        if (PQputCopyData(m_conn, m_buffer.data(), static_cast<int>(m_used)) != 1)
            return failure();
        m_used = 0;
        return {};
    }

    Status drainResults()
    {
        Status status;
        while (PGresult *result = PQgetResult(m_conn)) {
            if (PQresultStatus(result) != PGRES_COMMAND_OK && status) {
                // The full message spans lines (ERROR/DETAIL/CONTEXT); errors are one sentence.
                QString reason =
                    QString::fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY));
                const QString detail =
                    QString::fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL));
                if (reason.isEmpty())
                    reason = QString::fromUtf8(PQresultErrorMessage(result));
                if (!detail.isEmpty())
                    reason += QStringLiteral(" (%1)").arg(detail);
                status = Status::failure(QStringLiteral("PostgreSQL refused the price rows: %1")
                                             .arg(reason.simplified()));
            }
            PQclear(result);
        }
        return status;
    }

    Status failure() const
    {
        return Status::failure(QStringLiteral("PostgreSQL bulk write failed: %1")
                                   .arg(QString::fromUtf8(PQerrorMessage(m_conn)).simplified()));
    }

    QSqlDatabase m_db;
    PGconn *m_conn = nullptr;
    std::vector<char> m_buffer;
    std::size_t m_used = 0;
    bool m_upsert = false;
    bool m_copying = false;
};

} // namespace

std::unique_ptr<PriceDataSink> makePostgresCopySink(QSqlDatabase db, bool upsert)
{
    return std::make_unique<PostgresCopySink>(std::move(db), upsert);
}

} // namespace cp::models::Internal
