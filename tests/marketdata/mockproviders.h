#pragma once

#include "fixtures.h"
#include "mockhttpserver.h"

#include <app/marketdata/marketrefresher.h>

namespace {

using Response = MockHttpServer::Response;
using cp::app::marketdata::RefreshOptions;

/** Three provider mocks (CoinGecko, Binance REST, alternative.me) with realistic answers, some of
 * them failing first. */
struct Providers
{
    MockHttpServer coinGecko, binance, fearGreed;

    bool start()
    {
        if (!coinGecko.listen() || !binance.listen() || !fearGreed.listen())
            return false;
        Response limited = Response::json(
            "{\"status\":{\"error_code\":429,\"error_message\":\"Rate limit\"}}", 429);
        limited.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
        coinGecko.setResponses(QStringLiteral("/coins/markets"),
                               {Response::json(fixture(QStringLiteral("coins_markets.json")))});
        coinGecko.setResponses(QStringLiteral("/global"),
                               {limited, Response::json(fixture(QStringLiteral("global.json")))});
        coinGecko.setResponses(QStringLiteral("/coins/categories"),
                               {Response::json("{\"error\":\"internal\"}", 500),
                                Response::json(fixture(QStringLiteral("categories.json")))});
        coinGecko.setResponses(
            QStringLiteral("/coins/bitcoin/market_chart"),
            {Response::json(fixture(QStringLiteral("market_chart_bitcoin.json")))});
        coinGecko.setResponses(
            QStringLiteral("/coins/ethereum/market_chart"),
            {Response::json("{\"prices\":[[1714554000000,3100.0],[1714557600000,3120.5]],"
                            "\"market_caps\":[[1714554000000,3.72e11],[1714557600000,3.75e11]],"
                            "\"total_volumes\":[[1714554000000,1.2e10],[1714557600000,1.3e10]]}")});
        // Tether's history is always broken: a problem for the report, not a failed refresh.
        coinGecko.setResponses(QStringLiteral("/coins/tether/market_chart"),
                               {Response::json("{\"prices\": [[1714554012345, 1.0], [17145")});
        binance.setResponses(QStringLiteral("/api/v3/klines"),
                             {Response::json(fixture(QStringLiteral("klines_btcusdt.json")))});
        fearGreed.setResponses(QStringLiteral("/fng/"),
                               {Response::json(fixture(QStringLiteral("fng.json")))});
        return true;
    }

    RefreshOptions options() const
    {
        RefreshOptions o;
        o.coinGeckoBaseUrl = coinGecko.baseUrl().toString() + QStringLiteral("/");
        o.binanceRestBaseUrl = binance.baseUrl().toString();
        o.fearGreedBaseUrl = fearGreed.baseUrl().toString();
        o.coinGeckoRequestsPerMinute = 0;
        o.binanceSymbols = {QStringLiteral("BTCUSDT")};
        o.http.backoff = {1, 10, 2.0, 2};
        return o;
    }
};

} // namespace
