#include "signalspage.h"

#include "signalperformancepanel.h"
#include "tableviews.h"

#include <ui/charts/pricechart.h>
#include <ui/delegates/confidencedelegate.h>
#include <ui/delegates/riskdelegate.h>
#include <ui/delegates/trenddelegate.h>
#include <ui/dialogs/executesignaldialog.h>

#include <models/views/jsontext.h>
#include <models/views/performancequeries.h>
#include <models/views/signalfilterproxymodel.h>
#include <models/views/signalqueries.h>
#include <models/views/snapshottablemodel.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace cp::ui {

using namespace models::views;

namespace {

QString htmlList(const QStringList &items)
{
    if (items.isEmpty())
        return QStringLiteral("<p>-</p>");
    QString html = QStringLiteral("<ul style='margin-left:-20px'>");
    for (const QString &item : items)
        html += QStringLiteral("<li>") + item.toHtmlEscaped() + QStringLiteral("</li>");
    return html + QStringLiteral("</ul>");
}

} // namespace

SignalsPage::SignalsPage(const ViewContext &context, QWidget *parent)
    : Page(context, parent)
{
    setObjectName(QStringLiteral("signalsPage"));
    m_signals = new SnapshotTableModel(
        {{QStringLiteral("symbol"), tr("Asset"), ColumnFormat::Text},
         {QStringLiteral("signal_type"), tr("Direction"), ColumnFormat::Label},
         {QStringLiteral("confidence_score"), tr("Confidence"), ColumnFormat::Fraction},
         {QStringLiteral("risk_level"), tr("Risk"), ColumnFormat::Label},
         {QStringLiteral("entry_price"), tr("Entry"), ColumnFormat::Price},
         {QStringLiteral("target_price"), tr("Target"), ColumnFormat::Price},
         {QStringLiteral("stop_loss"), tr("Stop"), ColumnFormat::Price},
         {QStringLiteral("expected_return"), tr("To target"), ColumnFormat::Percent},
         {QStringLiteral("risk_reward_ratio"), tr("Reward/risk"), ColumnFormat::Number},
         {QStringLiteral("time_horizon_hours"), tr("Horizon (h)"), ColumnFormat::Integer},
         {QStringLiteral("generated_at"), tr("Generated"), ColumnFormat::DateTime},
         {QStringLiteral("expires_at"), tr("Expires"), ColumnFormat::DateTime}},
        this);
    m_filter = new SignalFilterProxyModel(this);
    m_filter->setSourceModel(m_signals);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(buildFilterBar());
    auto *split = new QSplitter(Qt::Horizontal);
    split->setObjectName(QStringLiteral("signalsSplitter"));
    m_view = TableViews::create(QStringLiteral("signalTable"), m_filter);
    m_view->setAccessibleName(tr("Active signals"));
    m_view->setItemDelegateForColumn(2, new ConfidenceDelegate(m_view));
    m_view->setItemDelegateForColumn(3, new RiskDelegate(m_view));
    m_view->setItemDelegateForColumn(7, new TrendDelegate(m_view));
    m_view->sortByColumn(2, Qt::DescendingOrder);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SignalsPage::showSelected);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &SignalsPage::updateCount);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &SignalsPage::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &SignalsPage::updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &SignalsPage::updateCount);
    m_executions = new SnapshotTableModel(
        {{QStringLiteral("executed_at"), tr("Executed"), ColumnFormat::DateTime},
         {QStringLiteral("symbol"), tr("Asset"), ColumnFormat::Text},
         {QStringLiteral("signal_type"), tr("Direction"), ColumnFormat::Label},
         {QStringLiteral("position_size"), tr("Size"), ColumnFormat::Number},
         {QStringLiteral("portfolio_percentage"), tr("Portfolio %"), ColumnFormat::Number},
         {QStringLiteral("entry_price"), tr("Entry"), ColumnFormat::Price},
         {QStringLiteral("target_price"), tr("Target"), ColumnFormat::Price},
         {QStringLiteral("stop_loss"), tr("Stop"), ColumnFormat::Price},
         {QStringLiteral("status"), tr("Status"), ColumnFormat::Label},
         {QStringLiteral("signal_status"), tr("Signal"), ColumnFormat::Label}},
        this);
    auto *tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("signalTabs"));
    tabs->addTab(m_view, tr("Active signals"));
    tabs->addTab(TableViews::create(QStringLiteral("executionsTable"),
                                    TableViews::sortable(m_executions, this)),
                 tr("My executions"));
    m_performance = new SignalPerformancePanel;
    tabs->addTab(m_performance, tr("Performance"));
    split->addWidget(tabs);
    split->addWidget(buildDetail());
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    addMessageLine();
}

QWidget *SignalsPage::buildFilterBar()
{
    auto *bar = new QWidget;
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 6);
    m_minConfidence = new QSpinBox;
    m_minConfidence->setObjectName(QStringLiteral("minConfidence"));
    m_minConfidence->setRange(0, 100);
    m_minConfidence->setSingleStep(5);
    m_minConfidence->setSuffix(QLocale().percent());
    m_risk = new QComboBox;
    m_risk->setObjectName(QStringLiteral("riskFilter"));
    m_risk->addItem(tr("Any risk"), QString());
    for (const char *level : {"low", "medium", "high", "extreme"})
        m_risk->addItem(displayLabel(QString::fromLatin1(level)), QString::fromLatin1(level));
    m_type = new QComboBox;
    m_type->setObjectName(QStringLiteral("typeFilter"));
    m_type->addItem(tr("Long and short"), QString());
    m_type->addItem(displayLabel(QStringLiteral("long")), QStringLiteral("long"));
    m_type->addItem(displayLabel(QStringLiteral("short")), QStringLiteral("short"));
    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("signalCount"));
    auto *confidenceLabel = new QLabel(tr("Minimum &confidence:"));
    confidenceLabel->setBuddy(m_minConfidence);
    auto *riskLabel = new QLabel(tr("&Risk:"));
    riskLabel->setBuddy(m_risk);
    auto *typeLabel = new QLabel(tr("&Direction:"));
    typeLabel->setBuddy(m_type);
    row->addWidget(confidenceLabel);
    row->addWidget(m_minConfidence);
    row->addSpacing(12);
    row->addWidget(riskLabel);
    row->addWidget(m_risk);
    row->addSpacing(12);
    row->addWidget(typeLabel);
    row->addWidget(m_type);
    row->addStretch();
    row->addWidget(m_count);
    m_execute = new QPushButton(tr("&Execute..."));
    m_execute->setObjectName(QStringLiteral("executeButton"));
    m_execute->setEnabled(false);
    if (!context().session.isSignedIn())
        m_execute->setToolTip(tr("Sign in to execute signals"));
    connect(m_execute, &QPushButton::clicked, this, [this] { openExecuteDialog(); });
    row->addSpacing(12);
    row->addWidget(m_execute);
    connect(m_minConfidence, &QSpinBox::valueChanged, this, [this](int percent) {
        m_filter->setMinimumConfidence(percent / 100.0);
        updateCount();
    });
    connect(m_risk, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setRiskLevel(m_risk->currentData().toString());
        updateCount();
    });
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setSignalType(m_type->currentData().toString());
        updateCount();
    });
    return bar;
}

QWidget *SignalsPage::buildDetail()
{
    auto *split = new QSplitter(Qt::Vertical);
    split->setObjectName(QStringLiteral("signalDetailSplitter"));
    auto *top = new QWidget;
    auto *column = new QVBoxLayout(top);
    column->setContentsMargins(8, 0, 0, 0);
    m_detailTitle = new QLabel(tr("Select a signal"));
    m_detailTitle->setObjectName(QStringLiteral("signalDetailTitle"));
    m_detailTitle->setProperty("role", QStringLiteral("heading"));
    m_detail = new QTextBrowser;
    m_detail->setObjectName(QStringLiteral("signalDetail"));
    m_detail->setOpenLinks(false);
    column->addWidget(m_detailTitle);
    column->addWidget(m_detail, 1);
    m_chart = new charts::PriceChart;
    m_chart->setObjectName(QStringLiteral("signalPriceChart"));
    m_chart->setStyle(charts::PriceChart::Style::Candles);
    m_chart->setPlaceholder(tr("Select a signal to see its price chart"));
    split->addWidget(top);
    split->addWidget(m_chart);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    return split;
}

QStringList SignalsPage::watchedTables() const
{
    return {QStringLiteral("trading_signals"), QStringLiteral("signal_executions")};
}

void SignalsPage::reload()
{
    load<SnapshotTable>(QStringLiteral("signals"), &loadActiveSignals,
                        [this](const SnapshotTable &t) { showSignals(t); });
    load<SignalPerformance>(
        QStringLiteral("performance"), &loadSignalPerformance,
        [this](const SignalPerformance &p) { m_performance->setPerformance(p); });
    const int userId = context().session.userId;
    if (userId > 0) {
        load<SnapshotTable>(
            QStringLiteral("executions"),
            [userId](QSqlDatabase db) { return loadExecutions(db, userId); },
            [this](const SnapshotTable &t) { m_executions->setSnapshot(t); });
    }
}

ExecuteSignalDialog *SignalsPage::openExecuteDialog()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || !context().session.isSignedIn())
        return nullptr;
    const int row = m_filter->mapToSource(current).row();
    SignalTicket ticket;
    ticket.signalId = int(m_signals->rowId(row));
    ticket.symbol = m_signals->fieldValue(row, QStringLiteral("symbol")).toString();
    ticket.signalType = m_signals->fieldValue(row, QStringLiteral("signal_type")).toString();
    ticket.entry = m_signals->fieldValue(row, QStringLiteral("entry_price")).toDouble();
    ticket.target = m_signals->fieldValue(row, QStringLiteral("target_price")).toDouble();
    ticket.stop = m_signals->fieldValue(row, QStringLiteral("stop_loss")).toDouble();
    auto *dialog =
        new ExecuteSignalDialog(context().guiConnection, context().session, ticket, this);
    dialog->setActions(context().actions);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void SignalsPage::showSignals(const SnapshotTable &table)
{
    const qint64 selected = TableViews::currentId(m_view);
    m_signals->setSnapshot(table);
    if (!TableViews::selectId(m_view, selected) && m_filter->rowCount() > 0)
        m_view->selectRow(0);
    updateCount();
    if (m_signals->rowCount() == 0) {
        m_detailTitle->setText(tr("No active signals"));
        m_detail->setHtml(tr("<p>The timing layer has no open signal. Signals appear after an "
                             "analysis finds an entry whose calibrated confidence passes the "
                             "threshold.</p>"));
    }
}

void SignalsPage::updateCount()
{
    m_count->setText(tr("%1 of %2 signals").arg(m_filter->rowCount()).arg(m_signals->rowCount()));
}

void SignalsPage::showSelected()
{
    const QModelIndex current = m_view->currentIndex();
    m_execute->setEnabled(current.isValid() && context().session.isSignedIn());
    if (!current.isValid())
        return;
    const int row = m_filter->mapToSource(current).row();
    auto value = [&](const char *field) {
        return m_signals->fieldValue(row, QLatin1String(field));
    };
    const qint64 id = m_signals->rowId(row);
    m_detailTitle->setText(tr("%1 %2 - %3 confidence")
                               .arg(value("symbol").toString(),
                                    displayLabel(value("signal_type").toString()),
                                    formatFraction(value("confidence_score").toDouble())));
    QStringList factors =
        JsonText::sentences(JsonText::member(value("ai_analysis"), QStringLiteral("key_factors")));
    if (factors.isEmpty())
        factors = JsonText::sentences(value("ai_analysis"));
    const QStringList context = JsonText::sentences(value("market_context"));
    m_detail->setHtml(
        tr("<p><b>Entry</b> %1 &nbsp; <b>Target</b> %2 &nbsp; <b>Stop</b> %3<br>"
           "<b>Risk</b> %4 &nbsp; <b>Reward/risk</b> %5 &nbsp; <b>Horizon</b> %6 h</p>"
           "<h4>Key factors</h4>%7<h4>Market context</h4>%8")
            .arg(formatPrice(value("entry_price").toDouble()),
                 formatPrice(value("target_price").toDouble()),
                 formatPrice(value("stop_loss").toDouble()),
                 displayLabel(value("risk_level").toString()),
                 QLocale().toString(value("risk_reward_ratio").toDouble(), 'f', 2),
                 value("time_horizon_hours").toString(), htmlList(factors), htmlList(context)));
    if (id == m_shownSignal)
        return;
    m_shownSignal = id;
    const int cryptoId = value("crypto_id").toInt();
    const QString symbol = value("symbol").toString();
    const QList<charts::PriceLevel> levels{
        {tr("Entry"), value("entry_price").toDouble(), QStringLiteral("entry")},
        {tr("Target"), value("target_price").toDouble(), QStringLiteral("target")},
        {tr("Stop"), value("stop_loss").toDouble(), QStringLiteral("stop")}};
    load<std::vector<engine::Candle>>(
        QStringLiteral("candles"),
        [cryptoId](QSqlDatabase db) { return loadCandles(db, cryptoId, 120); },
        [this, levels, symbol](const std::vector<engine::Candle> &candles) {
            m_chart->setData(candles, symbol, levels);
        });
}

} // namespace cp::ui
