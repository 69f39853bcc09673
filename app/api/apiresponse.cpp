#include "apiresponse.h"

#include <models/serviceerror.h>

#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcApi, "cryptopredict.app.api", QtWarningMsg)

namespace cp::app::api {

ApiResponse ApiResponse::json(const QJsonObject &object, int status)
{
    ApiResponse response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

ApiResponse ApiResponse::json(const QJsonArray &array, int status)
{
    ApiResponse response;
    response.status = status;
    response.body = QJsonDocument(array).toJson(QJsonDocument::Compact);
    return response;
}

ApiResponse ApiResponse::noContent()
{
    ApiResponse response;
    response.status = 204;
    response.contentType.clear();
    return response;
}

ApiResponse ApiResponse::error(int status, const QString &code, const QString &message,
                               const QJsonObject &fields)
{
    QJsonObject error{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!fields.isEmpty())
        error.insert(QStringLiteral("fields"), fields);
    return json(QJsonObject{{QStringLiteral("error"), error}}, status);
}

ApiResponse ApiResponse::serviceError(int serviceErrorCode, const QString &message)
{
    using models::ServiceError;
    switch (static_cast<ServiceError>(serviceErrorCode)) {
    case ServiceError::NotFound:
        return notFound(message);
    case ServiceError::Conflict:
        return error(409, QStringLiteral("conflict"), message);
    case ServiceError::LimitExceeded:
        return error(422, QStringLiteral("limit_exceeded"), message);
    case ServiceError::Invalid:
        return unprocessable(message);
    case ServiceError::Forbidden:
        return forbidden(message);
    case ServiceError::None:
    case ServiceError::Database:
        break;
    }
    return internalError(message);
}

ApiResponse ApiResponse::badRequest(const QString &message)
{
    return error(400, QStringLiteral("bad_request"), message);
}

ApiResponse ApiResponse::notFound(const QString &message)
{
    return error(404, QStringLiteral("not_found"), message);
}

ApiResponse ApiResponse::forbidden(const QString &message)
{
    return error(403, QStringLiteral("forbidden"), message);
}

ApiResponse ApiResponse::unprocessable(const QString &message, const QJsonObject &fields)
{
    return error(422, QStringLiteral("validation_failed"), message, fields);
}

ApiResponse ApiResponse::internalError(const QString &message)
{
    // Database errors name tables and values: they go to the server's log, not to the peer.
    qCWarning(lcApi, "500: %s", qUtf8Printable(message));
    return error(500, QStringLiteral("internal_error"),
                 QStringLiteral("The server could not complete the request; its log has the "
                                "details."));
}

} // namespace cp::app::api
