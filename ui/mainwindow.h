#pragma once

#include "usersession.h"

#include <models/databasesummary.h>
#include <models/databaseurl.h>

#include <QFutureWatcher>
#include <QList>
#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace cp::app {
class AnalysisController;
}

namespace cp::models {
class ConnectionPool;
struct ChangeEvent;
namespace views {
class ChangeListener;
class SnapshotJobs;
} // namespace views
} // namespace cp::models

namespace cp::ui {

class DatabaseSummaryPanel;
class HomePage;
class NotificationBell;
class Page;
class StatusPanel;

/**
 * The application window: navigation between the pages the user's role allows, a status bar,
 * the simulated-data banner, light and dark palettes. Opens the database off the GUI thread;
 * pages load their data off it too and refresh when ChangeBus announces a change to a table they
 * show (in-process writers, or PostgreSQL NOTIFY from other processes).
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    //! A window for the guest session (casual role: no admin pages).
    explicit MainWindow(models::DatabaseUrl url, QWidget *parent = nullptr);
    MainWindow(models::DatabaseUrl url, UserSession session, QWidget *parent = nullptr);
    ~MainWindow() override;

    //! Starts (or restarts) opening the database on a worker thread.
    void connectDatabase();

    const UserSession &session() const { return m_session; }
    //! The page with that object name (e.g. "signalsPage"), or null when the role hides it.
    Page *page(const QString &objectName) const;
    QList<Page *> pages() const { return m_pages; }
    //! Shows a page by object name; false when there is no such page for this user.
    bool showPage(const QString &objectName);
    StatusPanel *statusPanel() const { return m_status; }
    //! Runs the engine off the GUI thread (admins only, else null).
    app::AnalysisController *analysisController() const { return m_analysis; }

Q_SIGNALS:
    //! The database was opened and summarised (ok) or could not be (error shown in the window).
    void databaseReady(bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildPages();
    void buildMenus();
    void buildAnalysisMenu();
    void addPage(Page *page);
    void showSummary(const Result<models::DatabaseSummary> &summary);
    void openGuiConnection();
    void routeChange(const models::ChangeEvent &event);
    void refreshLastAnalysis();
    void setDarkTheme(bool dark);
    void restoreWindowState();
    void saveWindowState() const;

    models::DatabaseUrl m_url;
    UserSession m_session;
    QFutureWatcher<Result<models::DatabaseSummary>> m_watcher;
    std::shared_ptr<models::ConnectionPool> m_pool;
    models::views::SnapshotJobs *m_jobs = nullptr;
    models::views::ChangeListener *m_listener = nullptr;
    app::AnalysisController *m_analysis = nullptr;
    NotificationBell *m_bell = nullptr;
    QString m_guiConnection;
    QLabel *m_simulatedBanner = nullptr;
    DatabaseSummaryPanel *m_summary = nullptr;
    StatusPanel *m_status = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    HomePage *m_home = nullptr;
    QList<Page *> m_pages;
    QAction *m_darkTheme = nullptr;
    bool m_ready = false;
};

} // namespace cp::ui
