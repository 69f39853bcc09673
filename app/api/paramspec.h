#pragma once

#include <QJsonObject>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

#include <optional>

class QUrlQuery;

namespace cp::app::api {

/** Types a query parameter or body field may have. */
enum class ParamType {
    Integer,
    Number,
    String,
    Boolean,
    Object,      //!< a JSON object, passed through (e.g. hyperparameters)
    IntegerList, //!< "1,2,3" in a query, [1, 2, 3] in a body
    Days,        //!< "7d" (or "7") in a query: a whole number of days
};

/**
 * One query parameter or body field: how it is validated and how the OpenAPI document
 * describes it. The same list does both, so the document cannot drift from the checks.
 */
struct ParamSpec
{
    QString name{};
    ParamType type = ParamType::String;
    QString description{};
    bool required = false;
    std::optional<double> minimum{};
    std::optional<double> maximum{};
    //! Allowed values of a String.
    QStringList choices{};
    //! Used when the parameter is absent (queries only).
    QVariant defaultValue{};
    //! Above `maximum` the value is lowered to it instead of refused (list `limit`s).
    bool capAtMaximum = false;
    //! Longest String / IntegerList accepted (0: no limit beyond the body size).
    int maxLength = 0;
};

/** Outcome of validating parameters: the typed values, or a sentence per bad field. */
struct Validated
{
    QVariantMap values;
    QJsonObject body;
    QJsonObject fieldErrors;
    //! Set when the body is not JSON at all (400 rather than 422).
    QString malformed;

    bool ok() const { return fieldErrors.isEmpty() && malformed.isEmpty(); }
};

/** Checks query strings and JSON bodies against ParamSpec lists. */
namespace ParamValidator {

//! Unknown query parameters are ignored (caches and proxies add some); bad values are not.
Validated validateQuery(const QList<ParamSpec> &specs, const QUrlQuery &query);
//! Unknown body fields are refused. An empty body counts as {}.
Validated validateBody(const QList<ParamSpec> &specs, const QByteArray &body);

} // namespace ParamValidator

} // namespace cp::app::api
