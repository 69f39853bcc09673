#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

namespace cp::models::views {

/**
 * Readable text from the JSON columns the engine writes, for detail panes and tooltips.
 * Input is the column value as either driver returns it (text holding JSON).
 */
namespace JsonText {

/**
 * ai_reasoning / regime_drivers / key_factors as sentences: an object becomes one sentence per
 * key ("Volume surge: volume +340% in 24h."), an array one per element; nested values are
 * summarised. Sentences start with a capital letter and end with a full stop.
 */
QStringList sentences(const QVariant &json);

//! "key: value, key: value" for the first `maxItems` members of an object (numbers rounded).
QString summary(const QVariant &json, int maxItems = 4);

//! The member `key` of a JSON object column (invalid when absent).
QVariant member(const QVariant &json, const QString &key);

} // namespace JsonText

} // namespace cp::models::views
