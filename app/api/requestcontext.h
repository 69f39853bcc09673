#pragma once

#include "apirequest.h"
#include "apiresponse.h"

#include <models/changeevent.h>

#include <QJsonObject>
#include <QSqlDatabase>
#include <QVariantMap>

#include <vector>

namespace cp::app::api {

class ApiServices;
struct Route;

/**
 * What a handler gets: the request with its validated parameters, the worker thread's database
 * connection and the server's shared services.
 */
class RequestContext
{
public:
    RequestContext(const ApiRequest &request, const Route &route, QSqlDatabase db,
                   ApiServices &services, QVariantMap query, QJsonObject body);

    const ApiRequest &request() const { return m_request; }
    const Route &route() const { return m_route; }
    QSqlDatabase db() const { return m_db; }
    ApiServices &services() const { return m_services; }

    //! The caller; only valid on routes that are not Access::Public.
    const Principal &principal() const { return *m_request.principal; }
    bool isAdmin() const { return m_request.principal && m_request.principal->isAdmin(); }

    //! A numeric path placeholder ({signal_id}); the router only matches digits for these.
    int pathId(const QString &name) const;
    QString pathText(const QString &name) const { return m_request.pathParams.value(name); }

    //! Validated query values (with defaults applied); invalid QVariant when absent.
    QVariant query(const QString &name) const { return m_query.value(name); }
    qint64 queryInt(const QString &name, qint64 fallback = 0) const;
    double queryNumber(const QString &name, double fallback = 0.0) const;
    QString queryText(const QString &name) const { return m_query.value(name).toString(); }
    bool hasQuery(const QString &name) const { return m_query.contains(name); }

    //! The validated JSON body (only the route's declared fields).
    const QJsonObject &body() const { return m_body; }

    /**
     * 403 unless the caller is `userId` or an admin: a user reads and changes only their own
     * executions, notifications and dashboard.
     */
    std::optional<ApiResponse> refuseOtherUser(int userId) const;

    //! Announces committed writes (ChangeBus: in-process signal and PostgreSQL NOTIFY).
    void publish(const std::vector<models::ChangeEvent> &events) const;

private:
    const ApiRequest &m_request;
    const Route &m_route;
    QSqlDatabase m_db;
    ApiServices &m_services;
    QVariantMap m_query;
    QJsonObject m_body;
};

} // namespace cp::app::api
