#pragma once

#include "chartview.h"

#include <QList>
#include <QPointF>

#include <vector>

class QDateTimeAxis;
class QValueAxis;

namespace cp::ui::charts {

/** One line of a time-series chart; x in milliseconds since the epoch. */
struct TimeSeries
{
    QString name;
    QList<QPointF> points;
};

/** A shaded stretch of time behind the lines (a market regime). */
struct ShadedPeriod
{
    qint64 startMsecs = 0;
    qint64 endMsecs = 0;
    //! Groups periods into one legend entry and one colour (e.g. "bull").
    QString kind;
    QString label;
};

/**
 * Lines over time with optional shaded periods behind them. The full-resolution points are
 * kept; what the series receive is downsampled to the plot's width, again after resizes.
 */
class TimeSeriesChart : public ChartView
{
    Q_OBJECT

public:
    explicit TimeSeriesChart(QWidget *parent = nullptr);

    void setSeries(const QList<TimeSeries> &series);
    void setShadedPeriods(const std::vector<ShadedPeriod> &periods);
    //! printf-style format of the value axis labels, e.g. "%.1f%%".
    void setValueFormat(const QString &format);
    void setValueTitle(const QString &title);
    //! Fixes the time axis (e.g. to align indicator panes with a price chart); 0, 0 = automatic.
    void setTimeRange(qint64 fromMsecs, qint64 toMsecs);
    //! Points the series currently hold (after downsampling), for tests.
    int plottedPointCount() const;

protected:
    void applyTheme() override;
    void resizeEvent(QResizeEvent *event) override;
    bool isEmpty() const override;

private:
    void rebuild();

    QList<TimeSeries> m_series;
    std::vector<ShadedPeriod> m_periods;
    QDateTimeAxis *m_timeAxis = nullptr;
    QCategoryAxis *m_calendarAxis = nullptr; //!< Jalali labels, see addCalendarLabels()
    QValueAxis *m_valueAxis = nullptr;
    QString m_valueFormat = QStringLiteral("%.2f");
    QString m_valueTitle;
    int m_builtForWidth = 0;
    qint64 m_fromMsecs = 0;
    qint64 m_toMsecs = 0;
};

} // namespace cp::ui::charts
