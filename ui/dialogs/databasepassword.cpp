#include "databasepassword.h"

#include <app/settings/credentialstore.h>

#include <QCoreApplication>
#include <QInputDialog>
#include <QLineEdit>

namespace cp::ui::DatabasePassword {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("cp::ui::DatabasePassword", text);
}
} // namespace

bool obtain(models::DatabaseUrl &url, app::CredentialStore &store, QWidget *parent)
{
    if (url.dialect != models::Dialect::PostgreSQL || !url.password.isEmpty() ||
        qEnvironmentVariableIsSet("PGPASSWORD"))
        return true;
    const QString key = app::CredentialStore::databaseKey(url);
    const app::CredentialResult stored = store.readBlocking(key);
    if (stored.ok()) {
        url.password = stored.secret;
        return true;
    }
    if (!stored.keychainMissing())
        return true;
    bool accepted = false;
    const QString password =
        QInputDialog::getText(parent, tr("Database password"),
                              tr("%1\n\nPassword for %2:").arg(stored.message, url.displayString()),
                              QLineEdit::Password, QString(), &accepted);
    if (!accepted)
        return false;
    url.password = password;
    app::CredentialStore::rememberForSession(key, password);
    return true;
}

} // namespace cp::ui::DatabasePassword
