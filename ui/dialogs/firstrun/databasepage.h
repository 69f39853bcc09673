#pragma once

#include <models/connectioncheck.h>

#include <QWizardPage>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace cp::ui {

class FirstRunWizard;

/** What the worker found about a candidate database. */
struct DatabaseProbe
{
    models::ConnectionCheck check;
    //! Set when the schema was brought up to date: whether the database still needs an admin.
    std::optional<bool> needsFirstAdmin;
};

/**
 * First-run page 1: a local SQLite file or a shared PostgreSQL server. "Test connection" and
 * "Next" check the database off the GUI thread; a failure says what to fix (host unreachable,
 * password refused, database missing, schema too new). Also says up front whether the OS
 * keychain can keep the password, or it will be asked for at each start.
 */
class DatabasePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit DatabasePage(FirstRunWizard *wizard);
    ~DatabasePage() override;

    void initializePage() override;
    bool validatePage() override;

    //! The database described by the inputs (with the typed password), or why not.
    Result<models::DatabaseUrl> currentUrl() const;
    //! Starts the connection test of the current inputs (the "Test connection" button).
    void testConnection();
    //! The text of the last test or check, for the user.
    QString resultText() const;
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    //! A test or the check behind "Next" finished (tests wait for it).
    void checkFinished(bool ok);
    //! The keychain probe answered; `available` false means "asked each time".
    void keychainKnown(bool available);

private:
    void start(bool prepare);
    void finished(const DatabaseProbe &result);
    void updateMode();
    QString inputsKey() const;
    QString explain(const models::ConnectionCheck &check) const;

    FirstRunWizard *m_wizard;
    bool m_busy = false;
    bool m_preparing = false;
    QString m_pendingKey;
    models::DatabaseUrl m_pendingUrl;
    //! Inputs that passed the full check (schema migrated); "Next" goes on without a new check.
    QString m_preparedKey;
    bool m_probed = false;
    QRadioButton *m_local = nullptr;
    QRadioButton *m_shared = nullptr;
    QLineEdit *m_filePath = nullptr;
    QPushButton *m_browse = nullptr;
    QLineEdit *m_postgresUrl = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_result = nullptr;
    QLabel *m_keychain = nullptr;
};

} // namespace cp::ui
