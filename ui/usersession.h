#pragma once

#include <models/userrepository.h>

#include <QCoreApplication>
#include <QString>

namespace cp::ui {

/** Who uses this window and what they may do; decides which pages and actions exist. */
struct UserSession
{
    //! users.id; 0 for the guest session of a window nobody signed in to.
    int userId = 0;
    QString email;
    models::Role role = models::Role::Casual;

    bool isAdmin() const { return role == models::Role::Admin; }
    bool isSignedIn() const { return userId > 0; }
    //! "Guest" or the e-mail address.
    QString displayName() const
    {
        return isSignedIn() ? email : QCoreApplication::translate("cp::ui", "Guest");
    }
};

} // namespace cp::ui
