#pragma once

#include <engine/candle.h>

#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace cp::app::marketdata {

/** One asset of CoinGecko's /coins/markets, as cryptocurrencies stores it. */
struct MarketAssetRow
{
    QString coingeckoId;
    //! Upper case, as cryptocurrencies.symbol holds it ("BTC").
    QString symbol;
    QString name;
    std::optional<int> rank;
    std::optional<double> price;
    std::optional<double> marketCap;
    std::optional<double> totalVolume;
    std::optional<double> circulatingSupply;
    std::optional<double> totalSupply;
    std::optional<double> maxSupply;
    //! Unix seconds of CoinGecko's last_updated; 0 when absent.
    qint64 lastUpdated = 0;
};

/** CoinGecko's /global as a dominance_data row (percentages 0..100). */
struct GlobalMarketRow
{
    qint64 timestamp = 0;
    double totalMarketCap = 0.0;
    double totalVolume = 0.0;
    double btcDominance = 0.0;
    double ethDominance = 0.0;
    double stablecoinDominance = 0.0;
    //! 100 - BTC - ETH - stablecoins, as the engine defines it.
    double altDominance = 0.0;
    std::optional<double> marketCapChange24h;
};

/** One CoinGecko category mapped onto one of our sectors (crypto_sectors.name). */
struct SectorMetricsRow
{
    QString sectorName;
    QString categoryId;
    qint64 timestamp = 0;
    std::optional<double> marketCap;
    std::optional<double> volume24h;
    //! Percent change of the category's market cap over 24 hours.
    std::optional<double> change24h;
};

/** One reading of alternative.me's fear & greed index. */
struct FearGreedRow
{
    qint64 timestamp = 0;
    double value = 0.0;
    QString classification;
};

/** A bar of one asset as price_data stores it; marketCap is optional (CoinGecko supplies it). */
struct PriceBar
{
    engine::Candle candle;
    std::optional<double> marketCap;
};

/** One message of Binance's combined stream, decoded. */
struct StreamEvent
{
    enum class Kind {
        //! A 1m/1h/... bar, in progress or closed.
        Kline,
        //! The rolling 24h mini ticker: last price.
        MiniTicker,
    };
    Kind kind = Kind::Kline;
    //! Binance pair, upper case ("BTCUSDT").
    QString pair;
    //! Event time, Unix milliseconds.
    qint64 eventTimeMs = 0;
    engine::Candle candle;
    bool closed = false;
    double lastPrice = 0.0;
};

} // namespace cp::app::marketdata
