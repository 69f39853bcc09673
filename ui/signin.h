#pragma once

#include "usersession.h"

#include <models/databaseurl.h>

#include <QSqlDatabase>

namespace cp::ui {

/**
 * Who may use the desktop: checks an e-mail address and password against users (argon2id
 * hashes), and creates the first admin of a database that has none. Blocking (hashing takes a
 * noticeable fraction of a second): call it on a worker thread.
 */
namespace SignIn {

//! The session for valid credentials; one sentence that does not reveal which part was wrong.
Result<UserSession> authenticate(QSqlDatabase db, const QString &email, const QString &password);

//! True when the database has no admin yet (the first run).
Result<bool> needsFirstAdmin(QSqlDatabase db);

//! Creates the first admin (refused once one exists, or for a weak password) and signs them in.
Result<UserSession> createFirstAdmin(QSqlDatabase db, const QString &email,
                                     const QString &password);

// The dialog's worker calls these: each opens `url` on a connection of the calling thread,
// brings the schema up to date, does its work and closes the connection again.

//! needsFirstAdmin() on a database given by URL.
Result<bool> needsFirstAdmin(const models::DatabaseUrl &url);
//! createFirstAdmin() when `firstAdmin`, else authenticate(), on a database given by URL.
Result<UserSession> signIn(const models::DatabaseUrl &url, const QString &email,
                           const QString &password, bool firstAdmin);

} // namespace SignIn

} // namespace cp::ui
