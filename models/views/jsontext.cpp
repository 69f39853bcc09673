#include "jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace cp::models::views::JsonText {

namespace {

QJsonDocument parse(const QVariant &json)
{
    return QJsonDocument::fromJson(json.toString().toUtf8());
}

QString words(QString key)
{
    key.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!key.isEmpty())
        key[0] = key[0].toUpper();
    return key;
}

QString scalar(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Double: {
        const double v = value.toDouble();
        if (std::abs(v - std::round(v)) < 1e-9 && std::abs(v) < 1e15)
            return QString::number(static_cast<qint64>(std::llround(v)));
        return QString::number(v, 'g', 4);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &element : value.toArray())
            parts.append(scalar(element));
        return parts.join(QStringLiteral(", "));
    }
    case QJsonValue::Object: {
        QStringList parts;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            parts.append(words(it.key()).toLower() + QStringLiteral(" ") + scalar(it.value()));
        return parts.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QString sentence(QString text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return text;
    text[0] = text[0].toUpper();
    if (!text.endsWith(QLatin1Char('.')) && !text.endsWith(QLatin1Char('!')) &&
        !text.endsWith(QLatin1Char('?')))
        text.append(QLatin1Char('.'));
    return text;
}

} // namespace

QStringList sentences(const QVariant &json)
{
    QStringList result;
    const QJsonDocument doc = parse(json);
    if (doc.isArray()) {
        for (const QJsonValue &value : doc.array()) {
            const QString text = sentence(scalar(value));
            if (!text.isEmpty())
                result.append(text);
        }
    } else if (doc.isObject()) {
        const QJsonObject object = doc.object();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString value = scalar(it.value());
            if (!value.isEmpty())
                result.append(sentence(words(it.key()) + QStringLiteral(": ") + value));
        }
    }
    return result;
}

QString summary(const QVariant &json, int maxItems)
{
    const QJsonObject object = parse(json).object();
    QStringList parts;
    for (auto it = object.begin(); it != object.end() && parts.size() < maxItems; ++it)
        parts.append(words(it.key()) + QStringLiteral(": ") + scalar(it.value()));
    return parts.join(QStringLiteral(", "));
}

QVariant member(const QVariant &json, const QString &key)
{
    const QJsonObject object = parse(json).object();
    if (!object.contains(key))
        return {};
    const QJsonValue value = object.value(key);
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return value.toVariant();
}

} // namespace cp::models::views::JsonText
