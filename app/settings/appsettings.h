#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace cp::app {

//! Which calendar dates are shown in.
enum class CalendarSystem { Gregorian, Jalali };

//! Where the desktop gets its data: a database of its own, or a peer instance's API.
enum class DataSourceMode { Database, Peer };

struct DatabaseSettings
{
    //! sqlite:///abs/path.db or postgresql://user@host:port/db — never a password (keychain).
    QString url;
};

struct DisplaySettings
{
    //! BCP 47 language of the UI, e.g. "en" or "fa"; empty = the system's.
    QString language;
    CalendarSystem calendar = CalendarSystem::Gregorian;
    //! "light" or "dark".
    QString theme = QStringLiteral("light");
};

/** Public market-data providers. Base URLs are settings so tests and mirrors can point elsewhere.
 */
struct ProviderSettings
{
    bool liveEnabled = false;
    QString coinGeckoBaseUrl = QStringLiteral("https://api.coingecko.com/api/v3");
    QString binanceRestBaseUrl = QStringLiteral("https://api.binance.com");
    QString binanceStreamBaseUrl = QStringLiteral("wss://stream.binance.com:9443");
    QString fearGreedBaseUrl = QStringLiteral("https://api.alternative.me");
    //! CoinGecko's public tier allows about 30 calls a minute; stay under it.
    int coinGeckoRequestsPerMinute = 25;
    //! Binance pairs (e.g. "BTCUSDT"); empty = the tier-1 watchlist, for gap fills and the live
    //! stream (BTC and ETH while the watchlist is empty).
    QStringList binanceSymbols;
    //! "public" (no key), "demo" or "pro": which CoinGecko key header is sent. The key itself
    //! lives in the keychain (marketdata::ApiKeyProvider).
    QString coinGeckoPlan = QStringLiteral("demo");
    //! Coins kept current from /coins/markets (one page, at most 250).
    int coinGeckoMarketCount = 100;
    //! Bar length written to price_data from Binance (REST backfill and the live kline stream);
    //! one length per database keeps the analysis on a regular grid.
    QString binanceKlineInterval = QStringLiteral("1h");
};

struct ScheduleSettings
{
    //! 0 turns the periodic refresh off.
    int marketRefreshMinutes = 15;
    bool analyzeAfterRefresh = true;
    //! How often predictions whose horizon has passed are scored.
    int evaluateMinutes = 60;
};

/** The REST/WebSocket server this instance offers to peers ("Serve to peers"). */
struct ServeSettings
{
    bool enabled = false;
    //! Loopback unless the user chooses otherwise.
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8600;
};

/** Peer mode: the desktop as a client of another instance. The token lives in the keychain. */
struct PeerSettings
{
    QString url;
    QString email;
};

/**
 * Everything a user tunes on this machine, in one typed object stored with QSettings. Secrets
 * (database password, peer token, provider API keys) are never here: they go to the keychain.
 * Shared, admin-tuned values (tier limits, confidence thresholds) live in the database instead
 * (models::AppConfig), so every instance on one database agrees.
 */
struct AppSettings
{
    DataSourceMode mode = DataSourceMode::Database;
    DatabaseSettings database;
    DisplaySettings display;
    ProviderSettings providers;
    ScheduleSettings schedule;
    ServeSettings serve;
    PeerSettings peer;
    //! False until the first-run wizard has completed once.
    bool firstRunDone = false;

    //! Reads QSettings (organisation/application names set by main); missing keys keep defaults.
    static AppSettings load();
    void save() const;

    //! The first value a user could not have meant, as one sentence naming the field.
    std::optional<QString> validate() const;
};

} // namespace cp::app
