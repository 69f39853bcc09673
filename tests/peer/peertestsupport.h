// Shared by the peer-mode tests: a signed-in peer desktop over a running API fixture, and
// helpers that read what a page shows and what the server's database holds.
#pragma once

#include <apiseed.h>
#include <apitestsupport.h>
#include <testdatabase.h>

#include <ui/mainwindow.h>
#include <ui/peer/peerdesktop.h>
#include <ui/peer/peersignindialog.h>
#include <ui/views/page.h>

#include <models/changebus.h>
#include <models/views/snapshottablemodel.h>

#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>

#include <memory>

namespace cp::test {

//! True when scripts/with-keychain.sh started a throwaway Secret Service for this run.
inline bool testKeychainStarted()
{
    return qEnvironmentVariable("CRYPTOPREDICT_TEST_KEYCHAIN") == QLatin1String("1");
}

//! Peer desktops save their token in the keychain: without the test Secret Service, the session
//! bus leads nowhere, so a developer's own keychain is never touched (the tokens stay in memory).
//! Call before anything uses the keychain (libsecret connects once per process).
inline void isolateKeychain(const QString &scratchDir)
{
    if (testKeychainStarted())
        return;
    qputenv("DBUS_SESSION_BUS_ADDRESS",
            QStringLiteral("unix:path=%1/no-such-bus").arg(scratchDir).toLocal8Bit());
    qunsetenv("KDE_FULL_SESSION");
    qunsetenv("XDG_CURRENT_DESKTOP");
}

//! Per test executable: QSettings in `scratchDir` under `applicationName`, the keychain isolated
//! and the C locale, so no test touches the user's settings, secrets or number format.
inline void usePrivateSettings(const QString &scratchDir, const QString &applicationName)
{
    QCoreApplication::setOrganizationName(QStringLiteral("CryptoPredict"));
    QCoreApplication::setApplicationName(applicationName);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, scratchDir);
    QSettings().clear();
    isolateKeychain(scratchDir);
    QLocale::setDefault(QLocale::c());
}

//! Row ids a page's table shows (through its sort/filter proxy).
inline QSet<qint64> shownIds(const QTableView *view)
{
    QSet<qint64> ids;
    const QAbstractItemModel *model = view->model();
    for (int r = 0; r < model->rowCount(); ++r)
        ids.insert(
            model->index(r, 0).data(cp::models::views::SnapshotTableModel::RowIdRole).toLongLong());
    return ids;
}

//! Ids the server's database holds for a query's first column.
inline QSet<qint64> dbIds(QSqlDatabase db, const QString &sql)
{
    QSet<qint64> ids;
    QSqlQuery query(db);
    if (!query.exec(sql))
        return {-1};
    while (query.next())
        ids.insert(query.value(0).toLongLong());
    return ids;
}

//! A user's e-mail address; the query is gone before the test writes (an open read would pin
//! SQLite's snapshot and lock out the writers).
inline QString emailOf(QSqlDatabase db, int userId)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT email FROM users WHERE id = %1").arg(userId)) ||
        !query.next())
        return {};
    return query.value(0).toString();
}

//! Selects the row with `id` in a page's table; false when it is not shown.
inline bool selectId(QTableView *view, qint64 id)
{
    const QAbstractItemModel *model = view->model();
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, 0)
                .data(cp::models::views::SnapshotTableModel::RowIdRole)
                .toLongLong() == id) {
            view->clearSelection();
            view->selectRow(r);
            return true;
        }
    }
    return false;
}

//! Inserts an active signal the way the engine does, announcing it like the engine's writer.
inline int addSignal(QSqlDatabase db, int cryptoId, double confidence, bool announce)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int id = insertReturningId(
        db, QStringLiteral("INSERT INTO trading_signals (crypto_id, signal_type, entry_price,"
                           " target_price, stop_loss, confidence_score, risk_level,"
                           " risk_reward_ratio, time_horizon_hours, status, generated_at,"
                           " expires_at) VALUES (%1, 'short', 60, 50, 65, %2, 'high', 2.0, 24,"
                           " 'active', '%3', '%4')")
                .arg(cryptoId)
                .arg(confidence)
                .arg(isoText(now), isoText(now.addDays(2))));
    if (id > 0 && announce)
        cp::models::ChangeBus::instance().publish(
            db, {{QStringLiteral("trading_signals"), id, QStringLiteral("insert")}});
    return id;
}

/** A signed-in peer desktop with its window, over a running fixture. */
struct PeerWindow
{
    QTemporaryDir dir;
    std::unique_ptr<cp::ui::PeerDesktop> desktop;
    std::unique_ptr<cp::ui::MainWindow> window;

    bool open(const QUrl &base, const QString &email, const QString &password, QString *error)
    {
        cp::ui::PeerSignInDialog dialog(base.toString(), email);
        dialog.findChild<QLineEdit *>(QStringLiteral("peerPassword"))->setText(password);
        QSignalSpy attempted(&dialog, &cp::ui::PeerSignInDialog::attempted);
        dialog.submit();
        if (!attempted.wait(10000) || dialog.result() != QDialog::Accepted) {
            *error = dialog.findChild<QLabel *>(QStringLiteral("peerSignInMessage"))->text();
            return false;
        }
        desktop = std::make_unique<cp::ui::PeerDesktop>(dialog.peerUrl(),
                                                        dir.filePath(QStringLiteral("mirror.db")));
        desktop->setInteractive(false);
        if (const cp::Status begun = desktop->begin(dialog.login()); !begun) {
            *error = begun.error();
            return false;
        }
        window.reset(desktop->createWindow());
        window->show();
        return true;
    }

    QTableView *table(const QString &page, const QString &name)
    {
        if (!window->showPage(page))
            return nullptr;
        return window->page(page)->findChild<QTableView *>(name);
    }
};

} // namespace cp::test

/**
 * Declares `peer`, a peer desktop signed in to `api`'s server as `email` (the fixture's password),
 * and fails the test when the sign-in is refused.
 */
#define CP_PEER_SIGNED_IN(peer, api, email)                                                        \
    ::cp::test::PeerWindow peer;                                                                   \
    {                                                                                              \
        QString peerError_;                                                                        \
        QVERIFY2(peer.open((api).client().base(), email, ApiFixture::password(), &peerError_),     \
                 qPrintable(peerError_));                                                          \
    }
