#include "suggestionspage.h"

#include "tableviews.h"

#include <ui/charts/barchart.h>
#include <ui/delegates/confidencedelegate.h>

#include <models/changebus.h>
#include <models/serviceerror.h>
#include <models/views/jsontext.h>
#include <models/views/reviewqueries.h>
#include <models/views/snapshottablemodel.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace cp::ui {

using namespace models::views;

SuggestionsPage::SuggestionsPage(const ViewContext &context, QWidget *parent)
    : Page(context, parent)
{
    setObjectName(QStringLiteral("suggestionsPage"));
    m_queue = new SnapshotTableModel(
        {{QStringLiteral("symbol"), tr("Asset"), ColumnFormat::Text},
         {QStringLiteral("name"), tr("Name"), ColumnFormat::Text},
         {QStringLiteral("suggestion_type"), tr("Suggestion"), ColumnFormat::Label},
         {QStringLiteral("confidence_score"), tr("Confidence"), ColumnFormat::Fraction},
         {QStringLiteral("watchlist_tier"), tr("Current tier"), ColumnFormat::Label},
         {QStringLiteral("suggested_at"), tr("Suggested"), ColumnFormat::DateTime},
         {QStringLiteral("expires_at"), tr("Expires"), ColumnFormat::DateTime}},
        this);
    m_sorted = TableViews::sortable(m_queue, this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(buildActions());
    auto *split = new QSplitter(Qt::Horizontal);
    split->setObjectName(QStringLiteral("suggestionsSplitter"));
    m_view = TableViews::create(QStringLiteral("suggestionTable"), m_sorted);
    m_view->setAccessibleName(tr("Pending suggestions"));
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setItemDelegateForColumn(3, new ConfidenceDelegate(m_view));
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        showSelected();
    });
    split->addWidget(m_view);
    split->addWidget(buildDetail());
    split->setSizes({700, 560});
    layout->addWidget(split, 1);
    addMessageLine();
    applySort();
    updateActions();
}

QWidget *SuggestionsPage::buildActions()
{
    auto *bar = new QWidget;
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 6);
    m_sort = new QComboBox;
    m_sort->setObjectName(QStringLiteral("suggestionSort"));
    m_sort->addItem(tr("Most confident first"));
    m_sort->addItem(tr("Expiring first"));
    connect(m_sort, &QComboBox::currentIndexChanged, this, &SuggestionsPage::applySort);
    m_tier = new QComboBox;
    m_tier->setObjectName(QStringLiteral("targetTier"));
    m_tier->addItem(tr("Suggested tier"), QString());
    m_tier->addItem(tr("Tier 1"), QStringLiteral("tier1"));
    m_tier->addItem(tr("Tier 2"), QStringLiteral("tier2"));
    m_tier->setToolTip(tr("Place an approved addition or promotion in another tier"));
    m_notes = new QLineEdit;
    m_notes->setObjectName(QStringLiteral("reviewNotes"));
    m_notes->setPlaceholderText(tr("Review notes (optional)"));
    m_approve = new QPushButton(tr("&Approve"));
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_reject = new QPushButton(tr("Re&ject"));
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_defer = new QPushButton(tr("De&fer"));
    m_defer->setObjectName(QStringLiteral("deferButton"));
    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("suggestionCount"));
    auto *sortLabel = new QLabel(tr("&Sort:"));
    sortLabel->setBuddy(m_sort);
    row->addWidget(sortLabel);
    row->addWidget(m_sort);
    row->addSpacing(12);
    row->addWidget(m_tier);
    row->addWidget(m_notes, 1);
    row->addWidget(m_approve);
    row->addWidget(m_reject);
    row->addWidget(m_defer);
    row->addSpacing(12);
    row->addWidget(m_count);
    connect(m_approve, &QPushButton::clicked, this,
            [this] { reviewSelected(models::ReviewDecision::Approve); });
    connect(m_reject, &QPushButton::clicked, this,
            [this] { reviewSelected(models::ReviewDecision::Reject); });
    connect(m_defer, &QPushButton::clicked, this,
            [this] { reviewSelected(models::ReviewDecision::Defer); });
    return bar;
}

QWidget *SuggestionsPage::buildDetail()
{
    auto *tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("suggestionTabs"));
    auto *detail = new QSplitter(Qt::Vertical);
    detail->setObjectName(QStringLiteral("suggestionDetailSplitter"));
    auto *top = new QWidget;
    auto *column = new QVBoxLayout(top);
    column->setContentsMargins(0, 0, 0, 0);
    m_detailTitle = new QLabel(tr("Select a suggestion"));
    m_detailTitle->setObjectName(QStringLiteral("suggestionDetailTitle"));
    m_detailTitle->setProperty("role", QStringLiteral("heading"));
    m_reasoning = new QTextBrowser;
    m_reasoning->setObjectName(QStringLiteral("suggestionReasoning"));
    column->addWidget(m_detailTitle);
    column->addWidget(m_reasoning, 1);
    m_components = new charts::BarChart;
    m_components->setObjectName(QStringLiteral("suggestionComponents"));
    m_components->setTitle(tr("Score components (z-scores)"));
    m_components->setValueFormat(QStringLiteral("%.1f"));
    detail->addWidget(top);
    detail->addWidget(m_components);

    m_reviews = new SnapshotTableModel(
        {{QStringLiteral("reviewed_at"), tr("Reviewed"), ColumnFormat::DateTime},
         {QStringLiteral("symbol"), tr("Asset"), ColumnFormat::Text},
         {QStringLiteral("suggestion_type"), tr("Suggestion"), ColumnFormat::Label},
         {QStringLiteral("decision"), tr("Decision"), ColumnFormat::Label},
         {QStringLiteral("reviewer"), tr("Reviewer"), ColumnFormat::Text},
         {QStringLiteral("review_notes"), tr("Notes"), ColumnFormat::Text}},
        this);
    tabs->addTab(detail, tr("Reasoning"));
    tabs->addTab(TableViews::create(QStringLiteral("reviewHistoryTable"),
                                    TableViews::sortable(m_reviews, this)),
                 tr("Recent reviews"));
    return tabs;
}

QStringList SuggestionsPage::watchedTables() const
{
    return {QStringLiteral("ai_suggestions"), QStringLiteral("suggestion_reviews")};
}

void SuggestionsPage::reload()
{
    load<SnapshotTable>(QStringLiteral("queue"), &loadPendingSuggestions,
                        [this](const SnapshotTable &t) { showQueue(t); });
    load<SnapshotTable>(
        QStringLiteral("reviews"), [](QSqlDatabase db) { return loadRecentReviews(db); },
        [this](const SnapshotTable &t) { m_reviews->setSnapshot(t); });
}

void SuggestionsPage::applySort()
{
    if (m_sort->currentIndex() == 1)
        m_view->sortByColumn(m_queue->columnOf(QStringLiteral("expires_at")), Qt::AscendingOrder);
    else
        m_view->sortByColumn(m_queue->columnOf(QStringLiteral("confidence_score")),
                             Qt::DescendingOrder);
}

void SuggestionsPage::showQueue(const SnapshotTable &table)
{
    const qint64 current = TableViews::currentId(m_view);
    m_queue->setSnapshot(table);
    if (!TableViews::selectId(m_view, current) && m_sorted->rowCount() > 0 &&
        !m_view->selectionModel()->hasSelection())
        m_view->selectRow(0);
    m_count->setText(tr("%n pending", nullptr, m_queue->rowCount()));
    updateActions();
    if (m_queue->rowCount() == 0) {
        m_detailTitle->setText(tr("The queue is empty"));
        m_reasoning->setHtml(tr("<p>No suggestion is waiting for review.</p>"));
        m_components->setData({}, {});
    }
}

QList<int> SuggestionsPage::selectedIds() const
{
    QList<int> ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        ids.append(index.data(SnapshotTableModel::RowIdRole).toInt());
    std::sort(ids.begin(), ids.end());
    return ids;
}

void SuggestionsPage::updateActions()
{
    // The page exists only for admins; the check stays so that no other path can review.
    const bool allowed = context().session.isAdmin() && context().session.isSignedIn();
    const bool any = m_view->selectionModel()->hasSelection();
    for (QPushButton *button : {m_approve, m_reject, m_defer}) {
        button->setEnabled(allowed && any);
        button->setToolTip(allowed ? QString() : tr("Only a signed-in admin can review"));
    }
    const int selected = int(m_view->selectionModel()->selectedRows().size());
    m_approve->setText(selected > 1 ? tr("&Approve %1").arg(selected) : tr("&Approve"));
}

void SuggestionsPage::showSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const int row = m_sorted->mapToSource(rows.first()).row();
    auto value = [&](const char *f) { return m_queue->fieldValue(row, QLatin1String(f)); };
    m_detailTitle->setText(tr("%1: %2 (%3 confidence)")
                               .arg(value("symbol").toString(),
                                    displayLabel(value("suggestion_type").toString()),
                                    formatFraction(value("confidence_score").toDouble())));
    QString html = QStringLiteral("<ul style='margin-left:-20px'>");
    for (const QString &sentence : JsonText::sentences(value("ai_reasoning")))
        html += QStringLiteral("<li>") + sentence.toHtmlEscaped() + QStringLiteral("</li>");
    html += QStringLiteral("</ul>");
    const QString metrics = JsonText::summary(value("performance_metrics"), 6);
    if (!metrics.isEmpty())
        html += QStringLiteral("<p><i>") + metrics.toHtmlEscaped() + QStringLiteral("</i></p>");
    m_reasoning->setHtml(html);
    // The score components the engine ranked the asset on.
    const QJsonObject components =
        QJsonDocument::fromJson(value("supporting_data").toString().toUtf8())
            .object()
            .value(QStringLiteral("components"))
            .toObject();
    QStringList names;
    charts::BarGroup z{tr("z-score"), {}};
    for (auto it = components.begin(); it != components.end(); ++it) {
        names.append(displayLabel(it.key()));
        z.values.append(it.value().toObject().value(QStringLiteral("z")).toDouble());
    }
    m_components->setData(names, {z});
}

QString SuggestionsPage::reviewSelected(models::ReviewDecision decision)
{
    const UserSession &session = context().session;
    if (!session.isAdmin() || !session.isSignedIn())
        return tr("Only a signed-in admin can review suggestions.");
    const QList<int> ids = selectedIds();
    if (ids.isEmpty())
        return tr("Select one or more suggestions first.");
    if (context().actions) {
        reviewThroughActions(ids, decision);
        return {};
    }
    QSqlDatabase db = guiDatabase();
    models::SuggestionReviewService service(db);
    const QString notes = m_notes->text().trimmed();
    QString error;
    if (ids.size() == 1) {
        const QString tier = m_tier->currentData().toString();
        const Result<models::ReviewOutcome> outcome =
            service.review(ids.first(), session.userId, decision, notes,
                           tier.isEmpty() ? std::nullopt : std::optional<QString>(tier));
        if (!outcome)
            error = outcome.error();
    } else {
        const Result<std::vector<models::ReviewOutcome>> outcome =
            service.reviewAll(ids, session.userId, decision, notes);
        if (!outcome)
            error = outcome.error();
    }
    if (error.isEmpty()) {
        models::ChangeBus::instance().publish(db, service.changes());
        m_notes->clear();
        showNotice(tr("%n suggestion(s) reviewed.", nullptr, int(ids.size())));
    } else {
        showError(error);
    }
    // Refresh either way: after a conflict the queue shows what the other admin did.
    refresh();
    return error;
}

void SuggestionsPage::reviewThroughActions(const QList<int> &ids, models::ReviewDecision decision)
{
    // Peer mode: the peer decides; its refusal (409 when another admin was first) is shown.
    const QString tier = m_tier->currentData().toString();
    const QString notes = m_notes->text().trimmed();
    QPointer<SuggestionsPage> self(this);
    context().actions->review(
        ids, decision, notes,
        ids.size() == 1 && !tier.isEmpty() ? std::optional<QString>(tier) : std::nullopt,
        [self, count = int(ids.size())](const QString &error) {
            if (!self)
                return;
            if (error.isEmpty()) {
                self->m_notes->clear();
                self->showNotice(tr("%n suggestion(s) reviewed.", nullptr, count));
            } else {
                self->showError(error);
            }
            Q_EMIT self->reviewFinished(error);
        });
}

} // namespace cp::ui
