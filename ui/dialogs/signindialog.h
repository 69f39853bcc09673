#pragma once

#include <ui/usersession.h>

#include <models/databaseurl.h>

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace cp::ui {

/**
 * Sign-in before the main window opens: e-mail and password checked off the GUI thread; on a
 * database without an admin it creates the first one instead; "Continue as guest" opens the
 * casual (read-only) desktop; "Connect to a peer..." leaves this database for another
 * instance's API (exec() returns PeerRequested).
 */
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    //! exec()'s result when the user chose "Connect to a peer..." instead of signing in here.
    static constexpr int PeerRequested = QDialog::Accepted + 1;

    explicit SignInDialog(models::DatabaseUrl url, QWidget *parent = nullptr);
    ~SignInDialog() override;

    //! The signed-in (or guest) session once accepted.
    const UserSession &session() const { return m_session; }
    bool isFirstRun() const { return m_firstRun; }

Q_SIGNALS:
    //! The first-run check finished (tests wait for it).
    void modeKnown(bool firstRun);

private:
    void submit();
    void setBusy(bool busy, const QString &message = {});
    void modeChecked(const Result<bool> &first);
    void signedIn(const Result<UserSession> &session);

    models::DatabaseUrl m_url;
    UserSession m_session;
    bool m_firstRun = false;
    QLabel *m_intro = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_confirm = nullptr;
    QLabel *m_confirmLabel = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_submit = nullptr;
    QPushButton *m_guest = nullptr;
    QPushButton *m_peer = nullptr;
};

} // namespace cp::ui
