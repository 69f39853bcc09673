#pragma once

#include <models/databasesummary.h>
#include <models/databaseurl.h>

#include <QFutureWatcher>
#include <QMainWindow>

class QLabel;

namespace cp::ui {

/**
 * The application window. Opens the database off the GUI thread and shows where it is, whether
 * it is connected, what it holds, and a banner whenever the data is simulated.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(models::DatabaseUrl url, QWidget *parent = nullptr);
    ~MainWindow() override;

    //! Starts (or restarts) opening the database on a worker thread.
    void connectDatabase();

Q_SIGNALS:
    //! The database was opened and summarised (ok) or could not be (error shown in the window).
    void databaseReady(bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void showSummary(const Result<models::DatabaseSummary> &summary);
    void restoreWindowState();

    models::DatabaseUrl m_url;
    QFutureWatcher<Result<models::DatabaseSummary>> m_watcher;
    QLabel *m_simulatedBanner = nullptr;
    QLabel *m_connectionState = nullptr;
    QLabel *m_databaseLocation = nullptr;
    QLabel *m_schemaVersion = nullptr;
    QLabel *m_assets = nullptr;
    QLabel *m_priceRows = nullptr;
    QLabel *m_latestPrice = nullptr;
    QLabel *m_statusDatabase = nullptr;
    QLabel *m_statusConnection = nullptr;
};

} // namespace cp::ui
