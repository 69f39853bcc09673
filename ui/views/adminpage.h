#pragma once

#include "page.h"

class QDoubleSpinBox;
class QSpinBox;
class QTableView;

namespace cp::models::views {
class SnapshotTableModel;
}

namespace cp::ui {

/**
 * Admin (admins only): the AI model registry with status and metrics, system health checks,
 * user activities, and the shared configuration (tier limits, confidence thresholds).
 */
class AdminPage : public Page
{
    Q_OBJECT

public:
    explicit AdminPage(const ViewContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("Admin"); }
    QStringList watchedTables() const override;
    //! Saves the configuration fields; the error sentence, empty on success.
    QString saveConfig();
    //! Refits the selected model off the GUI thread; false when none or not retrainable.
    bool retrainSelected();

Q_SIGNALS:
    void retrained(const QString &modelName);

protected:
    void reload() override;

private:
    QWidget *buildConfig();

    models::views::SnapshotTableModel *m_models = nullptr;
    models::views::SnapshotTableModel *m_health = nullptr;
    models::views::SnapshotTableModel *m_activities = nullptr;
    QTableView *m_modelView = nullptr;
    QSpinBox *m_tier1 = nullptr;
    QSpinBox *m_tier2 = nullptr;
    QDoubleSpinBox *m_suggestionMin = nullptr;
    QDoubleSpinBox *m_signalMin = nullptr;
};

} // namespace cp::ui
