#include "peerstatuslabel.h"

#include <ui/theme.h>

#include <app/peer/peersync.h>

namespace cp::ui {

PeerStatusLabel::PeerStatusLabel(app::PeerSync *sync, QWidget *parent)
    : QLabel(parent)
    , m_sync(sync)
{
    setObjectName(QStringLiteral("peerStatus"));
    setAccessibleName(tr("Peer connection"));
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &PeerStatusLabel::refreshText);
    connect(sync, &app::PeerSync::stateChanged, this, &PeerStatusLabel::refreshText);
    connect(sync, &app::PeerSync::synced, this, &PeerStatusLabel::refreshText);
    refreshText();
}

void PeerStatusLabel::refreshText()
{
    if (!m_sync)
        return;
    const app::PeerSync::State state = m_sync->state();
    setText(m_sync->statusText());
    setToolTip(m_sync->lastError().isEmpty()
                   ? tr("Connected to %1").arg(m_sync->client()->base().toString())
                   : tr("%1: %2").arg(m_sync->client()->base().toString(), m_sync->lastError()));
    const bool healthy =
        state == app::PeerSync::State::Connected || state == app::PeerSync::State::Syncing;
    setStyleSheet(
        healthy ? QString()
                : QStringLiteral("color: %1;").arg(Theme::instance().colors().negative.name()));
    // The countdown needs a tick only while a retry is pending.
    if (state == app::PeerSync::State::Reconnecting)
        m_tick.start();
    else
        m_tick.stop();
}

} // namespace cp::ui
