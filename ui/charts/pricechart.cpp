#include "pricechart.h"

#include "downsample.h"

#include <ui/theme.h>

#include <engine/indicators.h>

#include <QCandlestickSeries>
#include <QCandlestickSet>
#include <QCategoryAxis>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace cp::ui::charts {

namespace {
// Candles wider than a few pixels stay readable; beyond this many the chart shows a line.
constexpr int kMaxCandles = 240;
constexpr int kOverlayPeriod = 20;
} // namespace

PriceChart::PriceChart(QWidget *parent)
    : ChartView(parent)
{
    setInteractive(true);
    applyTheme();
}

void PriceChart::setCandles(const std::vector<engine::Candle> &candles, const QString &symbol)
{
    m_candles = candles;
    m_symbol = symbol;
    rebuild();
}

void PriceChart::setData(const std::vector<engine::Candle> &candles, const QString &symbol,
                         const QList<PriceLevel> &levels)
{
    m_candles = candles;
    m_symbol = symbol;
    m_levels = levels;
    rebuild();
}

void PriceChart::setLevels(const QList<PriceLevel> &levels)
{
    m_levels = levels;
    rebuild();
}

void PriceChart::setStyle(Style style)
{
    m_style = style;
    rebuild();
}

void PriceChart::setOverlays(bool ema, bool bollinger)
{
    m_ema = ema;
    m_bollinger = bollinger;
    rebuild();
}

void PriceChart::addLine(const QList<QPointF> &points, const QString &name, const QColor &color,
                         qreal width, Qt::PenStyle style)
{
    auto *line = new QLineSeries;
    line->setName(name);
    line->replace(points);
    QPen pen(color);
    pen.setWidthF(width);
    pen.setStyle(style);
    line->setPen(pen);
    chart()->addSeries(line);
    line->attachAxis(m_timeAxis);
    line->attachAxis(m_valueAxis);
}

void PriceChart::rebuild()
{
    QChart *ch = chart();
    ch->removeAllSeries();
    for (QAbstractAxis *axis : ch->axes())
        ch->removeAxis(axis);
    delete m_timeAxis;
    delete m_valueAxis;
    delete m_calendarAxis;
    m_timeAxis = nullptr;
    m_calendarAxis = nullptr;
    m_valueAxis = nullptr;
    if (m_candles.empty()) {
        viewport()->update();
        return;
    }
    const ThemeColors &colors = Theme::instance().colors();
    const qint64 firstMs = m_candles.front().time * 1000;
    const qint64 lastMs = m_candles.back().time * 1000;
    double low = m_candles.front().low;
    double high = m_candles.front().high;
    for (const engine::Candle &c : m_candles) {
        low = std::min(low, c.low);
        high = std::max(high, c.high);
    }
    for (const PriceLevel &level : std::as_const(m_levels)) {
        low = std::min(low, level.price);
        high = std::max(high, level.price);
    }
    const double pad = std::max((high - low) * 0.06, std::abs(high) * 1e-4);
    m_timeAxis = new QDateTimeAxis;
    m_timeAxis->setFormat(QStringLiteral("MMM d"));
    m_timeAxis->setTickCount(6);
    // Half a bar of room either side so the first and last candles are whole.
    const qint64 halfBar =
        m_candles.size() > 1 ? (m_candles[1].time - m_candles[0].time) * 500 : 3600 * 1000;
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(firstMs - halfBar),
                         QDateTime::fromMSecsSinceEpoch(lastMs + halfBar));
    m_valueAxis = new QValueAxis;
    m_valueAxis->setRange(low - pad, high + pad);
    m_valueAxis->setTickCount(6);
    const int decimals = std::clamp(3 - int(std::floor(std::log10(std::max(high, 1e-12)))), 0, 10);
    m_valueAxis->setLabelFormat(QStringLiteral("%.") + QString::number(decimals) +
                                QLatin1Char('f'));
    ch->addAxis(m_timeAxis, Qt::AlignBottom);
    m_calendarAxis = addCalendarLabels(m_timeAxis, false);
    ch->addAxis(m_valueAxis, Qt::AlignRight);

    std::vector<double> closes;
    closes.reserve(m_candles.size());
    for (const engine::Candle &c : m_candles)
        closes.push_back(c.close);
    auto toPoints = [&](const std::vector<double> &values) {
        QList<QPointF> points;
        for (size_t i = 0; i < values.size(); ++i) {
            if (std::isfinite(values[i]))
                points.append(QPointF(double(m_candles[i].time) * 1000.0, values[i]));
        }
        return points;
    };

    if (m_bollinger && closes.size() > size_t(kOverlayPeriod)) {
        std::vector<double> upper(closes.size()), middle(closes.size()), lower(closes.size());
        if (engine::bollinger(closes, {upper, middle, lower}, kOverlayPeriod)) {
            const QColor band = colors.series.value(1);
            addLine(toPoints(upper), tr("Bollinger upper"), band, 1.0, Qt::DashLine);
            addLine(toPoints(lower), tr("Bollinger lower"), band, 1.0, Qt::DashLine);
        }
    }
    const bool candles = m_style == Style::Candles && m_candles.size() <= size_t(kMaxCandles);
    if (candles) {
        auto *series = new QCandlestickSeries;
        series->setName(m_symbol);
        series->setIncreasingColor(colors.positive);
        series->setDecreasingColor(colors.negative);
        series->setBodyOutlineVisible(false);
        series->setBodyWidth(0.7);
        for (const engine::Candle &c : m_candles)
            series->append(
                new QCandlestickSet(c.open, c.high, c.low, c.close, double(c.time) * 1000.0));
        ch->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_valueAxis);
    } else {
        addLine(minMaxDownsample(toPoints(closes), std::max(100, width())), m_symbol,
                colors.series.value(0), 1.6, Qt::SolidLine);
    }
    if (m_ema && closes.size() > size_t(kOverlayPeriod)) {
        std::vector<double> ema(closes.size());
        if (engine::ema(closes, ema, kOverlayPeriod))
            addLine(toPoints(ema), tr("EMA %1").arg(kOverlayPeriod), colors.series.value(3), 1.3,
                    Qt::SolidLine);
    }
    for (const PriceLevel &level : std::as_const(m_levels)) {
        const QColor color = level.kind == QLatin1String("target") ? colors.positive
                             : level.kind == QLatin1String("stop") ? colors.negative
                                                                   : colors.accent;
        addLine({QPointF(double(firstMs), level.price), QPointF(double(lastMs), level.price)},
                level.label, color, 1.4, Qt::DashLine);
    }
    ch->legend()->setVisible(true);
    ChartView::applyTheme();
}

void PriceChart::applyTheme()
{
    // Series colours come from the theme when built: rebuild the whole chart.
    if (!m_candles.empty())
        rebuild();
    else
        ChartView::applyTheme();
}

} // namespace cp::ui::charts
