#pragma once

#include <models/changeevent.h>

#include <engine/result.h>

#include <QJsonObject>
#include <QSqlDatabase>

namespace cp::models {

/** user_activities written by the API itself (logins, retrain requests), outside the services. */
class ActivityRepository
{
public:
    explicit ActivityRepository(QSqlDatabase db);

    //! Inserts one activity; returns its change event to publish.
    Result<ChangeEvent> log(int userId, const QString &activityType, const QJsonObject &data,
                            const QString &ipAddress, const QString &userAgent);
    //! A login: users.last_login and a 'login' activity, in one transaction.
    Result<ChangeEvent> recordLogin(int userId, const QString &ipAddress, const QString &userAgent);

private:
    QSqlDatabase m_db;
};

} // namespace cp::models
