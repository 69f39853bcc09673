#include "coingeckomapper.h"

#include "jsonnumbers.h"

#include <app/importers/coingeckochart.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

namespace cp::app::marketdata::CoinGeckoMapper {

using Internal::number;

namespace {

const QString kWhat = QStringLiteral("CoinGecko");

qint64 isoSeconds(const QJsonValue &value)
{
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toSecsSinceEpoch() : 0;
}

template<typename T>
Result<T> fail(const QString &message)
{
    return Result<T>::failure(message);
}

} // namespace

const QHash<QString, QString> &sectorForCategory()
{
    // One CoinGecko category per sector: the broadest one CoinGecko keeps for that theme.
    static const QHash<QString, QString> map{
        {QStringLiteral("decentralized-finance-defi"), QStringLiteral("DeFi")},
        {QStringLiteral("layer-1"), QStringLiteral("Layer1")},
        {QStringLiteral("layer-2"), QStringLiteral("Layer2")},
        {QStringLiteral("gaming"), QStringLiteral("Gaming")},
        {QStringLiteral("non-fungible-tokens-nft"), QStringLiteral("NFT")},
        {QStringLiteral("infrastructure"), QStringLiteral("Infrastructure")},
        {QStringLiteral("meme-token"), QStringLiteral("Meme")},
        {QStringLiteral("payment-solutions"), QStringLiteral("Payments")},
        {QStringLiteral("privacy-coins"), QStringLiteral("Privacy")},
        {QStringLiteral("stablecoins"), QStringLiteral("Stablecoins")},
    };
    return map;
}

bool isStablecoin(const QString &symbol)
{
    static const QSet<QString> stable{
        QStringLiteral("usdt"), QStringLiteral("usdc"), QStringLiteral("dai"),
        QStringLiteral("busd"), QStringLiteral("tusd"), QStringLiteral("fdusd"),
        QStringLiteral("usde"), QStringLiteral("usds"), QStringLiteral("pyusd"),
        QStringLiteral("usdp"), QStringLiteral("gusd"), QStringLiteral("frax"),
        QStringLiteral("lusd"), QStringLiteral("usdd"), QStringLiteral("eurc")};
    return stable.contains(symbol.toLower());
}

Result<std::vector<MarketAssetRow>> markets(const QByteArray &json)
{
    QString error;
    const auto doc = Internal::parse(json, kWhat, &error);
    if (!doc)
        return fail<std::vector<MarketAssetRow>>(error);
    if (!doc->isArray())
        return fail<std::vector<MarketAssetRow>>(
            QStringLiteral("CoinGecko /coins/markets did not answer with a list of coins."));
    std::vector<MarketAssetRow> rows;
    for (const QJsonValue &value : doc->array()) {
        const QJsonObject coin = value.toObject();
        MarketAssetRow row;
        row.coingeckoId = coin.value(QStringLiteral("id")).toString();
        row.symbol = coin.value(QStringLiteral("symbol")).toString().trimmed().toUpper();
        row.name = coin.value(QStringLiteral("name")).toString();
        if (row.coingeckoId.isEmpty() || row.symbol.isEmpty())
            continue;
        if (row.name.isEmpty())
            row.name = row.symbol;
        if (const auto rank = number(coin.value(QStringLiteral("market_cap_rank"))))
            row.rank = int(*rank);
        row.price = number(coin.value(QStringLiteral("current_price")));
        row.marketCap = number(coin.value(QStringLiteral("market_cap")));
        row.totalVolume = number(coin.value(QStringLiteral("total_volume")));
        row.circulatingSupply = number(coin.value(QStringLiteral("circulating_supply")));
        row.totalSupply = number(coin.value(QStringLiteral("total_supply")));
        row.maxSupply = number(coin.value(QStringLiteral("max_supply")));
        row.lastUpdated = isoSeconds(coin.value(QStringLiteral("last_updated")));
        rows.push_back(std::move(row));
    }
    return rows;
}

Result<GlobalMarketRow> global(const QByteArray &json)
{
    QString error;
    const auto doc = Internal::parse(json, kWhat, &error);
    if (!doc)
        return fail<GlobalMarketRow>(error);
    const QJsonObject data = doc->object().value(QStringLiteral("data")).toObject();
    const auto cap = number(
        data.value(QStringLiteral("total_market_cap")).toObject().value(QStringLiteral("usd")));
    const QJsonObject share = data.value(QStringLiteral("market_cap_percentage")).toObject();
    if (!cap || share.isEmpty())
        return fail<GlobalMarketRow>(
            QStringLiteral("CoinGecko /global lacks the total market cap or dominance figures."));
    GlobalMarketRow row;
    row.totalMarketCap = *cap;
    row.totalVolume =
        number(data.value(QStringLiteral("total_volume")).toObject().value(QStringLiteral("usd")))
            .value_or(0.0);
    row.btcDominance = number(share.value(QStringLiteral("btc"))).value_or(0.0);
    row.ethDominance = number(share.value(QStringLiteral("eth"))).value_or(0.0);
    for (auto it = share.constBegin(); it != share.constEnd(); ++it) {
        if (isStablecoin(it.key()))
            row.stablecoinDominance += number(it.value()).value_or(0.0);
    }
    row.altDominance = std::clamp(
        100.0 - row.btcDominance - row.ethDominance - row.stablecoinDominance, 0.0, 100.0);
    row.marketCapChange24h =
        number(data.value(QStringLiteral("market_cap_change_percentage_24h_usd")));
    row.timestamp = qint64(number(data.value(QStringLiteral("updated_at"))).value_or(0.0));
    return row;
}

Result<std::vector<SectorMetricsRow>> categories(const QByteArray &json)
{
    QString error;
    const auto doc = Internal::parse(json, kWhat, &error);
    if (!doc)
        return fail<std::vector<SectorMetricsRow>>(error);
    if (!doc->isArray())
        return fail<std::vector<SectorMetricsRow>>(
            QStringLiteral("CoinGecko /coins/categories did not answer with a list."));
    std::vector<SectorMetricsRow> rows;
    for (const QJsonValue &value : doc->array()) {
        const QJsonObject category = value.toObject();
        const QString id = category.value(QStringLiteral("id")).toString();
        const auto sector = sectorForCategory().constFind(id);
        if (sector == sectorForCategory().constEnd())
            continue;
        SectorMetricsRow row;
        row.sectorName = *sector;
        row.categoryId = id;
        row.marketCap = number(category.value(QStringLiteral("market_cap")));
        row.volume24h = number(category.value(QStringLiteral("volume_24h")));
        row.change24h = number(category.value(QStringLiteral("market_cap_change_24h")));
        row.timestamp = isoSeconds(category.value(QStringLiteral("updated_at")));
        rows.push_back(std::move(row));
    }
    return rows;
}

Result<std::vector<PriceBar>> marketChart(const QByteArray &json, qint64 barSeconds)
{
    // The importer's parser: one reading of CoinGecko's chart JSON in the application.
    const Result<importers::CoinGeckoChart> chart = importers::CoinGeckoChart::parse(json);
    if (!chart)
        return fail<std::vector<PriceBar>>(
            QStringLiteral("CoinGecko sent an unreadable market_chart (%1)").arg(chart.error()));
    if (chart->isOhlc || !chart->hasPrices)
        return fail<std::vector<PriceBar>>(
            QStringLiteral("CoinGecko market_chart has no price series."));
    // Keyed by second: the three series share timestamps, but are joined defensively. Entries
    // that are not [ms, value] or hold null are skipped: a backfill takes what it can.
    struct Point
    {
        std::optional<double> price, cap, volume;
    };
    std::map<qint64, Point> points;
    const auto collect = [&](const std::vector<importers::CoinGeckoChart::Entry> &series,
                             std::optional<double> Point::*field) {
        for (const importers::CoinGeckoChart::Entry &e : series) {
            if (e.values.size() == 2 && std::isfinite(e.values[0]) && std::isfinite(e.values[1]))
                points[qint64(e.values[0]) / 1000].*field = e.values[1];
        }
    };
    collect(chart->prices, &Point::price);
    collect(chart->marketCaps, &Point::cap);
    collect(chart->totalVolumes, &Point::volume);

    qint64 spacing = barSeconds;
    if (spacing <= 0 && points.size() >= 2) {
        // The median spacing: CoinGecko's last point is "now", off the regular grid.
        std::vector<qint64> gaps;
        qint64 previous = points.begin()->first;
        for (auto it = std::next(points.begin()); it != points.end(); ++it) {
            gaps.push_back(it->first - previous);
            previous = it->first;
        }
        std::nth_element(gaps.begin(), gaps.begin() + qsizetype(gaps.size() / 2), gaps.end());
        spacing = gaps[gaps.size() / 2];
        // CoinGecko's points sit a few seconds off the grid; snap to the granularity it serves.
        for (const qint64 grid : {qint64(300), qint64(3600), qint64(86400)}) {
            if (std::abs(spacing - grid) * 20 <= grid)
                spacing = grid;
        }
    }
    // Times go onto the bar grid so that the rows meet Binance's bars (open times on the grid)
    // instead of sitting beside them; CoinGecko's extra "now" point replaces its slot's older one.
    std::map<qint64, PriceBar> aligned;
    for (const auto &[time, point] : points) {
        if (!point.price || *point.price <= 0)
            continue;
        PriceBar bar;
        bar.candle.time = spacing > 0 ? time - time % spacing : time;
        bar.candle.open = bar.candle.high = bar.candle.low = bar.candle.close = *point.price;
        bar.candle.volume =
            point.volume && spacing > 0 ? *point.volume * double(spacing) / 86400.0 : 0.0;
        bar.marketCap = point.cap;
        aligned[bar.candle.time] = bar;
    }
    std::vector<PriceBar> bars;
    bars.reserve(aligned.size());
    for (const auto &[time, bar] : aligned)
        bars.push_back(bar);
    return bars;
}

} // namespace cp::app::marketdata::CoinGeckoMapper
