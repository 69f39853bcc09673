#include "firstrunwizard.h"

#include "accountpage.h"
#include "databasepage.h"
#include "datapage.h"

#include <app/settings/appsettings.h>
#include <app/settings/credentialstore.h>

#include <QAbstractButton>

namespace cp::ui {

FirstRunWizard::FirstRunWizard(QWidget *parent)
    : QWizard(parent)
    , m_credentials(new app::CredentialStore(this))
{
    setObjectName(QStringLiteral("firstRunWizard"));
    setWindowTitle(tr("Set up CryptoPredict"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    // Room for the connection test's explanations without clipping them.
    setMinimumSize(640, 520);
    m_databasePage = new DatabasePage(this);
    m_accountPage = new AccountPage(this);
    m_dataPage = new DataPage(this);
    setPage(DatabasePageId, m_databasePage);
    setPage(AccountPageId, m_accountPage);
    setPage(DataPageId, m_dataPage);
    setStartId(DatabasePageId);
}

FirstRunWizard::~FirstRunWizard() = default;

void FirstRunWizard::setDatabase(const models::DatabaseUrl &url, bool needsFirstAdmin)
{
    if (url.displayString() != m_url.displayString())
        m_session = UserSession();
    m_url = url;
    m_needsFirstAdmin = needsFirstAdmin;
}

void FirstRunWizard::done(int result)
{
    if (result != QDialog::Accepted || m_saved) {
        QWizard::done(result);
        return;
    }
    if (m_saving || !validateCurrentPage())
        return;
    saveAndClose();
}

void FirstRunWizard::saveAndClose()
{
    m_saving = true;
    button(QWizard::FinishButton)->setEnabled(false);
    auto finish = [this] {
        app::AppSettings settings = app::AppSettings::load();
        settings.mode = app::DataSourceMode::Database;
        settings.database.url = m_url.displayString();
        settings.firstRunDone = true;
        settings.save();
        m_saving = false;
        m_saved = true;
        Q_EMIT completed();
        QWizard::done(QDialog::Accepted);
    };
    if (m_url.dialect != models::Dialect::PostgreSQL || m_url.password.isEmpty()) {
        finish();
        return;
    }
    // The password goes to the keychain; without one it is kept for this session only and
    // asked for at the next start (the database page said so before).
    const QString key = app::CredentialStore::databaseKey(m_url);
    m_credentials->write(key, m_url.password, this,
                         [this, key, finish](const app::CredentialResult &stored) {
                             if (!stored.ok()) {
                                 m_keychainNotice = stored.message;
                                 app::CredentialStore::rememberForSession(key, m_url.password);
                             }
                             finish();
                         });
}

} // namespace cp::ui
