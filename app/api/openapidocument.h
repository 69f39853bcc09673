#pragma once

#include <QJsonObject>

namespace cp::app::api {

class ApiRouter;

/**
 * The OpenAPI 3 document of the routes the server has: paths, methods, parameters with their
 * types and ranges, request bodies (additionalProperties false, as the server refuses unknown
 * fields), responses and bearer security. Built from the route table, so it lists exactly what
 * is served.
 */
namespace OpenApiDocument {

QJsonObject build(const ApiRouter &router);

} // namespace OpenApiDocument

} // namespace cp::app::api
