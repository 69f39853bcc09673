#include "requestcontext.h"

#include <models/changebus.h>

namespace cp::app::api {

RequestContext::RequestContext(const ApiRequest &request, const Route &route, QSqlDatabase db,
                               ApiServices &services, QVariantMap query, QJsonObject body)
    : m_request(request)
    , m_route(route)
    , m_db(std::move(db))
    , m_services(services)
    , m_query(std::move(query))
    , m_body(std::move(body))
{
}

int RequestContext::pathId(const QString &name) const
{
    return m_request.pathParams.value(name).toInt();
}

qint64 RequestContext::queryInt(const QString &name, qint64 fallback) const
{
    const QVariant value = m_query.value(name);
    return value.isValid() ? value.toLongLong() : fallback;
}

double RequestContext::queryNumber(const QString &name, double fallback) const
{
    const QVariant value = m_query.value(name);
    return value.isValid() ? value.toDouble() : fallback;
}

std::optional<ApiResponse> RequestContext::refuseOtherUser(int userId) const
{
    if (!m_request.principal)
        return ApiResponse::error(401, QStringLiteral("unauthorized"),
                                  QStringLiteral("Sign in first."));
    if (m_request.principal->userId == userId || m_request.principal->isAdmin())
        return std::nullopt;
    return ApiResponse::forbidden(
        QStringLiteral("You can only see and change your own data (user %1 is someone else).")
            .arg(userId));
}

void RequestContext::publish(const std::vector<models::ChangeEvent> &events) const
{
    if (!events.empty())
        models::ChangeBus::instance().publish(m_db, events);
}

} // namespace cp::app::api
