#include "userrepository.h"

#include "sqlerrors.h"

#include <QSqlQuery>
#include <QVariant>

namespace cp::models {

QString roleName(Role role)
{
    switch (role) {
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Professional:
        return QStringLiteral("professional");
    case Role::Casual:
        break;
    }
    return QStringLiteral("casual");
}

std::optional<Role> roleFromName(const QString &name)
{
    for (Role role : {Role::Admin, Role::Professional, Role::Casual}) {
        if (roleName(role) == name)
            return role;
    }
    return std::nullopt;
}

UserRepository::UserRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<int> UserRepository::add(const QString &email, Role role, const QString &passwordHash)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO users (email, password_hash, role, is_active)"
                                 " VALUES (?, ?, ?, ?) RETURNING id"));
    query.addBindValue(email);
    query.addBindValue(passwordHash);
    query.addBindValue(roleName(role));
    query.addBindValue(true);
    if (!query.exec() || !query.next()) {
        if (isUniqueViolation(query.lastError()))
            return Result<int>::failure(
                QStringLiteral("A user with the email %1 already exists.").arg(email));
        return Result<int>::failure(
            QStringLiteral("Could not add the user %1: %2").arg(email, query.lastError().text()));
    }
    return query.value(0).toInt();
}

Result<std::optional<UserRecord>> UserRepository::findByEmail(const QString &email) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT id, email, password_hash, first_name, last_name, role,"
                                 " is_active FROM users WHERE email = ?"));
    query.addBindValue(email);
    if (!query.exec()) {
        return Result<std::optional<UserRecord>>::failure(
            QStringLiteral("Could not read users: %1").arg(query.lastError().text()));
    }
    if (!query.next())
        return std::optional<UserRecord>();
    UserRecord user;
    user.id = query.value(0).toInt();
    user.email = query.value(1).toString();
    user.passwordHash = query.value(2).toString();
    user.firstName = query.value(3).toString();
    user.lastName = query.value(4).toString();
    user.role = roleFromName(query.value(5).toString()).value_or(Role::Casual);
    user.isActive = query.value(6).toBool();
    return std::optional<UserRecord>(user);
}

Result<int> UserRepository::countAdmins() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM users WHERE role = 'admin'")) ||
        !query.next()) {
        return Result<int>::failure(
            QStringLiteral("Could not read users: %1").arg(query.lastError().text()));
    }
    return query.value(0).toInt();
}

} // namespace cp::models
