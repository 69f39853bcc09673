#pragma once

#include "chartview.h"

#include <engine/candle.h>

#include <QList>

#include <vector>

class QDateTimeAxis;
class QValueAxis;

namespace cp::ui::charts {

/** A horizontal price line (entry, target, stop). */
struct PriceLevel
{
    QString label;
    double price = 0.0;
    //! entry, target or stop: decides the colour.
    QString kind;
};

/**
 * An asset's price: candlesticks or a close line, optional EMA(20) and Bollinger(20, 2)
 * overlays, and horizontal level lines. Interactive (zoom and pan).
 */
class PriceChart : public ChartView
{
    Q_OBJECT

public:
    enum class Style { Line, Candles };

    explicit PriceChart(QWidget *parent = nullptr);

    void setCandles(const std::vector<engine::Candle> &candles, const QString &symbol);
    //! Candles and levels together, with one rebuild.
    void setData(const std::vector<engine::Candle> &candles, const QString &symbol,
                 const QList<PriceLevel> &levels);
    void setLevels(const QList<PriceLevel> &levels);
    void setStyle(Style style);
    void setOverlays(bool ema, bool bollinger);
    const std::vector<engine::Candle> &candles() const { return m_candles; }

protected:
    void applyTheme() override;
    bool isEmpty() const override { return m_candles.empty(); }

private:
    void rebuild();
    void addLine(const QList<QPointF> &points, const QString &name, const QColor &color,
                 qreal width, Qt::PenStyle style);

    std::vector<engine::Candle> m_candles;
    QList<PriceLevel> m_levels;
    QString m_symbol;
    Style m_style = Style::Line;
    bool m_ema = false;
    bool m_bollinger = false;
    QDateTimeAxis *m_timeAxis = nullptr;
    QCategoryAxis *m_calendarAxis = nullptr; //!< Jalali labels, see addCalendarLabels()
    QValueAxis *m_valueAxis = nullptr;
};

} // namespace cp::ui::charts
