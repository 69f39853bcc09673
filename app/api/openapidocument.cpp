#include "openapidocument.h"

#include "apirouter.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace cp::app::api {

namespace OpenApiDocument {

namespace {

QJsonObject schemaOf(const ParamSpec &spec, bool inQuery)
{
    QJsonObject schema;
    switch (spec.type) {
    case ParamType::Integer:
        schema.insert(QStringLiteral("type"), QStringLiteral("integer"));
        break;
    case ParamType::Number:
        schema.insert(QStringLiteral("type"), QStringLiteral("number"));
        break;
    case ParamType::Boolean:
        schema.insert(QStringLiteral("type"), QStringLiteral("boolean"));
        break;
    case ParamType::Object:
        schema.insert(QStringLiteral("type"), QStringLiteral("object"));
        break;
    case ParamType::Days:
        schema.insert(QStringLiteral("type"), QStringLiteral("string"));
        schema.insert(QStringLiteral("pattern"), QStringLiteral("^[0-9]+d?$"));
        break;
    case ParamType::IntegerList:
        if (inQuery) {
            schema.insert(QStringLiteral("type"), QStringLiteral("string"));
            schema.insert(QStringLiteral("pattern"), QStringLiteral("^[0-9]+(,[0-9]+)*$"));
        } else {
            QJsonObject items{{QStringLiteral("type"), QStringLiteral("integer")}};
            if (spec.minimum)
                items.insert(QStringLiteral("minimum"), *spec.minimum);
            schema.insert(QStringLiteral("type"), QStringLiteral("array"));
            schema.insert(QStringLiteral("items"), items);
            schema.insert(QStringLiteral("minItems"), 1);
            if (spec.maxLength > 0)
                schema.insert(QStringLiteral("maxItems"), spec.maxLength);
        }
        break;
    case ParamType::String:
        schema.insert(QStringLiteral("type"), QStringLiteral("string"));
        if (!spec.choices.isEmpty())
            schema.insert(QStringLiteral("enum"), QJsonArray::fromStringList(spec.choices));
        if (spec.maxLength > 0)
            schema.insert(QStringLiteral("maxLength"), spec.maxLength);
        break;
    }
    const bool numeric = spec.type == ParamType::Integer || spec.type == ParamType::Number;
    if (numeric && spec.minimum)
        schema.insert(QStringLiteral("minimum"), *spec.minimum);
    if (numeric && spec.maximum && !spec.capAtMaximum)
        schema.insert(QStringLiteral("maximum"), *spec.maximum);
    if (spec.defaultValue.isValid())
        schema.insert(QStringLiteral("default"), QJsonValue::fromVariant(spec.defaultValue));
    return schema;
}

QJsonObject errorResponse(const QString &description)
{
    return {{QStringLiteral("description"), description},
            {QStringLiteral("content"),
             QJsonObject{
                 {QStringLiteral("application/json"),
                  QJsonObject{{QStringLiteral("schema"),
                               QJsonObject{{QStringLiteral("$ref"),
                                            QStringLiteral("#/components/schemas/Error")}}}}}}}};
}

QJsonObject operationOf(const Route &route)
{
    QJsonArray parameters;
    for (const QString &segment : route.segments) {
        if (!segment.startsWith(QLatin1Char('{')))
            continue;
        const QString name = segment.mid(1, segment.size() - 2);
        const QJsonObject schema =
            name.endsWith(QLatin1String("id"))
                ? QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")},
                              {QStringLiteral("minimum"), 0}}
                : QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                              {QStringLiteral("pattern"), QStringLiteral("^[0-9]+(,[0-9]+)*$")}};
        parameters.append(QJsonObject{{QStringLiteral("name"), name},
                                      {QStringLiteral("in"), QStringLiteral("path")},
                                      {QStringLiteral("required"), true},
                                      {QStringLiteral("schema"), schema}});
    }
    for (const ParamSpec &spec : route.query) {
        QJsonObject parameter{{QStringLiteral("name"), spec.name},
                              {QStringLiteral("in"), QStringLiteral("query")},
                              {QStringLiteral("required"), spec.required},
                              {QStringLiteral("schema"), schemaOf(spec, true)}};
        if (!spec.description.isEmpty())
            parameter.insert(QStringLiteral("description"), spec.description);
        parameters.append(parameter);
    }
    QJsonObject responses{
        {QString::number(route.successStatus),
         QJsonObject{{QStringLiteral("description"),
                      route.webSocket ? QStringLiteral("Switching to the WebSocket protocol; "
                                                       "messages are {channel, type, data, ts}.")
                                      : QStringLiteral("Success (JSON).")}}},
        {QStringLiteral("400"), errorResponse(QStringLiteral("Malformed JSON."))},
        {QStringLiteral("404"), errorResponse(QStringLiteral("No such resource."))},
        {QStringLiteral("422"),
         errorResponse(QStringLiteral("Invalid values; error.fields names them."))},
        {QStringLiteral("500"), errorResponse(QStringLiteral("Server error."))}};
    QJsonObject operation{
        {QStringLiteral("summary"), route.summary},
        {QStringLiteral("tags"), QJsonArray{route.tag}},
        {QStringLiteral("operationId"), QString(route.method.toLower() + route.pattern)
                                            .replace(QLatin1Char('/'), QLatin1Char('_'))
                                            .remove(QLatin1Char('{'))
                                            .remove(QLatin1Char('}'))
                                            .replace(QLatin1Char('-'), QLatin1Char('_'))}};
    if (route.access == Access::Public) {
        operation.insert(QStringLiteral("security"), QJsonArray());
    } else {
        responses.insert(QStringLiteral("401"),
                         errorResponse(QStringLiteral("No valid bearer token.")));
        responses.insert(QStringLiteral("403"),
                         errorResponse(QStringLiteral("Not allowed for your role or user.")));
    }
    if (route.access == Access::Admin)
        operation.insert(QStringLiteral("x-admin-only"), true);
    if (route.pattern.endsWith(QLatin1String("/auth/login")))
        responses.insert(QStringLiteral("429"), errorResponse(QStringLiteral(
                                                    "Too many failed sign-ins; see Retry-After.")));
    if (route.webSocket)
        operation.insert(QStringLiteral("x-websocket"), true);
    if (!parameters.isEmpty())
        operation.insert(QStringLiteral("parameters"), parameters);
    if (route.method != QLatin1String("GET")) {
        QJsonObject properties;
        QJsonArray required;
        for (const ParamSpec &spec : route.body) {
            QJsonObject schema = schemaOf(spec, false);
            if (!spec.description.isEmpty())
                schema.insert(QStringLiteral("description"), spec.description);
            properties.insert(spec.name, schema);
            if (spec.required)
                required.append(spec.name);
        }
        QJsonObject schema{{QStringLiteral("type"), QStringLiteral("object")},
                           {QStringLiteral("properties"), properties},
                           {QStringLiteral("additionalProperties"), false}};
        if (!required.isEmpty())
            schema.insert(QStringLiteral("required"), required);
        operation.insert(
            QStringLiteral("requestBody"),
            QJsonObject{{QStringLiteral("required"), !required.isEmpty()},
                        {QStringLiteral("content"),
                         QJsonObject{{QStringLiteral("application/json"),
                                      QJsonObject{{QStringLiteral("schema"), schema}}}}}});
        responses.insert(QStringLiteral("409"),
                         errorResponse(QStringLiteral("Changed by someone else first.")));
        responses.insert(QStringLiteral("413"), errorResponse(QStringLiteral("Body too large.")));
    }
    operation.insert(QStringLiteral("responses"), responses);
    return operation;
}

} // namespace

QJsonObject build(const ApiRouter &router)
{
    QJsonObject paths;
    QJsonArray tags;
    for (const Route &route : router.routes()) {
        QJsonObject path = paths.value(route.pattern).toObject();
        path.insert(route.method.toLower(), operationOf(route));
        paths.insert(route.pattern, path);
        if (!tags.contains(route.tag))
            tags.append(route.tag);
    }
    QJsonArray tagObjects;
    for (const QJsonValue &tag : tags)
        tagObjects.append(QJsonObject{{QStringLiteral("name"), tag}});
    const QJsonObject error{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("error")}},
        {QStringLiteral("properties"),
         QJsonObject{
             {QStringLiteral("error"),
              QJsonObject{
                  {QStringLiteral("type"), QStringLiteral("object")},
                  {QStringLiteral("required"),
                   QJsonArray{QStringLiteral("code"), QStringLiteral("message")}},
                  {QStringLiteral("properties"),
                   QJsonObject{{QStringLiteral("code"),
                                QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
                               {QStringLiteral("message"),
                                QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
                               {QStringLiteral("fields"),
                                QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                            {QStringLiteral("additionalProperties"),
                                             QJsonObject{{QStringLiteral("type"),
                                                          QStringLiteral("string")}}}}}}}}}}}};
    return QJsonObject{
        {QStringLiteral("openapi"), QStringLiteral("3.0.3")},
        {QStringLiteral("info"),
         QJsonObject{{QStringLiteral("title"), QStringLiteral("CryptoPredict API")},
                     {QStringLiteral("version"), QCoreApplication::applicationVersion().isEmpty()
                                                     ? QStringLiteral(CRYPTOPREDICT_VERSION)
                                                     : QCoreApplication::applicationVersion()},
                     {QStringLiteral("description"),
                      QStringLiteral("The four-layer analysis served by a CryptoPredict instance. "
                                     "Sign in with POST /api/v1/auth/login and send the token as "
                                     "'Authorization: Bearer <token>'. Errors are "
                                     "{\"error\": {\"code\", \"message\"}}.")}}},
        {QStringLiteral("servers"),
         QJsonArray{QJsonObject{{QStringLiteral("url"), QStringLiteral("/")}}}},
        {QStringLiteral("tags"), tagObjects},
        {QStringLiteral("paths"), paths},
        {QStringLiteral("security"),
         QJsonArray{QJsonObject{{QStringLiteral("bearerAuth"), QJsonArray()}}}},
        {QStringLiteral("components"),
         QJsonObject{
             {QStringLiteral("securitySchemes"),
              QJsonObject{{QStringLiteral("bearerAuth"),
                           QJsonObject{{QStringLiteral("type"), QStringLiteral("http")},
                                       {QStringLiteral("scheme"), QStringLiteral("bearer")}}}}},
             {QStringLiteral("schemas"), QJsonObject{{QStringLiteral("Error"), error}}}}}};
}

} // namespace OpenApiDocument

} // namespace cp::app::api
