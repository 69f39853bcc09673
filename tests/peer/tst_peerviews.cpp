// Peer mode end to end, the pages beyond the first ones: sectors, predictions, the admin page,
// executions and notification deletes through the peer, the status bar and the simulated-data
// banner, and the way in from the database sign-in dialog.
#include "peertestsupport.h"

#include <apiseed.h>
#include <testdatabase.h>

#include <ui/dialogs/executesignaldialog.h>
#include <ui/dialogs/signindialog.h>
#include <ui/views/signalspage.h>
#include <ui/widgets/layercardwidget.h>
#include <ui/widgets/notificationbell.h>

#include <app/peer/peersync.h>
#include <app/peer/viewactions.h>
#include <app/settings/appsettings.h>

#include <QApplication>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace cp::test;
using cp::app::PeerSync;

class tst_PeerViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsSectorsAndPredictions_data() { addDialectColumn(); }
    void showsSectorsAndPredictions();
    void executesAndDeletesThroughThePeer_data() { addDialectColumn(); }
    void executesAndDeletesThroughThePeer();
    void showsTheAdminPage_data() { addDialectColumn(); }
    void showsTheAdminPage();
    void signInDialogLeadsToAPeer();

private:
    QTemporaryDir m_settings;
};

void tst_PeerViews::initTestCase()
{
    usePrivateSettings(m_settings.path(), QStringLiteral("cryptopredict-peer-test"));
}

void tst_PeerViews::showsSectorsAndPredictions()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    const QString email = emailOf(api.db(), api.casualId);
    QVERIFY(!email.isEmpty());
    CP_PEER_SIGNED_IN(peer, api, email);
    QTRY_VERIFY_WITH_TIMEOUT(peer.desktop->sync()->fullSyncs() >= 1, 10000);

    // Layer 2: the sectors with analyses, the rotation, a sector's history and members.
    QTableView *sectors = peer.table(QStringLiteral("sectorsPage"), QStringLiteral("sectorTable"));
    QVERIFY(sectors);
    const QSet<qint64> analysed =
        dbIds(api.db(), QStringLiteral("SELECT DISTINCT sector_id FROM sector_performance"));
    QCOMPARE(analysed, (QSet<qint64>{seed.defiSector, seed.layer1Sector}));
    QTRY_COMPARE_WITH_TIMEOUT(shownIds(sectors), analysed, 10000);
    QWidget *page = peer.window->page(QStringLiteral("sectorsPage"));
    auto *leading = page->findChild<QLabel *>(QStringLiteral("leadingSectors"));
    QVERIFY(leading);
    QTRY_COMPARE_WITH_TIMEOUT(leading->text(), QStringLiteral("DeFi"), 10000);
    QVERIFY(selectId(sectors, seed.defiSector));
    auto *history = page->findChild<QTableView *>(QStringLiteral("sectorHistoryTable"));
    auto *members = page->findChild<QTableView *>(QStringLiteral("sectorMembersTable"));
    QVERIFY(history && members);
    const auto historyCount = [&api, &seed] {
        return dbIds(api.db(), QStringLiteral("SELECT id FROM sector_performance WHERE"
                                              " sector_id = %1")
                                   .arg(seed.defiSector))
            .size();
    };
    QTRY_COMPARE_WITH_TIMEOUT(history->model()->rowCount(), historyCount(), 10000);
    const QSet<qint64> defiAssets =
        dbIds(api.db(), QStringLiteral("SELECT id FROM cryptocurrencies WHERE is_active = TRUE AND"
                                       " (sector_id = %1 OR id IN (SELECT crypto_id FROM"
                                       " crypto_sector_mapping WHERE sector_id = %1))")
                            .arg(seed.defiSector));
    QVERIFY(!defiAssets.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(shownIds(members), defiAssets, 10000);

    // The home page's sector card: the leading DeFi at +17% over 7 days (seeded 2 x 8.5).
    QVERIFY(peer.window->showPage(QStringLiteral("homePage")));
    auto *sectorCard =
        peer.window->findChild<cp::ui::LayerCardWidget *>(QStringLiteral("layerCard2"));
    QVERIFY(sectorCard);
    QTRY_COMPARE_WITH_TIMEOUT(sectorCard->card().keyMetric, QStringLiteral("DeFi+17%"), 10000);

    // A new sector analysis on the peer arrives over the dashboard channel.
    QVERIFY(
        exec(api.db(), QStringLiteral("INSERT INTO sector_performance (sector_id, analysis_time,"
                                      " momentum_score, performance_24h, performance_7d,"
                                      " performance_30d) VALUES (%1, '%2', 0.9, 1.0, 40.0, 50.0)")
                           .arg(seed.defiSector)
                           .arg(isoText(QDateTime::currentDateTimeUtc().addSecs(60)))));
    cp::models::ChangeBus::instance().publish(
        api.db(), {{QStringLiteral("sector_performance"), 0, QStringLiteral("insert")}});
    QTRY_COMPARE_WITH_TIMEOUT(sectorCard->card().keyMetric, QStringLiteral("DeFi+40%"), 10000);
    QVERIFY(peer.window->showPage(QStringLiteral("sectorsPage")));
    QTRY_COMPARE_WITH_TIMEOUT(history->model()->rowCount(), historyCount(), 10000);

    // Predictions: every prediction of the peer.
    QTableView *predictions =
        peer.table(QStringLiteral("predictionsPage"), QStringLiteral("predictionTable"));
    QVERIFY(predictions);
    const QSet<qint64> all = dbIds(api.db(), QStringLiteral("SELECT id FROM predictions_enhanced"));
    QCOMPARE(all.size(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(shownIds(predictions), all, 10000);
    // A new prediction on the peer arrives over the dashboard channel.
    const int added = insertReturningId(
        api.db(),
        QStringLiteral("INSERT INTO predictions_enhanced (crypto_id, layer_source, model_name,"
                       " model_version, predicted_price, confidence_score, prediction_horizon,"
                       " target_datetime, input_price, created_at) VALUES (%1, 'layer4',"
                       " 'asset_forecast_ridge', '1.0', 141, 0.6, 24, '%2', 139, '%3')")
            .arg(seed.btc)
            .arg(isoText(QDateTime::currentDateTimeUtc().addDays(1)),
                 isoText(QDateTime::currentDateTimeUtc())));
    QVERIFY(added > 0);
    cp::models::ChangeBus::instance().publish(
        api.db(), {{QStringLiteral("predictions_enhanced"), added, QStringLiteral("insert")}});
    QTRY_VERIFY_WITH_TIMEOUT(shownIds(predictions).contains(added), 10000);

    // The status bar names the peer, not the local copy, as the data source.
    auto *where = peer.window->findChild<QLabel *>(QStringLiteral("statusDatabase"));
    QVERIFY(where);
    QVERIFY2(where->text().startsWith(
                 QStringLiteral("Peer: %1 (copy at ").arg(api.client().base().toString())),
             qPrintable(where->text()));

    // Simulated demo data on the peer: the banner says so, after the next check.
    auto *banner = peer.window->findChild<QLabel *>(QStringLiteral("simulatedBanner"));
    QVERIFY(banner);
    QVERIFY(!banner->isVisibleTo(peer.window.get()));
    QVERIFY(exec(api.db(), QStringLiteral("UPDATE cryptocurrencies SET is_simulated = %1")
                               .arg(dialect == QLatin1String("postgresql") ? QStringLiteral("TRUE")
                                                                           : QStringLiteral("1"))));
    peer.desktop->sync()->refetch(PeerSync::User);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisibleTo(peer.window.get()), 10000);
    QVERIFY(peer.desktop->sync()->isSimulated());
}

void tst_PeerViews::executesAndDeletesThroughThePeer()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    const QString email = emailOf(api.db(), api.professionalId);
    QVERIFY(!email.isEmpty());
    CP_PEER_SIGNED_IN(peer, api, email);
    QTableView *signalTable =
        peer.table(QStringLiteral("signalsPage"), QStringLiteral("signalTable"));
    QVERIFY(signalTable);
    QTRY_VERIFY_WITH_TIMEOUT(shownIds(signalTable).contains(seed.activeSignal), 10000);
    QWidget *page = peer.window->page(QStringLiteral("signalsPage"));
    QTableView *executions = page->findChild<QTableView *>(QStringLiteral("executionsTable"));
    QVERIFY(executions);
    const QString ownExecutions =
        QStringLiteral("SELECT id FROM signal_executions WHERE user_id = %1")
            .arg(api.professionalId);
    QTRY_COMPARE_WITH_TIMEOUT(shownIds(executions), dbIds(api.db(), ownExecutions), 10000);
    QVERIFY(shownIds(executions).contains(seed.professionalExecution));

    // The signal's analysis text comes from its detail.
    QVERIFY(selectId(signalTable, seed.activeSignal));
    auto *detail = page->findChild<QTextBrowser *>(QStringLiteral("signalDetail"));
    QVERIFY(detail);
    QTRY_VERIFY_WITH_TIMEOUT(detail->toPlainText().contains(QStringLiteral("Volume surge")), 10000);

    // Too large a position: the peer refuses, in its own words, and records nothing.
    const QJsonObject tooLarge{{QStringLiteral("position_size"), 1e9},
                               {QStringLiteral("portfolio_percentage"), 1.0},
                               {QStringLiteral("risk_confirmation"), true}};
    const HttpResult direct = api.client().post(
        QStringLiteral("/api/v1/layer4/signals/%1/execute").arg(seed.activeSignal), tooLarge,
        api.professionalToken);
    QVERIFY2(direct.status >= 400 && direct.status < 500,
             qPrintable(QString::number(direct.status)));
    const QString refusal = direct.object()
                                .value(QStringLiteral("error"))
                                .toObject()
                                .value(QStringLiteral("message"))
                                .toString();
    QVERIFY(!refusal.isEmpty());
    const QSet<qint64> before = dbIds(api.db(), ownExecutions);

    auto *signalsPage = qobject_cast<cp::ui::SignalsPage *>(page);
    QVERIFY(signalsPage);
    cp::ui::ExecuteSignalDialog *dialog = signalsPage->openExecuteDialog();
    QVERIFY(dialog);
    auto *size = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("positionSize"));
    auto *share = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("portfolioPercentage"));
    auto *confirmed = dialog->findChild<QCheckBox *>(QStringLiteral("riskConfirmed"));
    auto *message = dialog->findChild<QLabel *>(QStringLiteral("executeError"));
    QVERIFY(size && share && confirmed && message);
    size->setValue(1e9);
    share->setValue(1.0);
    confirmed->setChecked(true);
    QCOMPARE(dialog->submit(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(message->text(), refusal, 10000);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dbIds(api.db(), ownExecutions), before);

    // Within the limits: the peer records it, and the copy shows it.
    QSignalSpy accepted(dialog, &QDialog::accepted);
    size->setValue(10.0);
    share->setValue(0.5);
    QCOMPARE(dialog->submit(), QString());
    QVERIFY(accepted.wait(10000));
    const QSet<qint64> after = dbIds(api.db(), ownExecutions);
    QCOMPARE(after.size(), before.size() + 1);
    QTRY_COMPARE_WITH_TIMEOUT(shownIds(executions), after, 10000);

    // Deleting a notification goes to the peer as well.
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
    bell->list()->setCurrentItem(findItem(seed.professionalNotification));
    QCOMPARE(bell->dismissSelected(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(!dbIds(api.db(), QStringLiteral("SELECT id FROM notifications"))
                                  .contains(seed.professionalNotification),
                             10000);
    QTRY_VERIFY_WITH_TIMEOUT(!findItem(seed.professionalNotification), 10000);

    // Another user's notification: the peer refuses, and the action reports its words.
    const HttpResult foreign =
        api.client().del(QStringLiteral("/api/v1/ui/notifications/%1").arg(seed.casualNotification),
                         api.professionalToken);
    QVERIFY2(foreign.status >= 400, qPrintable(QString::number(foreign.status)));
    const QString notYours = foreign.object()
                                 .value(QStringLiteral("error"))
                                 .toObject()
                                 .value(QStringLiteral("message"))
                                 .toString();
    QVERIFY(!notYours.isEmpty());
    QString answer = QStringLiteral("<none>");
    peer.desktop->actions()->deleteNotification(seed.casualNotification,
                                                [&answer](const QString &e) { answer = e; });
    QTRY_COMPARE_WITH_TIMEOUT(answer, notYours, 10000);
    QVERIFY(dbIds(api.db(), QStringLiteral("SELECT id FROM notifications"))
                .contains(seed.casualNotification));
}

void tst_PeerViews::showsTheAdminPage()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    const QString email = emailOf(api.db(), api.adminId);
    QVERIFY(!email.isEmpty());
    CP_PEER_SIGNED_IN(peer, api, email);
    QTRY_VERIFY_WITH_TIMEOUT(peer.desktop->sync()->fullSyncs() >= 1, 10000);

    QTableView *models = peer.table(QStringLiteral("adminPage"), QStringLiteral("modelTable"));
    QVERIFY(models);
    const QSet<qint64> allModels = dbIds(api.db(), QStringLiteral("SELECT id FROM ai_models"));
    QVERIFY(allModels.contains(seed.model));
    QTRY_COMPARE_WITH_TIMEOUT(shownIds(models), allModels, 10000);

    // The peer's current health check, as one row.
    QWidget *page = peer.window->page(QStringLiteral("adminPage"));
    auto *health = page->findChild<QTableView *>(QStringLiteral("healthTable"));
    QVERIFY(health);
    QTRY_COMPARE_WITH_TIMEOUT(health->model()->rowCount(), 1, 10000);

    // User activities with their users' addresses; the peer logs more (sign-ins) meanwhile.
    auto *activities = page->findChild<QTableView *>(QStringLiteral("activityTable"));
    QVERIFY(activities);
    const QSet<qint64> seeded = dbIds(api.db(), QStringLiteral("SELECT id FROM user_activities"));
    QVERIFY(!seeded.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(shownIds(activities).contains(seeded), 10000);
    QVERIFY(dbIds(api.db(), QStringLiteral("SELECT id FROM user_activities"))
                .contains(shownIds(activities)));

    // A model changes on the peer: the dashboard channel names ai_models.
    QVERIFY(exec(
        api.db(),
        QStringLiteral("UPDATE ai_models SET status = 'error' WHERE id = %1").arg(seed.model)));
    cp::models::ChangeBus::instance().publish(
        api.db(), {{QStringLiteral("ai_models"), seed.model, QStringLiteral("update")}});
    const auto statusShown = [models, &seed]() {
        const QAbstractItemModel *m = models->model();
        for (int r = 0; r < m->rowCount(); ++r) {
            if (m->index(r, 0)
                    .data(cp::models::views::SnapshotTableModel::RowIdRole)
                    .toLongLong() != seed.model)
                continue;
            for (int c = 0; c < m->columnCount(); ++c) {
                if (m->index(r, c).data().toString().compare(QStringLiteral("error"),
                                                             Qt::CaseInsensitive) == 0)
                    return true;
            }
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(statusShown(), 10000);
}

void tst_PeerViews::signInDialogLeadsToAPeer()
{
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    CP_SEEDED_API(api, db);
    const QString email = emailOf(api.db(), api.professionalId);
    QVERIFY(!email.isEmpty());

    // The database sign-in offers the way to a peer instead.
    {
        cp::ui::SignInDialog signIn(db.databaseUrl());
        auto *button = signIn.findChild<QPushButton *>(QStringLiteral("peerButton"));
        QVERIFY(button);
        QTimer::singleShot(0, button, &QPushButton::click);
        QCOMPARE(signIn.exec(), int(cp::ui::SignInDialog::PeerRequested));
    }

    // PeerDesktop::run: sign in to the peer, then the window over its data. The user's part is
    // played by a timer that looks at the visible windows.
    bool signedIn = false;
    bool showedData = false;
    QTimer user;
    user.setInterval(50);
    connect(&user, &QTimer::timeout, &user, [&] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (!widget->isVisible())
                continue;
            if (auto *dialog = qobject_cast<cp::ui::PeerSignInDialog *>(widget);
                dialog && !signedIn) {
                signedIn = true;
                dialog->findChild<QLineEdit *>(QStringLiteral("peerEmail"))->setText(email);
                dialog->findChild<QLineEdit *>(QStringLiteral("peerPassword"))
                    ->setText(ApiFixture::password());
                dialog->submit();
                return;
            }
            auto *window = qobject_cast<cp::ui::MainWindow *>(widget);
            if (!window)
                continue;
            auto *status = window->findChild<QLabel *>(QStringLiteral("peerStatus"));
            window->showPage(QStringLiteral("signalsPage"));
            auto *signalTable = window->page(QStringLiteral("signalsPage"))
                                    ->findChild<QTableView *>(QStringLiteral("signalTable"));
            if (status && status->text() == QStringLiteral("Peer: connected") && signalTable &&
                shownIds(signalTable).contains(seed.activeSignal)) {
                showedData = true;
                QCoreApplication::quit();
            }
        }
    });
    user.start();
    // A safety net only: a run that never gets there must not hang the test.
    QTimer::singleShot(60000, &user, [] { QCoreApplication::quit(); });
    const int code = cp::ui::PeerDesktop::run(api.client().base().toString());
    user.stop();
    QVERIFY(signedIn);
    QVERIFY(showedData);
    QCOMPARE(code, 0);
    // The address and e-mail are remembered for the next start; never the password or token.
    const cp::app::AppSettings settings = cp::app::AppSettings::load();
    QCOMPARE(settings.peer.email, email);
    QCOMPARE(QUrl(settings.peer.url), api.client().base());
}

QTEST_MAIN(tst_PeerViews)
#include "tst_peerviews.moc"
