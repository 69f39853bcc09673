// Peer mode end to end: a real API server on an ephemeral loopback port over a seeded database,
// the desktop's pages reading the mirror that PeerSync fills over real HTTP and WebSockets.
#include "peertestsupport.h"

#include <apiseed.h>
#include <apitestsupport.h>
#include <testdatabase.h>

#include <ui/mainwindow.h>
#include <ui/peer/peerdesktop.h>
#include <ui/peer/peersignindialog.h>
#include <ui/views/page.h>
#include <ui/views/suggestionspage.h>
#include <ui/widgets/layercardwidget.h>
#include <ui/widgets/notificationbell.h>

#include <app/peer/peersync.h>
#include <models/changebus.h>
#include <models/suggestionreviewservice.h>
#include <models/views/snapshottablemodel.h>

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace cp::test;
using cp::app::PeerSync;

class tst_PeerMode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signInExplainsFailures();
    void showsPeerDataAndLiveChanges_data() { addDialectColumn(); }
    void showsPeerDataAndLiveChanges();
    void reviewsGoThroughThePeer_data() { addDialectColumn(); }
    void reviewsGoThroughThePeer();
    void reconnectsAndResynchronises_data() { addDialectColumn(); }
    void reconnectsAndResynchronises();
    void revokedTokenAsksToSignInAgain();

private:
    QTemporaryDir m_settings;
};

void tst_PeerMode::initTestCase()
{
    usePrivateSettings(m_settings.path(), QStringLiteral("cryptopredict-peer-test"));
}

void tst_PeerMode::signInExplainsFailures()
{
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    ApiFixture api(db);
    QVERIFY2(api.start(), qPrintable(api.error()));
    QVERIFY(api.addRoleUsers());

    const auto attempt = [](const QString &url, const QString &email, const QString &password) {
        cp::ui::PeerSignInDialog dialog(url, email);
        dialog.findChild<QLineEdit *>(QStringLiteral("peerPassword"))->setText(password);
        QSignalSpy attempted(&dialog, &cp::ui::PeerSignInDialog::attempted);
        dialog.submit();
        if (attempted.isEmpty() && !attempted.wait(10000))
            return QStringLiteral("<no answer>");
        return attempted.first().first().toString();
    };

    // Nobody listens on a port that was just released.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 freePort = closed.serverPort();
    closed.close();
    const QString unreachable = attempt(QStringLiteral("127.0.0.1:%1").arg(freePort),
                                        QStringLiteral("admin@test.local"), ApiFixture::password());
    QVERIFY2(unreachable.contains(QStringLiteral("Could not reach")), qPrintable(unreachable));

    const QString wrong =
        attempt(api.client().base().toString(), QStringLiteral("admin@test.local"),
                QStringLiteral("not the password"));
    QVERIFY2(wrong.contains(QStringLiteral("password is not correct")), qPrintable(wrong));

    // Some other web server: answers every request with an HTML page.
    QTcpServer other;
    QVERIFY(other.listen(QHostAddress::LocalHost));
    connect(&other, &QTcpServer::newConnection, &other, [&other] {
        QTcpSocket *socket = other.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            socket->readAll();
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 13\r\n"
                          "Connection: close\r\n\r\n<html></html>");
            socket->disconnectFromHost();
        });
    });
    const QString foreign = attempt(QStringLiteral("http://127.0.0.1:%1").arg(other.serverPort()),
                                    QStringLiteral("admin@test.local"), ApiFixture::password());
    QVERIFY2(foreign.contains(QStringLiteral("not a CryptoPredict server")), qPrintable(foreign));
}

void tst_PeerMode::showsPeerDataAndLiveChanges()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    const QString email = emailOf(api.db(), api.adminId);
    QVERIFY(!email.isEmpty());

    CP_PEER_SIGNED_IN(peer, api, email);
    QTRY_VERIFY_WITH_TIMEOUT(peer.desktop->sync()->fullSyncs() >= 1, 10000);
    QCOMPARE(peer.desktop->sync()->state(), PeerSync::State::Connected);

    // The same views as on the database: the peer's active signals and pending suggestions.
    QTableView *signalTable =
        peer.table(QStringLiteral("signalsPage"), QStringLiteral("signalTable"));
    QVERIFY(signalTable);
    const QSet<qint64> activeSignals =
        dbIds(api.db(), QStringLiteral("SELECT id FROM trading_signals WHERE status = 'active'"));
    QVERIFY(activeSignals.contains(seed.activeSignal));
    QTRY_COMPARE_WITH_TIMEOUT(shownIds(signalTable), activeSignals, 10000);

    QTableView *queue =
        peer.table(QStringLiteral("suggestionsPage"), QStringLiteral("suggestionTable"));
    QVERIFY(queue);
    const QSet<qint64> pending =
        dbIds(api.db(), QStringLiteral("SELECT id FROM ai_suggestions WHERE status = 'pending'"));
    QVERIFY(pending.contains(seed.pendingSuggestion));
    QTRY_COMPARE_WITH_TIMEOUT(shownIds(queue), pending, 10000);

    // Layer 1 on the home page: the peer's newest regime reading.
    QVERIFY(peer.window->showPage(QStringLiteral("homePage")));
    auto *regimeCard =
        peer.window->findChild<cp::ui::LayerCardWidget *>(QStringLiteral("layerCard1"));
    QVERIFY(regimeCard);
    QString regime;
    double confidence = -1.0;
    {
        QSqlQuery newest(api.db());
        QVERIFY(newest.exec(QStringLiteral("SELECT market_regime, confidence_score FROM"
                                           " market_regime_analysis ORDER BY analysis_time DESC,"
                                           " id DESC LIMIT 1")));
        QVERIFY(newest.next());
        regime = newest.value(0).toString();
        confidence = newest.value(1).toDouble();
    }
    QTRY_VERIFY_WITH_TIMEOUT(regimeCard->card().keyMetric.startsWith(regime, Qt::CaseInsensitive),
                             10000);
    QVERIFY(std::abs(regimeCard->card().confidence - confidence) < 1e-6);
    // A new analysis on the peer: the card follows.
    QVERIFY(exec(api.db(),
                 QStringLiteral("INSERT INTO market_regime_analysis (analysis_time, market_regime,"
                                " confidence_score, risk_level) VALUES ('%1', 'volatile', 0.61,"
                                " 'high')")
                     .arg(isoText(QDateTime::currentDateTimeUtc().addSecs(60)))));
    cp::models::ChangeBus::instance().publish(
        api.db(), {{QStringLiteral("market_regime_analysis"), 0, QStringLiteral("insert")}});
    QTRY_VERIFY_WITH_TIMEOUT(regimeCard->card().keyMetric.startsWith(QStringLiteral("Volatile")),
                             10000);
    QVERIFY(std::abs(regimeCard->card().confidence - 0.61) < 1e-6);

    // Layer 3: the lists this user may see, and a list's items.
    QTableView *lists =
        peer.table(QStringLiteral("watchlistsPage"), QStringLiteral("watchlistTable"));
    QVERIFY(lists);
    const QSet<qint64> visibleLists =
        dbIds(api.db(), QStringLiteral("SELECT id FROM watchlists WHERE is_active = TRUE AND"
                                       " (type IN ('system', 'admin') OR user_id = %1)")
                            .arg(api.adminId));
    QVERIFY(visibleLists.contains(seed.tier1List));
    QTRY_COMPARE_WITH_TIMEOUT(shownIds(lists), visibleLists, 10000);
    QVERIFY(selectId(lists, seed.tier1List));
    QTableView *items = peer.window->page(QStringLiteral("watchlistsPage"))
                            ->findChild<QTableView *>(QStringLiteral("watchlistItemsTable"));
    QVERIFY(items);
    QTRY_COMPARE_WITH_TIMEOUT(
        shownIds(items),
        dbIds(api.db(), QStringLiteral("SELECT id FROM watchlist_items WHERE watchlist_id = %1"
                                       " AND status <> 'removed'")
                            .arg(seed.tier1List)),
        10000);
    QVERIFY(shownIds(items).contains(seed.btcItem));

    // The engine (another process in real life) writes a signal: it arrives over the WebSocket.
    QVERIFY(peer.window->showPage(QStringLiteral("signalsPage")));
    const int added = addSignal(api.db(), seed.eth, 0.77, true);
    QVERIFY(added > 0);
    QTRY_VERIFY_WITH_TIMEOUT(shownIds(signalTable).contains(added), 10000);
    QCOMPARE(peer.desktop->sync()->state(), PeerSync::State::Connected);
}

void tst_PeerMode::reviewsGoThroughThePeer()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    const QString email = emailOf(api.db(), api.adminId);
    QVERIFY(!email.isEmpty());

    CP_PEER_SIGNED_IN(peer, api, email);
    QTableView *queue =
        peer.table(QStringLiteral("suggestionsPage"), QStringLiteral("suggestionTable"));
    QVERIFY(queue);
    QTRY_VERIFY_WITH_TIMEOUT(shownIds(queue).contains(seed.pendingSuggestion), 10000);
    auto *page = qobject_cast<cp::ui::SuggestionsPage *>(
        peer.window->page(QStringLiteral("suggestionsPage")));
    QVERIFY(page);
    QSignalSpy finished(page, &cp::ui::SuggestionsPage::reviewFinished);

    // Approve in the peer desktop: the server's database records it (through REST).
    QVERIFY(selectId(queue, seed.pendingSuggestion));
    QCOMPARE(page->reviewSelected(cp::models::ReviewDecision::Approve), QString());
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toString(), QString());
    QCOMPARE(dbIds(api.db(), QStringLiteral("SELECT reviewed_by FROM ai_suggestions WHERE id = %1"
                                            " AND status = 'approved'")
                                 .arg(seed.pendingSuggestion)),
             QSet<qint64>{api.adminId});
    QTRY_VERIFY_WITH_TIMEOUT(!shownIds(queue).contains(seed.pendingSuggestion), 10000);
    // The review trail of the peer, this review included.
    QTableView *history = page->findChild<QTableView *>(QStringLiteral("reviewHistoryTable"));
    QVERIFY(history);
    const QString allReviews = QStringLiteral("SELECT id FROM suggestion_reviews");
    QCOMPARE(dbIds(api.db(), allReviews).size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(shownIds(history), dbIds(api.db(), allReviews), 10000);

    // Another admin approves the second one on the server without any announcement, so the
    // desktop still offers it: the peer refuses the second approval with 409 and says why.
    QTRY_VERIFY_WITH_TIMEOUT(shownIds(queue).contains(seed.pendingSuggestion2), 10000);
    const int otherAdmin = api.addUser(QStringLiteral("other-admin@test.local"),
                                       cp::models::Role::Admin, ApiFixture::password());
    QVERIFY(otherAdmin > 0);
    cp::models::SuggestionReviewService other(api.db());
    const auto first = other.review(seed.pendingSuggestion2, otherAdmin,
                                    cp::models::ReviewDecision::Approve, QString());
    QVERIFY2(first.ok(), qPrintable(first.error()));
    // What the server answers a second approval, asked directly.
    const HttpResult direct = api.client().post(
        QStringLiteral("/api/v1/layer3/suggestions/%1/review").arg(seed.pendingSuggestion2),
        QJsonObject{{QStringLiteral("decision"), QStringLiteral("approve")}}, api.adminToken);
    QCOMPARE(direct.status, 409);
    const QString conflict = direct.object()
                                 .value(QStringLiteral("error"))
                                 .toObject()
                                 .value(QStringLiteral("message"))
                                 .toString();
    QVERIFY(!conflict.isEmpty());

    finished.clear();
    QVERIFY(selectId(queue, seed.pendingSuggestion2));
    page->reviewSelected(cp::models::ReviewDecision::Approve);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toString(), conflict);
    auto *message = page->findChild<QLabel *>(QStringLiteral("pageMessage"));
    QVERIFY(message);
    QCOMPARE(message->text(), conflict);
    QCOMPARE(dbIds(api.db(), QStringLiteral("SELECT reviewed_by FROM ai_suggestions WHERE id = %1")
                                 .arg(seed.pendingSuggestion2)),
             QSet<qint64>{otherAdmin});
    // The other admin's announcement arrives late: then the queue no longer offers it.
    cp::models::ChangeBus::instance().publish(api.db(), other.changes());
    QTRY_VERIFY_WITH_TIMEOUT(!shownIds(queue).contains(seed.pendingSuggestion2), 10000);
    // The other admin's review joins the trail, with that admin's address.
    QCOMPARE(dbIds(api.db(), allReviews).size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(shownIds(history), dbIds(api.db(), allReviews), 10000);
    bool named = false;
    for (int r = 0; r < history->model()->rowCount(); ++r) {
        for (int c = 0; c < history->model()->columnCount(); ++c)
            named = named || history->model()->index(r, c).data().toString() ==
                                 QStringLiteral("other-admin@test.local");
    }
    QVERIFY(named);
}

void tst_PeerMode::reconnectsAndResynchronises()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    const QString email = emailOf(api.db(), api.professionalId);
    QVERIFY(!email.isEmpty());

    CP_PEER_SIGNED_IN(peer, api, email);
    PeerSync *sync = peer.desktop->sync();
    QTRY_VERIFY_WITH_TIMEOUT(sync->fullSyncs() >= 1, 10000);
    QTableView *signalTable =
        peer.table(QStringLiteral("signalsPage"), QStringLiteral("signalTable"));
    QVERIFY(signalTable);
    QTRY_VERIFY_WITH_TIMEOUT(shownIds(signalTable).contains(seed.activeSignal), 10000);

    // Marking a notification read goes to the peer.
    auto *bell =
        peer.window->findChild<cp::ui::NotificationBell *>(QStringLiteral("notificationBell"));
    QVERIFY(bell);
    const auto findItem = [bell](qint64 id) -> QListWidgetItem * {
        for (int r = 0; r < bell->list()->count(); ++r) {
            if (bell->list()->item(r)->data(Qt::UserRole).toLongLong() == id)
                return bell->list()->item(r);
        }
        return nullptr;
    };
    QTRY_VERIFY_WITH_TIMEOUT(findItem(seed.professionalNotification), 10000);
    QVERIFY(!dbIds(api.db(), QStringLiteral("SELECT id FROM notifications WHERE status = 'read'"))
                 .contains(seed.professionalNotification));
    bell->list()->setCurrentItem(findItem(seed.professionalNotification));
    QCOMPARE(bell->markSelectedRead(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(
        dbIds(api.db(), QStringLiteral("SELECT id FROM notifications WHERE status = 'read'")),
        QSet<qint64>{seed.professionalNotification}, 10000);

    // The peer goes away.
    const quint16 port = quint16(api.client().base().port());
    QSignalSpy stopped(&api.server(), &cp::app::api::ApiServer::stopped);
    api.server().shutdown();
    QVERIFY(stopped.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(sync->state(), PeerSync::State::Reconnecting, 10000);
    QVERIFY2(sync->statusText().contains(QStringLiteral("reconnecting")),
             qPrintable(sync->statusText()));
    // The last synchronised data stays readable meanwhile.
    QVERIFY(shownIds(signalTable).contains(seed.activeSignal));

    // While it is down, its data changes.
    const int syncsBefore = sync->fullSyncs();
    const int added = addSignal(api.db(), seed.uni, 0.66, false);
    QVERIFY(added > 0);

    // It comes back on the same port: the desktop reconnects and resynchronises.
    cp::app::api::ServeOptions options;
    options.port = port;
    cp::app::api::ApiServer restarted(db.databaseUrl(), options);
    const cp::Result<QUrl> url = restarted.start();
    QVERIFY2(url.ok(), qPrintable(url.error()));
    QTRY_VERIFY_WITH_TIMEOUT(sync->fullSyncs() > syncsBefore, 30000);
    QCOMPARE(sync->state(), PeerSync::State::Connected);
    QTRY_VERIFY_WITH_TIMEOUT(shownIds(signalTable).contains(added), 10000);
    QCOMPARE(sync->statusText(), QStringLiteral("Peer: connected"));

    // Live updates work again on the new connection.
    const int live = addSignal(api.db(), seed.btc, 0.71, true);
    QTRY_VERIFY_WITH_TIMEOUT(shownIds(signalTable).contains(live), 10000);
    peer.window.reset();
    peer.desktop.reset();
    QSignalSpy restartedStopped(&restarted, &cp::app::api::ApiServer::stopped);
    restarted.shutdown();
    restartedStopped.wait(10000);
}

void tst_PeerMode::revokedTokenAsksToSignInAgain()
{
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    CP_SEEDED_API(api, db);
    const QString email = emailOf(api.db(), api.casualId);
    CP_PEER_SIGNED_IN(peer, api, email);
    PeerSync *sync = peer.desktop->sync();
    QTRY_VERIFY_WITH_TIMEOUT(sync->fullSyncs() >= 1, 10000);
    QSignalSpy signInRequired(sync, &PeerSync::signInRequired);

    // The session ends on the peer (logout elsewhere, expiry): the next request gets 401.
    const HttpResult logout = api.client().post(QStringLiteral("/api/v1/auth/logout"), {},
                                                peer.desktop->client()->token());
    QCOMPARE(logout.status, 200);
    sync->refetch(PeerSync::Signals);
    QTRY_COMPARE_WITH_TIMEOUT(sync->state(), PeerSync::State::SignInRequired, 10000);
    QCOMPARE(signInRequired.size(), 1);
    QVERIFY2(sync->statusText().contains(QStringLiteral("sign in again")),
             qPrintable(sync->statusText()));

    // Signing in again continues with a fresh token and a full sync.
    const int before = sync->fullSyncs();
    const QString token = api.client().login(email, ApiFixture::password());
    QVERIFY(!token.isEmpty());
    cp::app::PeerLogin login = sync->login();
    login.token = token;
    QVERIFY(peer.desktop->begin(login).ok());
    QTRY_VERIFY_WITH_TIMEOUT(sync->fullSyncs() > before, 10000);
    QCOMPARE(sync->state(), PeerSync::State::Connected);
}

QTEST_MAIN(tst_PeerMode)
#include "tst_peermode.moc"
