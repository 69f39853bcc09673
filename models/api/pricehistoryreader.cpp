#include "pricehistoryreader.h"

#include "jsonrowmapper.h"

#include <models/sqltimestamp.h>

#include <QJsonArray>
#include <QSqlQuery>

#include <algorithm>

namespace cp::models {

namespace {

struct Candle
{
    QDateTime time;
    double open = 0.0;
    double high = 0.0;
    double low = 0.0;
    double close = 0.0;
    double volume = 0.0;
};

QJsonObject candleJson(const Candle &c)
{
    return QJsonObject{{QStringLiteral("timestamp"), JsonRowMapper::isoTime(c.time)},
                       {QStringLiteral("open"), c.open},
                       {QStringLiteral("high"), c.high},
                       {QStringLiteral("low"), c.low},
                       {QStringLiteral("close"), c.close},
                       {QStringLiteral("volume"), c.volume}};
}

} // namespace

PriceHistoryReader::PriceHistoryReader(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<std::optional<QJsonObject>>
PriceHistoryReader::history(int cryptoId, const QString &interval, int days) const
{
    using R = Result<std::optional<QJsonObject>>;
    QSqlQuery asset(m_db);
    asset.setForwardOnly(true);
    asset.prepare(QStringLiteral("SELECT symbol FROM cryptocurrencies WHERE id = ?"));
    asset.addBindValue(cryptoId);
    if (const Status s = execQuery(asset, QStringLiteral("assets")); !s)
        return R::failure(s.error());
    if (!asset.next())
        return std::optional<QJsonObject>();
    const QString symbol = asset.value(0).toString();
    asset.finish();

    QSqlQuery newest(m_db);
    newest.setForwardOnly(true);
    newest.prepare(QStringLiteral("SELECT MAX(timestamp) FROM price_data WHERE crypto_id = ?"));
    newest.addBindValue(cryptoId);
    if (const Status s = execQuery(newest, QStringLiteral("prices")); !s)
        return R::failure(s.error());
    QJsonArray prices;
    if (newest.next() && !newest.value(0).isNull()) {
        // The window ends at the newest candle, not now: history imports stay readable.
        const QDateTime last = SqlTimestamp::toDateTime(newest.value(0));
        newest.finish();
        const bool daily = interval == QLatin1String("1d");
        // Daily candles cover whole UTC days: the newest day and the days - 1 before it.
        const QDateTime from =
            daily ? QDateTime(last.toUTC().date().addDays(1 - days), QTime(0, 0), Qt::UTC)
                  : last.addSecs(-qint64(days) * 86400);
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT timestamp, open_price, high_price, low_price,"
                                     " close_price, volume FROM price_data WHERE crypto_id = ?"
                                     " AND timestamp ") +
                      QLatin1String(daily ? ">=" : ">") + QStringLiteral(" ? ORDER BY timestamp"));
        query.addBindValue(cryptoId);
        query.addBindValue(SqlTimestamp::fromDateTime(from));
        if (const Status s = execQuery(query, QStringLiteral("prices")); !s)
            return R::failure(s.error());
        std::optional<Candle> day;
        qint64 dayNumber = 0;
        while (query.next()) {
            Candle c{SqlTimestamp::toDateTime(query.value(0)),
                     query.value(1).toDouble(),
                     query.value(2).toDouble(),
                     query.value(3).toDouble(),
                     query.value(4).toDouble(),
                     query.value(5).toDouble()};
            if (!daily) {
                prices.append(candleJson(c));
                continue;
            }
            const qint64 number = c.time.toSecsSinceEpoch() / 86400;
            if (day && number == dayNumber) {
                day->high = std::max(day->high, c.high);
                day->low = std::min(day->low, c.low);
                day->close = c.close;
                day->volume += c.volume;
                continue;
            }
            if (day)
                prices.append(candleJson(*day));
            // A daily candle is stamped with the start of its UTC day.
            c.time = QDateTime::fromSecsSinceEpoch(number * 86400, Qt::UTC);
            day = c;
            dayNumber = number;
        }
        if (day)
            prices.append(candleJson(*day));
    }
    return std::optional<QJsonObject>(QJsonObject{{QStringLiteral("crypto_id"), cryptoId},
                                                  {QStringLiteral("symbol"), symbol},
                                                  {QStringLiteral("interval"), interval},
                                                  {QStringLiteral("prices"), prices}});
}

} // namespace cp::models
