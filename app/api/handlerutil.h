#pragma once

#include "apiresponse.h"

#include <engine/result.h>

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace cp::app::api {

/** Small adapters from reader results to answers, shared by the route groups. */
namespace HandlerUtil {

//! 200 with the row, 404 "no_data" with `missing` when there is none, 500 on a read error.
inline ApiResponse rowOr404(const Result<std::optional<QJsonObject>> &row, const QString &missing)
{
    if (!row)
        return ApiResponse::internalError(row.error());
    if (!row->has_value())
        return ApiResponse::error(404, QStringLiteral("no_data"), missing);
    return ApiResponse::json(**row);
}

inline ApiResponse object(const Result<QJsonObject> &result)
{
    if (!result)
        return ApiResponse::internalError(result.error());
    return ApiResponse::json(*result);
}

inline ApiResponse array(const Result<QJsonArray> &result)
{
    if (!result)
        return ApiResponse::internalError(result.error());
    return ApiResponse::json(*result);
}

//! Maps a write service's Result to its answer: `ok` on success, the refusal's status otherwise.
template<typename T, typename Ok>
ApiResponse fromService(const Result<T> &result, Ok &&ok)
{
    if (!result)
        return ApiResponse::serviceError(result.errorCode(), result.error());
    return ok(*result);
}

} // namespace HandlerUtil

} // namespace cp::app::api
