#include "adminpage.h"

#include "tableviews.h"

#include <app/modelretrainer.h>
#include <models/appconfig.h>
#include <models/changebus.h>
#include <models/views/adminqueries.h>
#include <models/views/jsontext.h>
#include <models/views/snapshottablemodel.h>

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
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

AdminPage::AdminPage(const ViewContext &context, QWidget *parent)
    : Page(context, parent)
{
    setObjectName(QStringLiteral("adminPage"));
    m_models = new SnapshotTableModel(
        {{QStringLiteral("name"), tr("Model"), ColumnFormat::Text},
         {QStringLiteral("model_type"), tr("Layer"), ColumnFormat::Label},
         {QStringLiteral("version"), tr("Version"), ColumnFormat::Text},
         {QStringLiteral("status"), tr("Status"), ColumnFormat::Label},
         {QStringLiteral("last_trained"), tr("Trained"), ColumnFormat::DateTime},
         {QStringLiteral("last_prediction"), tr("Last used"), ColumnFormat::DateTime},
         {QStringLiteral("metrics_summary"), tr("Metrics"), ColumnFormat::Text}},
        this);
    m_health = new SnapshotTableModel(
        {{QStringLiteral("check_time"), tr("Checked"), ColumnFormat::DateTime},
         {QStringLiteral("overall_health_score"), tr("Health score"), ColumnFormat::Number},
         {QStringLiteral("pipeline_summary"), tr("Data pipeline"), ColumnFormat::Text}},
        this);
    m_activities = new SnapshotTableModel(
        {{QStringLiteral("activity_time"), tr("When"), ColumnFormat::DateTime},
         {QStringLiteral("email"), tr("User"), ColumnFormat::Text},
         {QStringLiteral("activity_type"), tr("Activity"), ColumnFormat::Label},
         {QStringLiteral("details"), tr("Details"), ColumnFormat::Text}},
        this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    auto *tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("adminTabs"));
    auto *modelsTab = new QWidget;
    auto *modelsLayout = new QVBoxLayout(modelsTab);
    auto *modelSplit = new QSplitter(Qt::Vertical);
    modelSplit->setObjectName(QStringLiteral("modelSplitter"));
    QTableView *modelView = m_modelView =
        TableViews::create(QStringLiteral("modelTable"), TableViews::sortable(m_models, this));
    auto *detail = new QTextBrowser;
    detail->setObjectName(QStringLiteral("modelDetail"));
    connect(modelView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this, modelView, detail](const QModelIndex &current) {
                const int row =
                    m_models->rowOfId(current.data(SnapshotTableModel::RowIdRole).toLongLong());
                if (row < 0)
                    return;
                QString html = QStringLiteral("<h4>%1</h4><ul style='margin-left:-20px'>")
                                   .arg(m_models->fieldValue(row, QStringLiteral("name"))
                                            .toString()
                                            .toHtmlEscaped());
                for (const QString &s : JsonText::sentences(
                         m_models->fieldValue(row, QStringLiteral("performance_metrics"))))
                    html += QStringLiteral("<li>") + s.toHtmlEscaped() + QStringLiteral("</li>");
                detail->setHtml(html + QStringLiteral("</ul>"));
                Q_UNUSED(modelView)
            });
    modelSplit->addWidget(modelView);
    modelSplit->addWidget(detail);
    modelSplit->setSizes({300, 300});
    modelsLayout->addWidget(modelSplit, 1);
    auto *note = new QLabel(tr("Models are refitted on every analysis run; Retrain refits the "
                               "selected one now on the stored history. Their walk-forward "
                               "metrics are recorded here."));
    note->setProperty("role", QStringLiteral("caption"));
    note->setWordWrap(true);
    auto *retrain = new QPushButton(tr("&Retrain selected model"));
    retrain->setObjectName(QStringLiteral("retrainButton"));
    connect(retrain, &QPushButton::clicked, this, [this] { retrainSelected(); });
    auto *noteRow = new QHBoxLayout;
    noteRow->addWidget(note, 1);
    noteRow->addWidget(retrain);
    modelsLayout->addLayout(noteRow);
    tabs->addTab(modelsTab, tr("AI models"));
    tabs->addTab(
        TableViews::create(QStringLiteral("healthTable"), TableViews::sortable(m_health, this)),
        tr("System health"));
    tabs->addTab(TableViews::create(QStringLiteral("activityTable"),
                                    TableViews::sortable(m_activities, this)),
                 tr("User activities"));
    tabs->addTab(buildConfig(), tr("Configuration"));
    layout->addWidget(tabs, 1);
    addMessageLine();
}

QWidget *AdminPage::buildConfig()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    m_tier1 = new QSpinBox;
    m_tier1->setObjectName(QStringLiteral("tier1MaxSpin"));
    m_tier1->setRange(1, 1000);
    m_tier2 = new QSpinBox;
    m_tier2->setObjectName(QStringLiteral("tier2MaxSpin"));
    m_tier2->setRange(1, 5000);
    m_suggestionMin = new QDoubleSpinBox;
    m_suggestionMin->setObjectName(QStringLiteral("suggestionThresholdSpin"));
    m_signalMin = new QDoubleSpinBox;
    m_signalMin->setObjectName(QStringLiteral("signalThresholdSpin"));
    for (QDoubleSpinBox *box : {m_suggestionMin, m_signalMin}) {
        box->setRange(0.0, 1.0);
        box->setSingleStep(0.05);
        box->setDecimals(2);
    }
    auto *save = new QPushButton(tr("&Save configuration"));
    save->setObjectName(QStringLiteral("saveConfigButton"));
    connect(save, &QPushButton::clicked, this, [this] { saveConfig(); });
    form->addRow(tr("Tier 1 limit (assets):"), m_tier1);
    form->addRow(tr("Tier 2 limit (assets):"), m_tier2);
    form->addRow(tr("Minimum suggestion confidence:"), m_suggestionMin);
    form->addRow(tr("Minimum signal confidence:"), m_signalMin);
    form->addRow(QString(), save);
    return page;
}

QStringList AdminPage::watchedTables() const
{
    return {QStringLiteral("ai_models"), QStringLiteral("system_health"),
            QStringLiteral("user_activities"), QStringLiteral("app_metadata")};
}

void AdminPage::reload()
{
    load<SnapshotTable>(QStringLiteral("models"), &loadModels, [this](const SnapshotTable &t) {
        const qint64 current = TableViews::currentId(m_modelView);
        m_models->setSnapshot(t);
        if (!TableViews::selectId(m_modelView, current) && m_models->rowCount() > 0)
            m_modelView->selectRow(0);
    });
    load<SnapshotTable>(
        QStringLiteral("health"), [](QSqlDatabase db) { return loadSystemHealth(db); },
        [this](const SnapshotTable &t) { m_health->setSnapshot(t); });
    load<SnapshotTable>(
        QStringLiteral("activities"), [](QSqlDatabase db) { return loadUserActivities(db); },
        [this](const SnapshotTable &t) { m_activities->setSnapshot(t); });
    load<models::AppConfig>(QStringLiteral("config"), &models::AppConfig::load,
                            [this](const models::AppConfig &c) {
                                m_tier1->setValue(c.tier1Max);
                                m_tier2->setValue(c.tier2Max);
                                m_suggestionMin->setValue(c.suggestionConfidenceMin);
                                m_signalMin->setValue(c.signalConfidenceMin);
                            });
}

bool AdminPage::retrainSelected()
{
    const int row = m_models->rowOfId(TableViews::currentId(m_modelView));
    if (row < 0 || !context().session.isAdmin())
        return false;
    const QString name = m_models->fieldValue(row, QStringLiteral("name")).toString();
    if (!app::retrainableModels().contains(name)) {
        showError(tr("%1 cannot be retrained on its own; run an analysis instead.").arg(name));
        return false;
    }
    showNotice(tr("Retraining %1...").arg(name));
    // Refitting reads the whole history: a worker's job, like any slow read.
    load<engine::ModelRecord>(
        QStringLiteral("retrain"), [name](QSqlDatabase db) { return app::retrainModel(db, name); },
        [this, name](const engine::ModelRecord &) {
            showNotice(tr("%1 retrained.").arg(name));
            Q_EMIT retrained(name);
        });
    return true;
}

QString AdminPage::saveConfig()
{
    if (!context().session.isAdmin())
        return tr("Only an admin can change the configuration.");
    if (context().actions) {
        // Peer mode: the local copy is not the peer's configuration.
        const QString refused = tr("The peer's configuration cannot be changed from here yet.");
        showError(refused);
        return refused;
    }
    models::AppConfig config;
    config.tier1Max = m_tier1->value();
    config.tier2Max = m_tier2->value();
    config.suggestionConfidenceMin = m_suggestionMin->value();
    config.signalConfidenceMin = m_signalMin->value();
    QSqlDatabase db = guiDatabase();
    const Status saved = config.save(db);
    if (!saved) {
        showError(saved.error());
        return saved.error();
    }
    models::ChangeBus::instance().publish(
        db, {{QStringLiteral("app_metadata"), 0, QStringLiteral("update")}});
    showNotice(tr("Configuration saved."));
    return {};
}

} // namespace cp::ui
