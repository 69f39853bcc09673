#include "peersignindialog.h"

#include <ui/theme.h>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cp::ui {

PeerSignInDialog::PeerSignInDialog(const QString &url, const QString &email, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("peerSignInDialog"));
    setWindowTitle(tr("Connect to a peer"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Sign in to another CryptoPredict that serves its data "
                                "(\"cryptopredict-cli serve\"). This desktop then shows that "
                                "peer's data and sends your actions to it."));
    intro->setWordWrap(true);
    m_notice = new QLabel;
    m_notice->setObjectName(QStringLiteral("peerSignInNotice"));
    m_notice->setWordWrap(true);
    m_notice->hide();
    auto *form = new QFormLayout;
    m_url = new QLineEdit(url);
    m_url->setObjectName(QStringLiteral("peerUrl"));
    m_url->setPlaceholderText(tr("http://host:8000"));
    m_email = new QLineEdit(email);
    m_email->setObjectName(QStringLiteral("peerEmail"));
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("peerPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Peer &address:"), m_url);
    form->addRow(tr("&E-mail:"), m_email);
    form->addRow(tr("&Password:"), m_password);
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("peerSignInMessage"));
    m_message->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_submit = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_submit->setObjectName(QStringLiteral("peerConnectButton"));
    m_submit->setDefault(true);
    layout->addWidget(intro);
    layout->addWidget(m_notice);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    connect(m_submit, &QPushButton::clicked, this, &PeerSignInDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (!url.isEmpty() && !email.isEmpty())
        m_password->setFocus();
}

void PeerSignInDialog::submit()
{
    const QUrl base = app::PeerClient::normalizedBase(m_url->text());
    auto fail = [this](const QString &message) {
        m_message->setStyleSheet(
            QStringLiteral("color: %1;").arg(Theme::instance().colors().negative.name()));
        m_message->setText(message);
        Q_EMIT attempted(message);
    };
    if (!base.isValid()) {
        fail(tr("Enter the peer's address, e.g. http://analysis-server:8000."));
        return;
    }
    if (m_email->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        fail(tr("Enter your e-mail address and password on the peer."));
        return;
    }
    if (m_client)
        m_client->deleteLater();
    m_client = new app::PeerClient(base, this);
    setBusy(true);
    m_message->setStyleSheet(QString());
    m_message->setText(tr("Connecting to %1...").arg(base.toString()));
    m_client->login(m_email->text().trimmed(), m_password->text(),
                    [this, base, fail](const Result<app::PeerLogin> &login) {
                        setBusy(false);
                        if (!login) {
                            fail(login.error());
                            return;
                        }
                        m_login = *login;
                        m_base = base;
                        m_password->clear();
                        Q_EMIT attempted(QString());
                        accept();
                    });
}

void PeerSignInDialog::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

QString PeerSignInDialog::notice() const
{
    return m_notice->text();
}

void PeerSignInDialog::setBusy(bool busy)
{
    m_submit->setEnabled(!busy);
    m_url->setEnabled(!busy);
    m_email->setEnabled(!busy);
    m_password->setEnabled(!busy);
}

} // namespace cp::ui
