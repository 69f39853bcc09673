// WebSocket fan-out of `cryptopredict-cli serve` (issue 4): N subscribers on
// /api/v1/ws/prices/{ids} while this process publishes price updates the way another process
// does (a price_data row and NOTIFY cryptopredict_events, in one statement), and the delivery
// latency from that statement to each subscriber's receipt (one monotonic clock), split at the
// server's envelope `ts`. Memory per connection: the server's VmRSS before and after connecting.
//   bench_ws_prices --url ws://127.0.0.1:PORT --token T --db postgresql://user@host:port/db
//                   --server-pid PID [--clients 1000] [--rate 10] [--seconds 10] [--watchlist 5]
// Subscribers watch one of ten lists of `watchlist` assets; all lists hold the two updated ones,
// so every update reaches every subscriber.
// Run by tests/bench/api_http.sh.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

namespace {

constexpr int kConnectBatch = 50;
constexpr int kDistinctChannels = 10;
//! Published prices are base + seq * kStep, so a receipt names the update it carries.
constexpr double kStep = 0.001;

qint64 rssKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(std::ceil(p * values.size())) - 1);
    return values[index];
}

/** Connects the subscribers, publishes updates and collects delivery latencies. */
class PriceFanOutBench : public QObject
{
public:
    struct Options
    {
        QUrl url;
        QString token;
        QUrl database;
        qint64 serverPid = 0;
        int clients = 1000;
        int rate = 10;
        int seconds = 10;
        //! Assets per subscriber (2-5): the two updated ones and up to three others.
        int watchlist = 5;
    };

    explicit PriceFanOutBench(Options options)
        : m_options(std::move(options))
    {
    }

    bool prepare();
    void start() { connectBatch(); }

private:
    struct Update
    {
        qint64 sentNs = 0;
        qint64 sentWallMs = 0;
    };

    void connectBatch();
    void onMessage(int client, const QString &message);
    void publish();
    void finish();
    void fail(const QString &why);

    Options m_options;
    QSqlDatabase m_db;
    QElapsedTimer m_clock;
    QList<int> m_ids;
    QList<int> m_hot;          //!< updated in turn; every subscriber watches them
    QHash<int, double> m_base; //!< crypto_id -> last close before the run
    QHash<int, QDateTime> m_lastTime;
    std::vector<std::unique_ptr<QWebSocket>> m_sockets;
    std::vector<char> m_ready;
    int m_connected = 0;
    int m_closedEarly = 0;
    int m_batchPending = 0;
    QTimer m_batchTimeout;
    QTimer m_publisher;
    std::vector<Update> m_updates;
    qint64 m_rssBefore = 0;
    qint64 m_rssConnected = 0;
    QElapsedTimer m_connectClock;
    double m_connectSeconds = 0.0;
    std::vector<double> m_totalMs;  //!< publish statement -> receipt
    std::vector<double> m_serverMs; //!< publish statement -> envelope ts (ms resolution)
    qint64 m_duplicates = 0;
    qint64 m_publishErrors = 0;
};

bool PriceFanOutBench::prepare()
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("publisher"));
    m_db.setHostName(m_options.database.host());
    m_db.setPort(m_options.database.port(5432));
    m_db.setUserName(m_options.database.userName());
    m_db.setPassword(m_options.database.password());
    m_db.setDatabaseName(m_options.database.path().mid(1));
    if (!m_db.open()) {
        fail(QStringLiteral("cannot open the database: ") + m_db.lastError().text());
        return false;
    }
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT c.id, p.close_price, p.timestamp FROM cryptocurrencies c"
                                   " JOIN LATERAL (SELECT close_price, timestamp FROM price_data"
                                   " WHERE crypto_id = c.id ORDER BY timestamp DESC LIMIT 1) p"
                                   " ON TRUE ORDER BY c.id LIMIT 32"))) {
        fail(query.lastError().text());
        return false;
    }
    while (query.next()) {
        const int id = query.value(0).toInt();
        m_ids.append(id);
        m_base.insert(id, query.value(1).toDouble());
        m_lastTime.insert(id, query.value(2).toDateTime().toUTC());
    }
    if (m_ids.size() < 2 + 3 * kDistinctChannels) {
        fail(QStringLiteral("needs 32 assets with prices"));
        return false;
    }
    m_hot = {m_ids[0], m_ids[1]};
    m_clock.start();
    return true;
}

void PriceFanOutBench::connectBatch()
{
    if (m_sockets.empty()) {
        m_rssBefore = rssKiB(m_options.serverPid);
        m_connectClock.start();
        m_ready.assign(size_t(m_options.clients), 0);
        m_batchTimeout.setSingleShot(true);
        m_batchTimeout.setInterval(15000);
        connect(&m_batchTimeout, &QTimer::timeout, this,
                [this] { fail(QStringLiteral("a connection batch timed out")); });
    }
    const int first = int(m_sockets.size());
    if (first >= m_options.clients) {
        m_connectSeconds = m_connectClock.nsecsElapsed() / 1e9;
        // Let the server settle (snapshots sent, buffers released) before reading its memory.
        QTimer::singleShot(1000, this, [this] {
            m_rssConnected = rssKiB(m_options.serverPid);
            m_publisher.setInterval(1000 / m_options.rate);
            connect(&m_publisher, &QTimer::timeout, this, &PriceFanOutBench::publish);
            m_publisher.start();
        });
        return;
    }
    const int count = std::min(kConnectBatch, m_options.clients - first);
    m_batchPending = count;
    m_batchTimeout.start();
    for (int client = first; client < first + count; ++client) {
        // Ten different watchlists, all holding the two assets that are updated.
        const int k = client % kDistinctChannels;
        QList<int> ids = m_hot;
        for (int j = 0; j < m_options.watchlist - 2; ++j)
            ids.append(m_ids[2 + k + j * kDistinctChannels]);
        QStringList parts;
        for (int id : ids)
            parts.append(QString::number(id));
        QUrl url = m_options.url;
        url.setPath(QStringLiteral("/api/v1/ws/prices/") + parts.join(QLatin1Char(',')));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + m_options.token.toLatin1());
        auto socket = std::make_unique<QWebSocket>();
        connect(socket.get(), &QWebSocket::textMessageReceived, this,
                [this, client](const QString &message) { onMessage(client, message); });
        connect(socket.get(), &QWebSocket::disconnected, this, [this, client] {
            if (!m_ready[size_t(client)]) {
                ++m_closedEarly;
                if (--m_batchPending == 0)
                    connectBatch();
            }
        });
        socket->open(request);
        m_sockets.push_back(std::move(socket));
    }
}

void PriceFanOutBench::onMessage(int client, const QString &message)
{
    const qint64 now = m_clock.nsecsElapsed();
    const QJsonObject envelope = QJsonDocument::fromJson(message.toUtf8()).object();
    const QString type = envelope.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("snapshot") && !m_ready[size_t(client)]) {
        m_ready[size_t(client)] = 1;
        ++m_connected;
        if (--m_batchPending == 0) {
            m_batchTimeout.stop();
            connectBatch();
        }
        return;
    }
    if (type != QLatin1String("prices"))
        return;
    const qint64 serverWallMs =
        QDateTime::fromString(envelope.value(QStringLiteral("ts")).toString(), Qt::ISODateWithMs)
            .toMSecsSinceEpoch();
    for (const QJsonValue &value : envelope.value(QStringLiteral("data")).toArray()) {
        const QJsonObject price = value.toObject();
        const int id = price.value(QStringLiteral("crypto_id")).toInt();
        if (!m_hot.contains(id))
            continue;
        const qint64 seq = std::llround(
            (price.value(QStringLiteral("price")).toDouble() - m_base.value(id)) / kStep);
        if (seq < 1 || seq > qint64(m_updates.size())) {
            // The price before the run again: the server sends a subscriber whose snapshot is
            // still being read every price as changed.
            ++m_duplicates;
            continue;
        }
        const Update &update = m_updates[size_t(seq - 1)];
        m_totalMs.push_back((now - update.sentNs) / 1e6);
        m_serverMs.push_back(double(serverWallMs - update.sentWallMs));
    }
}

void PriceFanOutBench::publish()
{
    if (int(m_updates.size()) >= m_options.rate * m_options.seconds) {
        m_publisher.stop();
        // Deliveries still in flight get two seconds.
        QTimer::singleShot(2000, this, &PriceFanOutBench::finish);
        return;
    }
    const qint64 seq = qint64(m_updates.size()) + 1;
    const int id = m_hot[int(seq % m_hot.size())];
    const double close = m_base.value(id) + seq * kStep;
    const QDateTime time = m_lastTime.value(id).addSecs(60 * seq);
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "WITH row AS (INSERT INTO price_data (crypto_id, timestamp, open_price, high_price,"
        " low_price, close_price, volume, market_cap) VALUES (?, ?, ?, ?, ?, ?, 0, 0)"
        " RETURNING id) SELECT pg_notify('cryptopredict_events', json_build_object('table',"
        " 'price_data', 'id', (SELECT id FROM row), 'op', 'insert')::text)"));
    query.addBindValue(id);
    query.addBindValue(time);
    for (int i = 0; i < 4; ++i)
        query.addBindValue(close);
    m_updates.push_back({m_clock.nsecsElapsed(), QDateTime::currentMSecsSinceEpoch()});
    if (!query.exec()) {
        ++m_publishErrors;
        std::fprintf(stderr, "publish failed: %s\n", qPrintable(query.lastError().text()));
    }
}

void PriceFanOutBench::finish()
{
    const qint64 rssAfter = rssKiB(m_options.serverPid);
    const qint64 expected = qint64(m_updates.size()) * m_connected;
    const double perConnection = double(m_rssConnected - m_rssBefore) / m_options.clients;
    std::printf("subscribers:             %d connected of %d (%d refused/closed) in %.2f s\n",
                m_connected, m_options.clients, m_closedEarly, m_connectSeconds);
    std::printf("updates published:       %zu at %d/s (%lld failed)\n", m_updates.size(),
                m_options.rate, m_publishErrors);
    std::printf("deliveries:              %zu of %lld expected (%lld repeats of the first price)\n",
                m_totalMs.size(), expected, m_duplicates);
    std::printf("latency publish->client: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
                percentile(m_totalMs, 0.50), percentile(m_totalMs, 0.90),
                percentile(m_totalMs, 0.99), percentile(m_totalMs, 1.0));
    std::printf(
        "  of which publish->ts:  p50 %.0f ms, p99 %.0f ms (server read + fan-out so far)\n",
        percentile(m_serverMs, 0.50), percentile(m_serverMs, 0.99));
    std::printf("server RSS:              %.1f MiB before, %.1f MiB with %d clients, %.1f MiB "
                "after the updates\n",
                m_rssBefore / 1024.0, m_rssConnected / 1024.0, m_connected, rssAfter / 1024.0);
    std::printf("memory per connection:   %.1f KiB\n", perConnection);
    std::printf("RESULT p99_ms=%.1f per_connection_kib=%.1f delivered=%zu expected=%lld\n",
                percentile(m_totalMs, 0.99), perConnection, m_totalMs.size(), expected);
    std::fflush(stdout);
    for (auto &socket : m_sockets)
        socket->abort();
    QCoreApplication::exit(m_totalMs.empty() || m_connected < m_options.clients ? 1 : 0);
}

void PriceFanOutBench::fail(const QString &why)
{
    std::fprintf(stderr, "bench_ws_prices: %s (%d connected)\n", qPrintable(why), m_connected);
    QCoreApplication::exit(1);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions(
        {{QStringLiteral("url"), QStringLiteral("ws://host:port of the server."),
          QStringLiteral("url")},
         {QStringLiteral("token"), QStringLiteral("Bearer token."), QStringLiteral("token")},
         {QStringLiteral("db"), QStringLiteral("postgresql:// URL to publish to."),
          QStringLiteral("url")},
         {QStringLiteral("server-pid"), QStringLiteral("For VmRSS."), QStringLiteral("pid")},
         {QStringLiteral("clients"), QStringLiteral("Subscribers."), QStringLiteral("n"),
          QStringLiteral("1000")},
         {QStringLiteral("rate"), QStringLiteral("Updates per second."), QStringLiteral("n"),
          QStringLiteral("10")},
         {QStringLiteral("seconds"), QStringLiteral("Publishing time."), QStringLiteral("n"),
          QStringLiteral("10")},
         {QStringLiteral("watchlist"), QStringLiteral("Assets per subscriber, 2-5."),
          QStringLiteral("n"), QStringLiteral("5")}});
    parser.process(app);
    PriceFanOutBench::Options options;
    options.url = QUrl(parser.value(QStringLiteral("url")));
    options.token = parser.value(QStringLiteral("token"));
    options.database = QUrl(parser.value(QStringLiteral("db")));
    options.serverPid = parser.value(QStringLiteral("server-pid")).toLongLong();
    options.clients = std::max(1, parser.value(QStringLiteral("clients")).toInt());
    options.rate = std::clamp(parser.value(QStringLiteral("rate")).toInt(), 1, 1000);
    options.seconds = std::max(1, parser.value(QStringLiteral("seconds")).toInt());
    options.watchlist = std::clamp(parser.value(QStringLiteral("watchlist")).toInt(), 2, 5);
    if (!options.url.isValid() || options.token.isEmpty() || options.serverPid <= 0) {
        std::fprintf(stderr, "bench_ws_prices: --url, --token, --db and --server-pid are needed\n");
        return 2;
    }
    PriceFanOutBench bench(options);
    if (!bench.prepare())
        return 1;
    QTimer::singleShot(0, &bench, [&bench] { bench.start(); });
    return app.exec();
}
