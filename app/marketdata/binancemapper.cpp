#include "binancemapper.h"

#include "jsonnumbers.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cp::app::marketdata::BinanceMapper {

using Internal::number;

Result<std::vector<engine::Candle>> klines(const QByteArray &json)
{
    QString error;
    const auto doc = Internal::parse(json, QStringLiteral("Binance"), &error);
    if (!doc)
        return Result<std::vector<engine::Candle>>::failure(error);
    if (!doc->isArray())
        return Result<std::vector<engine::Candle>>::failure(
            QStringLiteral("Binance /api/v3/klines did not answer with a list of bars."));
    std::vector<engine::Candle> candles;
    for (const QJsonValue &value : doc->array()) {
        const QJsonArray k = value.toArray();
        const auto open = number(k.at(0));
        const auto o = number(k.at(1)), h = number(k.at(2)), l = number(k.at(3)),
                   c = number(k.at(4)), v = number(k.at(5));
        if (!open || !o || !h || !l || !c || !v)
            return Result<std::vector<engine::Candle>>::failure(
                QStringLiteral("Binance sent a kline without its open time or prices."));
        candles.push_back({qint64(*open) / 1000, *o, *h, *l, *c, *v});
    }
    return candles;
}

Result<std::optional<StreamEvent>> streamMessage(const QByteArray &json)
{
    using R = Result<std::optional<StreamEvent>>;
    QString error;
    const auto doc = Internal::parse(json, QStringLiteral("Binance stream"), &error);
    if (!doc)
        return R::failure(error);
    const QJsonObject root = doc->object();
    // Combined streams wrap the event; a raw stream sends it bare.
    const QJsonObject data = root.contains(QStringLiteral("data"))
                                 ? root.value(QStringLiteral("data")).toObject()
                                 : root;
    const QString type = data.value(QStringLiteral("e")).toString();
    StreamEvent event;
    event.pair = data.value(QStringLiteral("s")).toString().toUpper();
    event.eventTimeMs = qint64(number(data.value(QStringLiteral("E"))).value_or(0.0));
    if (type == QLatin1String("kline")) {
        const QJsonObject k = data.value(QStringLiteral("k")).toObject();
        const auto t = number(k.value(QStringLiteral("t")));
        const auto o = number(k.value(QStringLiteral("o"))),
                   h = number(k.value(QStringLiteral("h"))),
                   l = number(k.value(QStringLiteral("l"))),
                   c = number(k.value(QStringLiteral("c"))),
                   v = number(k.value(QStringLiteral("v")));
        if (!t || !o || !h || !l || !c || !v || event.pair.isEmpty())
            return R::failure(QStringLiteral("Binance sent a kline event without its bar."));
        event.kind = StreamEvent::Kind::Kline;
        event.candle = {qint64(*t) / 1000, *o, *h, *l, *c, *v};
        event.closed = k.value(QStringLiteral("x")).toBool();
        return std::optional<StreamEvent>(event);
    }
    if (type == QLatin1String("24hrMiniTicker")) {
        const auto c = number(data.value(QStringLiteral("c")));
        if (!c || event.pair.isEmpty())
            return R::failure(QStringLiteral("Binance sent a mini ticker without its price."));
        event.kind = StreamEvent::Kind::MiniTicker;
        event.lastPrice = *c;
        return std::optional<StreamEvent>(event);
    }
    return std::optional<StreamEvent>();
}

QString baseAsset(const QString &pair)
{
    static const char *const quotes[] = {"FDUSD", "USDT", "USDC", "BUSD", "TUSD", "USD"};
    const QString upper = pair.toUpper();
    for (const char *quote : quotes) {
        const QLatin1String q(quote);
        if (upper.size() > q.size() && upper.endsWith(q))
            return upper.left(upper.size() - q.size());
    }
    return upper;
}

qint64 intervalSeconds(const QString &interval)
{
    if (interval.size() < 2)
        return 0;
    bool ok = false;
    const qint64 n = interval.left(interval.size() - 1).toLongLong(&ok);
    if (!ok || n <= 0)
        return 0;
    switch (interval.back().toLatin1()) {
    case 's':
        return n;
    case 'm':
        return n * 60;
    case 'h':
        return n * 3600;
    case 'd':
        return n * 86400;
    case 'w':
        return n * 7 * 86400;
    default:
        return 0;
    }
}

} // namespace cp::app::marketdata::BinanceMapper
