#include "paramspec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QUrlQuery>

#include <cmath>
#include <limits>

namespace cp::app::api {

namespace {

QString rangeText(const ParamSpec &spec)
{
    const auto number = [](double v) { return QString::number(v, 'g', 12); };
    if (spec.minimum && spec.maximum)
        return QStringLiteral("from %1 to %2").arg(number(*spec.minimum), number(*spec.maximum));
    if (spec.minimum)
        return QStringLiteral("of at least %1").arg(number(*spec.minimum));
    if (spec.maximum)
        return QStringLiteral("of at most %1").arg(number(*spec.maximum));
    return {};
}

QString typeSentence(const ParamSpec &spec)
{
    QString range = rangeText(spec);
    if (!range.isEmpty())
        range.prepend(QLatin1Char(' '));
    switch (spec.type) {
    case ParamType::Integer:
        return QStringLiteral("must be a whole number") + range + QLatin1Char('.');
    case ParamType::Number:
        return QStringLiteral("must be a number") + range + QLatin1Char('.');
    case ParamType::Boolean:
        return QStringLiteral("must be true or false.");
    case ParamType::Object:
        return QStringLiteral("must be a JSON object.");
    case ParamType::IntegerList:
        return QStringLiteral("must be a list of whole numbers") + range + QLatin1Char('.');
    case ParamType::Days:
        return QStringLiteral("must be a number of days such as 7d") + range + QLatin1Char('.');
    case ParamType::String:
        break;
    }
    if (!spec.choices.isEmpty())
        return QStringLiteral("must be one of: %1.").arg(spec.choices.join(QStringLiteral(", ")));
    return QStringLiteral("must be text.");
}

/** Range check shared by numbers, integers and list items; may cap. */
std::optional<double> inRange(const ParamSpec &spec, double value)
{
    if (!std::isfinite(value))
        return std::nullopt;
    if (spec.minimum && value < *spec.minimum)
        return std::nullopt;
    if (spec.maximum && value > *spec.maximum) {
        if (!spec.capAtMaximum)
            return std::nullopt;
        return *spec.maximum;
    }
    return value;
}

constexpr double kMaxExactInteger = 9007199254740991.0; // 2^53 - 1

std::optional<qint64> wholeNumber(double value)
{
    if (!std::isfinite(value) || std::floor(value) != value || std::fabs(value) > kMaxExactInteger)
        return std::nullopt;
    return static_cast<qint64>(value);
}

/** A query value (text) converted to the spec's type; nullopt when invalid. */
std::optional<QVariant> fromText(const ParamSpec &spec, const QString &text)
{
    switch (spec.type) {
    case ParamType::Integer: {
        bool ok = false;
        const qint64 v = text.toLongLong(&ok);
        if (!ok)
            return std::nullopt;
        const auto r = inRange(spec, double(v));
        return r ? std::optional<QVariant>(qint64(*r)) : std::nullopt;
    }
    case ParamType::Number: {
        bool ok = false;
        const double v = text.toDouble(&ok);
        const auto r = ok ? inRange(spec, v) : std::nullopt;
        return r ? std::optional<QVariant>(*r) : std::nullopt;
    }
    case ParamType::Days: {
        static const QRegularExpression days(QStringLiteral("^(\\d{1,6})d?$"));
        const QRegularExpressionMatch m = days.match(text);
        if (!m.hasMatch())
            return std::nullopt;
        const auto r = inRange(spec, m.captured(1).toDouble());
        return r ? std::optional<QVariant>(qint64(*r)) : std::nullopt;
    }
    case ParamType::Boolean:
        if (text == QLatin1String("true") || text == QLatin1String("1"))
            return QVariant(true);
        if (text == QLatin1String("false") || text == QLatin1String("0"))
            return QVariant(false);
        return std::nullopt;
    case ParamType::IntegerList: {
        QVariantList items;
        const QStringList parts = text.split(QLatin1Char(','));
        if (spec.maxLength > 0 && parts.size() > spec.maxLength)
            return std::nullopt;
        for (const QString &part : parts) {
            bool ok = false;
            const qint64 v = part.trimmed().toLongLong(&ok);
            if (!ok || !inRange(spec, double(v)))
                return std::nullopt;
            items.append(v);
        }
        return QVariant(items);
    }
    case ParamType::String:
        if (!spec.choices.isEmpty() && !spec.choices.contains(text))
            return std::nullopt;
        if (spec.maxLength > 0 && text.size() > spec.maxLength)
            return std::nullopt;
        return QVariant(text);
    case ParamType::Object:
        break;
    }
    return std::nullopt;
}

/** A body value checked against the spec; nullopt when invalid. */
std::optional<QJsonValue> checkJson(const ParamSpec &spec, const QJsonValue &value)
{
    switch (spec.type) {
    case ParamType::Integer:
    case ParamType::Days: {
        if (!value.isDouble())
            return std::nullopt;
        const auto whole = wholeNumber(value.toDouble());
        const auto r = whole ? inRange(spec, double(*whole)) : std::nullopt;
        return r ? std::optional<QJsonValue>(qint64(*r)) : std::nullopt;
    }
    case ParamType::Number: {
        const auto r = value.isDouble() ? inRange(spec, value.toDouble()) : std::nullopt;
        return r ? std::optional<QJsonValue>(*r) : std::nullopt;
    }
    case ParamType::Boolean:
        return value.isBool() ? std::optional<QJsonValue>(value) : std::nullopt;
    case ParamType::Object:
        return value.isObject() ? std::optional<QJsonValue>(value) : std::nullopt;
    case ParamType::IntegerList: {
        if (!value.isArray())
            return std::nullopt;
        const QJsonArray array = value.toArray();
        if (array.isEmpty() || (spec.maxLength > 0 && array.size() > spec.maxLength))
            return std::nullopt;
        for (const QJsonValue &item : array) {
            const auto whole = item.isDouble() ? wholeNumber(item.toDouble()) : std::nullopt;
            if (!whole || !inRange(spec, double(*whole)))
                return std::nullopt;
        }
        return value;
    }
    case ParamType::String:
        if (!value.isString())
            return std::nullopt;
        if (!spec.choices.isEmpty() && !spec.choices.contains(value.toString()))
            return std::nullopt;
        if (spec.maxLength > 0 && value.toString().size() > spec.maxLength)
            return std::nullopt;
        return value;
    }
    return std::nullopt;
}

QString lengthNote(const ParamSpec &spec)
{
    if (spec.maxLength <= 0)
        return {};
    return spec.type == ParamType::IntegerList
               ? QStringLiteral(" (1 to %1 items)").arg(spec.maxLength)
               : QStringLiteral(" (at most %1 characters)").arg(spec.maxLength);
}

QString problem(const ParamSpec &spec)
{
    return typeSentence(spec).chopped(1) + lengthNote(spec) + QLatin1Char('.');
}

} // namespace

namespace ParamValidator {

Validated validateQuery(const QList<ParamSpec> &specs, const QUrlQuery &query)
{
    Validated result;
    for (const ParamSpec &spec : specs) {
        if (!query.hasQueryItem(spec.name)) {
            if (spec.required)
                result.fieldErrors.insert(spec.name, QStringLiteral("is required."));
            else if (spec.defaultValue.isValid())
                result.values.insert(spec.name, spec.defaultValue);
            continue;
        }
        const QString text = query.queryItemValue(spec.name, QUrl::FullyDecoded);
        const std::optional<QVariant> value = fromText(spec, text);
        if (!value)
            result.fieldErrors.insert(spec.name, problem(spec));
        else
            result.values.insert(spec.name, *value);
    }
    return result;
}

Validated validateBody(const QList<ParamSpec> &specs, const QByteArray &body)
{
    Validated result;
    QJsonObject object;
    if (!body.trimmed().isEmpty()) {
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(body, &error);
        if (error.error != QJsonParseError::NoError) {
            result.malformed = QStringLiteral("The request body is not valid JSON (%1 at byte %2).")
                                   .arg(error.errorString())
                                   .arg(error.offset);
            return result;
        }
        if (!document.isObject()) {
            result.malformed = QStringLiteral("The request body must be a JSON object.");
            return result;
        }
        object = document.object();
    }
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const bool known = std::any_of(specs.cbegin(), specs.cend(),
                                       [&](const ParamSpec &s) { return s.name == it.key(); });
        if (!known)
            result.fieldErrors.insert(it.key(), QStringLiteral("is not a field of this request."));
    }
    for (const ParamSpec &spec : specs) {
        if (!object.contains(spec.name)) {
            if (spec.required)
                result.fieldErrors.insert(spec.name, QStringLiteral("is required."));
            continue;
        }
        const std::optional<QJsonValue> value = checkJson(spec, object.value(spec.name));
        if (!value)
            result.fieldErrors.insert(spec.name, problem(spec));
        else
            result.body.insert(spec.name, *value);
    }
    return result;
}

} // namespace ParamValidator

} // namespace cp::app::api
