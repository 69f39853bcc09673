#include "datapage.h"

#include "firstrunwizard.h"

#include <app/queuedcall.h>
#include <models/connection.h>
#include <ui/dialogs/importdialog.h>

#include <QButtonGroup>
#include <QDateTime>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QRadioButton>
#include <QThreadPool>
#include <QTimeZone>
#include <QVBoxLayout>

namespace cp::ui {

namespace {

Result<app::DemoReport> loadDemo(const models::DatabaseUrl &url,
                                 const engine::SimulationConfig &config,
                                 const app::DemoLoader::Progress &progress)
{
    return models::withConnection(url, QStringLiteral("cp-wizard-demo"), [&](QSqlDatabase db) {
        return app::DemoLoader(db).load(config, progress);
    });
}

} // namespace

DataPage::DataPage(FirstRunWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("wizardDataPage"));
    setTitle(tr("Data to start with"));
    setSubTitle(tr("You can load simulated market history to explore the program, or start "
                   "empty and bring in your own price files."));
    // History ends at the start of today (UTC), like `cryptopredict-cli demo`.
    const QDateTime today(QDateTime::currentDateTimeUtc().date(), QTime(0, 0), QTimeZone::utc());
    m_config.startTime = today.toSecsSinceEpoch() - static_cast<qint64>(m_config.days) * 86400;

    m_demo = new QRadioButton;
    m_demo->setObjectName(QStringLiteral("wizardDemoData"));
    m_import = new QRadioButton(tr("&Import price files now (CSV or CoinGecko JSON)"));
    m_import->setObjectName(QStringLiteral("wizardImportData"));
    m_empty = new QRadioButton(tr("Start &empty; import price files later from File > Import"));
    m_empty->setObjectName(QStringLiteral("wizardEmptyData"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_demo);
    group->addButton(m_import);
    group->addButton(m_empty);
    m_demo->setChecked(true);
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("wizardDemoProgress"));
    m_progress->hide();
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("wizardDataMessage"));
    m_message->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_demo);
    layout->addWidget(m_import);
    layout->addWidget(m_empty);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addStretch();
    setDemoConfig(m_config);
}

void DataPage::setDemoConfig(const engine::SimulationConfig &config)
{
    m_config = config;
    m_demo->setText(tr("Load &simulated demo data (%1 assets, %2 days; marked as simulated "
                       "everywhere)")
                        .arg(m_config.assetCount)
                        .arg(m_config.days));
}

// A running demo load is cancelled, not waited for: its transaction rolls back on the worker's
// own connection, and its progress and result reach the page only through guarded queued calls.
DataPage::~DataPage()
{
    m_cancel->store(true);
}

void DataPage::initializePage()
{
    // Writing market data is an admin's job; a user who signed in to an existing database
    // takes it as it is.
    const bool admin = m_wizard->session().isAdmin();
    m_demo->setEnabled(admin && !m_loaded);
    m_import->setEnabled(admin);
    if (!admin) {
        m_empty->setChecked(true);
        m_empty->setText(tr("Use the data already in the database"));
    }
}

QString DataPage::messageText() const
{
    return m_message->text();
}

bool DataPage::validatePage()
{
    if (m_import->isChecked() && m_import->isEnabled() && !m_importDone) {
        startImport();
        return false;
    }
    if (!m_demo->isChecked() || !m_demo->isEnabled() || m_loaded)
        return true;
    if (m_busy)
        return false;
    m_progress->setRange(0, m_config.assetCount);
    m_progress->setValue(0);
    m_progress->show();
    m_message->setText(tr("Loading simulated data..."));
    m_demo->setEnabled(false);
    m_import->setEnabled(false);
    m_empty->setEnabled(false);
    const models::DatabaseUrl url = m_wizard->databaseUrl();
    const engine::SimulationConfig config = m_config;
    const std::shared_ptr<std::atomic_bool> cancel = m_cancel;
    m_busy = true;
    QThreadPool::globalInstance()->start([url, config, cancel, page = QPointer<DataPage>(this)] {
        const Result<app::DemoReport> report = loadDemo(url, config, [cancel, page](int done, int) {
            app::callQueued(page, [done](DataPage *p) { p->m_progress->setValue(done); });
            return !cancel->load();
        });
        app::callQueued(page, [report](DataPage *p) { p->finished(report); });
    });
    return false;
}

void DataPage::finished(const Result<app::DemoReport> &report)
{
    m_busy = false;
    m_empty->setEnabled(true);
    m_import->setEnabled(true);
    if (!report) {
        m_progress->hide();
        m_demo->setEnabled(true);
        m_message->setText(report.error());
        Q_EMIT demoFinished(false);
        return;
    }
    m_loaded = true;
    m_progress->setValue(m_progress->maximum());
    m_message->setText(
        tr("Loaded %1 simulated assets with %2 candles.").arg(report->assets).arg(report->candles));
    Q_EMIT demoFinished(true);
    m_wizard->accept();
}

void DataPage::startImport()
{
    // The import dialog of File > Import, on the database just set up; finishing goes on when
    // it is closed, whatever was imported (more can follow from File > Import).
    auto *dialog = new ImportDialog(m_wizard->databaseUrl(), m_wizard);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this] {
        m_importDone = true;
        m_wizard->accept();
    });
    dialog->open();
    Q_EMIT importOpened(dialog);
}

} // namespace cp::ui
