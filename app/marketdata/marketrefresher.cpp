#include "marketrefresher.h"

#include "apikeyprovider.h"
#include "binancemapper.h"
#include "coingeckomapper.h"
#include "feargreedmapper.h"
#include "marketdatawriter.h"
#include "providerstatus.h"
#include "tier1pairs.h"

#include <app/settings/appsettings.h>

#include <QDateTime>
#include <QJsonArray>
#include <QUrlQuery>

#include <algorithm>

namespace cp::app::marketdata {

namespace {

QUrl endpoint(const QString &base, const QString &path, const QUrlQuery &query = {})
{
    QString joined = base;
    while (joined.endsWith(QLatin1Char('/')))
        joined.chop(1);
    QUrl url(joined + path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

//! The validator a fetcher retries on: a body that does not parse is treated like a failed call.
template<typename Mapper>
HttpFetcher::Validator validating(Mapper mapper)
{
    return [mapper](const QByteArray &body) {
        const auto parsed = mapper(body);
        return parsed ? QString() : parsed.error();
    };
}

} // namespace

struct MarketRefresher::ProviderOutcome
{
    int calls = 0;
    int succeeded = 0;
    int unreachable = 0;
    QString lastProblem;

    void add(const FetchResult &r)
    {
        ++calls;
        if (r.ok()) {
            ++succeeded;
        } else {
            lastProblem = r.error;
            if (r.failure == FetchResult::Failure::Unreachable)
                ++unreachable;
        }
    }
};

RefreshOptions RefreshOptions::fromSettings(const ProviderSettings &s)
{
    RefreshOptions o;
    o.coinGeckoBaseUrl = s.coinGeckoBaseUrl;
    o.binanceRestBaseUrl = s.binanceRestBaseUrl;
    o.fearGreedBaseUrl = s.fearGreedBaseUrl;
    o.coinGeckoRequestsPerMinute = s.coinGeckoRequestsPerMinute;
    o.binanceSymbols = s.binanceSymbols;
    o.coinGeckoPlan = s.coinGeckoPlan;
    o.marketCount = s.coinGeckoMarketCount;
    o.klineInterval = s.binanceKlineInterval;
    return o;
}

QJsonObject RefreshReport::toJson() const
{
    return QJsonObject{{QStringLiteral("assets_updated"), assetsUpdated},
                       {QStringLiteral("dominance_rows"), dominanceRows},
                       {QStringLiteral("sector_rows"), sectorRows},
                       {QStringLiteral("backfilled_bars"), backfilledBars},
                       {QStringLiteral("binance_bars"), binanceBars},
                       {QStringLiteral("sentiment_rows"), sentimentRows},
                       {QStringLiteral("problems"), QJsonArray::fromStringList(problems)}};
}

MarketRefresher::MarketRefresher(QSqlDatabase db, RefreshOptions options,
                                 const ApiKeyProvider *keys, ProviderStatusBoard *status)
    : m_db(std::move(db))
    , m_options(std::move(options))
    , m_keys(keys)
    , m_status(status)
{
}

void MarketRefresher::finishProvider(const QString &provider, const ProviderOutcome &outcome)
{
    if (!m_status || outcome.calls == 0)
        return;
    if (outcome.succeeded == outcome.calls)
        m_status->reportSuccess(provider);
    else if (outcome.unreachable == outcome.calls)
        m_status->reportOffline(provider, outcome.lastProblem);
    else
        m_status->reportDegraded(provider, outcome.lastProblem);
}

Result<RefreshReport> MarketRefresher::run(const std::atomic<bool> *cancelled)
{
    RefreshReport report;
    m_dbError.clear();
    if (m_options.coinGecko)
        refreshCoinGecko(report, cancelled);
    if (m_dbError.isEmpty() && m_options.binance)
        refreshBinance(report, cancelled);
    if (m_dbError.isEmpty() && m_options.fearGreed)
        refreshFearGreed(report, cancelled);
    if (!m_dbError.isEmpty())
        return Result<RefreshReport>::failure(m_dbError);
    if (cancelled && cancelled->load())
        return Result<RefreshReport>::failure(QStringLiteral("The refresh was cancelled."));
    return report;
}

void MarketRefresher::refreshCoinGecko(RefreshReport &report, const std::atomic<bool> *cancelled)
{
    HttpFetcher::Options http = m_options.http;
    http.requestsPerMinute = m_options.coinGeckoRequestsPerMinute;
    HttpFetcher fetcher(http);
    fetcher.setCancelFlag(cancelled);
    if (m_setup)
        m_setup(fetcher);
    HttpFetcher::Headers headers;
    const QString key = m_keys ? m_keys->apiKey(QStringLiteral("coingecko")) : QString();
    if (!key.isEmpty() && m_options.coinGeckoPlan != QLatin1String("public"))
        headers.append({m_options.coinGeckoPlan == QLatin1String("pro") ? "x-cg-pro-api-key"
                                                                        : "x-cg-demo-api-key",
                        key.toUtf8()});
    MarketDataWriter writer(m_db);
    ProviderOutcome outcome;
    const QString base = m_options.coinGeckoBaseUrl;
    const auto note = [&report](const QString &problem) { report.problems.append(problem); };

    const FetchResult markets =
        fetcher.get(endpoint(base, QStringLiteral("/coins/markets"),
                             QUrlQuery{{QStringLiteral("vs_currency"), QStringLiteral("usd")},
                                       {QStringLiteral("order"), QStringLiteral("market_cap_desc")},
                                       {QStringLiteral("per_page"),
                                        QString::number(std::clamp(m_options.marketCount, 1, 250))},
                                       {QStringLiteral("page"), QStringLiteral("1")},
                                       {QStringLiteral("sparkline"), QStringLiteral("false")}}),
                    headers, validating(&CoinGeckoMapper::markets));
    outcome.add(markets);
    if (markets.ok()) {
        const Result<WriteReport> written =
            writer.writeMarkets(*CoinGeckoMapper::markets(markets.body));
        if (!written) {
            m_dbError = written.error();
            return;
        }
        report.assetsUpdated += written->inserted + written->updated;
    } else {
        note(markets.error);
    }

    double totalCap = 0;
    const FetchResult global = fetcher.get(endpoint(base, QStringLiteral("/global")), headers,
                                           validating(&CoinGeckoMapper::global));
    outcome.add(global);
    if (global.ok()) {
        const GlobalMarketRow row = *CoinGeckoMapper::global(global.body);
        totalCap = row.totalMarketCap;
        const Result<WriteReport> written = writer.writeGlobal(row);
        if (!written) {
            m_dbError = written.error();
            return;
        }
        report.dominanceRows += written->inserted;
    } else {
        note(global.error);
    }

    const FetchResult categories = fetcher.get(endpoint(base, QStringLiteral("/coins/categories")),
                                               headers, validating(&CoinGeckoMapper::categories));
    outcome.add(categories);
    if (categories.ok()) {
        const Result<WriteReport> written =
            writer.writeSectors(*CoinGeckoMapper::categories(categories.body), totalCap);
        if (!written) {
            m_dbError = written.error();
            return;
        }
        report.sectorRows += written->inserted;
    } else {
        note(categories.error);
    }

    // History: assets whose newest bar is more than two hours old get topped up, by rank.
    const Result<std::vector<MarketDataWriter::BackfillCandidate>> candidates =
        writer.backfillCandidates(std::max(m_options.marketCount, 1));
    if (!candidates) {
        m_dbError = candidates.error();
        return;
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    int done = 0;
    for (const auto &candidate : *candidates) {
        if (done >= m_options.backfillAssetsPerRun || (cancelled && cancelled->load()))
            break;
        if (candidate.latestBar > now - 2 * 3600)
            continue;
        ++done;
        const qint64 missingDays = candidate.latestBar > 0 ? (now - candidate.latestBar) / 86400 + 1
                                                           : m_options.backfillDays;
        // 2..90 days is CoinGecko's hourly granularity; 1 day would be 5-minute points.
        const int days =
            int(std::clamp<qint64>(missingDays, 2, std::max(2, m_options.backfillDays)));
        const qint64 barSeconds = days <= 90 ? 3600 : 86400;
        const FetchResult chart = fetcher.get(
            endpoint(base, QStringLiteral("/coins/%1/market_chart").arg(candidate.coingeckoId),
                     QUrlQuery{{QStringLiteral("vs_currency"), QStringLiteral("usd")},
                               {QStringLiteral("days"), QString::number(days)}}),
            headers, validating([barSeconds](const QByteArray &body) {
                return CoinGeckoMapper::marketChart(body, barSeconds);
            }));
        outcome.add(chart);
        if (!chart.ok()) {
            note(chart.error);
            continue;
        }
        const Result<WriteReport> written = writer.writeBars(
            candidate.cryptoId, *CoinGeckoMapper::marketChart(chart.body, barSeconds), false);
        if (!written) {
            m_dbError = written.error();
            return;
        }
        report.backfilledBars += written->inserted;
    }
    finishProvider(QStringLiteral("coingecko"), outcome);
}

void MarketRefresher::refreshBinance(RefreshReport &report, const std::atomic<bool> *cancelled)
{
    QStringList pairs = m_options.binanceSymbols;
    if (pairs.isEmpty()) {
        const Result<QStringList> tier1 = tier1Pairs(m_db);
        if (!tier1) {
            m_dbError = tier1.error();
            return;
        }
        pairs = *tier1;
    }
    const qint64 step = BinanceMapper::intervalSeconds(m_options.klineInterval);
    if (pairs.isEmpty() || step <= 0)
        return;
    HttpFetcher fetcher(m_options.http);
    fetcher.setCancelFlag(cancelled);
    if (m_setup)
        m_setup(fetcher);
    MarketDataWriter writer(m_db);
    ProviderOutcome outcome;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const QString &pair : std::as_const(pairs)) {
        if (cancelled && cancelled->load())
            break;
        const QString symbol = BinanceMapper::baseAsset(pair);
        const Result<int> id = writer.assetForSymbol(symbol, false);
        if (!id) {
            m_dbError = id.error();
            return;
        }
        if (*id == 0)
            continue;
        const Result<qint64> latest = writer.latestBarTime(*id);
        if (!latest) {
            m_dbError = latest.error();
            return;
        }
        // From the newest stored bar (re-fetched: it may have been in progress) to now, at most
        // backfillDays back, 1000 bars per call.
        qint64 from = std::max(*latest, now - qint64(m_options.backfillDays) * 86400);
        from -= from % step;
        for (int page = 0; page < 20 && from <= now; ++page) {
            const FetchResult result = fetcher.get(
                endpoint(m_options.binanceRestBaseUrl, QStringLiteral("/api/v3/klines"),
                         QUrlQuery{{QStringLiteral("symbol"), pair.toUpper()},
                                   {QStringLiteral("interval"), m_options.klineInterval},
                                   {QStringLiteral("startTime"), QString::number(from * 1000)},
                                   {QStringLiteral("limit"), QStringLiteral("1000")}}),
                {}, validating(&BinanceMapper::klines));
            outcome.add(result);
            if (!result.ok()) {
                report.problems.append(result.error);
                break;
            }
            const std::vector<engine::Candle> candles = *BinanceMapper::klines(result.body);
            if (candles.empty())
                break;
            std::vector<PriceBar> bars;
            for (const engine::Candle &c : candles)
                bars.push_back({c, std::nullopt});
            const Result<WriteReport> written = writer.writeBars(*id, bars, true);
            if (!written) {
                m_dbError = written.error();
                return;
            }
            report.binanceBars += written->inserted;
            if (candles.size() < 1000)
                break;
            from = candles.back().time + step;
        }
    }
    finishProvider(QStringLiteral("binance"), outcome);
}

void MarketRefresher::refreshFearGreed(RefreshReport &report, const std::atomic<bool> *cancelled)
{
    HttpFetcher fetcher(m_options.http);
    fetcher.setCancelFlag(cancelled);
    if (m_setup)
        m_setup(fetcher);
    ProviderOutcome outcome;
    const FetchResult result =
        fetcher.get(endpoint(m_options.fearGreedBaseUrl, QStringLiteral("/fng/"),
                             QUrlQuery{{QStringLiteral("limit"),
                                        QString::number(std::max(1, m_options.fearGreedLimit))}}),
                    {}, validating(&FearGreedMapper::readings));
    outcome.add(result);
    if (result.ok()) {
        const Result<WriteReport> written =
            MarketDataWriter(m_db).writeFearGreed(*FearGreedMapper::readings(result.body));
        if (!written) {
            m_dbError = written.error();
            return;
        }
        report.sentimentRows += written->inserted;
    } else {
        report.problems.append(result.error);
    }
    finishProvider(QStringLiteral("alternative.me"), outcome);
}

} // namespace cp::app::marketdata
