#include "signin.h"

#include <app/passwordhasher.h>
#include <models/connection.h>
#include <models/migrator.h>
#include <models/userrepository.h>

#include <QCoreApplication>

namespace cp::ui::SignIn {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cp::ui::SignIn", text);
}

template<typename T, typename Work>
Result<T> withDatabase(const models::DatabaseUrl &url, Work work)
{
    return models::withConnection(
        url, QStringLiteral("cp-signin"), [&](QSqlDatabase db) -> Result<T> {
            if (const Result<int> migrated = models::Migrator(db).migrate(); !migrated)
                return Result<T>::failure(migrated.error());
            return work(db);
        });
}

} // namespace

Result<bool> needsFirstAdmin(const models::DatabaseUrl &url)
{
    return withDatabase<bool>(url, [](QSqlDatabase db) { return needsFirstAdmin(db); });
}

Result<UserSession> signIn(const models::DatabaseUrl &url, const QString &email,
                           const QString &password, bool firstAdmin)
{
    return withDatabase<UserSession>(url, [&](QSqlDatabase db) {
        return firstAdmin ? createFirstAdmin(db, email, password)
                          : authenticate(db, email, password);
    });
}

Result<UserSession> authenticate(QSqlDatabase db, const QString &email, const QString &password)
{
    const Result<std::optional<models::UserRecord>> user =
        models::UserRepository(db).findByEmail(email.trimmed());
    if (!user)
        return Result<UserSession>::failure(user.error());
    // One answer for an unknown address, a wrong password and an account without one.
    const QString refused = tr("The e-mail address or password is not correct.");
    if (!user->has_value() || (*user)->passwordHash.isEmpty() ||
        !app::PasswordHasher::verify(password, (*user)->passwordHash))
        return Result<UserSession>::failure(refused);
    if (!(*user)->isActive)
        return Result<UserSession>::failure(tr("This account is disabled; ask an admin."));
    UserSession session;
    session.userId = (*user)->id;
    session.email = (*user)->email;
    session.role = (*user)->role;
    return session;
}

Result<bool> needsFirstAdmin(QSqlDatabase db)
{
    const Result<int> admins = models::UserRepository(db).countAdmins();
    if (!admins)
        return Result<bool>::failure(admins.error());
    return *admins == 0;
}

Result<UserSession> createFirstAdmin(QSqlDatabase db, const QString &email, const QString &password)
{
    const Result<bool> first = needsFirstAdmin(db);
    if (!first)
        return Result<UserSession>::failure(first.error());
    if (!*first)
        return Result<UserSession>::failure(
            tr("This database already has an admin; sign in instead."));
    if (!email.contains(QLatin1Char('@')))
        return Result<UserSession>::failure(tr("Enter an e-mail address."));
    if (const std::optional<QString> weak = app::PasswordHasher::weakness(password))
        return Result<UserSession>::failure(*weak);
    const Result<QString> hash = app::PasswordHasher::hash(password);
    if (!hash)
        return Result<UserSession>::failure(hash.error());
    const Result<int> id =
        models::UserRepository(db).add(email.trimmed(), models::Role::Admin, *hash);
    if (!id)
        return Result<UserSession>::failure(id.error());
    UserSession session;
    session.userId = *id;
    session.email = email.trimmed();
    session.role = models::Role::Admin;
    return session;
}

} // namespace cp::ui::SignIn
