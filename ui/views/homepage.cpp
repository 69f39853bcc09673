#include "homepage.h"

#include <ui/charts/timeserieschart.h>
#include <ui/theme.h>
#include <ui/widgets/feargreedgauge.h>
#include <ui/widgets/layercardwidget.h>

#include <models/views/layeroverview.h>
#include <models/views/valueformat.h>

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

namespace cp::ui {

using namespace models::views;

namespace {

QLabel *heading(const QString &text)
{
    auto *label = new QLabel(text);
    label->setProperty("role", QStringLiteral("heading"));
    return label;
}

QFrame *card(const QString &objectName)
{
    auto *frame = new QFrame;
    frame->setObjectName(objectName);
    frame->setProperty("card", true);
    return frame;
}

} // namespace

HomePage::HomePage(const ViewContext &context, QWidget *parent)
    : Page(context, parent)
{
    setObjectName(QStringLiteral("homePage"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget;
    m_layout = new QVBoxLayout(content);
    m_layout->setContentsMargins(16, 16, 16, 16);
    m_layout->setSpacing(12);

    m_layout->addWidget(heading(tr("Layer overview")));
    auto *cards = new QHBoxLayout;
    cards->setSpacing(12);
    for (int layer = 1; layer <= 4; ++layer) {
        auto *widget = new LayerCardWidget(layer);
        connect(widget, &LayerCardWidget::activated, this, &HomePage::layerActivated);
        m_cards[layer - 1] = widget;
        cards->addWidget(widget, 1);
    }
    m_layout->addLayout(cards);

    m_layout->addWidget(heading(tr("Market overview")));
    auto *overview = new QHBoxLayout;
    overview->setSpacing(12);
    overview->addWidget(buildRegimePanel(), 3);
    QFrame *gaugeCard = card(QStringLiteral("fearGreedCard"));
    auto *gaugeLayout = new QVBoxLayout(gaugeCard);
    auto *gaugeTitle = new QLabel(tr("Fear & greed index"));
    gaugeTitle->setProperty("role", QStringLiteral("caption"));
    m_gauge = new FearGreedGauge;
    m_gauge->setObjectName(QStringLiteral("fearGreedGauge"));
    gaugeLayout->addWidget(gaugeTitle);
    gaugeLayout->addWidget(m_gauge, 1);
    overview->addWidget(gaugeCard, 2);
    overview->addWidget(buildDominancePanel(), 2);
    m_layout->addLayout(overview);

    auto *charts = new QSplitter(Qt::Horizontal);
    charts->setObjectName(QStringLiteral("homeChartSplitter"));
    charts->setChildrenCollapsible(false);
    m_dominanceChart = new charts::TimeSeriesChart;
    m_dominanceChart->setObjectName(QStringLiteral("dominanceChart"));
    m_dominanceChart->setTitle(tr("Market dominance"));
    m_dominanceChart->setValueFormat(QStringLiteral("%.0f%%"));
    m_marketCapChart = new charts::TimeSeriesChart;
    m_marketCapChart->setObjectName(QStringLiteral("marketCapChart"));
    m_marketCapChart->setTitle(tr("Total market capitalisation (billion USD), regimes shaded"));
    m_marketCapChart->setValueFormat(QStringLiteral("%.0f"));
    charts->addWidget(m_dominanceChart);
    charts->addWidget(m_marketCapChart);
    charts->setMinimumHeight(280);
    m_layout->addWidget(charts, 1);

    scroll->setWidget(content);
    outer->addWidget(scroll);
    addMessageLine();
}

QWidget *HomePage::buildRegimePanel()
{
    QFrame *frame = card(QStringLiteral("regimeCard"));
    auto *layout = new QVBoxLayout(frame);
    auto *title = new QLabel(tr("Market regime"));
    title->setProperty("role", QStringLiteral("caption"));
    m_regime = new QLabel(tr("No analysis yet"));
    m_regime->setObjectName(QStringLiteral("regimeLabel"));
    m_regime->setProperty("role", QStringLiteral("metric"));
    m_regimeDetails = new QLabel;
    m_regimeDetails->setObjectName(QStringLiteral("regimeDetails"));
    m_regimeDetails->setWordWrap(true);
    m_drivers = new QLabel;
    m_drivers->setObjectName(QStringLiteral("regimeDrivers"));
    m_drivers->setWordWrap(true);
    m_drivers->setProperty("role", QStringLiteral("caption"));
    layout->addWidget(title);
    layout->addWidget(m_regime);
    layout->addWidget(m_regimeDetails);
    layout->addWidget(m_drivers, 1);
    return frame;
}

QWidget *HomePage::buildDominancePanel()
{
    QFrame *frame = card(QStringLiteral("dominanceCard"));
    auto *layout = new QVBoxLayout(frame);
    auto *title = new QLabel(tr("Dominance and size"));
    title->setProperty("role", QStringLiteral("caption"));
    m_dominanceNow = new QLabel(tr("No data yet"));
    m_dominanceNow->setObjectName(QStringLiteral("dominanceNow"));
    m_dominanceNow->setTextFormat(Qt::RichText);
    layout->addWidget(title);
    layout->addWidget(m_dominanceNow, 1);
    return frame;
}

void HomePage::setFooter(QWidget *footer)
{
    m_layout->addWidget(footer);
}

QStringList HomePage::watchedTables() const
{
    return {QStringLiteral("market_regime_analysis"),
            QStringLiteral("market_sentiment_data"),
            QStringLiteral("dominance_data"),
            QStringLiteral("sector_performance"),
            QStringLiteral("sector_rotation_analysis"),
            QStringLiteral("ai_suggestions"),
            QStringLiteral("trading_signals"),
            QStringLiteral("cryptocurrencies"),
            QStringLiteral("price_data"),
            QStringLiteral("watchlist_items")};
}

void HomePage::noteChange(const QString &table)
{
    // The history is a scan of the price table: re-read it only when prices or regimes change.
    if (table == QLatin1String("price_data") || table == QLatin1String("market_regime_analysis"))
        m_historyStale = true;
}

void HomePage::reload()
{
    load<OverviewSnapshot>(QStringLiteral("overview"), &loadOverviewSnapshot,
                           [this](const OverviewSnapshot &s) { showOverview(s); });
    if (m_historyStale) {
        m_historyStale = false;
        load<MarketHistory>(QStringLiteral("history"), &loadMarketHistory,
                            [this](const MarketHistory &h) { showHistory(h); });
    }
}

void HomePage::showOverview(const OverviewSnapshot &s)
{
    const std::vector<LayerCard> layerCardsNow = layerCards(s);
    for (size_t i = 0; i < layerCardsNow.size() && i < m_cards.size(); ++i)
        m_cards[i]->setCard(layerCardsNow[i]);
    const QLocale locale;
    if (s.regime) {
        m_regime->setText(
            tr("%1 regime - %2 confidence")
                .arg(displayLabel(s.regime->regime), formatFraction(s.regime->confidence)));
        m_regimeDetails->setText(
            tr("Risk %1 | trend strength %2 | recommended exposure %3 | as of %4")
                .arg(displayLabel(s.regime->riskLevel).toLower(),
                     formatFraction(s.regime->trendStrength),
                     formatFraction(s.regime->recommendedExposure),
                     formatTimestamp(s.regime->analysisTime)));
        m_drivers->setText(s.regime->drivers.isEmpty()
                               ? QString()
                               : QStringLiteral("- ") +
                                     s.regime->drivers.mid(0, 4).join(QStringLiteral("\n- ")));
    } else {
        m_regime->setText(tr("No analysis yet"));
        m_regimeDetails->setText(tr("Run an analysis (cryptopredict-cli analyze) to classify "
                                    "the market."));
        m_drivers->clear();
    }
    m_gauge->setValue(s.fearGreedIndex);
    if (s.dominance) {
        const DominanceReading &d = *s.dominance;
        m_dominanceNow->setText(
            tr("<table cellspacing='4'>"
               "<tr><td>Bitcoin</td><td align='right'><b>%1%</b></td></tr>"
               "<tr><td>Ethereum</td><td align='right'><b>%2%</b></td></tr>"
               "<tr><td>Stablecoins</td><td align='right'><b>%3%</b></td></tr>"
               "<tr><td>Altcoins</td><td align='right'><b>%4%</b></td></tr>"
               "<tr><td>Total market cap</td><td align='right'><b>%5</b></td></tr>"
               "<tr><td>24h volume</td><td align='right'><b>%6</b></td></tr></table>")
                .arg(locale.toString(d.btc, 'f', 1), locale.toString(d.eth, 'f', 1),
                     locale.toString(d.stablecoin, 'f', 1), locale.toString(d.alt, 'f', 1),
                     formatMoney(d.totalMarketCap), formatMoney(d.totalVolume)));
    } else {
        m_dominanceNow->setText(tr("No data yet"));
    }
}

void HomePage::showHistory(const MarketHistory &history)
{
    charts::TimeSeries btc{tr("BTC"), {}};
    charts::TimeSeries eth{tr("ETH"), {}};
    charts::TimeSeries stable{tr("Stablecoins"), {}};
    charts::TimeSeries alts{tr("Altcoins"), {}};
    charts::TimeSeries cap{tr("Total market cap"), {}};
    for (const MarketDay &day : history.days) {
        const double x = double(day.msecsSinceEpoch);
        btc.points.append({x, day.btcDominance});
        eth.points.append({x, day.ethDominance});
        stable.points.append({x, day.stablecoinDominance});
        alts.points.append({x, day.altDominance});
        cap.points.append({x, day.totalMarketCap / 1e9});
    }
    m_dominanceChart->setSeries({btc, eth, stable, alts});
    std::vector<charts::ShadedPeriod> periods;
    for (const RegimePeriod &p : history.regimes)
        periods.push_back({p.startMsecs, p.endMsecs, p.regime, displayLabel(p.regime)});
    m_marketCapChart->setShadedPeriods(periods);
    m_marketCapChart->setSeries({cap});
}

} // namespace cp::ui
