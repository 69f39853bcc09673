#include "downsample.h"

#include <algorithm>

namespace cp::ui::charts {

QList<QPointF> minMaxDownsample(const QList<QPointF> &points, int buckets)
{
    const qsizetype n = points.size();
    if (buckets <= 0 || n <= 4 * qsizetype(buckets))
        return points;
    const double x0 = points.first().x();
    const double span = points.last().x() - x0;
    if (span <= 0)
        return points;
    QList<QPointF> out;
    out.reserve(4 * buckets + 2);
    qsizetype i = 0;
    for (int b = 0; b < buckets && i < n; ++b) {
        const double end = x0 + span * (b + 1) / buckets;
        const qsizetype first = i;
        qsizetype low = i;
        qsizetype high = i;
        while (i < n && (points[i].x() <= end || b == buckets - 1)) {
            if (points[i].y() < points[low].y())
                low = i;
            if (points[i].y() > points[high].y())
                high = i;
            ++i;
        }
        if (i == first)
            continue;
        const qsizetype last = i - 1;
        qsizetype picks[] = {first, std::min(low, high), std::max(low, high), last};
        qsizetype previous = -1;
        for (qsizetype pick : picks) {
            if (pick != previous)
                out.append(points[pick]);
            previous = pick;
        }
    }
    return out;
}

} // namespace cp::ui::charts
