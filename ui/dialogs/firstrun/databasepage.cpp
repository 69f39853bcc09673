#include "databasepage.h"

#include "firstrunwizard.h"

#include <app/queuedcall.h>
#include <app/settings/credentialstore.h>
#include <ui/signin.h>
#include <ui/theme.h>

#include <QButtonGroup>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QThreadPool>
#include <QVBoxLayout>

namespace cp::ui {

namespace {

DatabaseProbe probe(const models::DatabaseUrl &url, bool prepare)
{
    DatabaseProbe result;
    result.check = models::checkConnection(url);
    if (!result.check.ok() || !prepare)
        return result;
    // Brings the schema up to date (SignIn opens, migrates and counts admins).
    const Result<bool> needsAdmin = SignIn::needsFirstAdmin(url);
    if (!needsAdmin) {
        result.check.failure = models::ConnectionFailure::Other;
        result.check.message = needsAdmin.error();
        return result;
    }
    result.needsFirstAdmin = *needsAdmin;
    return result;
}

} // namespace

DatabasePage::DatabasePage(FirstRunWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("wizardDatabasePage"));
    setTitle(tr("Where should CryptoPredict keep its data?"));
    setSubTitle(tr("A local file is enough for one computer. A shared PostgreSQL server lets "
                   "several desktops and the API work on the same data."));

    m_local = new QRadioButton(tr("&Local: a database file on this computer (SQLite)"));
    m_local->setObjectName(QStringLiteral("wizardLocal"));
    m_shared = new QRadioButton(tr("&Shared: a PostgreSQL server"));
    m_shared->setObjectName(QStringLiteral("wizardShared"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_local);
    group->addButton(m_shared);
    m_local->setChecked(true);

    m_filePath = new QLineEdit(models::DatabaseUrl::defaultSqlite().filePath);
    m_filePath->setObjectName(QStringLiteral("wizardSqlitePath"));
    m_browse = new QPushButton(tr("&Browse..."));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_filePath, 1);
    fileRow->addWidget(m_browse);

    m_postgresUrl = new QLineEdit;
    m_postgresUrl->setObjectName(QStringLiteral("wizardPostgresUrl"));
    m_postgresUrl->setPlaceholderText(
        QStringLiteral("postgresql://user@db.example.com:5432/cryptopredict"));
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("wizardPostgresPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_test = new QPushButton(tr("&Test connection"));
    m_test->setObjectName(QStringLiteral("wizardTestConnection"));
    auto *shared = new QFormLayout;
    shared->addRow(tr("Server &URL:"), m_postgresUrl);
    shared->addRow(tr("&Password:"), m_password);

    m_result = new QLabel;
    m_result->setObjectName(QStringLiteral("wizardConnectionResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_keychain = new QLabel;
    m_keychain->setObjectName(QStringLiteral("wizardKeychainStatus"));
    m_keychain->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_local);
    layout->addLayout(fileRow);
    layout->addSpacing(8);
    layout->addWidget(m_shared);
    layout->addLayout(shared);
    layout->addWidget(m_keychain);
    layout->addWidget(m_test, 0, Qt::AlignLeft);
    layout->addWidget(m_result);
    layout->addStretch();

    connect(m_local, &QRadioButton::toggled, this, &DatabasePage::updateMode);
    connect(m_test, &QPushButton::clicked, this, &DatabasePage::testConnection);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(
            this, tr("Database file"), m_filePath->text(), tr("SQLite databases (*.db)"), nullptr,
            QFileDialog::DontConfirmOverwrite);
        if (!file.isEmpty())
            m_filePath->setText(file);
    });
    updateMode();
}

// The worker holds only copies of the inputs and hands its result back through a guarded
// queued call, so a page closed meanwhile drops it instead of waiting (up to the connect
// timeout) here.
DatabasePage::~DatabasePage() = default;

void DatabasePage::initializePage()
{
    if (m_probed)
        return;
    m_probed = true;
    m_keychain->setText(tr("Checking the keychain..."));
    m_wizard->credentials().probe(this, [this](const app::CredentialResult &result) {
        const bool available = !result.keychainMissing();
        m_keychain->setText(available ? tr("The password will be kept in the system keychain.")
                                      : result.message);
        Q_EMIT keychainKnown(available);
    });
}

void DatabasePage::updateMode()
{
    const bool local = m_local->isChecked();
    m_filePath->setEnabled(local);
    m_browse->setEnabled(local);
    m_postgresUrl->setEnabled(!local);
    m_password->setEnabled(!local);
    m_keychain->setVisible(!local);
    m_result->clear();
}

Result<models::DatabaseUrl> DatabasePage::currentUrl() const
{
    if (m_local->isChecked()) {
        const QString path = m_filePath->text().trimmed();
        if (path.isEmpty())
            return Result<models::DatabaseUrl>::failure(tr("Choose a database file."));
        return models::DatabaseUrl::parse(QStringLiteral("sqlite://") +
                                          QFileInfo(path).absoluteFilePath());
    }
    const QString text = m_postgresUrl->text().trimmed();
    if (text.isEmpty())
        return Result<models::DatabaseUrl>::failure(
            tr("Enter the server's URL, as in postgresql://user@host:5432/cryptopredict."));
    Result<models::DatabaseUrl> url = models::DatabaseUrl::parse(text);
    if (url && url->dialect != models::Dialect::PostgreSQL)
        return Result<models::DatabaseUrl>::failure(
            tr("A shared database URL starts with postgresql://."));
    if (url && !m_password->text().isEmpty())
        url->password = m_password->text();
    return url;
}

QString DatabasePage::inputsKey() const
{
    const Result<models::DatabaseUrl> url = currentUrl();
    return url ? url->displayString() + QLatin1Char('\n') + url->password : QString();
}

QString DatabasePage::resultText() const
{
    return m_result->text();
}

void DatabasePage::testConnection()
{
    start(false);
}

bool DatabasePage::validatePage()
{
    const QString key = inputsKey();
    if (!key.isEmpty() && key == m_preparedKey)
        return true;
    // Checking takes a network round trip (or a migration): do it off the GUI thread and go on
    // when it succeeds.
    start(true);
    return false;
}

void DatabasePage::start(bool prepare)
{
    if (m_busy)
        return;
    const Result<models::DatabaseUrl> url = currentUrl();
    if (!url) {
        m_result->setStyleSheet(
            QStringLiteral("color: %1;").arg(Theme::instance().colors().negative.name()));
        m_result->setText(url.error());
        Q_EMIT checkFinished(false);
        return;
    }
    m_preparing = prepare;
    m_pendingKey = inputsKey();
    m_pendingUrl = *url;
    m_result->setStyleSheet(QString());
    m_result->setText(prepare ? tr("Preparing the database...") : tr("Connecting..."));
    m_test->setEnabled(false);
    const models::DatabaseUrl target = *url;
    m_busy = true;
    QThreadPool::globalInstance()->start([target, prepare, page = QPointer<DatabasePage>(this)] {
        const DatabaseProbe result = probe(target, prepare);
        app::callQueued(page, [result](DatabasePage *p) { p->finished(result); });
    });
}

QString DatabasePage::explain(const models::ConnectionCheck &check) const
{
    switch (check.failure) {
    case models::ConnectionFailure::HostUnreachable:
        return tr("Host unreachable: %1 Check the host name and port, and that the server "
                  "accepts connections from this computer.")
            .arg(check.message);
    case models::ConnectionFailure::AuthenticationFailed:
        return tr("Authentication failed: %1 Check the user name and password.").arg(check.message);
    case models::ConnectionFailure::DatabaseMissing:
        return tr("Database missing: %1 Create it first (for example: createdb NAME) or ask "
                  "the server's administrator.")
            .arg(check.message);
    case models::ConnectionFailure::SchemaTooNew:
        return tr("Schema too new: %1").arg(check.message);
    default:
        return check.message;
    }
}

void DatabasePage::finished(const DatabaseProbe &result)
{
    m_busy = false;
    m_test->setEnabled(true);
    if (!result.check.ok()) {
        m_result->setStyleSheet(
            QStringLiteral("color: %1;").arg(Theme::instance().colors().negative.name()));
        m_result->setText(explain(result.check));
        Q_EMIT checkFinished(false);
        return;
    }
    m_result->setStyleSheet(
        QStringLiteral("color: %1;").arg(Theme::instance().colors().positive.name()));
    m_result->setText(result.check.schemaVersion > 0
                          ? tr("Connected. The database already holds CryptoPredict data "
                               "(schema version %1).")
                                .arg(result.check.schemaVersion)
                          : tr("Connected. The database is empty and will be set up."));
    if (m_preparing && result.needsFirstAdmin.has_value() && m_pendingKey == inputsKey()) {
        m_preparedKey = m_pendingKey;
        m_wizard->setDatabase(m_pendingUrl, *result.needsFirstAdmin);
        Q_EMIT checkFinished(true);
        m_wizard->next();
        return;
    }
    Q_EMIT checkFinished(true);
}

} // namespace cp::ui
