#pragma once

#include <QLabel>

namespace cp::app::api {
class ServeController;
}

namespace cp::ui {

/**
 * The status bar's "Serve to peers" indicator: "Serving on 127.0.0.1:8600 (N clients)", or why
 * the server could not start (in the theme's error colour, so a port in use is not missed).
 * Hidden while serving is off and nothing failed.
 */
class ServeStatusLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ServeStatusLabel(app::api::ServeController *controller, QWidget *parent = nullptr);

private:
    void update();

    app::api::ServeController *m_controller;
};

} // namespace cp::ui
