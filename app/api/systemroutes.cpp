#include "apirouter.h"
#include "apiservices.h"
#include "requestcontext.h"
#include "routes.h"

#include <app/passwordhasher.h>
#include <models/api/activityrepository.h>
#include <models/connection.h>
#include <models/migrator.h>
#include <models/userrepository.h>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>

namespace cp::app::api {

namespace {

ApiResponse health(RequestContext &context)
{
    QSqlQuery query(context.db());
    const bool databaseOk = query.exec(QStringLiteral("SELECT 1")) && query.next();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString dialect = models::dialectOf(context.db()) == models::Dialect::PostgreSQL
                                ? QStringLiteral("postgresql")
                                : QStringLiteral("sqlite");
    // Desktops showing this server's data (peer mode) label simulated demo data as such.
    QSqlQuery simulated(context.db());
    const bool isSimulated =
        databaseOk &&
        simulated.exec(QStringLiteral("SELECT 1 FROM cryptocurrencies WHERE is_simulated = %1"
                                      " LIMIT 1")
                           .arg(dialect == QLatin1String("postgresql") ? QStringLiteral("true")
                                                                       : QStringLiteral("1"))) &&
        simulated.next();
    return ApiResponse::json(
        QJsonObject{
            {QStringLiteral("status"),
             databaseOk ? QStringLiteral("ok") : QStringLiteral("degraded")},
            {QStringLiteral("version"), QCoreApplication::applicationVersion()},
            {QStringLiteral("database"),
             QJsonObject{{QStringLiteral("dialect"), dialect},
                         {QStringLiteral("status"),
                          databaseOk ? QStringLiteral("ok") : QStringLiteral("unreachable")}}},
            {QStringLiteral("simulated"), isSimulated},
            {QStringLiteral("uptime_seconds"), context.services().startedAt.secsTo(now)},
            {QStringLiteral("time"), now.toString(Qt::ISODate)}},
        databaseOk ? 200 : 503);
}

ApiResponse openApi(RequestContext &context)
{
    ApiResponse response;
    response.body = context.services().openApiDocument;
    return response;
}

//! Checking a password against a real hash when the email is unknown takes as long as for a
//! known one, so response times do not reveal which emails have accounts.
const QString &decoyHash()
{
    static const QString hash =
        PasswordHasher::hash(QStringLiteral("decoy-password-never-used")).value();
    return hash;
}

ApiResponse login(RequestContext &context)
{
    // Accounts are created with lower-case emails (user add), so sign-in ignores case.
    const QString email =
        context.body().value(QStringLiteral("email")).toString().trimmed().toLower();
    const QString password = context.body().value(QStringLiteral("password")).toString();
    const QString address = context.request().remoteAddress;
    LoginRateLimiter &limiter = context.services().loginLimiter;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (const std::optional<qint64> wait = limiter.retryAfter(email, address, now)) {
        ApiResponse response = ApiResponse::error(
            429, QStringLiteral("rate_limited"),
            QStringLiteral("Too many failed sign-ins; try again in %1 seconds.").arg(*wait));
        response.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(*wait)});
        return response;
    }
    const auto found = models::UserRepository(context.db()).findByEmail(email);
    if (!found)
        return ApiResponse::internalError(found.error());
    const std::optional<models::UserRecord> &user = *found;
    const bool usable = user && user->isActive && !user->passwordHash.isEmpty();
    const bool verified =
        PasswordHasher::verify(password, usable ? user->passwordHash : decoyHash());
    if (!usable || !verified) {
        limiter.recordFailure(email, address, now);
        return ApiResponse::error(401, QStringLiteral("invalid_credentials"),
                                  QStringLiteral("The email or password is wrong."));
    }
    limiter.recordSuccess(email, address);
    const Result<TokenService::Issued> issued =
        context.services().tokens.issue(context.db(), *user);
    if (!issued)
        return ApiResponse::internalError(issued.error());
    const Result<models::ChangeEvent> activity =
        models::ActivityRepository(context.db())
            .recordLogin(user->id, address, QString::fromUtf8(context.request().userAgent));
    if (activity)
        context.publish({*activity});
    return ApiResponse::json(
        QJsonObject{{QStringLiteral("access_token"), issued->token},
                    {QStringLiteral("token_type"), QStringLiteral("bearer")},
                    {QStringLiteral("expires_at"), issued->expiresAt.toString(Qt::ISODate)},
                    {QStringLiteral("expires_in"), now.secsTo(issued->expiresAt)},
                    {QStringLiteral("user"),
                     QJsonObject{{QStringLiteral("id"), user->id},
                                 {QStringLiteral("email"), user->email},
                                 {QStringLiteral("role"), models::roleName(user->role)}}}});
}

ApiResponse logout(RequestContext &context)
{
    const Result<bool> revoked = context.services().tokens.revoke(
        context.db(), context.principal().tokenHash, QDateTime::currentDateTimeUtc());
    if (!revoked)
        return ApiResponse::internalError(revoked.error());
    return ApiResponse::json(QJsonObject{{QStringLiteral("revoked"), *revoked}});
}

ApiResponse me(RequestContext &context)
{
    const Principal &principal = context.principal();
    return ApiResponse::json(
        QJsonObject{{QStringLiteral("id"), principal.userId},
                    {QStringLiteral("email"), principal.email},
                    {QStringLiteral("role"), models::roleName(principal.role)},
                    {QStringLiteral("expires_at"), principal.expiresAt.toString(Qt::ISODate)}});
}

} // namespace

void addSystemRoutes(ApiRouter &router)
{
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/health"),
                .access = Access::Public,
                .tag = QStringLiteral("system"),
                .summary = QStringLiteral("Liveness and database reachability (no token); "
                                          "simulated tells whether the data is simulated demo "
                                          "data."),
                .handler = health});
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/openapi.json"),
                .access = Access::Public,
                .tag = QStringLiteral("system"),
                .summary = QStringLiteral("This API as an OpenAPI 3 document."),
                .runInline = true,
                .handler = openApi});
    router.add({.method = QStringLiteral("POST"),
                .pattern = QStringLiteral("/api/v1/auth/login"),
                .access = Access::Public,
                .tag = QStringLiteral("auth"),
                .summary = QStringLiteral("Exchange an email and password for a bearer token. "
                                          "Repeated failures are answered with 429."),
                .body = {{.name = QStringLiteral("email"),
                          .type = ParamType::String,
                          .required = true,
                          .maxLength = 255},
                         {.name = QStringLiteral("password"),
                          .type = ParamType::String,
                          .required = true,
                          .maxLength = 4096}},
                .handler = login});
    router.add({.method = QStringLiteral("POST"),
                .pattern = QStringLiteral("/api/v1/auth/logout"),
                .access = Access::User,
                .tag = QStringLiteral("auth"),
                .summary = QStringLiteral("Revoke the bearer token of this request."),
                .handler = logout});
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/auth/me"),
                .access = Access::User,
                .tag = QStringLiteral("auth"),
                .summary = QStringLiteral("The signed-in user of this token."),
                .runInline = true,
                .handler = me});
}

void addAllRoutes(ApiRouter &router)
{
    addSystemRoutes(router);
    addLayer1Routes(router);
    addLayer2Routes(router);
    addLayer3Routes(router);
    addLayer4Routes(router);
    addAssetRoutes(router);
    addPredictionRoutes(router);
    addAdminRoutes(router);
    addUiRoutes(router);
    addWebSocketRoutes(router);
}

} // namespace cp::app::api
