#pragma once

#include <QList>
#include <QPointF>

namespace cp::ui::charts {

/**
 * Reduces a series sorted by x to what `buckets` pixel columns can show: per column the first
 * point, the lowest and the highest (in x order) and the last, so spikes survive. A series
 * already small enough is returned unchanged. Qt Charts repaints ~10k points in ~18 ms but
 * 100k in ~100 ms, so series are always handed over at pixel resolution.
 */
QList<QPointF> minMaxDownsample(const QList<QPointF> &points, int buckets);

} // namespace cp::ui::charts
