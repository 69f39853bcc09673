#pragma once

#include "viewcontext.h"

#include <QSet>
#include <QSqlDatabase>
#include <QStringList>
#include <QTimer>
#include <QWidget>

class QAbstractItemView;
class QLabel;

namespace cp::ui {

/**
 * Base of the main window's pages. A page loads its data off the GUI thread (load()), knows
 * which tables it shows (watchedTables()) so that changes announced on ChangeBus refresh it,
 * refreshes a hidden page only when it is shown again, and saves the state of its named
 * splitters and table headers.
 */
class Page : public QWidget
{
    Q_OBJECT

public:
    Page(const ViewContext &context, QWidget *parent = nullptr);

    //! The navigation entry's text.
    virtual QString title() const = 0;
    //! Tables whose changes make this page reload.
    virtual QStringList watchedTables() const = 0;

    //! A watched table changed (before scheduleRefresh); pages that cache reads drop them here.
    virtual void noteChange(const QString &table) { Q_UNUSED(table) }
    //! Reloads now when visible, otherwise when shown next.
    void refresh();
    //! Coalesces bursts of change events (an analysis writes hundreds of rows) into one reload.
    void scheduleRefresh();
    //! Called once the database is usable; before that a page shows nothing and loads nothing.
    void setDatabaseReady(bool ready);
    bool isLoading() const { return !m_pendingKeys.isEmpty(); }
    //! Number of completed refreshes (tests wait on it).
    int refreshCount() const { return m_refreshCount; }

    void saveState() const;
    void restoreState();

Q_SIGNALS:
    //! Every load of a refresh arrived.
    void refreshed();
    void loadFailed(const QString &message);

protected:
    //! Starts the page's loads (through load()).
    virtual void reload() = 0;

    /**
     * Runs `fn(QSqlDatabase) -> Result<T>` on a worker and `done(const T &)` here, unless a newer
     * load with the same key was started. Failures are shown in the page's message line.
     */
    template<typename T, typename Fn, typename Done>
    void load(const QString &key, Fn fn, Done done)
    {
        if (!m_context.jobs)
            return;
        // Only the newest load of a key reports back, so pending loads are counted by key.
        m_pendingKeys.insert(key);
        m_context.jobs->run<T>(objectName() + QLatin1Char('/') + key, this, std::move(fn),
                               [this, key, done = std::move(done)](const Result<T> &result) {
                                   if (result)
                                       done(*result);
                                   else
                                       showError(result.error());
                                   loadFinished(key);
                               });
    }

    const ViewContext &context() const { return m_context; }
    //! The GUI thread's connection; only for small reads and service writes.
    QSqlDatabase guiDatabase() const;
    //! A line under the page for errors and notices; hidden when empty.
    void showError(const QString &message);
    void showNotice(const QString &message);
    QLabel *messageLine() const { return m_message; }
    //! Adds the message line at the bottom of the page's layout (call after building it).
    void addMessageLine();

    void showEvent(QShowEvent *event) override;

private:
    void loadFinished(const QString &key);

    ViewContext m_context;
    QTimer m_refreshTimer;
    QLabel *m_message = nullptr;
    QSet<QString> m_pendingKeys;
    int m_refreshCount = 0;
    bool m_ready = false;
    bool m_stale = true;
    bool m_refreshing = false;
};

} // namespace cp::ui
