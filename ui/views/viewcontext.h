#pragma once

#include <ui/usersession.h>

#include <app/peer/viewactions.h>
#include <models/views/snapshotjobs.h>

#include <QString>

#include <memory>

namespace cp::ui {

/** What every page needs: where to load from, who is looking, the GUI thread's connection. */
struct ViewContext
{
    models::views::SnapshotJobs *jobs = nullptr;
    UserSession session;
    //! Name of the GUI thread's connection (small editable tables, writes through services).
    QString guiConnection;
    //! Where writes go when the data is a peer's (peer mode); null: the services on guiConnection.
    std::shared_ptr<app::ViewActions> actions;
};

} // namespace cp::ui
