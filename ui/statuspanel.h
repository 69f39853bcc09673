#pragma once

#include "usersession.h"

#include <QDateTime>
#include <QObject>

class QLabel;
class QProgressBar;
class QStatusBar;
class QToolButton;

namespace cp::ui {

/**
 * The main window's status bar: database location, signed-in user and role, time of the last
 * analysis, the engine's progress with a cancel button, and the live-connection state.
 */
class StatusPanel : public QObject
{
    Q_OBJECT

public:
    StatusPanel(QStatusBar *bar, QObject *parent = nullptr);

    void setDatabase(const QString &where);
    void setUser(const UserSession &session);
    void setLastAnalysis(const QDateTime &time);
    //! Connecting..., Connected, Not connected; `live` adds how changes arrive.
    void setConnection(const QString &state, const QString &live = {});
    //! Shows the progress bar (total 0 = busy indicator).
    void setEngineProgress(int done, int total, const QString &what);
    void hideEngineProgress();

Q_SIGNALS:
    void engineCancelRequested();

private:
    QLabel *m_database = nullptr;
    QLabel *m_user = nullptr;
    QLabel *m_lastAnalysis = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
    QLabel *m_connection = nullptr;
};

} // namespace cp::ui
