#pragma once

#include "marketrows.h"

#include <engine/result.h>

#include <QByteArray>

#include <vector>

namespace cp::app::marketdata {

/** alternative.me's /fng/ answer to rows. Pure. */
namespace FearGreedMapper {

//! {"data": [{"value": "40", "value_classification": "Fear", "timestamp": "1551157200"}, ...],
//! "metadata": {"error": null}}; a metadata error is an error value.
Result<std::vector<FearGreedRow>> readings(const QByteArray &json);

} // namespace FearGreedMapper

} // namespace cp::app::marketdata
