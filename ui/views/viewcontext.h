#pragma once

#include <ui/usersession.h>

#include <models/views/snapshotjobs.h>

#include <QString>

namespace cp::ui {

/** What every page needs: where to load from, who is looking, the GUI thread's connection. */
struct ViewContext
{
    models::views::SnapshotJobs *jobs = nullptr;
    UserSession session;
    //! Name of the GUI thread's connection (small editable tables, writes through services).
    QString guiConnection;
};

} // namespace cp::ui
