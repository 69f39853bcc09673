#pragma once

#include <models/databaseurl.h>

class QWidget;

namespace cp::app {
class CredentialStore;
}

namespace cp::ui {

/**
 * Where the desktop's PostgreSQL password comes from at start-up: the URL itself, PGPASSWORD,
 * the OS keychain, or (when there is no keychain) the user, asked each time and kept in memory.
 */
namespace DatabasePassword {

/**
 * Fills url.password for a PostgreSQL URL that has none. Reads the keychain in a local event
 * loop (before any window is up); a missing entry leaves the password empty (libpq may still use
 * ~/.pgpass or trust). Without a keychain it asks, saying why. False when the user cancelled.
 */
bool obtain(models::DatabaseUrl &url, app::CredentialStore &store, QWidget *parent = nullptr);

} // namespace DatabasePassword

} // namespace cp::ui
