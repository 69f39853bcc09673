// HttpFetcher against a real loopback server: retries, Retry-After, broken bodies, timeouts.
#include "fixtures.h"
#include "mockhttpserver.h"

#include <app/marketdata/coingeckomapper.h>
#include <app/marketdata/httpfetcher.h>

#include <QTcpServer>
#include <QTest>
#include <QTimer>

using namespace cp::app::marketdata;
using Mode = MockHttpServer::Response::Mode;

namespace {

//! A fetcher whose waits are recorded, not slept.
struct Harness
{
    explicit Harness(int retries = 3, int timeoutMs = 5000)
        : fetcher(options(retries, timeoutMs))
    {
        fetcher.setSleeper([this](qint64 ms) { waits.append(ms); });
        fetcher.setBackoffRandom([] { return 0.0; });
    }
    static HttpFetcher::Options options(int retries, int timeoutMs)
    {
        HttpFetcher::Options o;
        o.timeoutMs = timeoutMs;
        o.backoff = {100, 10000, 2.0, retries};
        return o;
    }
    HttpFetcher fetcher;
    QList<qint64> waits;
};

HttpFetcher::Validator marketsValidator()
{
    return [](const QByteArray &body) {
        const auto parsed = CoinGeckoMapper::markets(body);
        return parsed ? QString() : parsed.error();
    };
}

} // namespace

class tst_HttpFetcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<MockHttpServer>();
        QVERIFY(m_server->listen());
    }

    void plainSuccessSendsHeaders()
    {
        m_server->setResponses(
            QStringLiteral("/coins/markets"),
            {MockHttpServer::Response::json(fixture(QStringLiteral("coins_markets.json")))});
        Harness h;
        QUrl url = m_server->baseUrl();
        url.setPath(QStringLiteral("/coins/markets"));
        url.setQuery(QStringLiteral("vs_currency=usd"));
        const FetchResult r =
            h.fetcher.get(url, {{"x-cg-demo-api-key", "CG-test-key"}}, marketsValidator());
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.attempts, 1);
        QCOMPARE(r.body, fixture(QStringLiteral("coins_markets.json")));
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().first().headers.value("x-cg-demo-api-key"),
                 QByteArray("CG-test-key"));
        QCOMPARE(m_server->requests().first().query, QStringLiteral("vs_currency=usd"));
        QVERIFY(h.waits.isEmpty());
    }

    void rateLimitedHonoursRetryAfter()
    {
        MockHttpServer::Response limited =
            MockHttpServer::Response::json("{\"status\":{\"error_code\":429,\"error_message\":"
                                           "\"You've exceeded the Rate Limit.\"}}",
                                           429);
        limited.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("7")));
        m_server->setResponses(
            QStringLiteral("/global"),
            {limited, MockHttpServer::Response::json(fixture(QStringLiteral("global.json")))});
        Harness h;
        QUrl url = m_server->baseUrl();
        url.setPath(QStringLiteral("/global"));
        const FetchResult r = h.fetcher.get(url);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.attempts, 2);
        QCOMPARE(r.rateLimited, 1);
        QCOMPARE(m_server->hits(QStringLiteral("/global")), 2);
        // One wait, at least the 7 s the server asked for (the backoff alone would be 50 ms).
        QCOMPARE(h.waits.size(), 1);
        QVERIFY(h.waits.first() >= 7000);
    }

    void serverErrorsBackOffExponentially()
    {
        m_server->setResponses(QStringLiteral("/x"), {MockHttpServer::Response::json("{}", 500),
                                                      MockHttpServer::Response::json("{}", 502),
                                                      MockHttpServer::Response::json("{}", 503),
                                                      MockHttpServer::Response::json("[1]")});
        Harness h;
        QUrl url = m_server->baseUrl();
        url.setPath(QStringLiteral("/x"));
        const FetchResult r = h.fetcher.get(url);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.attempts, 4);
        // random = 0: each wait is half the ceiling 100, 200, 400.
        QCOMPARE(h.waits, (QList<qint64>{50, 100, 200}));
    }

    void retriesRunOut()
    {
        m_server->setResponses(QStringLiteral("/x"), {MockHttpServer::Response::json("oops", 500)});
        Harness h(2);
        QUrl url = m_server->baseUrl();
        url.setPath(QStringLiteral("/x"));
        const FetchResult r = h.fetcher.get(url);
        QVERIFY(!r.ok());
        QCOMPARE(int(r.failure), int(FetchResult::Failure::HttpStatus));
        QCOMPARE(r.httpStatus, 500);
        QCOMPARE(r.attempts, 3);
        QVERIFY(r.error.contains(QStringLiteral("500")));
    }

    void clientErrorsAreNotRetried()
    {
        m_server->setResponses(QStringLiteral("/x"), {MockHttpServer::Response::json(
                                                         "{\"error\":\"invalid api key\"}", 401)});
        Harness h;
        QUrl url = m_server->baseUrl();
        url.setPath(QStringLiteral("/x"));
        const FetchResult r = h.fetcher.get(url);
        QVERIFY(!r.ok());
        QCOMPARE(r.httpStatus, 401);
        QCOMPARE(r.attempts, 1);
        QVERIFY(h.waits.isEmpty());
    }

    void malformedJsonIsRetriedThenReported()
    {
        m_server->setResponses(
            QStringLiteral("/coins/markets"),
            {MockHttpServer::Response::json("[{\"id\": \"bitcoin\", \"symbol\": "),
             MockHttpServer::Response::json(fixture(QStringLiteral("coins_markets.json")))});
        Harness h;
        QUrl url = m_server->baseUrl();
        url.setPath(QStringLiteral("/coins/markets"));
        const FetchResult r = h.fetcher.get(url, {}, marketsValidator());
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.attempts, 2);

        m_server->setResponses(QStringLiteral("/bad"), {MockHttpServer::Response::json("<html>")});
        Harness once(1);
        url.setPath(QStringLiteral("/bad"));
        const FetchResult bad = once.fetcher.get(url, {}, marketsValidator());
        QVERIFY(!bad.ok());
        QCOMPARE(int(bad.failure), int(FetchResult::Failure::BadBody));
        QVERIFY2(bad.error.contains(QStringLiteral("malformed JSON")), qPrintable(bad.error));
    }

    void truncatedBody()
    {
        MockHttpServer::Response cut =
            MockHttpServer::Response::json(fixture(QStringLiteral("coins_markets.json")));
        cut.mode = Mode::Truncated;
        m_server->setResponses(
            QStringLiteral("/coins/markets"),
            {cut, MockHttpServer::Response::json(fixture(QStringLiteral("coins_markets.json")))});
        Harness h;
        QUrl url = m_server->baseUrl();
        url.setPath(QStringLiteral("/coins/markets"));
        const FetchResult r = h.fetcher.get(url, {}, marketsValidator());
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.attempts, 2);
        QCOMPARE(r.body, fixture(QStringLiteral("coins_markets.json")));

        // Cut off every time: a failure, and never the partial body as data.
        m_server->setResponses(QStringLiteral("/always-cut"), {cut});
        Harness h2(1);
        url.setPath(QStringLiteral("/always-cut"));
        const FetchResult failed = h2.fetcher.get(url, {}, marketsValidator());
        QVERIFY(!failed.ok());
        QVERIFY(failed.body.isEmpty());
    }

    void connectionClosedWithoutAnswer()
    {
        MockHttpServer::Response drop;
        drop.mode = Mode::CloseWithoutAnswer;
        m_server->setResponses(QStringLiteral("/x"), {drop, MockHttpServer::Response::json("[]")});
        Harness h;
        QUrl url = m_server->baseUrl();
        url.setPath(QStringLiteral("/x"));
        const FetchResult r = h.fetcher.get(url);
        // Qt itself re-sends an idempotent GET once on a closed connection; either way the
        // answer arrives and nothing of the dropped exchange is taken as data.
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.body, QByteArray("[]"));
        QVERIFY(m_server->hits(QStringLiteral("/x")) >= 2);

        m_server->setResponses(QStringLiteral("/gone"), {drop});
        Harness once(1);
        url.setPath(QStringLiteral("/gone"));
        const FetchResult failed = once.fetcher.get(url);
        QVERIFY(!failed.ok());
        QVERIFY(failed.body.isEmpty());
        QCOMPARE(failed.attempts, 2);
    }

    void timeout()
    {
        MockHttpServer::Response hang;
        hang.mode = Mode::Hang;
        m_server->setResponses(QStringLiteral("/slow"), {hang});
        Harness h(1, 200);
        QUrl url = m_server->baseUrl();
        url.setPath(QStringLiteral("/slow"));
        const FetchResult r = h.fetcher.get(url);
        QVERIFY(!r.ok());
        QCOMPARE(int(r.failure), int(FetchResult::Failure::Unreachable));
        QCOMPARE(r.attempts, 2);
        QVERIFY2(r.error.contains(QStringLiteral("timed out")), qPrintable(r.error));
    }

    void unreachable()
    {
        // A port that was free a moment ago: connection refused.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        Harness h(2);
        const FetchResult r =
            h.fetcher.get(QUrl(QStringLiteral("http://127.0.0.1:%1/x").arg(port)));
        QVERIFY(!r.ok());
        QCOMPARE(int(r.failure), int(FetchResult::Failure::Unreachable));
        QCOMPARE(r.attempts, 3);
        QCOMPARE(h.waits.size(), 2);
    }

    void rateLimiterSpacesRequests()
    {
        m_server->setResponses(QStringLiteral("/x"), {MockHttpServer::Response::json("[]")});
        HttpFetcher::Options o;
        o.requestsPerMinute = 30;
        HttpFetcher fetcher(o);
        QList<qint64> waits;
        fetcher.setSleeper([&waits](qint64 ms) { waits.append(ms); });
        fetcher.setClock([] { return qint64(1000000); }); // time stands still
        QUrl url = m_server->baseUrl();
        url.setPath(QStringLiteral("/x"));
        for (int i = 0; i < 3; ++i)
            QVERIFY(fetcher.get(url).ok());
        QCOMPARE(waits, (QList<qint64>{2000, 4000}));
    }

    void cancelled()
    {
        std::atomic<bool> flag{true};
        Harness h;
        h.fetcher.setCancelFlag(&flag);
        QUrl url = m_server->baseUrl();
        url.setPath(QStringLiteral("/x"));
        const FetchResult r = h.fetcher.get(url);
        QCOMPARE(int(r.failure), int(FetchResult::Failure::Cancelled));
        QCOMPARE(m_server->hits(QStringLiteral("/x")), 0);
    }

    void cancelledWhileWaiting()
    {
        // A provider that never answers: setting the flag ends the request long before the
        // timeout, and no retry follows.
        MockHttpServer::Response hang;
        hang.mode = Mode::Hang;
        m_server->setResponses(QStringLiteral("/slow"), {hang});
        std::atomic<bool> flag{false};
        Harness h(3, 600000);
        h.fetcher.setCancelFlag(&flag);
        QTimer::singleShot(50, [&flag] { flag.store(true); });
        QUrl url = m_server->baseUrl();
        url.setPath(QStringLiteral("/slow"));
        const FetchResult r = h.fetcher.get(url);
        QCOMPARE(int(r.failure), int(FetchResult::Failure::Cancelled));
        QCOMPARE(r.attempts, 1);
        QVERIFY(h.waits.isEmpty());
    }

private:
    std::unique_ptr<MockHttpServer> m_server;
};

QTEST_GUILESS_MAIN(tst_HttpFetcher)
#include "tst_httpfetcher.moc"
