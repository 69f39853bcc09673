#pragma once

#include <ui/usersession.h>

#include <models/databaseurl.h>

#include <QWizard>

namespace cp::app {
class CredentialStore;
}

namespace cp::ui {

class DatabasePage;
class AccountPage;
class DataPage;

/**
 * The first-run wizard (also re-run from the settings): choose a local SQLite file or a shared
 * PostgreSQL server (with a connection test that says what is wrong), create the first admin or
 * sign in, load simulated demo data or start empty. Finishing stores the choice in AppSettings
 * (the URL without its password), the password in the OS keychain, and marks the first run done.
 */
class FirstRunWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { DatabasePageId, AccountPageId, DataPageId };

    explicit FirstRunWizard(QWidget *parent = nullptr);
    ~FirstRunWizard() override;

    //! The database chosen, with its password for this process (never saved in settings).
    const models::DatabaseUrl &databaseUrl() const { return m_url; }
    //! The admin created, or the user who signed in, once the account page was passed.
    const UserSession &session() const { return m_session; }
    //! The message shown when the keychain could not keep the password (empty otherwise).
    QString keychainNotice() const { return m_keychainNotice; }

    DatabasePage *databasePage() const { return m_databasePage; }
    AccountPage *accountPage() const { return m_accountPage; }
    DataPage *dataPage() const { return m_dataPage; }

    // Set by the pages as the user goes forward.
    void setDatabase(const models::DatabaseUrl &url, bool needsFirstAdmin);
    bool needsFirstAdmin() const { return m_needsFirstAdmin; }
    void setSession(const UserSession &session) { m_session = session; }
    app::CredentialStore &credentials() const { return *m_credentials; }

Q_SIGNALS:
    //! Settings were saved and the wizard is about to close with Accepted.
    void completed();

protected:
    void done(int result) override;

private:
    void saveAndClose();

    models::DatabaseUrl m_url;
    UserSession m_session;
    bool m_needsFirstAdmin = false;
    bool m_saving = false;
    bool m_saved = false;
    QString m_keychainNotice;
    app::CredentialStore *m_credentials = nullptr;
    DatabasePage *m_databasePage = nullptr;
    AccountPage *m_accountPage = nullptr;
    DataPage *m_dataPage = nullptr;
};

} // namespace cp::ui
