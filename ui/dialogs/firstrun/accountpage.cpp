#include "accountpage.h"

#include "firstrunwizard.h"

#include <app/queuedcall.h>
#include <ui/signin.h>
#include <ui/theme.h>

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QThreadPool>
#include <QVBoxLayout>

namespace cp::ui {

AccountPage::AccountPage(FirstRunWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("wizardAccountPage"));
    m_email = new QLineEdit;
    m_email->setObjectName(QStringLiteral("wizardAdminEmail"));
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("wizardAdminPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm = new QLineEdit;
    m_confirm->setObjectName(QStringLiteral("wizardAdminConfirm"));
    m_confirm->setEchoMode(QLineEdit::Password);
    m_confirmLabel = new QLabel(tr("&Repeat password:"));
    m_confirmLabel->setBuddy(m_confirm);
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("wizardAccountMessage"));
    m_message->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&E-mail:"), m_email);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(m_confirmLabel, m_confirm);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch();
}

// The worker holds only copies of its inputs, opens its own connection and hands its result
// back through a guarded queued call: a page closed meanwhile drops it instead of waiting here
// for the argon2id hash.
AccountPage::~AccountPage() = default;

void AccountPage::initializePage()
{
    const bool first = m_wizard->needsFirstAdmin();
    setTitle(first ? tr("Create the first admin") : tr("Sign in"));
    setSubTitle(first ? tr("The admin manages users, runs analyses and tunes shared limits. "
                           "Choose a password of at least 10 characters.")
                      : tr("This database already has users. Sign in with your account."));
    m_confirm->setVisible(first);
    m_confirmLabel->setVisible(first);
    m_message->clear();
}

QString AccountPage::messageText() const
{
    return m_message->text();
}

bool AccountPage::validatePage()
{
    const models::DatabaseUrl url = m_wizard->databaseUrl();
    const QString email = m_email->text().trimmed();
    const QString key = url.displayString() + QLatin1Char('\n') + email;
    if (!m_doneFor.isEmpty() && m_doneFor == key && m_wizard->session().isSignedIn())
        return true;
    if (m_busy)
        return false;
    const bool first = m_wizard->needsFirstAdmin();
    if (first && m_password->text() != m_confirm->text()) {
        m_message->setText(tr("The two passwords differ."));
        Q_EMIT accountFinished(false);
        return false;
    }
    const QString password = m_password->text();
    m_pendingFor = key;
    m_message->setStyleSheet(QString());
    m_message->setText(first ? tr("Creating the admin...") : tr("Signing in..."));
    m_busy = true;
    QThreadPool::globalInstance()->start(
        [url, email, password, first, page = QPointer<AccountPage>(this)] {
            const Result<UserSession> session = SignIn::signIn(url, email, password, first);
            app::callQueued(page, [session](AccountPage *p) { p->finished(session); });
        });
    return false;
}

void AccountPage::finished(const Result<UserSession> &session)
{
    m_busy = false;
    if (!session) {
        m_message->setStyleSheet(
            QStringLiteral("color: %1;").arg(Theme::instance().colors().negative.name()));
        m_message->setText(session.error());
        Q_EMIT accountFinished(false);
        return;
    }
    m_wizard->setSession(*session);
    m_doneFor = m_pendingFor;
    // The admin exists now: going back and forth must sign in, not create a second one.
    m_wizard->setDatabase(m_wizard->databaseUrl(), false);
    m_message->clear();
    Q_EMIT accountFinished(true);
    m_wizard->next();
}

} // namespace cp::ui
