#pragma once

#include "usersession.h"

#include <app/settings/appsettings.h>
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
class ViewActions;
namespace api {
class ServeController;
}
namespace marketdata {
class MarketDataService;
}
} // namespace cp::app

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
    //! Peer mode: `url` is the local copy of a peer's data, writes go through `actions`.
    MainWindow(models::DatabaseUrl url, UserSession session,
               std::shared_ptr<app::ViewActions> actions, QWidget *parent = nullptr);
    ~MainWindow() override;

    //! Starts (or restarts) opening the database on a worker thread.
    void connectDatabase();
    //! Names the data source in the status bar instead of the database (peer mode: the peer).
    void setDatabaseDescription(const QString &where);

    const UserSession &session() const { return m_session; }
    //! The page with that object name (e.g. "signalsPage"), or null when the role hides it.
    Page *page(const QString &objectName) const;
    QList<Page *> pages() const { return m_pages; }
    //! Shows a page by object name; false when there is no such page for this user.
    bool showPage(const QString &objectName);
    StatusPanel *statusPanel() const { return m_status; }
    //! Runs the engine off the GUI thread (admins only, else null).
    app::AnalysisController *analysisController() const { return m_analysis; }
    //! "Serve to peers": the in-process API server (null in peer mode). Call apply() after
    //! changing AppSettings::serve (the Settings dialog); the Server menu's toggle does so itself.
    app::api::ServeController *serveController() const { return m_serve; }

Q_SIGNALS:
    //! The database was opened and summarised (ok) or could not be (error shown in the window).
    void databaseReady(bool ok);
    //! The settings dialog stored new settings (services that depend on them react).
    void settingsChanged(const cp::app::AppSettings &settings);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildPages();
    void buildMenus();
    void buildAnalysisMenu();
    void buildServerMenu();
    void addPage(Page *page);
    void showSummary(const Result<models::DatabaseSummary> &summary);
    void openGuiConnection();
    void routeChange(const models::ChangeEvent &event);
    void refreshLastAnalysis();
    void setDarkTheme(bool dark);
    //! File > Settings: the settings dialog, non-modal, deleted when closed.
    void openSettings();
    void restoreWindowState();
    void saveWindowState() const;

    models::DatabaseUrl m_url;
    QString m_databaseDescription;
    UserSession m_session;
    std::shared_ptr<app::ViewActions> m_actions;
    QFutureWatcher<Result<models::DatabaseSummary>> m_watcher;
    std::shared_ptr<models::ConnectionPool> m_pool;
    models::views::SnapshotJobs *m_jobs = nullptr;
    models::views::ChangeListener *m_listener = nullptr;
    app::AnalysisController *m_analysis = nullptr;
    app::api::ServeController *m_serve = nullptr;
    app::marketdata::MarketDataService *m_marketData = nullptr;
    QAction *m_serveAction = nullptr;
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
