#include "signindialog.h"

#include <app/queuedcall.h>
#include <ui/signin.h>
#include <ui/theme.h>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QThreadPool>
#include <QVBoxLayout>

namespace cp::ui {

SignInDialog::SignInDialog(models::DatabaseUrl url, QWidget *parent)
    : QDialog(parent)
    , m_url(std::move(url))
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to CryptoPredict"));
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(tr("Sign in with your e-mail address and password."));
    m_intro->setWordWrap(true);
    auto *form = new QFormLayout;
    m_email = new QLineEdit;
    m_email->setObjectName(QStringLiteral("signInEmail"));
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("signInPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm = new QLineEdit;
    m_confirm->setObjectName(QStringLiteral("signInConfirm"));
    m_confirm->setEchoMode(QLineEdit::Password);
    m_confirmLabel = new QLabel(tr("&Repeat password:"));
    m_confirmLabel->setBuddy(m_confirm);
    form->addRow(tr("&E-mail:"), m_email);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(m_confirmLabel, m_confirm);
    m_confirm->hide();
    m_confirmLabel->hide();
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("signInMessage"));
    m_message->setWordWrap(true);
    auto *buttons = new QDialogButtonBox;
    m_submit = buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    m_submit->setObjectName(QStringLiteral("signInButton"));
    m_submit->setDefault(true);
    m_guest = buttons->addButton(tr("Continue as &guest"), QDialogButtonBox::RejectRole);
    m_guest->setObjectName(QStringLiteral("guestButton"));
    // Another instance's data instead of this database (peer mode, docs/peer-mode.md).
    m_peer = buttons->addButton(tr("Connect to a &peer..."), QDialogButtonBox::ActionRole);
    m_peer->setObjectName(QStringLiteral("peerButton"));
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_submit, &QPushButton::clicked, this, &SignInDialog::submit);
    connect(m_peer, &QPushButton::clicked, this, [this] { done(PeerRequested); });
    connect(m_guest, &QPushButton::clicked, this, [this] {
        m_session = UserSession();
        accept();
    });
    setBusy(true, tr("Opening the database..."));
    QThreadPool::globalInstance()->start([target = m_url, self = QPointer<SignInDialog>(this)] {
        const Result<bool> first = SignIn::needsFirstAdmin(target);
        app::callQueued(self, [first](SignInDialog *d) { d->modeChecked(first); });
    });
}

// The workers hold only copies of their inputs, open their own connections and hand results
// back through guarded queued calls: a dialog closed meanwhile drops them instead of waiting
// here for a connect timeout or an argon2id hash.
SignInDialog::~SignInDialog() = default;

void SignInDialog::modeChecked(const Result<bool> &first)
{
    m_firstRun = first.ok() && *first;
    if (!first)
        m_message->setText(first.error());
    if (m_firstRun) {
        setWindowTitle(tr("Create the first admin"));
        m_intro->setText(tr("This database has no admin yet. Choose the e-mail address and "
                            "password of the first one (at least 10 characters)."));
        m_submit->setText(tr("&Create admin"));
        m_confirm->show();
        m_confirmLabel->show();
    }
    setBusy(false);
    Q_EMIT modeKnown(m_firstRun);
}

void SignInDialog::signedIn(const Result<UserSession> &session)
{
    setBusy(false);
    if (!session) {
        m_message->setStyleSheet(
            QStringLiteral("color: %1;").arg(Theme::instance().colors().negative.name()));
        m_message->setText(session.error());
        m_password->selectAll();
        m_password->setFocus();
        return;
    }
    m_session = *session;
    accept();
}

void SignInDialog::setBusy(bool busy, const QString &message)
{
    m_submit->setEnabled(!busy);
    if (!message.isEmpty() || !busy)
        m_message->setText(message);
}

void SignInDialog::submit()
{
    if (m_firstRun && m_password->text() != m_confirm->text()) {
        m_message->setText(tr("The two passwords differ."));
        return;
    }
    const models::DatabaseUrl target = m_url;
    const QString email = m_email->text();
    const QString password = m_password->text();
    const bool first = m_firstRun;
    setBusy(true, first ? tr("Creating the admin...") : tr("Signing in..."));
    QThreadPool::globalInstance()->start(
        [target, email, password, first, self = QPointer<SignInDialog>(this)] {
            const Result<UserSession> session = SignIn::signIn(target, email, password, first);
            app::callQueued(self, [session](SignInDialog *d) { d->signedIn(session); });
        });
}

} // namespace cp::ui
