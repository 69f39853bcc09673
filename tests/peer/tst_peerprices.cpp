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
#include <QTest>

using namespace cp::test;

class tst_PeerPrices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void chartsHaveCandles_data() { addDialectColumn(); }
    void chartsHaveCandles();

private:
    QTemporaryDir m_settings;
};

void tst_PeerPrices::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("CryptoPredict"));
    QCoreApplication::setApplicationName(QStringLiteral("cryptopredict-peer-prices-test"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    QSettings().clear();
    isolateKeychain(m_settings.path());
    QLocale::setDefault(QLocale::c());
}

void tst_PeerPrices::chartsHaveCandles()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    const QString email = emailOf(api.db(), api.casualId);
    PeerWindow peer;
    QString error;
    QVERIFY2(peer.open(api.client().base(), email, ApiFixture::password(), &error),
             qPrintable(error));
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

QTEST_MAIN(tst_PeerPrices)
#include "tst_peerprices.moc"
