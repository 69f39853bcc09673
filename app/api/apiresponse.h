#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>
#include <QPair>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcApi)

namespace cp::app::api {

/**
 * An HTTP answer as a value: status, serialised body and extra headers. Bodies are serialised
 * once, where the response is made, so a cached response is written as bytes.
 */
struct ApiResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QList<QPair<QByteArray, QByteArray>> headers;

    static ApiResponse json(const QJsonObject &object, int status = 200);
    static ApiResponse json(const QJsonArray &array, int status = 200);
    static ApiResponse noContent();
    /**
     * {"error": {"code", "message"}} with a status; `fields` (field -> sentence) is added for 422
     * answers so a client can show each message next to its input.
     */
    static ApiResponse error(int status, const QString &code, const QString &message,
                             const QJsonObject &fields = {});
    //! Maps a write service's refusal (models::ServiceError as int) to its status and code.
    static ApiResponse serviceError(int serviceErrorCode, const QString &message);

    static ApiResponse badRequest(const QString &message);
    static ApiResponse notFound(const QString &message);
    static ApiResponse forbidden(const QString &message);
    static ApiResponse unprocessable(const QString &message, const QJsonObject &fields = {});
    static ApiResponse internalError(const QString &message);

    bool isSuccess() const { return status >= 200 && status < 300; }
};

} // namespace cp::app::api
