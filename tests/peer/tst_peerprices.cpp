// Peer mode's price charts: the candles of the signal and watchlist assets come from the peer's
// GET assets/{id}/prices into the copy, where the charts' usual query reads them.
#include "peertestsupport.h"

#include <apiseed.h>
#include <apitestsupport.h>
#include <testdatabase.h>

#include <app/peer/peersync.h>
#include <models/views/signalqueries.h>

#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace cp::test;

class tst_PeerPrices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void chartsHaveCandles_data() { addDialectColumn(); }
    void chartsHaveCandles();
    void livePricesReachTheCopy_data() { addDialectColumn(); }
    void livePricesReachTheCopy();

private:
    QTemporaryDir m_settings;
};

void tst_PeerPrices::initTestCase()
{
    usePrivateSettings(m_settings.path(), QStringLiteral("cryptopredict-peer-prices-test"));
}

void tst_PeerPrices::chartsHaveCandles()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    const QString email = emailOf(api.db(), api.casualId);
    CP_PEER_SIGNED_IN(peer, api, email);
    QTRY_VERIFY_WITH_TIMEOUT(peer.desktop->sync()->fullSyncs() >= 1, 10000);

    QSqlDatabase copy =
        QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peer_prices_copy"));
    copy.setDatabaseName(peer.desktop->mirrorUrl().filePath);
    QVERIFY(copy.open());
    // The seed has one candle a day for 40 days; the copy holds the newest 14 (the window the
    // desktop asks for), as the chart of BTC's active signal reads them.
    const auto candlesOf = [&](int cryptoId) {
        const auto candles = cp::models::views::loadCandles(copy, cryptoId, 120);
        return candles ? *candles : std::vector<cp::engine::Candle>{};
    };
    QTRY_COMPARE_WITH_TIMEOUT(int(candlesOf(seed.btc).size()), 14, 10000);
    const std::vector<cp::engine::Candle> btc = candlesOf(seed.btc);
    for (int i = 0; i < 14; ++i)
        QVERIFY(near(btc.at(std::size_t(i)).close, SeedData::btcClose(SeedData::kDays - 14 + i)));
    QCOMPARE(btc.back().time, seed.now.toSecsSinceEpoch());
    // An asset neither on a watchlist nor with an active signal is not copied.
    const qint64 others = scalar(copy, QStringLiteral("SELECT COUNT(*) FROM price_data WHERE"
                                                      " crypto_id NOT IN (%1, %2, %3)")
                                           .arg(seed.btc)
                                           .arg(seed.eth)
                                           .arg(seed.uni));
    QCOMPARE(others, 0);
    copy.close();
    copy = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("peer_prices_copy"));
}

void tst_PeerPrices::livePricesReachTheCopy()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    const QString email = emailOf(api.db(), api.casualId);
    CP_PEER_SIGNED_IN(peer, api, email);
    QTRY_VERIFY_WITH_TIMEOUT(peer.desktop->sync()->fullSyncs() >= 1, 10000);

    QSqlDatabase copy =
        QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peer_live_copy"));
    copy.setDatabaseName(peer.desktop->mirrorUrl().filePath);
    QVERIFY(copy.open());
    const auto candlesOf = [&](int cryptoId) {
        const auto candles = cp::models::views::loadCandles(copy, cryptoId, 120);
        return candles ? *candles : std::vector<cp::engine::Candle>{};
    };
    const auto currentPrice = [&](int cryptoId) {
        QSqlQuery query(copy);
        if (!query.exec(QStringLiteral("SELECT current_price FROM cryptocurrencies WHERE id = %1")
                            .arg(cryptoId)) ||
            !query.next())
            return -1.0;
        return query.value(0).toDouble();
    };
    QTRY_COMPARE_WITH_TIMEOUT(int(candlesOf(seed.btc).size()), 14, 10000);
    const double seeded = SeedData::btcClose(SeedData::kDays - 1);
    QVERIFY(near(candlesOf(seed.btc).back().close, seeded));

    // The newest candle's close moves on the server (no full sync follows): the copy's candle
    // moves with it and keeps its open, and the asset's price column follows.
    const double moved = seeded + 17.25;
    QVERIFY(exec(api.db(),
                 QStringLiteral("UPDATE price_data SET close_price = %1 WHERE crypto_id = %2 AND"
                                " timestamp = (SELECT MAX(timestamp) FROM price_data WHERE"
                                " crypto_id = %2)")
                     .arg(moved)
                     .arg(seed.btc)));
    // As the server's price writers do: the asset's current price moves with its newest candle.
    QVERIFY(exec(api.db(), QStringLiteral("UPDATE cryptocurrencies SET current_price = %1 WHERE"
                                          " id = %2")
                               .arg(moved)
                               .arg(seed.btc)));
    const qint64 newest = scalar(api.db(), QStringLiteral("SELECT id FROM price_data WHERE"
                                                          " crypto_id = %1 ORDER BY timestamp"
                                                          " DESC LIMIT 1")
                                               .arg(seed.btc));
    const int syncs = peer.desktop->sync()->fullSyncs();
    cp::models::ChangeBus::instance().publish(
        api.db(), {{QStringLiteral("price_data"), newest, QStringLiteral("update")}});
    QTRY_VERIFY_WITH_TIMEOUT(near(candlesOf(seed.btc).back().close, moved), 20000);
    QCOMPARE(int(candlesOf(seed.btc).size()), 14);
    QVERIFY(near(candlesOf(seed.btc).back().open, seeded));
    QTRY_VERIFY_WITH_TIMEOUT(near(currentPrice(seed.btc), moved), 10000);

    // A newer price (an hour later): a new candle at the end of the chart.
    const double later = seeded + 30.5;
    const QDateTime hourLater =
        QDateTime::fromSecsSinceEpoch(candlesOf(seed.btc).back().time, Qt::UTC).addSecs(3600);
    const int added = insertReturningId(
        api.db(), QStringLiteral("INSERT INTO price_data (crypto_id, timestamp, open_price,"
                                 " high_price, low_price, close_price, volume) VALUES (%1, '%2',"
                                 " %3, %3, %3, %3, 10)")
                      .arg(seed.btc)
                      .arg(isoText(hourLater))
                      .arg(later));
    QVERIFY(added > 0);
    QVERIFY(exec(api.db(), QStringLiteral("UPDATE cryptocurrencies SET current_price = %1 WHERE"
                                          " id = %2")
                               .arg(later)
                               .arg(seed.btc)));
    cp::models::ChangeBus::instance().publish(
        api.db(), {{QStringLiteral("price_data"), added, QStringLiteral("insert")}});
    QTRY_COMPARE_WITH_TIMEOUT(int(candlesOf(seed.btc).size()), 15, 20000);
    QVERIFY(near(candlesOf(seed.btc).back().close, later));
    QCOMPARE(candlesOf(seed.btc).back().time, hourLater.toSecsSinceEpoch());
    QTRY_VERIFY2_WITH_TIMEOUT(near(currentPrice(seed.btc), later),
                              qPrintable(QString::number(currentPrice(seed.btc))), 10000);
    // The channel brought it, not another full copy.
    QCOMPARE(peer.desktop->sync()->fullSyncs(), syncs);
    copy.close();
    copy = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("peer_live_copy"));
}

QTEST_MAIN(tst_PeerPrices)
#include "tst_peerprices.moc"
