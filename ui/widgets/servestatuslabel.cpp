#include "servestatuslabel.h"

#include <app/api/servecontroller.h>

namespace cp::ui {

ServeStatusLabel::ServeStatusLabel(app::api::ServeController *controller, QWidget *parent)
    : QLabel(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("serveStatus"));
    setAccessibleName(tr("Serve to peers"));
    connect(controller, &app::api::ServeController::statusChanged, this, &ServeStatusLabel::update);
    update();
}

void ServeStatusLabel::update()
{
    using State = app::api::ServeController::State;
    const State state = m_controller->state();
    setText(m_controller->statusText());
    const bool failed = state == State::Failed;
    // Colour is not the only cue: the text itself says "Cannot serve".
    setStyleSheet(failed ? QStringLiteral("QLabel { color: #C0392B; font-weight: bold; }")
                         : QString());
    setToolTip(failed ? m_controller->error()
               : state == State::Serving
                   ? tr("Other CryptoPredict desktops can use %1 as their data source.")
                         .arg(m_controller->url().toString())
                   : QString());
    setVisible(state != State::Stopped);
}

} // namespace cp::ui
