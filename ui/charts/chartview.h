#pragma once

#include <QChartView>

class QCategoryAxis;
class QDateTimeAxis;

namespace cp::ui::charts {

/**
 * The one place Qt Charts is configured: a QChartView whose chart follows the application
 * theme (backgrounds, axes, grid, legend) and is re-coloured when the palette switches.
 * Keeping every chart behind this folder lets a move to Qt Graphs touch nothing else.
 */
class ChartView : public QChartView
{
    Q_OBJECT

public:
    explicit ChartView(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    //! Text shown in the middle of an empty chart ("No data yet").
    void setPlaceholder(const QString &text);
    /**
     * Zoom and pan: drag a range or use the wheel to zoom, arrow keys to pan, +/- to zoom and
     * Home (or a double click) to reset. Off by default.
     */
    void setInteractive(bool interactive);

protected:
    //! Re-applies theme colours to the chart and its axes; subclasses recolour their series.
    virtual void applyTheme();
    //! Themes an axis the way every chart shows them.
    void styleAxis(QAbstractAxis *axis) const;
    /**
     * QDateTimeAxis labels only Gregorian dates. With the Jalali calendar this hides the labels
     * of `timeAxis` (already added at the bottom) and adds an axis below it that labels the same
     * ticks in the display calendar ("d MMM", or "yyyy" with `yearsOnly`), following zoom and
     * scroll. Returns that axis (the caller deletes it when rebuilding) or nullptr for Gregorian.
     */
    QCategoryAxis *addCalendarLabels(QDateTimeAxis *timeAxis, bool yearsOnly);
    /**
     * A printf-style axis label format ("%.0f%%") as the localised axis needs it: Qt Charts then
     * copies the text around the number verbatim, so "%%" becomes the locale's percent sign.
     */
    static QString labelFormat(const QString &printfFormat);
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    //! True when the chart has nothing to show (the placeholder is drawn).
    virtual bool isEmpty() const;

private:
    QString m_placeholder;
    bool m_interactive = false;
};

} // namespace cp::ui::charts
