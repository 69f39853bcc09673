#pragma once

#include "chartview.h"

#include <QColor>
#include <QList>

namespace cp::ui::charts {

/** One slice of a pie: label, value and its own colour (invalid = theme colour). */
struct PieSlice
{
    QString label;
    double value = 0.0;
    QColor color;
};

/** A donut of shares (the recommended sector allocation). */
class PieChart : public ChartView
{
    Q_OBJECT

public:
    explicit PieChart(QWidget *parent = nullptr);

    void setSlices(const QList<PieSlice> &slices);
    int sliceCount() const { return static_cast<int>(m_slices.size()); }

protected:
    void applyTheme() override;
    bool isEmpty() const override { return m_slices.isEmpty(); }

private:
    QList<PieSlice> m_slices;
};

} // namespace cp::ui::charts
