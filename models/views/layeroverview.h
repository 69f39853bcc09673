#pragma once

#include "overviewsnapshot.h"

#include <QJsonArray>

#include <vector>

namespace cp::models::views {

/** One card of the layer overview (seed: GET /api/v1/ui/layer-overview). */
struct LayerCard
{
    int layer = 0;           //!< 1 Macro, 2 Sectors, 3 Assets, 4 Timing
    QString name;            //!< "Macro", "Sectors", "Assets", "Timing" (API text)
    QString status;          //!< e.g. bullish, rotating, active, signals_ready, no_data
    double confidence = 0.0; //!< [0, 1]
    QString keyMetric;       //!< API text, e.g. "Bull 87%", "DeFi+15%", "15 Active", "5 Signals"
    QString displayMetric;   //!< the same, translated for the desktop
    int indicatorDots = 0;   //!< [0, 5]
};

/**
 * The four layer cards computed from a snapshot; pure, so the desktop home and the REST API
 * show the same thing. Rules:
 * - Macro: the regime as bullish / bearish / neutral / volatile, its confidence, "Bull 87%".
 * - Sectors: rotating when the rotation probability is at least 0.5 (confidence = probability),
 *   otherwise stable (confidence = 1 - probability); the metric is the leading sector (or the one
 *   with the highest momentum) with its 7-day performance rounded to whole percent.
 * - Assets: active when tier 1 or tier 2 holds assets, awaiting_review when only suggestions are
 *   pending, idle otherwise; confidence = mean confidence of pending suggestions; "15 Active".
 * - Timing: signals_ready with active signals, waiting otherwise; confidence = their mean; "5
 * Signals". A layer without data has status no_data, confidence 0 and no dots. indicator_dots is
 * floor(confidence x 5): five dots for certainty, none below 20%.
 */
std::vector<LayerCard> layerCards(const OverviewSnapshot &snapshot);

//! The cards in the seed's JSON shape: layer, name, status, confidence, key_metric, indicator_dots.
QJsonArray layerOverviewJson(const std::vector<LayerCard> &cards);
QJsonArray layerOverview(const OverviewSnapshot &snapshot);

} // namespace cp::models::views
