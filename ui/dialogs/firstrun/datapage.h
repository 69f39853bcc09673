#pragma once

#include <app/demoloader.h>

#include <QWizardPage>

#include <atomic>
#include <memory>

class QDialog;
class QLabel;
class QProgressBar;
class QRadioButton;

namespace cp::ui {

class FirstRunWizard;

/**
 * First-run page 3: load simulated demo data (on a worker thread, with progress, clearly
 * labelled simulated everywhere) or start empty and import files later. Finishing waits for the
 * demo load.
 */
class DataPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit DataPage(FirstRunWizard *wizard);
    ~DataPage() override;

    void initializePage() override;
    bool validatePage() override;
    //! The simulation the demo option loads (tests make it small).
    void setDemoConfig(const engine::SimulationConfig &config);
    QString messageText() const;

Q_SIGNALS:
    //! The demo load finished (ok) or failed (tests wait for it).
    void demoFinished(bool ok);
    //! The import dialog was opened over the wizard (the "import files" choice).
    void importOpened(QDialog *dialog);

private:
    void finished(const Result<app::DemoReport> &report);
    void startImport();

    FirstRunWizard *m_wizard;
    engine::SimulationConfig m_config;
    //! Shared with the demo-load worker, which may outlive the page.
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
    bool m_busy = false;
    bool m_loaded = false;
    //! The import dialog was shown and closed; finishing goes on.
    bool m_importDone = false;
    QRadioButton *m_demo = nullptr;
    QRadioButton *m_import = nullptr;
    QRadioButton *m_empty = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace cp::ui
