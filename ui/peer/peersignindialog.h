#pragma once

#include <app/peer/peerclient.h>

#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;

namespace cp::ui {

/**
 * "Connect to a peer": the address of another CryptoPredict's API, an e-mail address and a
 * password, checked by the peer's sign-in endpoint. Failures are explained: the address does not
 * answer, the password is wrong, or what answered is not a CryptoPredict server.
 */
class PeerSignInDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PeerSignInDialog(const QString &url = {}, const QString &email = {},
                              QWidget *parent = nullptr);

    //! The signed-in account once accepted.
    const app::PeerLogin &login() const { return m_login; }
    //! The peer's base URL once accepted.
    const QUrl &peerUrl() const { return m_base; }
    //! Fills the form and signs in (tests, and a renewed sign-in with a known account).
    void submit();
    //! Why the dialog is shown (a saved sign-in was refused) or that no keychain is available;
    //! stays visible while signing in.
    void setNotice(const QString &text);
    QString notice() const;

Q_SIGNALS:
    //! A sign-in attempt was answered (tests wait on it); empty error on success.
    void attempted(const QString &error);

private:
    void setBusy(bool busy);

    app::PeerLogin m_login;
    QUrl m_base;
    QPointer<app::PeerClient> m_client;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_notice = nullptr;
    QPushButton *m_submit = nullptr;
};

} // namespace cp::ui
