#pragma once

#include "page.h"

#include <models/suggestionreviewservice.h>
#include <models/views/snapshottable.h>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;

namespace cp::models::views {
class SnapshotTableModel;
}

namespace cp::ui {

namespace charts {
class BarChart;
}

/**
 * Suggestion review (admins only): the pending AI suggestions sorted by confidence or expiry,
 * the reasoning as sentences and the score components charted; approve, reject or defer with
 * notes, one or many at once, through SuggestionReviewService (one transaction; a suggestion
 * another admin reviewed first is reported and the queue refreshed, never applied twice).
 */
class SuggestionsPage : public Page
{
    Q_OBJECT

public:
    explicit SuggestionsPage(const ViewContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("Suggestions"); }
    QStringList watchedTables() const override;

    //! Reviews the selected suggestions; returns the service's error sentence, empty on success.
    QString reviewSelected(models::ReviewDecision decision);

Q_SIGNALS:
    //! A review sent to a peer was answered (empty error on success); peer mode only.
    void reviewFinished(const QString &error);

protected:
    void reload() override;

private:
    void reviewThroughActions(const QList<int> &ids, models::ReviewDecision decision);
    QWidget *buildActions();
    QWidget *buildDetail();
    void showQueue(const models::views::SnapshotTable &table);
    void showSelected();
    void updateActions();
    void applySort();
    QList<int> selectedIds() const;

    models::views::SnapshotTableModel *m_queue = nullptr;
    models::views::SnapshotTableModel *m_reviews = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_sort = nullptr;
    QComboBox *m_tier = nullptr;
    QLineEdit *m_notes = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_reject = nullptr;
    QPushButton *m_defer = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_detailTitle = nullptr;
    QTextBrowser *m_reasoning = nullptr;
    charts::BarChart *m_components = nullptr;
};

} // namespace cp::ui
