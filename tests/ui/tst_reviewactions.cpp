#include "viewtestfixture.h"

#include <models/appconfig.h>
#include <models/suggestionreviewservice.h>
#include <models/views/snapshottablemodel.h>
#include <ui/views/page.h>
#include <ui/views/suggestionspage.h>
#include <ui/views/watchlistspage.h>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using cp::models::Role;
using cp::test::ViewFixture;

namespace {

QVariant scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

} // namespace

/** Admin writes from the desktop: reviews (single, bulk, conflicting) and watchlist edits. */
class tst_ReviewActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void approveChangesWatchlist_data() { cp::test::addDialectColumn(); }
    void approveChangesWatchlist();
    void bulkReject();
    void otherAdminReviewedFirst_data() { cp::test::addDialectColumn(); }
    void otherAdminReviewedFirst();
    void notificationFromAnotherProcess();
    void watchlistEdits();

private:
    QTemporaryDir m_settings;
};

#define OPEN_WINDOW(fixture, scratch, dialect, role)                                               \
    CP_SCRATCH_DB(scratch, dialect);                                                               \
    ViewFixture fixture(scratch, role);                                                            \
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()))

void tst_ReviewActions::initTestCase()
{
    cp::test::useTestSettings(m_settings.path());
}

void tst_ReviewActions::approveChangesWatchlist()
{
    QFETCH(QString, dialect);
    OPEN_WINDOW(f, scratch, dialect, Role::Admin);
    QVERIFY(f.openPage(QStringLiteral("suggestionsPage")));
    QTableView *queue = f.table(QStringLiteral("suggestionTable"));
    QCOMPARE(queue->model()->rowCount(), 3);
    // The top row: asset 0, add_tier1, 91%.
    queue->selectRow(0);
    const int asset = f.market().assetIds.at(0);
    f.window()
        .findChild<QLineEdit *>(QStringLiteral("reviewNotes"))
        ->setText(QStringLiteral("Strong volume"));
    const int before = f.refreshCount(QStringLiteral("suggestionsPage"));
    QTest::mouseClick(f.window().findChild<QPushButton *>(QStringLiteral("approveButton")),
                      Qt::LeftButton);
    QVERIFY(f.waitForRefresh(QStringLiteral("suggestionsPage"), before));
    QCOMPARE(queue->model()->rowCount(), 2);
    QSqlDatabase db = scratch.database();
    QCOMPARE(scalar(db, QStringLiteral("SELECT watchlist_tier FROM cryptocurrencies WHERE id = %1")
                            .arg(asset))
                 .toString(),
             QStringLiteral("tier1"));
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM suggestion_reviews WHERE decision ="
                                       " 'approve' AND review_notes = 'Strong volume'"))
                 .toInt(),
             1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM user_activities WHERE user_id = %1"
                                       " AND activity_type = 'review_suggestion'")
                            .arg(f.market().adminId))
                 .toInt(),
             1);
    // The review shows in the history tab, and the watchlists page lists the asset in tier 1.
    QCOMPARE(f.table(QStringLiteral("reviewHistoryTable"))->model()->rowCount(), 1);
    QVERIFY(f.openPage(QStringLiteral("watchlistsPage")));
    QTableView *items = f.table(QStringLiteral("watchlistItemsTable"));
    QTRY_COMPARE(items->model()->rowCount(), 3);
}

void tst_ReviewActions::bulkReject()
{
    OPEN_WINDOW(f, scratch, QStringLiteral("sqlite"), Role::Admin);
    QVERIFY(f.openPage(QStringLiteral("suggestionsPage")));
    QTableView *queue = f.table(QStringLiteral("suggestionTable"));
    queue->selectAll();
    QCOMPARE(f.window().findChild<QPushButton *>(QStringLiteral("approveButton"))->text(),
             QStringLiteral("&Approve 3"));
    auto *page =
        qobject_cast<cp::ui::SuggestionsPage *>(f.window().page(QStringLiteral("suggestionsPage")));
    const int before = page->refreshCount();
    QCOMPARE(page->reviewSelected(cp::models::ReviewDecision::Reject), QString());
    QVERIFY(f.waitForRefresh(QStringLiteral("suggestionsPage"), before));
    QCOMPARE(queue->model()->rowCount(), 0);
    QCOMPARE(scalar(scratch.database(),
                    QStringLiteral("SELECT COUNT(*) FROM ai_suggestions WHERE status = 'rejected'"))
                 .toInt(),
             3);
}

void tst_ReviewActions::otherAdminReviewedFirst()
{
    QFETCH(QString, dialect);
    OPEN_WINDOW(f, scratch, dialect, Role::Admin);
    QVERIFY(f.openPage(QStringLiteral("suggestionsPage")));
    QTableView *queue = f.table(QStringLiteral("suggestionTable"));
    queue->selectRow(0);
    const int id = int(
        queue->currentIndex().data(cp::models::views::SnapshotTableModel::RowIdRole).toLongLong());
    // Another admin (another connection, no announcement) approves it first.
    cp::models::SuggestionReviewService other(scratch.database());
    QVERIFY(
        other.review(id, f.market().adminId, cp::models::ReviewDecision::Approve, QString()).ok());

    auto *page =
        qobject_cast<cp::ui::SuggestionsPage *>(f.window().page(QStringLiteral("suggestionsPage")));
    const int before = page->refreshCount();
    const QString error = page->reviewSelected(cp::models::ReviewDecision::Reject);
    QVERIFY2(error.contains(QLatin1String("already"), Qt::CaseInsensitive), qPrintable(error));
    QVERIFY(f.waitForRefresh(QStringLiteral("suggestionsPage"), before));
    QCOMPARE(queue->model()->rowCount(), 2);
    QVERIFY(page->findChild<QLabel *>(QStringLiteral("pageMessage"))->isVisibleTo(page));
    // Applied once: one review, still approved.
    QCOMPARE(
        scalar(scratch.database(),
               QStringLiteral("SELECT COUNT(*) FROM suggestion_reviews WHERE suggestion_id = %1")
                   .arg(id))
            .toInt(),
        1);
    QCOMPARE(scalar(scratch.database(),
                    QStringLiteral("SELECT status FROM ai_suggestions WHERE id = %1").arg(id))
                 .toString(),
             QStringLiteral("approved"));
}

void tst_ReviewActions::notificationFromAnotherProcess()
{
    // Only PostgreSQL carries changes between processes; a NOTIFY sent by another connection
    // stands in for another desktop or the engine.
    OPEN_WINDOW(f, scratch, QStringLiteral("postgresql"), Role::Admin);
    QVERIFY(f.openPage(QStringLiteral("suggestionsPage")));
    QTableView *queue = f.table(QStringLiteral("suggestionTable"));
    QCOMPARE(queue->model()->rowCount(), 3);
    QSqlQuery write(scratch.database());
    QVERIFY(write.exec(QStringLiteral("UPDATE ai_suggestions SET status = 'expired' WHERE"
                                      " status = 'pending' AND confidence_score < 0.8")));
    QVERIFY(write.exec(
        QStringLiteral("SELECT pg_notify('cryptopredict_events',"
                       " '{\"table\":\"ai_suggestions\",\"id\":0,\"op\":\"update\"}')")));
    QTRY_COMPARE_WITH_TIMEOUT(queue->model()->rowCount(), 2, 2000);
}

void tst_ReviewActions::watchlistEdits()
{
    OPEN_WINDOW(f, scratch, QStringLiteral("sqlite"), Role::Admin);
    QVERIFY(f.openPage(QStringLiteral("watchlistsPage")));
    auto *page =
        qobject_cast<cp::ui::WatchlistsPage *>(f.window().page(QStringLiteral("watchlistsPage")));
    QTableView *items = f.table(QStringLiteral("watchlistItemsTable"));
    QCOMPARE(items->model()->rowCount(), 2);
    auto *asset = f.window().findChild<QComboBox *>(QStringLiteral("addAssetCombo"));
    QTRY_VERIFY(asset->count() > 0);
    // Adding a third asset to tier 1 with a limit of 2 is refused with a clear sentence.
    cp::models::AppConfig config;
    config.tier1Max = 2;
    QVERIFY(config.save(scratch.database()).ok());
    QString error = page->addSelectedAsset();
    QVERIFY2(error.contains(QLatin1String("full")), qPrintable(error));
    QCOMPARE(items->model()->rowCount(), 2);
    config.tier1Max = 20;
    QVERIFY(config.save(scratch.database()).ok());
    int before = page->refreshCount();
    QCOMPARE(page->addSelectedAsset(), QString());
    QVERIFY(f.waitForRefresh(QStringLiteral("watchlistsPage"), before));
    QCOMPARE(items->model()->rowCount(), 3);
    // Reorder: the second item moves to the top.
    items->selectRow(1);
    const qint64 moved =
        items->currentIndex().data(cp::models::views::SnapshotTableModel::RowIdRole).toLongLong();
    before = page->refreshCount();
    QCOMPARE(page->moveSelectedItem(-1), QString());
    QVERIFY(f.waitForRefresh(QStringLiteral("watchlistsPage"), before));
    QCOMPARE(items->model()
                 ->index(0, 0)
                 .data(cp::models::views::SnapshotTableModel::RowIdRole)
                 .toLongLong(),
             moved);
    // Remove it again.
    items->selectRow(0);
    before = page->refreshCount();
    QCOMPARE(page->removeSelectedItem(), QString());
    QVERIFY(f.waitForRefresh(QStringLiteral("watchlistsPage"), before));
    QCOMPARE(items->model()->rowCount(), 2);
    QCOMPARE(scalar(scratch.database(),
                    QStringLiteral("SELECT current_items FROM watchlists WHERE id = %1")
                        .arg(f.market().tier1WatchlistId))
                 .toInt(),
             2);
}

QTEST_MAIN(tst_ReviewActions)
#include "tst_reviewactions.moc"
