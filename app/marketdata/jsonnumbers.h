#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace cp::app::marketdata::Internal {

//! A number that providers send as a JSON number or as a decimal string; nullopt for null/junk.
inline std::optional<double> number(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double d = value.toString().toDouble(&ok);
        if (ok)
            return d;
    }
    return std::nullopt;
}

//! Parses a whole body; the error names the provider and what went wrong (e.g. a cut-off body).
inline std::optional<QJsonDocument> parse(const QByteArray &json, const QString &what,
                                          QString *error)
{
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1 sent malformed JSON (%2 at byte %3).")
                     .arg(what, parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    return doc;
}

} // namespace cp::app::marketdata::Internal
