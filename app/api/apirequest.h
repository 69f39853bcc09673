#pragma once

#include <models/userrepository.h>

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace cp::app::api {

/** Who is calling: the user behind a valid bearer token. */
struct Principal
{
    int userId = 0;
    QString email;
    models::Role role = models::Role::Casual;
    //! SHA-256 (hex) of the bearer token, to revoke it at logout.
    QString tokenHash;
    QDateTime expiresAt;

    bool isAdmin() const { return role == models::Role::Admin; }
};

/**
 * What a handler needs of an HTTP request, copied out of Qt HttpServer's objects on the server
 * thread so that the handler can run on a worker thread after the socket has moved on.
 */
struct ApiRequest
{
    //! GET, POST, DELETE, ... as sent.
    QString method;
    QString path;
    QUrlQuery query;
    QByteArray body;
    QByteArray authorization;
    QByteArray userAgent;
    QString remoteAddress;
    //! Values of the pattern's {placeholders}.
    QMap<QString, QString> pathParams;
    std::optional<Principal> principal;
};

} // namespace cp::app::api
