// The peer-mode pieces without a server: backoff, address parsing, login answers, the mirror.
#include <app/peer/peerbackoff.h>
#include <app/peer/peerclient.h>
#include <app/peer/peermirror.h>
#include <app/peer/peerreshape.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using cp::app::MirrorTable;
using cp::app::PeerBackoff;
using cp::app::PeerClient;
using cp::app::PeerMirror;
using cp::app::PeerReply;

class tst_PeerParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backoffBounds_data();
    void backoffBounds();
    void backoffGrowsAndResets();
    void normalizedBase_data();
    void normalizedBase();
    void loginAnswers_data();
    void loginAnswers();
    void mirrorReplaceReportsRealChanges();
    void mirrorKeepsColumnsAListLacks();
    void reshapeKeepsIdsApart();
    void mirrorRenamedRowGivesWayAndPartialListsKeepRows();
};

void tst_PeerParts::backoffBounds_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<double>("unit");
    QTest::addColumn<int>("expected");
    // Hand-computed: full = min(30000, 1000 * 2^attempt); delay = full * (0.5 + unit / 2).
    QTest::newRow("first, least jitter") << 0 << 0.0 << 500;
    QTest::newRow("first, most jitter") << 0 << 1.0 << 1000;
    QTest::newRow("third, middle") << 2 << 0.5 << 3000;
    QTest::newRow("fifth reaches the cap") << 5 << 1.0 << 30000;
    QTest::newRow("far beyond stays capped") << 40 << 1.0 << 30000;
    QTest::newRow("capped, least jitter") << 9 << 0.0 << 15000;
}

void tst_PeerParts::backoffBounds()
{
    QFETCH(int, attempt);
    QFETCH(double, unit);
    QFETCH(int, expected);
    QCOMPARE(PeerBackoff::delayMs(attempt, unit), expected);
}

void tst_PeerParts::backoffGrowsAndResets()
{
    PeerBackoff backoff;
    for (int attempt = 0; attempt < 8; ++attempt) {
        const int full = std::min(PeerBackoff::kCapMs, PeerBackoff::kBaseMs * (1 << attempt));
        const int delay = backoff.next();
        QVERIFY2(delay >= full / 2 && delay <= full,
                 qPrintable(QStringLiteral("attempt %1: %2").arg(attempt).arg(delay)));
    }
    QCOMPARE(backoff.attempts(), 8);
    backoff.reset();
    QVERIFY(backoff.next() <= PeerBackoff::kBaseMs);
}

void tst_PeerParts::normalizedBase_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected");
    QTest::newRow("host and port") << "analysis:8000"
                                   << "http://analysis:8000";
    QTest::newRow("full url with path") << "http://10.0.0.5:8000/api/v1/health?x=1"
                                        << "http://10.0.0.5:8000";
    QTest::newRow("https kept") << " https://peer.example.org/ "
                                << "https://peer.example.org";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("other scheme") << "ftp://peer:21"
                                  << "";
}

void tst_PeerParts::normalizedBase()
{
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    const QUrl url = PeerClient::normalizedBase(typed);
    QCOMPARE(url.isValid() ? url.toString() : QString(), expected);
}

void tst_PeerParts::loginAnswers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("phrase");
    QTest::newRow("unreachable") << 0 << QByteArray() << false << "Could not reach";
    QTest::newRow("wrong password")
        << 401 << QByteArray(R"({"error":{"code":"unauthorized","message":"x"}})") << false
        << "password is not correct";
    QTest::newRow("some other web server")
        << 404 << QByteArray("<html>nope</html>") << false << "not a CryptoPredict server";
    QTest::newRow("json without a token")
        << 200 << QByteArray(R"({"hello":"world"})") << false << "not a CryptoPredict server";
    QTest::newRow("signed in")
        << 200
        << QByteArray(R"({"access_token":"abc","user":{"id":7,"email":"a@b.c","role":"admin"}})")
        << true << "";
}

void tst_PeerParts::loginAnswers()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(QString, phrase);
    PeerReply reply;
    reply.status = status;
    reply.json = QJsonDocument::fromJson(body);
    reply.networkError = status == 0 ? QStringLiteral("Connection refused") : QString();
    const cp::Result<cp::app::PeerLogin> login =
        PeerClient::parseLogin(reply, QUrl(QStringLiteral("http://peer:8000")));
    QCOMPARE(login.ok(), ok);
    if (ok) {
        QCOMPARE(login->token, QStringLiteral("abc"));
        QCOMPARE(login->userId, 7);
        QCOMPARE(login->role, QStringLiteral("admin"));
    } else {
        QVERIFY2(login.error().contains(phrase), qPrintable(login.error()));
    }
}

namespace {

QJsonObject signalRow(int id, int cryptoId, const QString &symbol, double confidence)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("crypto_id"), cryptoId},
            {QStringLiteral("symbol"), symbol},
            {QStringLiteral("signal_type"), QStringLiteral("long")},
            {QStringLiteral("entry_price"), 100.0},
            {QStringLiteral("target_price"), 110.0},
            {QStringLiteral("stop_loss"), 95.0},
            {QStringLiteral("confidence_score"), confidence},
            {QStringLiteral("risk_level"), QStringLiteral("medium")},
            {QStringLiteral("status"), QStringLiteral("active")},
            {QStringLiteral("generated_at"), QStringLiteral("2026-01-02T03:04:05Z")},
            {QStringLiteral("expires_at"), QStringLiteral("2026-01-05T03:04:05Z")}};
}

qint64 scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}

} // namespace

void tst_PeerParts::mirrorReplaceReportsRealChanges()
{
    QTemporaryDir dir;
    PeerMirror mirror(QStringLiteral("tst_mirror_a"));
    QVERIFY2(mirror.open(dir.filePath(QStringLiteral("m.db"))).ok(), "open");
    const MirrorTable spec = MirrorTable::tradingSignals();
    const QJsonArray two{signalRow(11, 1, QStringLiteral("BTC"), 0.8),
                         signalRow(12, 2, QStringLiteral("ETH"), 0.7)};
    const cp::Result<bool> first = mirror.replace(spec, two);
    QVERIFY2(first.ok(), qPrintable(first.error()));
    QVERIFY(*first);
    QCOMPARE(scalar(mirror.database(), QStringLiteral("SELECT COUNT(*) FROM trading_signals")), 2);
    QCOMPARE(scalar(mirror.database(), QStringLiteral("SELECT COUNT(*) FROM cryptocurrencies")), 2);
    // The same list again changes nothing: no reload is announced.
    const cp::Result<bool> again = mirror.replace(spec, two);
    QVERIFY(again.ok());
    QVERIFY(!*again);
    // A changed value and a row the peer no longer lists.
    const cp::Result<bool> changed =
        mirror.replace(spec, QJsonArray{signalRow(11, 1, QStringLiteral("BTC"), 0.9)});
    QVERIFY(changed.ok());
    QVERIFY(*changed);
    QCOMPARE(scalar(mirror.database(), QStringLiteral("SELECT COUNT(*) FROM trading_signals")), 1);
    QSqlQuery read(mirror.database());
    QVERIFY(
        read.exec(QStringLiteral("SELECT confidence_score, generated_at FROM trading_signals")));
    QVERIFY(read.next());
    QVERIFY(std::abs(read.value(0).toDouble() - 0.9) < 1e-9);
    // Stored as the application's own timestamp text.
    QCOMPARE(read.value(1).toString(), QStringLiteral("2026-01-02T03:04:05.000Z"));
}

void tst_PeerParts::mirrorKeepsColumnsAListLacks()
{
    QTemporaryDir dir;
    PeerMirror mirror(QStringLiteral("tst_mirror_b"));
    QVERIFY(mirror.open(dir.filePath(QStringLiteral("m.db"))).ok());
    QVERIFY(mirror.putUser(5, QStringLiteral("a@example.org"), QStringLiteral("admin")).ok());
    const MirrorTable spec = MirrorTable::notifications(5);
    QJsonObject full{{QStringLiteral("id"), 3},
                     {QStringLiteral("notification_type"), QStringLiteral("signal")},
                     {QStringLiteral("title"), QStringLiteral("New signal")},
                     {QStringLiteral("message"), QStringLiteral("BTC long")},
                     {QStringLiteral("data"), QJsonObject{{QStringLiteral("signal_id"), 9}}},
                     {QStringLiteral("status"), QStringLiteral("unread")}};
    QVERIFY(mirror.upsert(spec, full).ok());
    QJsonObject partial{{QStringLiteral("id"), 3},
                        {QStringLiteral("status"), QStringLiteral("read")}};
    const cp::Result<bool> changed = mirror.upsert(spec, partial);
    QVERIFY2(changed.ok(), qPrintable(changed.error()));
    QVERIFY(*changed);
    QSqlQuery read(mirror.database());
    QVERIFY(read.exec(QStringLiteral("SELECT title, status, user_id, data FROM notifications")));
    QVERIFY(read.next());
    QCOMPARE(read.value(0).toString(), QStringLiteral("New signal"));
    QCOMPARE(read.value(1).toString(), QStringLiteral("read"));
    QCOMPARE(read.value(2).toInt(), 5);
    QCOMPARE(QJsonDocument::fromJson(read.value(3).toString().toUtf8())
                 .object()
                 .value(QStringLiteral("signal_id"))
                 .toInt(),
             9);
    // Another user's scope is untouched by this user's list.
    QVERIFY(mirror.replace(MirrorTable::notifications(6), {}).ok());
    QCOMPARE(scalar(mirror.database(), QStringLiteral("SELECT COUNT(*) FROM notifications")), 1);
    const cp::Result<bool> removed = mirror.remove(spec, 3);
    QVERIFY(removed.ok() && *removed);
}

void tst_PeerParts::reshapeKeepsIdsApart()
{
    using namespace cp::app::PeerReshape;
    // Synthetic ids never collide across parents and keys (and are positive).
    QSet<qint64> seen;
    for (qint64 parent : {1, 2, 3, 10, 1000}) {
        for (qint64 key : {1, 2, 365, 100000, 2147483647}) {
            const qint64 id = childId(parent, key);
            QVERIFY(id > 0);
            QVERIFY(!seen.contains(id));
            seen.insert(id);
        }
    }
    // The history's points in order, ids per sector.
    const QJsonObject history{
        {QStringLiteral("points"),
         QJsonArray{
             QJsonObject{{QStringLiteral("timestamp"), QStringLiteral("2026-01-01T00:00:00Z")}},
             QJsonObject{{QStringLiteral("timestamp"), QStringLiteral("2026-01-02T00:00:00Z")}}}}};
    const QJsonArray rows = sectorHistory(4, history);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).toObject().value(QStringLiteral("id")).toInteger(), childId(4, 1));
    QCOMPARE(rows.at(1).toObject().value(QStringLiteral("id")).toInteger(), childId(4, 2));
    // The detail nests market_context inside ai_analysis; the table keeps them apart.
    const QJsonObject detail{
        {QStringLiteral("id"), 7},
        {QStringLiteral("ai_analysis"),
         QJsonObject{{QStringLiteral("key_factors"), QJsonArray{QStringLiteral("Volume")}},
                     {QStringLiteral("market_context"),
                      QJsonObject{{QStringLiteral("regime"), QStringLiteral("bull")}}}}}};
    const QJsonObject row = signalAnalysis(detail);
    QCOMPARE(row.value(QStringLiteral("id")).toInt(), 7);
    QVERIFY(!row.value(QStringLiteral("ai_analysis"))
                 .toObject()
                 .contains(QStringLiteral("market_context")));
    QVERIFY(row.value(QStringLiteral("ai_analysis"))
                .toObject()
                .contains(QStringLiteral("key_factors")));
    QCOMPARE(row.value(QStringLiteral("market_context"))
                 .toObject()
                 .value(QStringLiteral("regime"))
                 .toString(),
             QStringLiteral("bull"));
}

void tst_PeerParts::mirrorRenamedRowGivesWayAndPartialListsKeepRows()
{
    QTemporaryDir dir;
    PeerMirror mirror(QStringLiteral("tst_mirror_c"));
    QVERIFY(mirror.open(dir.filePath(QStringLiteral("m.db"))).ok());
    // The schema brings default sectors; the peer's DeFi has another id.
    const int before =
        scalar(mirror.database(),
               QStringLiteral("SELECT COUNT(*) FROM crypto_sectors WHERE name = 'DeFi'"));
    QCOMPARE(before, 1);
    const cp::Result<bool> sectors =
        mirror.replace(MirrorTable::sectors(),
                       QJsonArray{QJsonObject{{QStringLiteral("id"), 99},
                                              {QStringLiteral("name"), QStringLiteral("DeFi")}}});
    QVERIFY2(sectors.ok(), qPrintable(sectors.error()));
    QCOMPARE(scalar(mirror.database(), QStringLiteral("SELECT COUNT(*) FROM crypto_sectors")), 1);
    QCOMPARE(scalar(mirror.database(),
                    QStringLiteral("SELECT id FROM crypto_sectors WHERE name = 'DeFi'")),
             99);
    // A list that covers some assets only (a sector's members) removes no other asset.
    const auto asset = [](int id, const char *symbol) {
        return QJsonObject{{QStringLiteral("id"), id},
                           {QStringLiteral("crypto_id"), id},
                           {QStringLiteral("symbol"), QString::fromLatin1(symbol)},
                           {QStringLiteral("market_cap"), 1000.0 * id}};
    };
    QVERIFY(
        mirror.replace(MirrorTable::sectorAssets(), QJsonArray{asset(1, "BTC"), asset(2, "ETH")})
            .ok());
    QVERIFY(mirror.replace(MirrorTable::sectorAssets(), QJsonArray{asset(2, "ETH")}).ok());
    QCOMPARE(scalar(mirror.database(), QStringLiteral("SELECT COUNT(*) FROM cryptocurrencies")), 2);
    QCOMPARE(scalar(mirror.database(),
                    QStringLiteral(
                        "SELECT CAST(market_cap AS INTEGER) FROM cryptocurrencies WHERE id = 2")),
             2000);
    // The simulated label covers every copied asset.
    const cp::Result<bool> marked = mirror.markSimulated(true);
    QVERIFY(marked.ok() && *marked);
    QCOMPARE(scalar(mirror.database(),
                    QStringLiteral("SELECT COUNT(*) FROM cryptocurrencies WHERE is_simulated = 1")),
             2);
    const cp::Result<bool> again = mirror.markSimulated(true);
    QVERIFY(again.ok() && !*again);
}

QTEST_GUILESS_MAIN(tst_PeerParts)
#include "tst_peerparts.moc"
