#pragma once

#include "apiresponse.h"
#include "paramspec.h"

#include <QMap>
#include <QStringList>

#include <functional>
#include <vector>

namespace cp::app::api {

class RequestContext;

/** Who may call a route. */
enum class Access {
    Public, //!< no token needed
    User,   //!< any signed-in user (per-user checks happen in the handler)
    Admin,  //!< admins only; others get 403
};

using RouteHandler = std::function<ApiResponse(RequestContext &context)>;

/** One endpoint: what it matches, who may call it, how it is validated, documented and run. */
struct Route
{
    QString method{};
    //! "/api/v1/layer2/sectors/{sector_id}"; placeholders ending in "id" match digits only.
    QString pattern{};
    Access access = Access::User;
    QString tag{};
    QString summary{};
    QList<ParamSpec> query{};
    QList<ParamSpec> body{};
    int successStatus = 200;
    /**
     * Tables the response is read from. When set, the serialised answer is kept and served
     * from memory until one of them changes (or a short age limit passes), so repeated reads
     * cost no query.
     */
    QStringList cacheTables{};
    //! Runs on the server thread (no database, e.g. the OpenAPI document).
    bool runInline = false;
    //! A WebSocket channel: documented here, served by the WebSocket hub.
    bool webSocket = false;
    RouteHandler handler{};

    QStringList segments{};
};

/** The result of matching a request against the route table. */
struct RouteMatch
{
    const Route *route = nullptr;
    QMap<QString, QString> params;
    //! When no route matched the method: the methods that the path does answer (for 405).
    QStringList allowedMethods;
};

/**
 * The route table. Qt HttpServer 6.4 has no 405 and no introspection, so requests are matched
 * here: one table gives the 404/405 distinction, the per-route checks and the OpenAPI document.
 */
class ApiRouter
{
public:
    void add(Route route);
    RouteMatch match(const QString &method, const QString &path) const;
    const std::vector<Route> &routes() const { return m_routes; }

private:
    std::vector<Route> m_routes;
};

} // namespace cp::app::api
