#pragma once

#include <QLabel>
#include <QPointer>
#include <QTimer>

namespace cp::app {
class PeerSync;
}

namespace cp::ui {

/**
 * The status bar's peer indicator: "Peer: connected", "reconnecting in 4 s (showing data from
 * 14:02)", "sign in again"; counts down while a reconnect is pending.
 */
class PeerStatusLabel : public QLabel
{
    Q_OBJECT

public:
    explicit PeerStatusLabel(app::PeerSync *sync, QWidget *parent = nullptr);

private:
    void refreshText();

    QPointer<app::PeerSync> m_sync;
    QTimer m_tick;
};

} // namespace cp::ui
