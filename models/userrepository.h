#pragma once

#include <engine/result.h>

#include <QSqlDatabase>

#include <optional>

namespace cp::models {

/** users.role: what a person may see and do. */
enum class Role { Admin, Professional, Casual };

QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name);

/** A row of users, without the columns nobody reads. */
struct UserRecord
{
    int id = 0;
    QString email;
    QString passwordHash;
    QString firstName;
    QString lastName;
    Role role = Role::Casual;
    bool isActive = true;
};

/** Reads and writes users. Password hashing happens above this layer; only hashes come here. */
class UserRepository
{
public:
    explicit UserRepository(QSqlDatabase db);

    //! Inserts a user; a duplicate email is refused with a sentence naming it.
    Result<int> add(const QString &email, Role role, const QString &passwordHash);
    Result<std::optional<UserRecord>> findByEmail(const QString &email) const;
    Result<int> countAdmins() const;

private:
    QSqlDatabase m_db;
};

} // namespace cp::models
